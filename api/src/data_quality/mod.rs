//! The data-quality workspace of the secretariat: `GET /data-quality` lists what is missing or
//! doubtful in the public records (missing Thai names, coordinates, descriptions or sources;
//! unverified records; memberships whose quoted source does not name the city; near-duplicate
//! city names), each with where to read and edit the record.

pub mod names;
mod queries;
pub mod routes;
pub mod types;
