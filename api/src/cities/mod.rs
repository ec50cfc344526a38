//! Cities: the public directory and city profiles with their network memberships.

mod queries;
pub mod routes;
pub mod types;
