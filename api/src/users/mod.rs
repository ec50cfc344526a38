//! User accounts: admin endpoints and the `user add` command.

mod queries;
pub mod routes;
pub mod types;
pub mod writes;
