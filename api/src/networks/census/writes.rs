//! Adding and changing census entries inside the caller's transaction; the caller records the
//! audit entry (entity `network_census`).

use diesel::prelude::*;

use super::input::CensusChanges;
use super::types::{CensusEntry, CensusRow};
use crate::db::schema::network_census;
use crate::db::{now, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::provenance::{self, Entity};

/// A census entry by id, with its sources.
pub fn find(conn: &mut DbConnection, id: i64) -> Result<CensusEntry, ApiError> {
    let row: CensusRow = network_census::table
        .find(id)
        .select(CensusRow::as_select())
        .first(conn)?;
    let mut entry = [CensusEntry::from(row)];
    provenance::queries::attach(conn, &mut entry)?;
    let [entry] = entry;
    Ok(entry)
}

fn count(patch: crate::input::Patch<i64>) -> Option<Option<i32>> {
    patch
        .into_change()
        .map(|v| v.and_then(|n| i32::try_from(n).ok()))
}

/// Adds a census entry to the network `network_id`; its date must be new for the network.
pub fn insert(
    conn: &mut DbConnection,
    network_id: i64,
    ch: CensusChanges,
) -> Result<CensusEntry, ApiError> {
    let Some(as_of) = ch.as_of.set() else {
        return Err(ApiError::field("as_of", "is required"));
    };
    let taken: i64 = network_census::table
        .filter(network_census::network_id.eq(network_id))
        .filter(network_census::as_of.eq(as_of))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(ApiError::conflict(
            "duplicate",
            format!("the network already has a census entry for {as_of}"),
        ));
    }
    let at = now();
    let id: i64 = diesel::insert_into(network_census::table)
        .values((
            network_census::network_id.eq(network_id),
            network_census::as_of.eq(as_of),
            network_census::members.eq(count(ch.members).flatten()),
            network_census::countries.eq(count(ch.countries).flatten()),
            network_census::new_members.eq(count(ch.new_members).flatten()),
            network_census::new_countries.eq(count(ch.new_countries).flatten()),
            network_census::note.eq(ch.note.set()),
            network_census::created_at.eq(at),
            network_census::updated_at.eq(at),
        ))
        .returning(network_census::id)
        .get_result(conn)?;
    provenance::writes::apply(conn, Entity::NetworkCensus, id, ch.provenance)?;
    find(conn, id)
}

#[derive(AsChangeset)]
#[diesel(table_name = network_census)]
struct CensusChangeset {
    members: Option<Option<i32>>,
    countries: Option<Option<i32>>,
    new_members: Option<Option<i32>>,
    new_countries: Option<Option<i32>>,
    note: Option<Option<String>>,
    updated_at: chrono::NaiveDateTime,
}

/// Changes the census entry `id` (not its date); answers it before and after.
pub fn change(
    conn: &mut DbConnection,
    id: i64,
    ch: CensusChanges,
) -> Result<(CensusEntry, CensusEntry), ApiError> {
    let before = find(conn, id)?;
    if matches!(&ch.as_of, crate::input::Patch::Set(d) if *d != before.as_of) {
        return Err(ApiError::Validation(vec![FieldError::new(
            "as_of",
            "the date names the entry and cannot be changed",
        )]));
    }
    let changes = CensusChangeset {
        members: count(ch.members),
        countries: count(ch.countries),
        new_members: count(ch.new_members),
        new_countries: count(ch.new_countries),
        note: ch.note.into_change(),
        updated_at: now(),
    };
    diesel::update(network_census::table.find(id))
        .set((
            &changes,
            network_census::version.eq(network_census::version + 1),
        ))
        .execute(conn)?;
    provenance::writes::apply(conn, Entity::NetworkCensus, id, ch.provenance)?;
    let after = find(conn, id)?;
    Ok((before, after))
}
