//! The reads of `GET /scores`: every published score, one row per evaluation and criterion, for analysts who
//! recompute or audit the published aggregates. "Published" is the rule of the rankings, the
//! city summaries and the area averages: a submitted or final evaluation of a published award
//! cycle or monitoring round, of a public (not archived) city. Evaluators are never named, and
//! comments and evidence links (which could name them) are left out.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{PublishedScore, ScoreFilters, ScoreRow};
use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    award_categories, award_cycles, cities, criteria, evaluations, frameworks, monitoring_rounds,
    nominations, scores,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::evaluations::rounds::types::RoundStatus;
use crate::evaluations::scoring::life_cycle::COUNTED;
use crate::listing::Rows;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

/// The list's name in cursors and download file names.
pub const LIST: &str = "scores";
/// Its one order: evaluation, then criterion (the scores table's primary key).
pub const SORT: &str = "evaluation";
/// Rows per step of a download: more than [`crate::open_data::export::CHUNK`], because this is the longest
/// list and every step is a query PostgreSQL plans anew (a third faster at 200,000 rows); a step
/// is still well under a megabyte, so memory stays flat.
pub const DOWNLOAD_STEP: i64 = 5_000;

/// The small tables a score row refers to, read once per request or download, so that the
/// row query joins only scores, evaluations, cities and nominations (quick to plan and to run).
struct Lookup {
    /// Published award cycles and their years.
    cycles: HashMap<i64, i32>,
    /// Published monitoring rounds and their years.
    rounds: HashMap<i64, i32>,
    /// Category slugs by id.
    categories: HashMap<i64, String>,
    /// Framework slugs by id.
    frameworks: HashMap<i64, String>,
    /// Criterion code and scale by id.
    criteria: HashMap<i64, (String, i32, i32)>,
}

impl Lookup {
    fn read(conn: &mut DbConnection) -> Result<Lookup, ApiError> {
        let cycles: HashMap<i64, i32> = award_cycles::table
            .filter(award_cycles::status.eq(CycleStatus::Published))
            .select((award_cycles::id, award_cycles::year))
            .load(conn)?
            .into_iter()
            .collect();
        let rounds = monitoring_rounds::table
            .filter(monitoring_rounds::status.eq(RoundStatus::Published))
            .select((monitoring_rounds::id, monitoring_rounds::year))
            .load(conn)?
            .into_iter()
            .collect();
        let categories = award_categories::table
            .filter(award_categories::cycle_id.eq_any(cycles.keys().copied().collect::<Vec<_>>()))
            .select((award_categories::id, award_categories::slug))
            .load(conn)?
            .into_iter()
            .collect();
        let frameworks = frameworks::table
            .select((frameworks::id, frameworks::slug))
            .load(conn)?
            .into_iter()
            .collect();
        let criteria = criteria::table
            .select((
                criteria::id,
                criteria::code,
                criteria::scale_min,
                criteria::scale_max,
            ))
            .load::<(i64, String, i32, i32)>(conn)?
            .into_iter()
            .map(|(id, code, min, max)| (id, (code, min, max)))
            .collect();
        Ok(Lookup {
            cycles,
            rounds,
            categories,
            frameworks,
            criteria,
        })
    }

    /// The filters as ids; `None` when they match nothing (an unknown framework or category).
    fn scope(&self, f: &ScoreFilters) -> Option<Scope> {
        let by_id = |slugs: &HashMap<i64, String>, wanted: &Option<String>| match wanted {
            None => Some(None),
            Some(w) => slugs.iter().find(|(_, s)| *s == w).map(|(id, _)| Some(*id)),
        };
        let framework = by_id(&self.frameworks, &f.framework)?;
        let category = by_id(&self.categories, &f.category)?;
        let year = |y: &i32| f.year.is_none_or(|wanted| wanted == *y);
        let mut cycles: Vec<i64> = self
            .cycles
            .iter()
            .filter(|(id, y)| year(y) && f.cycle.is_none_or(|c| c == **id))
            .filter(|_| f.award != Some(false) && f.round.is_none())
            .map(|(id, _)| *id)
            .collect();
        let mut rounds: Vec<i64> = self
            .rounds
            .iter()
            .filter(|(id, y)| year(y) && f.round.is_none_or(|r| r == **id))
            .filter(|_| f.award != Some(true) && f.cycle.is_none() && category.is_none())
            .map(|(id, _)| *id)
            .collect();
        cycles.sort_unstable();
        rounds.sort_unstable();
        Some(Scope {
            cycles,
            rounds,
            framework,
            category,
            city: f.city.clone(),
            country: f.country.clone(),
        })
    }

    fn row(&self, r: ScoreRow) -> PublishedScore {
        let (criterion, scale_min, scale_max) = self
            .criteria
            .get(&r.criterion_id)
            .cloned()
            .unwrap_or_default();
        let year = r
            .cycle_id
            .and_then(|c| self.cycles.get(&c))
            .or_else(|| r.round_id.and_then(|round| self.rounds.get(&round)));
        PublishedScore {
            evaluation_id: r.evaluation_id,
            context: if r.nomination_id.is_some() {
                "award"
            } else {
                "monitoring"
            }
            .to_owned(),
            cycle_id: r.cycle_id,
            category: r.category_id.and_then(|c| self.categories.get(&c).cloned()),
            nomination_id: r.nomination_id,
            round_id: r.round_id,
            year: year.copied().unwrap_or_default(),
            framework: self
                .frameworks
                .get(&r.framework_id)
                .cloned()
                .unwrap_or_default(),
            criterion,
            city: r.city,
            country: r.country,
            score: r.score,
            scale_min,
            scale_max,
        }
    }
}

