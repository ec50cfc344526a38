//! Open data: whole-list downloads (CSV and NDJSON), the statistics, the bulk dataset and the
//! feed of changes.

pub mod changes;
pub mod datasets;
pub mod export;
pub mod stats;
