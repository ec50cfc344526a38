//! Cities: the public directory and city profiles with their network memberships.

pub mod input;
pub mod queries;
pub mod routes;
pub mod types;
pub mod writes;
