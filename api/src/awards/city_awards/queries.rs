//! Reading the published awards of a public city.

use diesel::prelude::*;

use super::types::{CityAward, CityAwardRow};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{award_categories, award_cycles, award_programmes, cities, nominations};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance;

/// The published awards of a public city, newest first.
pub fn city_awards(
    conn: &mut DbConnection,
    slug: &str,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<CityAward>, Option<String>, i64), ApiError> {
    let city: i64 = cities::table
        .filter(cities::slug.eq(slug))
        .filter(cities::archived_at.is_null())
        .select(cities::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no city with slug `{slug}`")))?;
    let filtered = || {
        nominations::table
            .inner_join(award_categories::table)
            .inner_join(award_cycles::table.inner_join(award_programmes::table))
            .filter(nominations::city_id.eq(city))
            .filter(nominations::status.eq(NominationStatus::Winner))
            .filter(award_cycles::status.eq(CycleStatus::Published))
            .into_boxed::<MultiBackend>()
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let key = "CAST(award_cycles.year AS BIGINT)";
    let mut query = filtered()
        .order_by(order_sql(key, "nominations.id", true))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(key, "nominations.id", true, c));
    }
    let rows = query.select(CityAwardRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "city-awards", "-year", |r| {
        (SortKey::Int(i64::from(r.year)), SortKey::Int(r.id))
    });
    let mut awards: Vec<CityAward> = rows.into_iter().map(CityAward::from).collect();
    provenance::queries::attach(conn, &mut awards)?;
    Ok((awards, next, total))
}
