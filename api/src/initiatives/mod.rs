//! Initiatives: programmes that cities take part in without becoming members of a network (the
//! EEF "National Platform Learning City" pilot areas), with their participating cities and
//! sources. `GET /initiatives`, `GET /initiatives/{slug}`.

pub mod queries;
pub mod routes;
pub mod types;
