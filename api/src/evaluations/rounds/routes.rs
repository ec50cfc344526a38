//! Monitoring round endpoints: the list, creating and publishing.

use actix_web::{get, post, web, HttpResponse};

use super::types::{Round, RoundInput, RoundPage};
use super::{input, queries, writes};
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ListProblems, WriteProblems};
use crate::input::JsonBody;
use crate::listing::PageQuery;
use crate::listing::Paging;
use crate::query::Checker;

/// List monitoring rounds.
#[utoipa::path(tag = "evaluations", params(PageQuery), responses((status = 200, description = "Rounds", body = RoundPage), ListProblems))]
#[get("/monitoring-rounds")]
pub async fn list_rounds(
    pool: ReadPool,
    _query: web::Query<PageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let list = paging.pages(Checker::default(), "rounds", "id")?;
    list.answer_public::<RoundPage, _, _>(&pool, queries::list_rounds)
        .await
}

/// Create a monitoring round.
///
/// Admin and secretariat: cities of a year are evaluated against a framework.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    request_body(content = RoundInput, content_type = "application/json"),
    responses((status = 201, description = "Created", body = Round), CreateProblems)
)]
#[post("/monitoring-rounds")]
pub async fn create_round(
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let new = input::read_round(body)?;
    let round = db::run(&pool, move |conn| writes::create_round(conn, &actor, new)).await?;
    Ok(HttpResponse::Created().json(round))
}
/// Publish a monitoring round.
///
/// Admin and secretariat. Its aggregates become public; individual scores never do.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Round id")),
    responses(
        (status = 204, description = "Published"),
        (status = 409, description = "Already published (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        WriteProblems
    )
)]
#[post("/monitoring-rounds/{id}/publish")]
pub async fn publish_round(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let id = id.into_inner();
    db::run(&pool, move |conn| writes::publish_round(conn, &actor, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
