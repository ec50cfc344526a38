//! `GET /scores`: every published score, one row per evaluation and criterion, for analysts who
//! recompute or audit the published aggregates. "Published" is the rule of the rankings, the
//! city summaries and the area averages: a submitted or final evaluation of a published award
//! cycle or monitoring round, of a public (not archived) city. Evaluators are never named, and
//! comments and evidence links (which could name them) are left out.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::queries::COUNTED;
use crate::db::schema::{
    award_categories, award_cycles, cities, criteria, evaluations, frameworks, monitoring_rounds,
    nominations, scores,
};
use crate::db::{self, DbConnection, MultiBackend, ReadPool};
use crate::error::ApiError;
use crate::error::ListProblems;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::query::Checker;

/// One published score.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublishedScore {
    /// The evaluation (one evaluator's scoring of one city): the rows of one evaluation share
    /// it. The evaluator is not given.
    pub evaluation_id: i64,
    /// `award` (judging a nomination of a cycle) or `monitoring` (a city in a round).
    #[schema(example = "award")]
    pub context: String,
    /// The award cycle (`/award-cycles/{id}`), for `award`.
    pub cycle_id: Option<i64>,
    /// The award category's slug, for `award`.
    pub category: Option<String>,
    /// The nomination, as in the cycle's rankings, for `award`.
    pub nomination_id: Option<i64>,
    /// The monitoring round (`/monitoring-rounds`), for `monitoring`.
    pub round_id: Option<i64>,
    /// The cycle's or round's year.
    pub year: i32,
    /// The framework's slug (`/frameworks/{slug}`).
    #[schema(example = "kflc-v1")]
    pub framework: String,
    /// The scored criterion's code in that framework.
    #[schema(example = "1.2.3")]
    pub criterion: String,
    /// The city's slug (`/cities/{slug}`).
    #[schema(example = "phayao")]
    pub city: String,
    /// The city's country (ISO 3166-1 alpha-2).
    #[schema(example = "TH")]
    pub country: String,
    /// The score, on the criterion's scale.
    pub score: f64,
    /// Lowest score on the criterion's scale.
    pub scale_min: i32,
    /// Highest score on the criterion's scale.
    pub scale_max: i32,
}

crate::page_type!(
    /// A page of published scores.
    PublishedScorePage,
    PublishedScore
);

/// The CSV columns of `GET /scores`, in order.
pub const PUBLISHED_SCORE_COLUMNS: &[&str] = &[
    "evaluation_id",
    "context",
    "cycle_id",
    "category",
    "nomination_id",
    "round_id",
    "year",
    "framework",
    "criterion",
    "city",
    "country",
    "score",
    "scale_min",
    "scale_max",
];

/// Query parameters of `GET /scores`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PublishedScoreQuery {
    /// Only scores against this framework (slug).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub framework: Option<String>,
    /// Only this award cycle (id).
    #[param(value_type = Option<i64>, minimum = 1)]
    pub cycle: Option<String>,
    /// Only this award category (slug).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub category: Option<String>,
    /// Only this monitoring round (id).
    #[param(value_type = Option<i64>, minimum = 1)]
    pub round: Option<String>,
    /// Only award judging (`award`) or only monitoring (`monitoring`).
    #[param(value_type = Option<String>, pattern = "^(award|monitoring)$")]
    pub context: Option<String>,
    /// Only cycles and rounds of this year.
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2200)]
    pub year: Option<String>,
    /// Only this city (slug).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub city: Option<String>,
    /// Only cities of this country (ISO 3166-1 alpha-2).
    #[param(pattern = "^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// `csv` or `ndjson`: download every matching row, streamed, without the page limit
    /// (`limit` and `cursor` are then ignored). Also chosen by `Accept: text/csv` or
    /// `Accept: application/x-ndjson`. Default `json`: one page.
    #[param(value_type = Option<crate::open_data::export::ExportFormat>)]
    pub format: Option<String>,
    /// With CSV, `true` starts the file with a UTF-8 byte-order mark.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
}

/// Filters of the list.
#[derive(Debug, Default, Clone)]
pub struct ScoreFilters {
    pub framework: Option<String>,
    pub cycle: Option<i64>,
    pub category: Option<String>,
    pub round: Option<i64>,
    /// `Some(true)`: award judging only; `Some(false)`: monitoring only.
    pub award: Option<bool>,
    pub year: Option<i32>,
    pub city: Option<String>,
    pub country: Option<String>,
}

