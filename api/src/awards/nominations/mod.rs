//! Nominations: cities nominated into the categories of a cycle, withdrawals, and the
//! secretariat's decisions. Never public; the public sees winners in published results.

mod input;
pub mod queries;
pub mod routes;
pub mod types;
pub(in crate::awards) mod writes;
