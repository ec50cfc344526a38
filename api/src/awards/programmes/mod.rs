//! Award programmes: who organises them, their eligibility rules and the years of their cycles.

pub mod queries;
pub mod routes;
pub mod types;
