//! Statistics for dashboards and analysts, each as JSON `{"items": [...]}` or CSV
//! (`format=csv`): overview counts, membership growth per network and year, cities by country
//! and by Thai region, awards by country, programme and category, and coverage (recorded against reported, and
//! how many records have each field). Published data only.

pub mod coverage;
mod queries;
pub mod routes;
pub mod types;
