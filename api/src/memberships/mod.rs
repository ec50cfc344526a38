//! Memberships of cities in networks as records of their own: read one, create, update,
//! archive and restore.

pub mod input;
mod queries;
pub mod routes;
pub mod types;
pub mod writes;
