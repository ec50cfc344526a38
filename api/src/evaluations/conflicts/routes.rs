//! Conflict-of-interest endpoints: the list and declaring one.

use actix_web::{get, post, web, HttpResponse};

use super::types::{Conflict, ConflictInput, ConflictPage};
use super::{input, queries, writes};
use crate::auth::{Caller, Role};
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ListProblems};
use crate::evaluations::Viewer;
use crate::input::JsonBody;
use crate::listing::PageQuery;
use crate::listing::Paging;
use crate::query::Checker;

/// List declared conflicts of interest.
///
/// Staff see all; an evaluator sees their own.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "Conflicts", body = ConflictPage), (status = 403, description = "Role without access", body = Problem, content_type = "application/problem+json"), ListProblems)
)]
#[get("/conflicts")]
pub async fn list_conflicts(
    pool: ReadPool,
    caller: Caller,
    _query: web::Query<PageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let user = caller.require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?;
    let viewer = Viewer::of(user);
    let list = paging.pages(Checker::default(), "conflicts", "id")?;
    list.answer_private::<ConflictPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list_conflicts(conn, viewer, limit, cursor)
    })
    .await
}

/// Declare a conflict of interest.
///
/// An evaluator declares their own; staff record one for any evaluator. Conflicts block
/// assignments to that city.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    request_body(content = ConflictInput, content_type = "application/json"),
    responses((status = 201, description = "Declared", body = Conflict), CreateProblems)
)]
#[post("/conflicts")]
pub async fn declare_conflict(
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?
        .clone();
    let new = input::read_conflict(body, &actor)?;
    let conflict = db::run(&pool, move |conn| {
        writes::declare_conflict(conn, &actor, new)
    })
    .await?;
    Ok(HttpResponse::Created().json(conflict))
}
