//! Evaluation endpoints: frameworks and criteria, monitoring rounds, conflicts of interest,
//! assignments, scoring and its transitions, rankings, a city's published results and area
//! averages.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, put, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::queries::{self, EvaluationFilters, Viewer};
use super::results::{self, AreaFilters};
use super::types::FRAMEWORK_COLUMNS;
use super::types::{
    AreaAverages, AreaStatsQuery, AssignmentInput, CityEvaluations, Conflict, ConflictInput,
    ConflictPage, CriterionInput, Evaluation, EvaluationListQuery, EvaluationPage, Framework,
    FrameworkPage, Ranking, RankingQuery, ReasonInput, Round, RoundInput, RoundPage, ScoresInput,
};
use super::writes::{self, Step};
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role, User};
use crate::awards::types::{PageQuery, PublicPageQuery};
use crate::db::schema::{cities, conflicts, frameworks, monitoring_rounds};
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{
    CreateProblems, ItemListProblems, ItemProblems, ListProblems, UpdateProblems, WriteProblems,
};
use crate::http::etag;
use crate::input::{Fields, JsonBody};
use crate::pagination::{paginate, SortKey};
use crate::query::{Checker, NoQuery};
use crate::types::{utc, Localized};

fn viewer(user: &User) -> Viewer {
    if STAFF.contains(&user.role) {
        Viewer::Staff
    } else {
        Viewer::Evaluator(user.id)
    }
}

/// List evaluation frameworks.
#[utoipa::path(tag = "evaluations", params(PublicPageQuery), responses((status = 200, description = "Frameworks", body = FrameworkPage), ListProblems))]
#[get("/frameworks")]
pub async fn list_frameworks(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<PublicPageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), "frameworks", "slug")?;
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "frameworks",
            FRAMEWORK_COLUMNS,
            crate::open_data::export::Sharing::Everyone,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "frameworks", "slug"))
                    .transpose()?;
                let (items, next, _) = queries::list_frameworks(
                    conn,
                    crate::open_data::export::CHUNK,
                    cursor.as_ref(),
                )?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_frameworks(conn, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(FrameworkPage {
        items,
        next_cursor,
        total,
    }))
}

/// Get a framework with its criteria.
///
/// Criteria with `verified: false` are unverified drafts of the official wording.
#[utoipa::path(
    tag = "evaluations",
    params(("slug" = String, Path, description = "Framework slug", example = "kflc-v1")),
    responses((status = 200, description = "The framework", body = Framework, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/frameworks/{slug}")]
pub async fn get_framework(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let framework = db::run(&pool, move |conn| queries::get_framework(conn, &slug)).await?;
    etag::respond(&req, StatusCode::OK, &framework)
}

/// Change a criterion.
///
/// Admin and secretariat. A framework used by a submitted evaluation is frozen: the change then
/// creates a new version (201, `Location` names it) and earlier evaluations keep theirs.
#[utoipa::path(
    tag = "evaluations",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "Framework slug"), ("code" = String, Path, description = "Criterion code")),
    request_body(content = CriterionInput, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "Changed in place", body = Framework),
        (status = 201, description = "Changed in a new version", body = Framework, headers(("Location" = String))),
        UpdateProblems
    )
)]
#[patch("/frameworks/{slug}/criteria/{code}")]
pub async fn change_criterion(
    pool: web::Data<Pool>,
    caller: Caller,
    path: web::Path<(String, String)>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let change = writes::read_criterion(body)?;
    let (slug, code) = path.into_inner();
    let (framework, versioned) = db::run(&pool, move |conn| {
        let (target, versioned) = writes::change_criterion(conn, &actor, &slug, &code, change)?;
        Ok((queries::get_framework(conn, &target)?, versioned))
    })
    .await?;
    if versioned {
        Ok(HttpResponse::Created()
            .insert_header(("location", format!("/api/v1/frameworks/{}", framework.slug)))
            .json(framework))
    } else {
        Ok(HttpResponse::Ok().json(framework))
    }
}

