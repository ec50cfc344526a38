//! Reading categories: the list, one by slug, and those of given cycles (for the cycles).

use diesel::prelude::*;

use super::types::{Category, CategoryRow};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::Reader;
use crate::db::schema::{award_categories, award_cycles, award_programmes};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

fn category_query(
    reader: Reader,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        award_categories::table,
        diesel::dsl::InnerJoin<award_cycles::table, award_programmes::table>,
    >,
    MultiBackend,
> {
    let query = award_categories::table
        .inner_join(award_cycles::table.inner_join(award_programmes::table))
        .into_boxed();
    if reader == Reader::Staff {
        query
    } else {
        query.filter(award_cycles::status.ne(CycleStatus::Draft))
    }
}

/// The categories of the given cycles (drafts included), in their order within a cycle.
pub(in crate::awards) fn of_cycles(
    conn: &mut DbConnection,
    cycles: Vec<i64>,
) -> Result<Vec<CategoryRow>, ApiError> {
    Ok(category_query(Reader::Staff)
        .filter(award_categories::cycle_id.eq_any(cycles))
        .order_by((award_categories::position.asc(), award_categories::id.asc()))
        .select(CategoryRow::as_select())
        .load(conn)?)
}

/// Categories, newest cycle first, in their order within a cycle.
pub fn list_categories(
    conn: &mut DbConnection,
    reader: Reader,
    programme: Option<String>,
    cycle: Option<i64>,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Category>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = category_query(reader);
        if let Some(p) = &programme {
            q = q.filter(award_programmes::slug.eq(p.clone()));
        }
        if let Some(c) = cycle {
            q = q.filter(award_categories::cycle_id.eq(c));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    // One integer key: the cycle id descending, then the position, then the id.
    let key = "(award_categories.cycle_id * -1000000 + award_categories.position)";
    let mut query = filtered()
        .order_by(order_sql(key, "award_categories.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(key, "award_categories.id", false, c));
    }
    let rows = query.select(CategoryRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-categories", "cycle", |r| {
        (
            SortKey::Int(r.cycle_id * -1_000_000 + i64::from(r.position)),
            SortKey::Int(r.id),
        )
    });
    Ok((rows.into_iter().map(Category::from).collect(), next, total))
}

/// A category by slug.
pub fn get_category(
    conn: &mut DbConnection,
    slug: &str,
    reader: Reader,
) -> Result<Category, ApiError> {
    category_query(reader)
        .filter(award_categories::slug.eq(slug))
        .select(CategoryRow::as_select())
        .first(conn)
        .optional()?
        .map(Category::from)
        .ok_or_else(|| ApiError::NotFound(format!("no award category `{slug}`")))
}
