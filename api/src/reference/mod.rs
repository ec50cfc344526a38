//! Reference data: countries (ISO 3166-1) and Thai provinces (ISO 3166-2:TH).

mod queries;
pub mod routes;
pub mod types;
