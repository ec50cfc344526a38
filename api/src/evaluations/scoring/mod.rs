//! Scoring: assignments (with conflict-of-interest checks), evaluations and their scores, and
//! the steps of an evaluation's life cycle.

mod input;
pub mod life_cycle;
pub mod queries;
pub mod routes;
pub mod types;
mod writes;
