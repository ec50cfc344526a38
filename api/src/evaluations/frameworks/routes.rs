//! Framework endpoints: the list, one framework with its criteria, and criterion changes.

use actix_web::http::StatusCode;
use actix_web::{get, patch, web, HttpRequest, HttpResponse};

use super::types::{CriterionInput, Framework, FrameworkPage, FRAMEWORK_COLUMNS};
use super::{input, queries, writes};
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::PublicPageQuery;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};
/// List evaluation frameworks.
#[utoipa::path(tag = "evaluations", params(PublicPageQuery), responses((status = 200, description = "Frameworks", body = FrameworkPage), ListProblems))]
#[get("/frameworks")]
pub async fn list_frameworks(
    req: HttpRequest,
    pool: ReadPool,
    _query: web::Query<PublicPageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let list = paging.pages_or_download(Checker::default(), "frameworks", "slug")?;
    let download = Download::new("frameworks", FRAMEWORK_COLUMNS, Sharing::Everyone);
    list.answer::<FrameworkPage, _, _>(&req, &pool, download, queries::list_frameworks)
        .await
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
    let change = input::read_criterion(body)?;
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
