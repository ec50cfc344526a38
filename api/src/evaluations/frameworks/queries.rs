//! Reading frameworks with their criteria.

use diesel::prelude::*;

use super::types::{Framework, FrameworkRow};
use crate::db::schema::frameworks;
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::evaluations::tree::tree;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

/// Frameworks by family and version.
pub fn list_frameworks(
    conn: &mut DbConnection,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Framework>, Option<String>, i64), ApiError> {
    let total: i64 = frameworks::table.count().get_result(conn)?;
    let mut q = frameworks::table
        .into_boxed::<MultiBackend>()
        .order_by(order_sql("frameworks.slug", "frameworks.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        q = q.filter(after_cursor("frameworks.slug", "frameworks.id", false, c));
    }
    let rows: Vec<FrameworkRow> = q.select(FrameworkRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "frameworks", "slug", |r| {
        (SortKey::Text(r.slug.clone()), SortKey::Int(r.id))
    });
    Ok((
        rows.into_iter().map(|r| r.into_framework(None)).collect(),
        next,
        total,
    ))
}

/// A framework with its criteria.
pub fn get_framework(conn: &mut DbConnection, slug: &str) -> Result<Framework, ApiError> {
    let row = frameworks::table
        .filter(frameworks::slug.eq(slug))
        .select(FrameworkRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no framework `{slug}`")))?;
    let tree = tree(conn, row.id)?;
    Ok(row.into_framework(Some(tree.criteria)))
}
