//! Networks of learning cities and their member lists.

pub mod census;
mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
