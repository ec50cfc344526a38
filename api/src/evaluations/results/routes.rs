//! Result endpoints: rankings, a city's published results, area averages and the published
//! scores.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::published::{self, LIST, SORT};
use super::queries;
use super::types::{
    AreaAverages, AreaFilters, AreaStatsQuery, CityEvaluations, PublishedScorePage,
    PublishedScoreQuery, Ranking, RankingQuery, ScoreFilters, AREA_AVERAGE_COLUMNS,
    PUBLISHED_SCORE_COLUMNS,
};
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::error::{ItemListProblems, ItemProblems, ListProblems};
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// Ranking of a category of a cycle.
///
/// The mean overall score (0-100) per nomination over submitted and final evaluations, with the
/// spread between evaluators; `normalize=true` ranks by the mean per-evaluator z-score. Public
/// once the cycle is published; staff any time. Never shows an individual evaluator's scores.
#[utoipa::path(
    tag = "evaluations",
    params(("id" = i64, Path, description = "Cycle id"), RankingQuery),
    responses((status = 200, description = "The ranking", body = Ranking), ItemListProblems)
)]
#[get("/award-cycles/{id}/rankings")]
pub async fn rankings(
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<RankingQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let category = check.slug("category", q.category.as_deref());
    if category.is_none() && q.category.is_none() {
        check.fail("category", "is required");
    }
    let normalize =
        check.one_of("normalize", q.normalize.as_deref(), &["true", "false"]) == Some("true");
    check.finish(None, "rankings", "rank")?;
    let staff = matches!(&caller, Caller::User(u) if STAFF.contains(&u.role));
    let (id, category) = (id.into_inner(), category.unwrap_or_default());
    let ranking = db::run(&pool, move |conn| {
        queries::ranking(conn, id, &category, normalize, staff)
    })
    .await?;
    Ok(HttpResponse::Ok().json(ranking))
}

/// A city's published evaluation results.
///
/// Per published cycle category and monitoring round: the mean over evaluators and per area.
#[utoipa::path(
    tag = "evaluations",
    params(("slug" = String, Path, description = "City slug")),
    responses((status = 200, description = "Published summaries", body = CityEvaluations), ItemProblems)
)]
#[get("/cities/{slug}/evaluations")]
pub async fn city_evaluations(
    pool: ReadPool,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let items = db::run(&pool, move |conn| queries::city_results(conn, &slug)).await?;
    Ok(HttpResponse::Ok().json(CityEvaluations { items }))
}

/// Area averages.
///
/// The mean score per area of a framework over published evaluations, across a network's
/// members, a country or a year.
#[utoipa::path(
    tag = "evaluations",
    params(AreaStatsQuery),
    responses((status = 200, description = "Area averages", body = AreaAverages), ItemListProblems)
)]
#[get("/evaluation-stats/areas")]
pub async fn area_averages(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<AreaStatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let framework = check.slug("framework", q.framework.as_deref());
    if q.framework.is_none() {
        check.fail("framework", "is required");
    }
    let year = check.year("year", q.year.as_deref());
    let filters = AreaFilters {
        network: check.slug("network", q.network.as_deref()),
        country: check.country("country", q.country.as_deref()),
        year,
    };
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    check.finish(None, "areas", "area")?;
    let framework = framework.unwrap_or_default();
    let items = db::run(&pool, move |conn| {
        queries::area_averages(conn, &framework, &filters)
    })
    .await?;
    crate::open_data::export::table(format, "area-averages", AREA_AVERAGE_COLUMNS, &items)
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
    caller: Caller,
    query: web::Query<PublishedScoreQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
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
    let list = paging.pages_or_download(check, LIST, SORT)?;
    let download = Download::new(LIST, PUBLISHED_SCORE_COLUMNS, Sharing::Everyone)
        .in_steps_of(published::DOWNLOAD_STEP);
    let steps = published::steps(filters.clone());
    list.answer_with_steps::<PublishedScorePage, _, _, _>(
        &req,
        &pool,
        download,
        move |conn, limit, cursor| published::list(conn, &filters, limit, cursor),
        steps,
    )
    .await
}
