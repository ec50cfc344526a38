//! Networks of learning cities and their member lists.

mod queries;
pub mod routes;
pub mod types;
mod writes;
