//! Monitoring rounds: cities of a year evaluated against a framework, then published.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
