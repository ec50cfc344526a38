//! HTTP plumbing every operation shares: conditional reads and caching headers, the kept
//! response cache, security headers, the answers for unmatched paths, the served web app and
//! the served manual.

pub mod caching;
pub mod etag;
pub mod fallback;
pub mod manual;
pub mod response_cache;
pub mod security;
pub mod spa;
