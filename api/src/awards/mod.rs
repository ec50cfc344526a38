pub mod queries;
pub mod routes;
pub mod rules;
pub mod types;
pub mod writes;
