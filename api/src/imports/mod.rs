//! Bulk import: the secretariat loads the rows it keeps in spreadsheets (cities, memberships, a
//! network's census) from CSV or `.xlsx`, previews what would change with a dry run, then
//! applies the file in one transaction, recorded as one audit entry.

mod columns;
mod kinds;
pub mod routes;
mod run;
mod sheet;
pub mod types;

/// The largest import file accepted, in bytes (app data of the server).
#[derive(Debug, Clone, Copy)]
pub struct ImportLimit(pub usize);
