//! Award cycles: the editions of a programme, their stages from draft to published, and their
//! published results.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
