//! Reading one membership.

use diesel::prelude::*;

use super::types::Membership;
use crate::db::schema::{cities, memberships, networks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::types::utc;

type Row = (
    i32,
    i64,
    String,
    String,
    String,
    String,
    Option<i32>,
    Option<chrono::NaiveDate>,
    Option<i32>,
    Option<String>,
    Option<String>,
    chrono::NaiveDateTime,
    chrono::NaiveDateTime,
    Option<chrono::NaiveDateTime>,
);

/// A membership by id: public ones (the membership, its city and network not archived), or
/// archived memberships when `archived` is true.
pub fn find(conn: &mut DbConnection, id: i64, archived: bool) -> Result<Membership, ApiError> {
    find_versioned(conn, id, archived).map(|(membership, _)| membership)
}

/// A membership and its row version, read in one statement, for writes guarded by that
/// version.
pub fn find_versioned(
    conn: &mut DbConnection,
    id: i64,
    archived: bool,
) -> Result<(Membership, i32), ApiError> {
    let query = memberships::table
        .inner_join(cities::table)
        .inner_join(networks::table)
        .filter(memberships::id.eq(id))
        .filter(cities::archived_at.is_null())
        .filter(networks::archived_at.is_null())
        .into_boxed::<MultiBackend>();
    let query = if archived {
        query.filter(memberships::archived_at.is_not_null())
    } else {
        query.filter(memberships::archived_at.is_null())
    };
    let row: Row = query
        .select((
            memberships::version,
            memberships::id,
            cities::slug,
            networks::slug,
            memberships::role,
            memberships::status,
            memberships::joined_year,
            memberships::joined_on,
            memberships::left_year,
            memberships::source_url,
            memberships::note,
            memberships::created_at,
            memberships::updated_at,
            memberships::archived_at,
        ))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no membership with id {id}")))?;
    let membership = Membership {
        id: row.1,
        city: row.2,
        network: row.3,
        role: row.4,
        status: row.5,
        joined_year: row.6,
        joined_on: row.7,
        left_year: row.8,
        source_url: row.9,
        note: row.10,
        created_at: utc(row.11),
        updated_at: utc(row.12),
        archived_at: row.13.map(utc),
    };
    Ok((membership, row.0))
}
