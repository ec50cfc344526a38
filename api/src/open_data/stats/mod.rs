//! Statistics for dashboards and analysts, each as JSON `{"items": [...]}` or CSV
//! (`format=csv`): overview counts, membership growth per network and year, cities by country
//! and by Thai region, and awards by country, programme and category. Published data only.

mod queries;
pub mod routes;
pub mod types;
