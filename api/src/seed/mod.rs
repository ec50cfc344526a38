//! Loads the real reference data shipped in `api/seed-data/` (compiled into the binary, so the
//! service reads nothing outside its own database at run time). See `api/seed-data/SOURCES.md`.
//! On request, [`demo`] and [`synthetic`] add made-up data that is labelled as such.

mod awards;
pub mod demo;
mod documents;
mod evaluation_frameworks;
mod events;
mod networks;
mod organisations;
mod reference;
mod stewardship;
pub mod synthetic;

use diesel::prelude::*;

use crate::db::schema::{award_programmes, cities, countries, frameworks, seed_parts};
use crate::db::DbConnection;
use synthetic::Outcome;

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
    /// Award cycles inserted.
    pub award_cycles: usize,
    /// Recorded awards (winning nominations) inserted.
    pub awards: usize,
    /// Evaluation criteria inserted.
    pub criteria: usize,
    /// Sources attached to seeded records.
    pub sources: usize,
    /// Organisations inserted.
    pub organisations: usize,
    /// Events inserted.
    pub events: usize,
}

impl SeedReport {
    /// True when the database already held the reference data and nothing was written.
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

/// Loads the reference data, in one transaction. Each part (reference data and networks;
/// awards; frameworks; stewardship: sources, census, corrections; organisations; events) is loaded only into a
/// database that does not have it yet, so a database created by an older release gets the
/// parts added since.
pub fn seed_reference(conn: &mut DbConnection) -> Result<SeedReport, String> {
    conn.transaction(|conn| {
        let mut report = SeedReport::default();
        let present: i64 = countries::table.count().get_result(conn)?;
        if present == 0 {
            report.countries = reference::countries(conn)?;
            report.provinces = reference::provinces(conn)?;
            report.networks = networks::networks(conn)?;
            let (cities, memberships) = networks::gnlc_members(conn)?;
            report.cities = cities;
            report.memberships = memberships;
        }
        let programmes: i64 = award_programmes::table.count().get_result(conn)?;
        if programmes == 0 {
            let cities_before: i64 = cities::table.count().get_result(conn)?;
            let (cycles, awards) = awards::awards(conn)?;
            let cities_after: i64 = cities::table.count().get_result(conn)?;
            report.award_cycles = cycles;
            report.awards = awards;
            report.cities += usize::try_from(cities_after - cities_before).unwrap_or_default();
        }
        let frameworks: i64 = frameworks::table.count().get_result(conn)?;
        if frameworks == 0 {
            report.criteria = evaluation_frameworks::frameworks(conn)?;
        }
        if !part_applied(conn, stewardship::PART)? {
            report.sources = stewardship::apply(conn)?;
        }
        if !part_applied(conn, organisations::PART)? {
            report.organisations = organisations::apply(conn)?;
        }
        if !part_applied(conn, events::PART)? {
            report.events = events::apply(conn)?;
        }
        Ok(report)
    })
    .map_err(|e: SeedError| e.to_string())
}

/// Whether the database has had the reference-data part `name` (see `seed_parts`).
fn part_applied(conn: &mut DbConnection, name: &str) -> Result<bool, SeedError> {
    let found: i64 = seed_parts::table
        .filter(seed_parts::name.eq(name))
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// Loads the labelled demo cycle (synthetic data) in one transaction, unless it is there;
/// returns the number of demo evaluations created.
pub fn seed_demo(conn: &mut DbConnection, password_hash: &str) -> Result<usize, String> {
    conn.transaction(|conn| demo::demo(conn, password_hash))
        .map_err(|e: SeedError| e.to_string())
}

/// Loads the synthetic benchmark data set in one transaction, unless it is there.
pub fn seed_synthetic(
    conn: &mut DbConnection,
    sizes: synthetic::Sizes,
    password_hash: &str,
) -> Result<synthetic::Outcome, String> {
    let outcome = conn
        .transaction(|conn| synthetic::synthetic(conn, sizes, password_hash))
        .map_err(|e: SeedError| e.to_string())?;
    if let (Outcome::Loaded(_), DbConnection::Postgresql(pg)) = (&outcome, &mut *conn) {
        // Fresh statistics and visibility maps after a bulk load, as PostgreSQL advises: until
        // autovacuum gets to them, the planner would take the new tables for empty ones, and
        // could not count or page from the indexes alone (index-only scans).
        diesel::sql_query(
            "VACUUM (ANALYZE) cities, networks, memberships, users, frameworks, criteria, \
             award_programmes, award_cycles, award_categories, nominations, monitoring_rounds, \
             evaluations, scores",
        )
        .execute(pg)
        .map_err(|e| e.to_string())?;
    }
    Ok(outcome)
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

impl From<crate::error::ApiError> for SeedError {
    fn from(err: crate::error::ApiError) -> Self {
        SeedError::Data(err.to_string())
    }
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
