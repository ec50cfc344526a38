//! Evaluation endpoints: the list, assignments, one evaluation, saving scores, and the steps of
//! the life cycle (submit, recuse, return, finalise).

use actix_web::http::StatusCode;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};

use super::life_cycle::{EvaluationStatus, Step};
use super::queries::{self, EvaluationFilters};
use super::types::{
    AssignmentInput, Evaluation, EvaluationListQuery, EvaluationPage, ReasonInput, ScoresInput,
};
use super::{input, writes};
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role, User};
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ItemProblems, ListProblems, UpdateProblems, WriteProblems};
use crate::evaluations::Viewer;
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::Paging;
use crate::query::{Checker, NoQuery};

/// List evaluations.
///
/// An evaluator sees only their own; admin and secretariat see all. Never public.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(EvaluationListQuery),
    responses((status = 200, description = "Evaluations", body = EvaluationPage), (status = 403, description = "Role without access", body = Problem, content_type = "application/problem+json"), ListProblems)
)]
#[get("/evaluations")]
pub async fn list_evaluations(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<EvaluationListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let viewer = Viewer::of(caller.require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?);
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = EvaluationFilters {
        cycle: check.id("cycle", q.cycle.as_deref()),
        round: check.id("round", q.round.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        status: check
            .one_of("status", q.status.as_deref(), EvaluationStatus::VALUES)
            .and_then(EvaluationStatus::parse),
    };
    let list = paging.pages(check, "evaluations", "id")?;
    list.answer_private::<EvaluationPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list_evaluations(conn, viewer, &filters, limit, cursor)
    })
    .await
}

/// Assign an evaluator.
///
/// Admin and secretariat: to a nomination (its cycle's framework) or to a city of a monitoring
/// round. Refused (409 `conflict_of_interest`) when the evaluator declared a conflict with the
/// city or edits its record.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    request_body(content = AssignmentInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Assigned: a draft evaluation", body = Evaluation, headers(("Location" = String))),
        (status = 409, description = "Conflict of interest, duplicate, or not assignable", body = Problem, content_type = "application/problem+json"),
        CreateProblems
    )
)]
#[post("/evaluations")]
pub async fn assign(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let (evaluator, target) = input::read_assignment(body)?;
    let evaluation = db::run(&pool, move |conn| {
        writes::assign(conn, &actor, evaluator, target)
    })
    .await?;
    etag::created(
        &req,
        &evaluation,
        format!("/api/v1/evaluations/{}", evaluation.id),
    )
}

/// Get an evaluation with its scores.
///
/// Its evaluator, or admin and secretariat.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    responses((status = 200, description = "The evaluation", body = Evaluation, headers(("ETag" = String))), (status = 304, description = "Not modified"), (status = 403, description = "Role without access", body = Problem, content_type = "application/problem+json"), ItemProblems)
)]
#[get("/evaluations/{id}")]
pub async fn get_evaluation(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let viewer = Viewer::of(caller.require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?);
    let id = id.into_inner();
    let (evaluation, _) =
        db::run(&pool, move |conn| queries::get_evaluation(conn, viewer, id)).await?;
    etag::respond(&req, StatusCode::OK, &evaluation)
}

/// Save scores.
///
/// The evaluator saves any number of scores of their draft or returned evaluation, as often as
/// they like; each score must lie on its criterion's scale (all or nothing). `score: null`
/// removes one.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    request_body(content = ScoresInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Saved", body = Evaluation),
        (status = 409, description = "Submitted or final (`evaluation_locked`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[put("/evaluations/{id}/scores")]
pub async fn save_scores(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Evaluator])?.clone();
    let changes = input::read_scores(body)?;
    let id = id.into_inner();
    let evaluation = db::run(&pool, move |conn| {
        writes::save_scores(conn, &actor, id, changes)
    })
    .await?;
    Ok(HttpResponse::Ok().json(evaluation))
}

async fn step(
    req: &HttpRequest,
    pool: &Pool,
    actor: User,
    id: i64,
    step: Step,
    reason: Option<String>,
) -> Result<HttpResponse, ApiError> {
    let if_match = etag::if_match(req);
    let evaluation = db::run(pool, move |conn| {
        writes::step(conn, &actor, id, step, reason, if_match.as_deref())
    })
    .await?;
    etag::respond(req, StatusCode::OK, &evaluation)
}

/// Submit an evaluation.
///
/// The evaluator, once every required criterion is scored (422 `incomplete_evaluation`
/// otherwise). It is then locked unless the secretariat returns it, and its framework version
/// is frozen.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    responses(
        (status = 200, description = "Submitted", body = Evaluation),
        (status = 409, description = "Not a draft or returned (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Required criteria unscored (`incomplete_evaluation`)", body = Problem, content_type = "application/problem+json"),
        WriteProblems
    )
)]
#[post("/evaluations/{id}/submit")]
pub async fn submit(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Evaluator])?.clone();
    step(&req, &pool, actor, id.into_inner(), Step::Submit, None).await
}

/// Recuse from an evaluation.
///
/// The evaluator, with a reason, before submitting. Recused evaluations never count.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    request_body(content = ReasonInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Recused", body = Evaluation),
        (status = 409, description = "Already submitted (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/evaluations/{id}/recuse")]
pub async fn recuse(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Evaluator])?.clone();
    let reason = input::read_reason(body)?;
    step(
        &req,
        &pool,
        actor,
        id.into_inner(),
        Step::Recuse,
        Some(reason),
    )
    .await
}

/// Return an evaluation to its evaluator.
///
/// Admin and secretariat, with a reason: a submitted evaluation becomes editable again.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id")),
    request_body(content = ReasonInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Returned", body = Evaluation),
        (status = 409, description = "Not submitted (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/evaluations/{id}/return")]
pub async fn return_evaluation(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let reason = input::read_reason(body)?;
    step(
        &req,
        &pool,
        actor,
        id.into_inner(),
        Step::Return,
        Some(reason),
    )
    .await
}

/// Finalise an evaluation.
///
/// Admin and secretariat: a submitted evaluation becomes final.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    responses(
        (status = 200, description = "Final", body = Evaluation),
        (status = 409, description = "Not submitted (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        WriteProblems
    )
)]
#[post("/evaluations/{id}/finalise")]
pub async fn finalise(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    step(&req, &pool, actor, id.into_inner(), Step::Finalise, None).await
}