/// List monitoring rounds.
#[utoipa::path(tag = "evaluations", params(PageQuery), responses((status = 200, description = "Rounds", body = RoundPage), ListProblems))]
#[get("/monitoring-rounds")]
pub async fn list_rounds(
    pool: ReadPool,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "rounds", "id")?;
    let page = db::run(&pool, move |conn| {
        let total: i64 = monitoring_rounds::table.count().get_result(conn)?;
        let after = match &cursor {
            Some(c) => match c.id {
                SortKey::Int(i) => i,
                SortKey::Text(_) => {
                    return Err(ApiError::InvalidCursor(
                        "the cursor does not fit this list".to_owned(),
                    ))
                }
            },
            None => 0,
        };
        type Row = (
            i64,
            String,
            i32,
            String,
            Option<String>,
            String,
            Option<chrono::NaiveDateTime>,
        );
        let rows: Vec<Row> = monitoring_rounds::table
            .inner_join(frameworks::table)
            .filter(monitoring_rounds::id.gt(after))
            .order_by(monitoring_rounds::id.asc())
            .limit(limit + 1)
            .select((
                monitoring_rounds::id,
                frameworks::slug,
                monitoring_rounds::year,
                monitoring_rounds::title_en,
                monitoring_rounds::title_th,
                monitoring_rounds::status,
                monitoring_rounds::published_at,
            ))
            .load(conn)?;
        let (rows, next_cursor) = paginate(rows, limit, "rounds", "id", |r| {
            (SortKey::Int(r.0), SortKey::Int(r.0))
        });
        let items = rows
            .into_iter()
            .map(|r| Round {
                id: r.0,
                framework: r.1,
                year: r.2,
                title: Localized::new(r.3, r.4),
                status: r.5,
                published_at: r.6.map(utc),
            })
            .collect();
        Ok(RoundPage {
            items,
            next_cursor,
            total,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(page))
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
    let mut f = Fields::new(body.0)?;
    let framework = f.slug("framework");
    let year = f.integer("year", 1900..=2200);
    let title = f.localized("title", 300);
    f.require("framework", &framework);
    f.require("year", &year);
    let (title_en, title_th) = match title {
        crate::input::Patch::Set((en, th)) => (en, th),
        _ => (crate::input::Patch::Absent, crate::input::Patch::Absent),
    };
    f.require("title.en", &title_en);
    f.finish()?;
    let (framework, year, title_en, title_th) = (
        framework.set().unwrap_or_default(),
        year.set()
            .and_then(|y| i32::try_from(y).ok())
            .unwrap_or_default(),
        title_en.set().unwrap_or_default(),
        title_th.set(),
    );
    let round = db::run(&pool, move |conn| {
        let id = writes::create_round(conn, &actor, &framework, year, &title_en, title_th.clone())?;
        Ok(Round {
            id,
            framework,
            year,
            title: Localized::new(title_en, title_th),
            status: "open".to_owned(),
            published_at: None,
        })
    })
    .await?;
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
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let user = caller
        .require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?
        .clone();
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "conflicts", "id")?;
    let page = db::run(&pool, move |conn| {
        let own = viewer(&user) != Viewer::Staff;
        let mine = |q: diesel::dsl::IntoBoxed<
            'static,
            diesel::dsl::InnerJoin<conflicts::table, cities::table>,
            crate::db::MultiBackend,
        >| {
            if own {
                q.filter(conflicts::evaluator_id.eq(user.id))
            } else {
                q
            }
        };
        let total: i64 = mine(conflicts::table.inner_join(cities::table).into_boxed())
            .count()
            .get_result(conn)?;
        let base = mine(conflicts::table.inner_join(cities::table).into_boxed());
        let after = match cursor.as_ref().map(|c| &c.id) {
            Some(SortKey::Int(i)) => *i,
            Some(SortKey::Text(_)) => {
                return Err(ApiError::InvalidCursor(
                    "the cursor does not fit this list".to_owned(),
                ))
            }
            None => 0,
        };
        type Row = (i64, i64, String, String, i64, chrono::NaiveDateTime);
        let rows: Vec<Row> = base
            .filter(conflicts::id.gt(after))
            .order_by(conflicts::id.asc())
            .limit(limit + 1)
            .select((
                conflicts::id,
                conflicts::evaluator_id,
                cities::slug,
                conflicts::reason,
                conflicts::declared_by,
                conflicts::created_at,
            ))
            .load(conn)?;
        let (rows, next_cursor) = paginate(rows, limit, "conflicts", "id", |r| {
            (SortKey::Int(r.0), SortKey::Int(r.0))
        });
        let items = rows
            .into_iter()
            .map(|r| Conflict {
                id: r.0,
                evaluator_id: r.1,
                city: r.2,
                reason: r.3,
                declared_by: r.4,
                created_at: utc(r.5),
            })
            .collect();
        Ok(ConflictPage {
            items,
            next_cursor,
            total,
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(page))
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
    let mut f = Fields::new(body.0)?;
    let evaluator = f.integer("evaluator", 1..=i64::MAX);
    let city = f.slug("city");
    let reason = f.text("reason", 1000);
    f.require("city", &city);
    f.require("reason", &reason);
    f.finish()?;
    let evaluator = match (actor.role, evaluator.set()) {
        (Role::Evaluator, Some(e)) if e != actor.id => {
            return Err(ApiError::forbidden(
                "forbidden",
                "an evaluator declares conflicts for themselves only",
            ));
        }
        (Role::Evaluator, _) => actor.id,
        (_, Some(e)) => e,
        (_, None) => return Err(ApiError::field("evaluator", "is required")),
    };
    let (city, reason) = (
        city.set().unwrap_or_default(),
        reason.set().unwrap_or_default(),
    );
    let conflict = db::run(&pool, move |conn| {
        writes::declare_conflict(conn, &actor, evaluator, &city, &reason)
    })
    .await?;
    Ok(HttpResponse::Created().json(conflict))
}

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
) -> Result<HttpResponse, ApiError> {
    let user = caller
        .require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?
        .clone();
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = EvaluationFilters {
        cycle: check.id("cycle", q.cycle.as_deref()),
        round: check.id("round", q.round.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        status: check
            .one_of(
                "status",
                q.status.as_deref(),
                &["draft", "submitted", "returned", "final", "recused"],
            )
            .map(str::to_owned),
    };
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "evaluations", "id")?;
    let viewer = viewer(&user);
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_evaluations(conn, viewer, &filters, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(EvaluationPage {
            items,
            next_cursor,
            total,
        }))
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
    let (evaluator, target) = writes::read_assignment(body)?;
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
    let user = caller
        .require(&[Role::Admin, Role::Secretariat, Role::Evaluator])?
        .clone();
    let id = id.into_inner();
    let viewer = viewer(&user);
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
    let changes = writes::read_scores(body)?;
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

fn reason(body: JsonBody) -> Result<String, ApiError> {
    let mut f = Fields::new(body.0)?;
    let reason = f.text("reason", 2000);
    f.require("reason", &reason);
    f.finish()?;
    Ok(reason.set().unwrap_or_default())
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
    let reason = reason(body)?;
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
    let reason = reason(body)?;
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
        results::ranking(conn, id, &category, normalize, staff)
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
    let items = db::run(&pool, move |conn| results::city_results(conn, &slug)).await?;
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
        results::area_averages(conn, &framework, &filters)
    })
    .await?;
    crate::open_data::export::table(
        format,
        "area-averages",
        super::types::AREA_AVERAGE_COLUMNS,
        &items,
    )
}
