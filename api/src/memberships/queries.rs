//! Reading one membership.

use diesel::prelude::*;

use super::types::Membership;
use crate::db::schema::{cities, memberships, networks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::types::utc;

type Row = (
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
    Ok(Membership {
        id: row.0,
        city: row.1,
        network: row.2,
        role: row.3,
        status: row.4,
        joined_year: row.5,
        joined_on: row.6,
        left_year: row.7,
        source_url: row.8,
        note: row.9,
        created_at: utc(row.10),
        updated_at: utc(row.11),
        archived_at: row.12.map(utc),
    })
}
