pub mod aggregate;
pub mod published_scores;
pub mod queries;
pub mod results;
pub mod routes;
pub mod types;
pub mod writes;
