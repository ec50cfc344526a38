//! Reading cycles with their categories and, once published, their winners. Drafts are
//! visible to staff only.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{CategoryResult, Cycle, CycleRow, CycleStatus, ResultCity, WinnerRow};
use crate::awards::categories::{queries::of_cycles, types::Category};
use crate::awards::nominations::types::NominationStatus;
use crate::awards::Reader;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, frameworks, nominations,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::types::{optional_localized, utc, Localized};

fn cycle_query(
    reader: Reader,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<award_cycles::table, award_programmes::table>,
    MultiBackend,
> {
    let query = award_cycles::table
        .inner_join(award_programmes::table)
        .into_boxed();
    if reader == Reader::Staff {
        query
    } else {
        query.filter(award_cycles::status.ne(CycleStatus::Draft))
    }
}

/// Builds cycles with their categories and, for published ones, their winners: three queries.
fn to_cycles(conn: &mut DbConnection, rows: Vec<CycleRow>) -> Result<Vec<Cycle>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let categories = of_cycles(conn, ids.clone())?;
    let published: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == CycleStatus::Published)
        .map(|r| r.id)
        .collect();
    let winners: Vec<WinnerRow> = nominations::table
        .inner_join(award_categories::table)
        .inner_join(cities::table)
        .filter(nominations::cycle_id.eq_any(published))
        .filter(nominations::status.eq(NominationStatus::Winner))
        .filter(cities::archived_at.is_null())
        .order_by((cities::name_sort.asc(), cities::id.asc()))
        .select(WinnerRow::as_select())
        .load(conn)?;
    let mut framework_of: HashMap<i64, String> = award_cycles::table
        .inner_join(frameworks::table)
        .filter(award_cycles::id.eq_any(ids))
        .select((award_cycles::id, frameworks::slug))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut categories_by_cycle: HashMap<i64, Vec<Category>> = HashMap::new();
    for row in categories {
        categories_by_cycle
            .entry(row.cycle_id)
            .or_default()
            .push(Category::from(row));
    }
    let mut winners_by_category: HashMap<String, Vec<ResultCity>> = HashMap::new();
    for w in winners {
        winners_by_category
            .entry(w.category)
            .or_default()
            .push(ResultCity {
                slug: w.city,
                name: Localized::new(w.name_en, w.name_th),
                country: w.country,
            });
    }
    let mut cycles: Vec<Cycle> = rows
        .into_iter()
        .map(|r| {
            let categories = categories_by_cycle.remove(&r.id).unwrap_or_default();
            let results: Option<Vec<CategoryResult>> =
                (r.status == CycleStatus::Published).then(|| {
                    categories
                        .iter()
                        .map(|cat| CategoryResult {
                            category: cat.slug.clone(),
                            winners: winners_by_category.remove(&cat.slug).unwrap_or_default(),
                        })
                        .collect()
                });
            let recorded_winners = results.as_ref().map(|results| {
                results
                    .iter()
                    .map(|r| i64::try_from(r.winners.len()).unwrap_or(i64::MAX))
                    .sum()
            });
            Cycle {
                id: r.id,
                programme: r.programme,
                year: r.year,
                title: Localized::new(r.title_en, r.title_th),
                status: r.status,
                nominations_open_on: r.nominations_open_on,
                nominations_close_on: r.nominations_close_on,
                ceremony_on: r.ceremony_on,
                ceremony: optional_localized(r.ceremony_en, r.ceremony_th),
                summary: optional_localized(r.summary_en, r.summary_th),
                criteria: r
                    .criteria
                    .and_then(|c| serde_json::from_str(&c).ok())
                    .unwrap_or_default(),
                framework: framework_of.remove(&r.id),
                source_url: r.source_url,
                published_at: r.published_at.map(utc),
                categories,
                results,
                announced_winners: r.announced_winners,
                recorded_winners,
                provenance: Provenance::default(),
                created_at: utc(r.created_at),
                updated_at: utc(r.updated_at),
            }
        })
        .collect();
    provenance::queries::attach(conn, &mut cycles)?;
    Ok(cycles)
}

/// Filters of the cycle list.
#[derive(Debug, Default, Clone)]
pub struct CycleFilters {
    pub programme: Option<String>,
    pub year: Option<i32>,
    pub status: Option<CycleStatus>,
}

/// Cycles, newest year first.
pub fn list_cycles(
    conn: &mut DbConnection,
    reader: Reader,
    f: &CycleFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Cycle>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = cycle_query(reader);
        if let Some(p) = &f.programme {
            q = q.filter(award_programmes::slug.eq(p.clone()));
        }
        if let Some(y) = f.year {
            q = q.filter(award_cycles::year.eq(y));
        }
        if let Some(s) = f.status {
            q = q.filter(award_cycles::status.eq(s));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql(
            "CAST(award_cycles.year AS BIGINT)",
            "award_cycles.id",
            true,
        ))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(
            "CAST(award_cycles.year AS BIGINT)",
            "award_cycles.id",
            true,
            c,
        ));
    }
    let rows = query.select(CycleRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-cycles", "-year", |r| {
        (SortKey::Int(i64::from(r.year)), SortKey::Int(r.id))
    });
    Ok((to_cycles(conn, rows)?, next, total))
}

/// A cycle by id with its row version.
pub fn get_cycle(
    conn: &mut DbConnection,
    id: i64,
    reader: Reader,
) -> Result<(Cycle, i32), ApiError> {
    let row = cycle_query(reader)
        .filter(award_cycles::id.eq(id))
        .select(CycleRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no award cycle {id}")))?;
    let version = row.version;
    let cycle = to_cycles(conn, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("cycle vanished".to_owned()))?;
    Ok((cycle, version))
}