/// The filters resolved to ids: the cycles and rounds whose evaluations count.
struct Scope {
    cycles: Vec<i64>,
    rounds: Vec<i64>,
    framework: Option<i64>,
    category: Option<i64>,
    city: Option<String>,
    country: Option<String>,
}

/// `$source` (evaluations, or scores joined with them) with their cities and nominations, boxed
/// for backend `$db` and narrowed to the counted evaluations of public cities in `$scope`.
macro_rules! scoped {
    ($source:expr, $scope:expr, $db:ty) => {{
        let s: &Scope = $scope;
        let mut q = $source
            .inner_join(cities::table.on(cities::id.eq(evaluations::city_id)))
            .left_join(
                nominations::table.on(nominations::id.nullable().eq(evaluations::nomination_id)),
            )
            .filter(evaluations::status.eq_any(COUNTED))
            .filter(cities::archived_at.is_null())
            .filter(
                nominations::cycle_id
                    .eq_any(s.cycles.clone())
                    .or(evaluations::round_id.eq_any(s.rounds.clone())),
            )
            .into_boxed::<$db>();
        if let Some(framework) = s.framework {
            q = q.filter(evaluations::framework_id.eq(framework));
        }
        if let Some(category) = s.category {
            q = q.filter(nominations::category_id.eq(category));
        }
        if let Some(city) = &s.city {
            q = q.filter(cities::slug.eq(city.clone()));
        }
        if let Some(country) = &s.country {
            q = q.filter(cities::country_code.eq(country.clone()));
        }
        q
    }};
}

/// The number of rows in scope, counted through the evaluations in scope (a covering scan of the
/// scores' key per evaluation instead of a join per score). A subquery boxed for the
/// multi-backend connection does not render, hence one arm per backend.
fn count_rows(conn: &mut DbConnection, scope: &Scope) -> Result<i64, ApiError> {
    macro_rules! count {
        ($c:expr, $db:ty) => {
            scores::table
                .filter(
                    scores::evaluation_id
                        .eq_any(scoped!(evaluations::table, scope, $db).select(evaluations::id)),
                )
                .count()
                .get_result::<i64>($c)?
        };
    }
    Ok(match conn {
        DbConnection::Postgresql(c) => count!(c, diesel::pg::Pg),
        DbConnection::Sqlite(c) => count!(c, diesel::sqlite::Sqlite),
    })
}

/// One page of rows in scope after `cursor`, and the next cursor.
fn page(
    conn: &mut DbConnection,
    lookup: &Lookup,
    scope: &Scope,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<PublishedScore>, Option<String>), ApiError> {
    let mut q = scoped!(
        scores::table.inner_join(evaluations::table),
        scope,
        MultiBackend
    )
    .order_by(order_sql(
        "scores.evaluation_id",
        "scores.criterion_id",
        false,
    ))
    .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        if let SortKey::Int(evaluation) = c.key {
            // Redundant with the keyset condition, but ranges PostgreSQL seeks both keys by.
            q = q
                .filter(scores::evaluation_id.ge(evaluation))
                .filter(evaluations::id.ge(evaluation));
        }
        q = q.filter(after_cursor(
            "scores.evaluation_id",
            "scores.criterion_id",
            false,
            c,
        ));
    }
    let rows: Vec<ScoreRow> = q.select(ScoreRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, LIST, SORT, |r| {
        (SortKey::Int(r.evaluation_id), SortKey::Int(r.criterion_id))
    });
    Ok((rows.into_iter().map(|r| lookup.row(r)).collect(), next))
}

/// One page of published scores matching `f` after `cursor`, the next cursor and the number
/// of matching rows.
pub fn list(
    conn: &mut DbConnection,
    f: &ScoreFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<PublishedScore>, Option<String>, i64), ApiError> {
    let lookup = Lookup::read(conn)?;
    let Some(scope) = lookup.scope(f) else {
        return Ok((Vec::new(), None, 0));
    };
    let total = count_rows(conn, &scope)?;
    let (items, next) = page(conn, &lookup, &scope, limit, cursor)?;
    Ok((items, next, total))
}

/// The steps of a download of every published score matching `f`; the small tables are read
/// once, at the first step.
pub fn steps(
    f: ScoreFilters,
) -> impl FnMut(&mut DbConnection, i64, Option<&Cursor>) -> Rows<PublishedScore> + Send + 'static {
    let mut resolved: Option<(Lookup, Option<Scope>)> = None;
    move |conn, rows, cursor| {
        let (lookup, scope) = match &mut resolved {
            Some(done) => done,
            slot => {
                let lookup = Lookup::read(conn)?;
                let scope = lookup.scope(&f);
                slot.insert((lookup, scope))
            }
        };
        match scope {
            Some(scope) => page(conn, lookup, scope, rows, cursor),
            None => Ok((Vec::new(), None)),
        }
    }
}
