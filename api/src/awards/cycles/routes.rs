//! `GET /award-cycles`, `GET /award-cycles/{id}`, and running a cycle: `POST /award-cycles`,
//! `PATCH /award-cycles/{id}` and `POST /award-cycles/{id}/status`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use super::queries::{self, CycleFilters};
use super::types::{
    Cycle, CycleInput, CycleListQuery, CyclePage, CycleStatus, StatusInput, CYCLE_COLUMNS,
};
use super::{input, writes};
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::awards::Reader;
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// List award cycles.
///
/// Newest first. Draft cycles are shown to admin and secretariat only.
#[utoipa::path(
    tag = "awards",
    params(CycleListQuery),
    responses((status = 200, description = "Cycles", body = CyclePage), ListProblems)
)]
#[get("/award-cycles")]
pub async fn list_cycles(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<CycleListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let year = check.year("year", q.year.as_deref());
    let filters = CycleFilters {
        programme: check.slug("programme", q.programme.as_deref()),
        year,
        status: check
            .one_of("status", q.status.as_deref(), CycleStatus::VALUES)
            .and_then(CycleStatus::parse),
    };
    let list = paging.pages_or_download(check, "award-cycles", "-year")?;
    let reader = Reader::of(&caller);
    let download = Download::new("award-cycles", CYCLE_COLUMNS, Sharing::ByCaller);
    list.answer::<CyclePage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list_cycles(conn, reader, &filters, limit, cursor)
    })
    .await
}

/// Get an award cycle.
///
/// With its categories and, once published, its results.
#[utoipa::path(
    tag = "awards",
    params(("id" = i64, Path, description = "Cycle id")),
    responses((status = 200, description = "The cycle", body = Cycle, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-cycles/{id}")]
pub async fn get_cycle(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reader = Reader::of(&caller);
    let (cycle, _) = db::run(&pool, move |conn| queries::get_cycle(conn, id, reader)).await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}

/// Create an award cycle.
///
/// Admin and secretariat. The cycle starts as a draft, with its categories.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    request_body(content = CycleInput, content_type = "application/json"),
    responses((status = 201, description = "Created", body = Cycle, headers(("ETag" = String), ("Location" = String))), CreateProblems)
)]
#[post("/award-cycles")]
pub async fn create_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read_cycle(body, true)?;
    let cycle = db::run(&pool, move |conn| {
        writes::create_cycle(conn, &actor, changes)
    })
    .await?;
    etag::created(&req, &cycle, format!("/api/v1/award-cycles/{}", cycle.id))
}

/// Edit an award cycle.
///
/// JSON merge patch of its texts and dates, until it is published. Admin and secretariat.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Cycle id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = CycleInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Cycle, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/award-cycles/{id}")]
pub async fn update_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read_cycle(body, false)?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let cycle = db::run(&pool, move |conn| {
        writes::update_cycle(conn, &actor, id, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}

/// Move an award cycle to its next stage.
///
/// draft -> open -> judging -> closed -> published, one step at a time (409
/// `illegal_transition` otherwise). Publishing makes the results public and marks undecided
/// nominations `not_awarded`. Admin and secretariat.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Cycle id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = StatusInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Moved", body = Cycle, headers(("ETag" = String))),
        (status = 409, description = "Not the next stage (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/award-cycles/{id}/status")]
pub async fn transition_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let to = input::read_status(body)?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let cycle = db::run(&pool, move |conn| {
        writes::transition(conn, &actor, id, to, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}
