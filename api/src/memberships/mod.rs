//! Memberships of cities in networks as records of their own: read one, create, update,
//! archive and restore.

mod input;
mod queries;
pub mod routes;
pub mod types;
mod writes;
