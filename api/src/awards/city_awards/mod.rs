//! A city's awards (`GET /cities/{slug}/awards`): the winning nominations of published cycles,
//! public and exportable, unlike the nominations themselves.

pub mod queries;
pub mod routes;
pub mod types;
