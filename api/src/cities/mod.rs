//! Cities: the public directory and city profiles with their network memberships.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
