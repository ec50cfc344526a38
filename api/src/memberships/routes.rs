//! `GET /memberships/{id}` and the writes: `POST /memberships`, `PATCH` and
//! `DELETE /memberships/{id}`, `POST /memberships/{id}/restore`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use super::types::{Membership, MembershipInput};
use super::{input, queries, writes};
use crate::archive;
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{CreateProblems, ItemProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::query::NoQuery;

/// Get a membership.
///
/// Carries an `ETag`; `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "networks",
    params(("id" = i64, Path, description = "Membership id")),
    responses(
        (status = 200, description = "The membership", body = Membership, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        ItemProblems
    )
)]
#[get("/memberships/{id}")]
pub async fn get_membership(
    req: HttpRequest,
    pool: ReadPool,
    id: web::Path<i64>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let membership = db::run(&pool, move |conn| queries::find(conn, id, false)).await?;
    etag::respond(&req, StatusCode::OK, &membership)
}

/// Add a city to a network.
///
/// Admin and secretariat. A city has at most one current membership per network.
#[utoipa::path(
    tag = "networks",
    security(("bearer" = [])),
    request_body(content = MembershipInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = Membership, headers(("ETag" = String), ("Location" = String))),
        CreateProblems
    )
)]
#[post("/memberships")]
pub async fn create_membership(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read(body, true)?;
    let membership = db::run(&pool, move |conn| writes::create(conn, &actor, changes)).await?;
    etag::created(
        &req,
        &membership,
        format!("/api/v1/memberships/{}", membership.id),
    )
}

/// Update a membership.
///
/// JSON merge patch; admin and secretariat. Honours `If-Match` (412 when stale).
#[utoipa::path(
    tag = "networks",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Membership id"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = MembershipInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Membership, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/memberships/{id}")]
pub async fn update_membership(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read(body, false)?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let membership = db::run(&pool, move |conn| {
        writes::update(conn, &actor, id, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &membership)
}

archive::routes! {
    Membership, tag = "networks", key = "id": i64;
    /// Archive a membership.
    ///
    /// Admin and secretariat. Honours `If-Match`.
    archive_membership = "/memberships/{id}", "Membership id";
    /// Restore an archived membership.
    ///
    /// Admin only; refused (409) when the city has joined the network again since.
    restore_membership = "/memberships/{id}/restore", "Membership id", [
        (status = 409, description = "A current membership exists (`duplicate`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ];
}