/// The list's name in cursors and download file names.
const LIST: &str = "scores";
/// Its one order: evaluation, then criterion (the scores table's primary key).
const SORT: &str = "evaluation";
/// Rows per step of a download: more than [`crate::open_data::export::CHUNK`], because this is the longest
/// list and every step is a query PostgreSQL plans anew (a third faster at 200,000 rows); a step
/// is still well under a megabyte, so memory stays flat.
const DOWNLOAD_STEP: i64 = 5_000;

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
            .filter(award_cycles::status.eq("published"))
            .select((award_cycles::id, award_cycles::year))
            .load(conn)?
            .into_iter()
            .collect();
        let rounds = monitoring_rounds::table
            .filter(monitoring_rounds::status.eq("published"))
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

    fn row(&self, r: Row) -> PublishedScore {
        let (evaluation_id, criterion_id, score, framework, nomination_id, round_id) = r.0;
        let (cycle_id, category, city, country) = r.1;
        let (criterion, scale_min, scale_max) = self
            .criteria
            .get(&criterion_id)
            .cloned()
            .unwrap_or_default();
        let year = cycle_id
            .and_then(|c| self.cycles.get(&c))
            .or_else(|| round_id.and_then(|r| self.rounds.get(&r)));
        PublishedScore {
            evaluation_id,
            context: if nomination_id.is_some() {
                "award"
            } else {
                "monitoring"
            }
            .to_owned(),
            cycle_id,
            category: category.and_then(|c| self.categories.get(&c).cloned()),
            nomination_id,
            round_id,
            year: year.copied().unwrap_or_default(),
            framework: self.frameworks.get(&framework).cloned().unwrap_or_default(),
            criterion,
            city,
            country,
            score,
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

type Row = (
    (i64, i64, f64, i64, Option<i64>, Option<i64>),
    (Option<i64>, Option<i64>, String, String),
);

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
    let rows: Vec<Row> = q
        .select((
            (
                scores::evaluation_id,
                scores::criterion_id,
                scores::score,
                evaluations::framework_id,
                evaluations::nomination_id,
                evaluations::round_id,
            ),
            (
                nominations::cycle_id.nullable(),
                nominations::category_id.nullable(),
                cities::slug,
                cities::country_code,
            ),
        ))
        .load(conn)?;
    let (rows, next) = paginate(rows, limit, LIST, SORT, |r| {
        (SortKey::Int(r.0 .0), SortKey::Int(r.0 .1))
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
fn download(f: ScoreFilters) -> crate::open_data::export::Step<PublishedScore> {
    let mut resolved: Option<(Lookup, Option<Scope>)> = None;
    Box::new(move |conn, raw| {
        let cursor = raw.map(|r| Cursor::decode(r, LIST, SORT)).transpose()?;
        let (lookup, scope) = match &mut resolved {
            Some(done) => done,
            slot => {
                let lookup = Lookup::read(conn)?;
                let scope = lookup.scope(&f);
                slot.insert((lookup, scope))
            }
        };
        match scope {
            Some(scope) => page(conn, lookup, scope, DOWNLOAD_STEP, cursor.as_ref()),
            None => Ok((Vec::new(), None)),
        }
    })
}

/// List the individual scores of published evaluations (analysts and staff).
///
/// Individual scores are not public (only the aggregates are: rankings, city summaries, area
/// averages), so this list needs a signed-in analyst, secretariat or admin account; API keys
/// do not reach it. One row per evaluation and criterion, in evaluation order. Published means what the rankings, city summaries and area averages count: submitted
/// and final evaluations of published award cycles and monitoring rounds, of public cities.
/// Evaluators are not named; comments and evidence are not included. The whole list downloads
/// as CSV (columns: `evaluation_id`, `context`, `cycle_id`, `category`, `nomination_id`,
/// `round_id`, `year`, `framework`, `criterion`, `city`, `country`, `score`, `scale_min`,
/// `scale_max`) or NDJSON.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(PublishedScoreQuery),
    responses((status = 200, description = "A page of published scores", body = PublishedScorePage), (status = 403, description = "Role without access", body = crate::error::Problem, content_type = "application/problem+json"), ListProblems)
)]
#[get("/scores")]
pub async fn list_published_scores(
    req: HttpRequest,
    pool: ReadPool,
    caller: crate::auth::Caller,
    query: web::Query<PublishedScoreQuery>,
) -> Result<HttpResponse, ApiError> {
    use crate::auth::Role;
    caller.require(&[Role::Analyst, Role::Secretariat, Role::Admin])?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = ScoreFilters {
        framework: check.slug("framework", q.framework.as_deref()),
        cycle: check.id("cycle", q.cycle.as_deref()),
        category: check.slug("category", q.category.as_deref()),
        round: check.id("round", q.round.as_deref()),
        award: check
            .one_of("context", q.context.as_deref(), &["award", "monitoring"])
            .map(|c| c == "award"),
        year: check.year("year", q.year.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        country: check.country("country", q.country.as_deref()),
    };
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), LIST, SORT)?;
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            LIST,
            PUBLISHED_SCORE_COLUMNS,
            crate::open_data::export::Sharing::Everyone,
            download(filters),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        list(conn, &filters, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(PublishedScorePage {
        items,
        next_cursor,
        total,
    }))
}
