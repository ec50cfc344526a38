//! Published results: rankings of a cycle's category, a city's published results, area
//! averages and the published individual scores. Individual scores leave only through
//! [`published`], for analysts and staff, without evaluators' names.

pub mod published;
pub mod queries;
pub mod routes;
pub mod types;
