//! Declared conflicts of interest between evaluators and cities, which block assignments.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
