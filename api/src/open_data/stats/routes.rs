//! The statistics' operations: checked parameters, then JSON or CSV tables.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::coverage::{CoverageTable, COVERAGE_COLUMNS};
use super::queries;
use super::types::{
    CountTable, EventCountTable, GrowthTable, StatsQuery, COUNT_COLUMNS, EVENT_COUNT_COLUMNS,
    GROWTH_COLUMNS,
};
use crate::db::{self, ReadPool};
use crate::error::{ApiError, ListProblems};
use crate::open_data::export::{self, Format};
use crate::query::Checker;

fn read(
    req: &HttpRequest,
    q: &StatsQuery,
    network_allowed: bool,
    by_allowed: bool,
) -> Result<(Format, Option<String>, String), ApiError> {
    let mut check = Checker::default();
    let format = export::negotiate(req, &mut check, q.format.as_deref(), q.bom.as_deref());
    let network = check.slug("network", q.network.as_deref());
    if network.is_some() && !network_allowed {
        check.fail("network", "this statistic has no network filter");
    }
    let by = check
        .one_of("by", q.by.as_deref(), &["country", "programme", "category"])
        .unwrap_or("country")
        .to_owned();
    if q.by.is_some() && !by_allowed {
        check.fail("by", "this statistic has no `by`");
    }
    check.finish(None, "stats", "key")?;
    Ok((format, network, by))
}

/// Overview counts.
///
/// Public cities, countries with a city, networks, active memberships, award programmes,
/// published cycles, recorded awards, frameworks and counted evaluations of published cycles.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/overview")]
pub async fn overview(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, queries::overview).await?;
    export::table(format, "overview", COUNT_COLUMNS, &rows)
}

/// Membership growth.
///
/// Per network and year: the cities recorded here that joined, and their running total.
/// Memberships without a join year are not counted. These are the records of this platform, not
/// a network's size: its reported sizes are its census (`GET /networks/{slug}/census`).
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Growth", body = GrowthTable), ListProblems))]
#[get("/stats/membership-growth")]
pub async fn membership_growth(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, network, _) = read(&req, &query, true, false)?;
    let rows = db::run(&pool, move |conn| {
        queries::membership_growth(conn, network.as_deref())
    })
    .await?;
    export::table(format, "membership-growth", GROWTH_COLUMNS, &rows)
}

/// Cities by country.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/cities-by-country")]
pub async fn cities_by_country(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, queries::cities_by_country).await?;
    export::table(format, "cities-by-country", COUNT_COLUMNS, &rows)
}

/// Thai cities by region.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/cities-by-region")]
pub async fn cities_by_region(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, queries::cities_by_region).await?;
    export::table(format, "cities-by-region", COUNT_COLUMNS, &rows)
}

/// Awards by country, programme or category.
///
/// Published winners counted by the city's country (`by=country`, the default), by programme
/// or by category.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/awards")]
pub async fn awards(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, by) = read(&req, &query, false, true)?;
    let rows = db::run(&pool, move |conn| queries::awards(conn, &by)).await?;
    export::table(format, "awards", COUNT_COLUMNS, &rows)
}

/// Coverage.
///
/// How much of the picture is recorded here: per network, the members recorded here against the
/// size its organisers last reported (with the date and source of that report); per field, how
/// many public records have it (cities' Thai names, coordinates, descriptions, populations and
/// sources; the sources of networks, memberships, published cycles and recorded awards).
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Coverage", body = CoverageTable), ListProblems))]
#[get("/stats/coverage")]
pub async fn coverage(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, super::coverage::coverage).await?;
    export::table(format, "coverage", COVERAGE_COLUMNS, &rows)
}

/// Events per year and type.
///
/// Published events counted per year and type, newest year first; events whose year the
/// sources do not give are counted with `year` empty, last.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = EventCountTable), ListProblems))]
#[get("/stats/events")]
pub async fn events(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, queries::events).await?;
    export::table(format, "events", EVENT_COUNT_COLUMNS, &rows)
}

/// Cities by event participation.
///
/// Public cities counted by the published events they take part in (any role), most first.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/cities-by-event-participation")]
pub async fn cities_by_event_participation(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, queries::cities_by_event_participation).await?;
    export::table(
        format,
        "cities-by-event-participation",
        COUNT_COLUMNS,
        &rows,
    )
}
