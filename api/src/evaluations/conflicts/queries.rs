//! Reading conflicts of interest, and whether an evaluator has one with a city.

use diesel::prelude::*;

use super::types::{Conflict, ConflictRow};
use crate::db::schema::{audit_log, cities, conflicts, users};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::evaluations::Viewer;
use crate::listing::CountedRows;
use crate::pagination::{paginate, Cursor, SortKey};

/// The conflicts the viewer may see (staff: all; an evaluator: their own), oldest first.
pub fn list_conflicts(
    conn: &mut DbConnection,
    viewer: Viewer,
    limit: i64,
    cursor: Option<&Cursor>,
) -> CountedRows<Conflict> {
    let mine = |q: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<conflicts::table, cities::table>,
        MultiBackend,
    >| match viewer {
        Viewer::Evaluator(id) => q.filter(conflicts::evaluator_id.eq(id)),
        Viewer::Staff => q,
    };
    let total: i64 = mine(conflicts::table.inner_join(cities::table).into_boxed())
        .count()
        .get_result(conn)?;
    let base = mine(conflicts::table.inner_join(cities::table).into_boxed());
    let after = match cursor.map(|c| &c.id) {
        Some(SortKey::Int(i)) => *i,
        Some(SortKey::Text(_)) => {
            return Err(ApiError::InvalidCursor(
                "the cursor does not fit this list".to_owned(),
            ))
        }
        None => 0,
    };
    let rows: Vec<ConflictRow> = base
        .filter(conflicts::id.gt(after))
        .order_by(conflicts::id.asc())
        .limit(limit + 1)
        .select(ConflictRow::as_select())
        .load(conn)?;
    let (rows, next_cursor) = paginate(rows, limit, "conflicts", "id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((
        rows.into_iter().map(Into::into).collect(),
        next_cursor,
        total,
    ))
}

/// Whether `evaluator` has a conflict with `city`: a declared one, or having written to the
/// city's record (as its editor, for example). Returns the reason.
pub fn conflict_with(
    conn: &mut DbConnection,
    evaluator: i64,
    city: i64,
) -> Result<Option<String>, ApiError> {
    let declared: Option<String> = conflicts::table
        .filter(conflicts::evaluator_id.eq(evaluator))
        .filter(conflicts::city_id.eq(city))
        .select(conflicts::reason)
        .first(conn)
        .optional()?;
    if let Some(reason) = declared {
        return Ok(Some(format!("declared conflict: {reason}")));
    }
    let edits: i64 = audit_log::table
        .filter(audit_log::actor_user_id.eq(evaluator))
        .filter(audit_log::entity.eq("city"))
        .filter(audit_log::entity_id.eq(city.to_string()))
        .count()
        .get_result(conn)?;
    let editor: i64 = users::table
        .filter(users::id.eq(evaluator))
        .filter(users::city_id.eq(city))
        .count()
        .get_result(conn)?;
    Ok((edits > 0 || editor > 0).then(|| "the evaluator edits this city's record".to_owned()))
}
