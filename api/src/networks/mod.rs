//! Networks of learning cities and their member lists.

mod input;
mod queries;
pub mod routes;
pub mod types;
mod writes;
