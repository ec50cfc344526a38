//! What every test module shares: fresh databases of either backend, the real server started on
//! one, HTTP helpers, the macros that run a test on both backends, seed data, and hand-made
//! access tokens.

#[macro_use]
mod backends;
mod data;
mod database;
mod http;
mod server;
pub mod tokens;

pub use data::{seed_json, seed_rows, slugs};
pub use database::{admin_url, Backend, EmptyDatabase};
pub use http::{enc, error_fields, Reply};
pub use server::{TestApp, ADMIN_PASSWORD, USER_PASSWORD};
