//! API keys for portals and analysts: issued by admin or secretariat, shown once, stored hashed.

pub mod routes;
pub mod types;
