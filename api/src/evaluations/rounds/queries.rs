//! Reading monitoring rounds.

use diesel::prelude::*;

use super::types::{Round, RoundRow};
use crate::db::schema::{frameworks, monitoring_rounds};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::listing::CountedRows;
use crate::pagination::{paginate, Cursor, SortKey};

/// Rounds in creation order after `cursor`, with the number of rounds.
pub fn list_rounds(
    conn: &mut DbConnection,
    limit: i64,
    cursor: Option<&Cursor>,
) -> CountedRows<Round> {
    let total: i64 = monitoring_rounds::table.count().get_result(conn)?;
    let after = match cursor {
        Some(c) => match c.id {
            SortKey::Int(i) => i,
            SortKey::Text(_) => {
                return Err(ApiError::InvalidCursor(
                    "the cursor does not fit this list".to_owned(),
                ))
            }
        },
        None => 0,
    };
    let rows: Vec<RoundRow> = monitoring_rounds::table
        .inner_join(frameworks::table)
        .filter(monitoring_rounds::id.gt(after))
        .order_by(monitoring_rounds::id.asc())
        .limit(limit + 1)
        .select(RoundRow::as_select())
        .load(conn)?;
    let (rows, next_cursor) = paginate(rows, limit, "rounds", "id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((
        rows.into_iter().map(Into::into).collect(),
        next_cursor,
        total,
    ))
}
