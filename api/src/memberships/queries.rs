//! Reading one membership.

use diesel::prelude::*;

use super::types::Membership;
use crate::db::schema::{cities, memberships, networks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::provenance::{self, Entity};
use crate::types::utc;

/// A membership joined with its city's and network's slugs.
#[derive(Queryable)]
struct MembershipRow {
    version: i32,
    id: i64,
    city: String,
    network: String,
    role: MembershipRole,
    status: MembershipStatus,
    joined_year: Option<i32>,
    joined_on: Option<chrono::NaiveDate>,
    left_year: Option<i32>,
    source_url: Option<String>,
    note: Option<String>,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
    archived_at: Option<chrono::NaiveDateTime>,
}

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
    let row: MembershipRow = query
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
        id: row.id,
        city: row.city,
        network: row.network,
        role: row.role,
        status: row.status,
        joined_year: row.joined_year,
        joined_on: row.joined_on,
        left_year: row.left_year,
        source_url: row.source_url,
        note: row.note,
        provenance: provenance::queries::of(conn, &[(Entity::Membership, &[row.id])])?
            .remove(&(Entity::Membership, row.id))
            .unwrap_or_default(),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        archived_at: row.archived_at.map(utc),
    };
    Ok((membership, row.version))
}
