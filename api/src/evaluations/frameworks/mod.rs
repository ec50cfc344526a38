//! Evaluation frameworks and their criteria; a change to a frozen framework creates a new
//! version.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
