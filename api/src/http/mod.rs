//! HTTP plumbing every operation shares: conditional reads and caching headers, the kept
//! response cache, security headers, the answers for unmatched paths and the served web app.

pub mod caching;
pub mod etag;
pub mod fallback;
pub mod response_cache;
pub mod security;
pub mod spa;
