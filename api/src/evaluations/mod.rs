pub mod aggregate;
pub mod queries;
pub mod results;
pub mod routes;
pub mod types;
pub mod writes;
