//! `GET /nominations`, `GET /nominations/{id}`, and the writes: `POST /nominations`,
//! `POST /nominations/{id}/withdraw` and `POST /nominations/{id}/decision`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::queries::{self, NominationFilters};
use super::types::{
    DecisionInput, Nomination, NominationInput, NominationListQuery, NominationPage,
    NominationStatus,
};
use super::{input, writes};
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};
use crate::awards::Reader;
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::Paging;
use crate::query::{Checker, NoQuery};

/// List nominations.
///
/// Admin and secretariat see all; a city editor sees their own city's. Never public: the
/// public sees winners in published results.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(NominationListQuery),
    responses(
        (status = 200, description = "Nominations", body = NominationPage),
        (status = 403, description = "Role without access to nominations", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/nominations")]
pub async fn list_nominations(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<NominationListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = NominationFilters {
        cycle: check.id("cycle", q.cycle.as_deref()),
        category: check.slug("category", q.category.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        status: check
            .one_of("status", q.status.as_deref(), NominationStatus::VALUES)
            .and_then(NominationStatus::parse),
    };
    let list = paging.pages(check, "nominations", "id")?;
    let reader = Reader::of(&caller);
    list.answer_private::<NominationPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list_nominations(conn, reader, &filters, limit, cursor)
    })
    .await
}

/// Get a nomination.
///
/// Admin and secretariat, or the editor of the nominated city.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "The nomination", body = Nomination, headers(("ETag" = String))),
        (status = 304, description = "Not modified"),
        (status = 403, description = "Role without access to nominations", body = Problem, content_type = "application/problem+json"),
        ItemProblems
    )
)]
#[get("/nominations/{id}")]
pub async fn get_nomination(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?;
    let id = id.into_inner();
    let reader = Reader::of(&caller);
    let (nomination, _) =
        db::run(&pool, move |conn| queries::get_nomination(conn, id, reader)).await?;
    etag::respond(&req, StatusCode::OK, &nomination)
}

/// Nominate a city.
///
/// A city editor nominates their own city (staff may nominate any) into a category of an open
/// cycle, before its deadline, once per category. The programme's eligibility rules apply; a
/// refusal (422 `not_eligible`) explains which rule failed.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    request_body(content = NominationInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Submitted", body = Nomination, headers(("ETag" = String), ("Location" = String))),
        (status = 409, description = "Cycle not open, window closed or duplicate (`cycle_not_open`, `nomination_window_closed`, `duplicate_nomination`)", body = Problem, content_type = "application/problem+json"),
        CreateProblems
    )
)]
#[post("/nominations")]
pub async fn create_nomination(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let changes = input::read_nomination(body)?;
    let nomination = db::run(&pool, move |conn| writes::nominate(conn, &actor, changes)).await?;
    etag::created(
        &req,
        &nomination,
        format!("/api/v1/nominations/{}", nomination.id),
    )
}

/// Withdraw a nomination.
///
/// The nominated city's editor or staff, while the cycle is still open (409
/// `withdrawal_closed` after).
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "Withdrawn", body = Nomination),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such nomination", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Too late (`withdrawal_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/nominations/{id}/withdraw")]
pub async fn withdraw_nomination(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let reader = Reader::of(&caller);
    let id = id.into_inner();
    let nomination = db::run(&pool, move |conn| {
        writes::withdraw(conn, &actor, reader, id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(nomination))
}

/// Decide on a nomination.
///
/// Admin and secretariat, while the cycle is judging or closed: `shortlisted`, `winner`,
/// `not_awarded` or back to `submitted`. The programme's limit of winners per country applies
/// (409 `country_winner_limit`).
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = DecisionInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Decided", body = Nomination, headers(("ETag" = String))),
        (status = 409, description = "Wrong stage or limit reached (`illegal_decision`, `country_winner_limit`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/nominations/{id}/decision")]
pub async fn decide_nomination(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let to = input::read_decision(body)?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let nomination = db::run(&pool, move |conn| {
        writes::decide(conn, &actor, Reader::Staff, id, to, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &nomination)
}
