//! Reads the provenance of records, many at a time and of several kinds at once.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{Entity, Provenance, Source, Sourced};
use crate::db::schema::{sources, unverified};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;

/// A record: its kind and id.
pub type RecordKey = (Entity, i64);

/// The provenance of the records named by kind and ids, in two queries whatever their number;
/// records without sources or marks are left out of the map. A single record is named with `=`,
/// which keeps the statement prepared on the connection.
pub fn of(
    conn: &mut DbConnection,
    wanted: &[(Entity, &[i64])],
) -> Result<HashMap<RecordKey, Provenance>, ApiError> {
    let mut found: HashMap<RecordKey, Provenance> = HashMap::new();
    let wanted: Vec<&(Entity, &[i64])> = wanted.iter().filter(|(_, ids)| !ids.is_empty()).collect();
    if wanted.is_empty() {
        return Ok(found);
    }
    let mut query = sources::table.into_boxed::<MultiBackend>();
    let mut marks = unverified::table.into_boxed::<MultiBackend>();
    for (i, (entity, ids)) in wanted.iter().enumerate() {
        let (entity, ids) = (*entity, *ids);
        query = match (i, ids) {
            (0, [one]) => query.filter(sources::entity.eq(entity).and(sources::entity_id.eq(*one))),
            (0, many) => query.filter(
                sources::entity
                    .eq(entity)
                    .and(sources::entity_id.eq_any(many)),
            ),
            (_, [one]) => {
                query.or_filter(sources::entity.eq(entity).and(sources::entity_id.eq(*one)))
            }
            (_, many) => query.or_filter(
                sources::entity
                    .eq(entity)
                    .and(sources::entity_id.eq_any(many)),
            ),
        };
        let mark = unverified::entity
            .eq(entity)
            .and(unverified::entity_id.eq_any(ids));
        marks = if i == 0 {
            marks.filter(mark)
        } else {
            marks.or_filter(mark)
        };
    }
    let rows: Vec<(Entity, i64, Source)> = query
        .order((sources::entity, sources::entity_id, sources::position))
        .select((sources::entity, sources::entity_id, Source::as_select()))
        .load(conn)?;
    for (entity, id, source) in rows {
        found.entry((entity, id)).or_default().sources.push(source);
    }
    let marked: Vec<(Entity, i64, String)> = marks
        .select((
            unverified::entity,
            unverified::entity_id,
            unverified::reason,
        ))
        .load(conn)?;
    for (entity, id, reason) in marked {
        let provenance = found.entry((entity, id)).or_default();
        provenance.verified = false;
        provenance.unverified_reason = Some(reason);
    }
    Ok(found)
}

/// Puts their provenance on every record of a page or list (two queries).
pub fn attach<R: Sourced>(conn: &mut DbConnection, records: &mut [R]) -> Result<(), ApiError> {
    let ids: Vec<i64> = records.iter().map(Sourced::record_id).collect();
    let mut found = of(conn, &[(R::ENTITY, &ids)])?;
    for record in records {
        let provenance = found
            .remove(&(R::ENTITY, record.record_id()))
            .unwrap_or_default();
        record.set_provenance(provenance);
    }
    Ok(())
}
