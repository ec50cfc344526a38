//! Replaces a record's sources and sets or clears its unverified mark, inside the caller's
//! transaction (so they are audited with the record).

use diesel::prelude::*;

use super::input::ProvenanceChanges;
use super::types::{Entity, Source};
use crate::db::schema::{sources, unverified};
use crate::db::DbConnection;
use crate::error::ApiError;

/// Applies the provenance fields of a write to the record `id`: a given `sources` list
/// replaces the record's sources, `unverified_reason` marks it (`null` clears the mark).
pub fn apply(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    changes: ProvenanceChanges,
) -> Result<(), ApiError> {
    if let Some(list) = changes.sources {
        replace_sources(conn, entity, id, &list)?;
    }
    if let Some(reason) = changes.unverified_reason {
        mark(conn, entity, id, reason.as_deref())?;
    }
    Ok(())
}

/// Replaces every source of the record `id` with `list`, in its order.
pub fn replace_sources(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    list: &[Source],
) -> Result<(), ApiError> {
    diesel::delete(
        sources::table
            .filter(sources::entity.eq(entity))
            .filter(sources::entity_id.eq(id)),
    )
    .execute(conn)?;
    for (position, source) in list.iter().enumerate() {
        insert(
            conn,
            entity,
            id,
            i32::try_from(position).unwrap_or(i32::MAX),
            source,
        )?;
    }
    Ok(())
}

/// Adds `source` after the record's other sources.
pub fn append(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    source: &Source,
) -> Result<(), ApiError> {
    let last: Option<i32> = sources::table
        .filter(sources::entity.eq(entity))
        .filter(sources::entity_id.eq(id))
        .select(diesel::dsl::max(sources::position))
        .first(conn)?;
    insert(conn, entity, id, last.map_or(0, |p| p + 1), source)
}

fn insert(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    position: i32,
    source: &Source,
) -> Result<(), ApiError> {
    diesel::insert_into(sources::table)
        .values((
            sources::entity.eq(entity),
            sources::entity_id.eq(id),
            sources::position.eq(position),
            sources::url.eq(&source.url),
            sources::title.eq(&source.title),
            sources::publisher.eq(&source.publisher),
            sources::published_on.eq(source.published_on),
            sources::accessed_on.eq(source.accessed_on),
            sources::excerpt.eq(&source.excerpt),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the record `id` unverified for `reason`, or clears the mark (`None`).
pub fn mark(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    diesel::delete(
        unverified::table
            .filter(unverified::entity.eq(entity))
            .filter(unverified::entity_id.eq(id)),
    )
    .execute(conn)?;
    if let Some(reason) = reason {
        diesel::insert_into(unverified::table)
            .values((
                unverified::entity.eq(entity),
                unverified::entity_id.eq(id),
                unverified::reason.eq(reason),
            ))
            .execute(conn)?;
    }
    Ok(())
}
