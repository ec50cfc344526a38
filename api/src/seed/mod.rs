//! Loads the real reference data shipped in `api/seed-data/` (compiled into the binary, so the
//! service reads nothing outside its own database at run time). See `api/seed-data/SOURCES.md`.

mod networks;
mod reference;

use diesel::prelude::*;

use crate::db::schema::countries;
use crate::db::DbConnection;

/// What a seed run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// Countries inserted.
    pub countries: usize,
    /// Provinces inserted.
    pub provinces: usize,
    /// Networks inserted.
    pub networks: usize,
    /// Cities inserted.
    pub cities: usize,
    /// Memberships inserted.
    pub memberships: usize,
}

impl SeedReport {
    /// True when the database already held the reference data and nothing was written.
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

/// Loads the reference data into an empty database, in one transaction; does nothing when it is
/// already there.
pub fn seed_reference(conn: &mut DbConnection) -> Result<SeedReport, String> {
    conn.transaction(|conn| {
        let present: i64 = countries::table.count().get_result(conn)?;
        if present > 0 {
            return Ok(SeedReport::default());
        }
        let mut report = SeedReport {
            countries: reference::countries(conn)?,
            provinces: reference::provinces(conn)?,
            networks: networks::networks(conn)?,
            ..SeedReport::default()
        };
        let (cities, memberships) = networks::gnlc_members(conn)?;
        report.cities = cities;
        report.memberships = memberships;
        Ok(report)
    })
    .map_err(|e: SeedError| e.to_string())
}

/// A failure while seeding: bad shipped data or a database error.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The shipped data does not parse or is inconsistent.
    #[error("seed data: {0}")]
    Data(String),
    /// The database refused a write.
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

impl From<csv::Error> for SeedError {
    fn from(err: csv::Error) -> Self {
        SeedError::Data(err.to_string())
    }
}

/// Parses the rows of a shipped CSV file.
fn read_csv<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>, SeedError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(SeedError::from)
}
