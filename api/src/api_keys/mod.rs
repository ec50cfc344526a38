//! API keys for portals and analysts: issued by admin or secretariat, shown once, stored hashed.

mod input;
mod queries;
pub mod routes;
pub mod types;
mod writes;
