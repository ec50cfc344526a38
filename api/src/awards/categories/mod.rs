//! Award categories: the categories of each cycle (created with their cycle).

pub mod queries;
pub mod routes;
pub mod types;
