//! Admin endpoints for accounts: `GET/POST /users`, `GET/PATCH/DELETE /users/{id}`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};

use super::types::{Account, AccountInput, AccountListQuery, AccountPage};
use super::{queries, writes};
use crate::auth::{password, Caller, Role};
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{CreateProblems, ItemProblems, UpdateProblems, WriteProblems};
use crate::http::etag;
use crate::input::{JsonBody, Patch};
use crate::listing::Paging;
use crate::query::{Checker, NoQuery};

/// Hashes a password off the async workers.
pub async fn hash_password(plain: Option<String>) -> Result<Option<String>, ApiError> {
    match plain {
        None => Ok(None),
        Some(plain) => web::block(move || password::hash(&plain))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
            .map(Some)
            .map_err(ApiError::Internal),
    }
}

/// List accounts.
///
/// Admin; the secretariat may list evaluator accounts only (`role=evaluator`), to assign them.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(AccountListQuery),
    responses(
        (status = 200, description = "A page of accounts", body = AccountPage),
        (status = 403, description = "Not an admin, or the secretariat without `role=evaluator` (`forbidden`)", body = crate::error::Problem, content_type = "application/problem+json"),
        crate::error::ListProblems
    )
)]
#[get("/users")]
pub async fn list_users(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<AccountListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let user = caller.require(&[Role::Admin, Role::Secretariat])?;
    let q = query.into_inner();
    if user.role == Role::Secretariat && q.role.as_deref() != Some(Role::Evaluator.as_str()) {
        return Err(ApiError::forbidden(
            "forbidden",
            "the secretariat role may list evaluator accounts only: add role=evaluator",
        ));
    }
    let mut check = Checker::default();
    let role = check.enumerated::<Role>("role", q.role.as_deref());
    let active = check
        .one_of("active", q.active.as_deref(), &["true", "false"])
        .map(|v| v == "true");
    let list = paging.pages(check, "users", "id")?;
    list.answer_private::<AccountPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list(conn, role, active, limit, cursor)
    })
    .await
}

/// Create an account.
///
/// Admin only. The password must have at least 12 characters and differ from the email.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    request_body(content = AccountInput, content_type = "application/json"),
    responses((status = 201, description = "Created", body = Account, headers(("ETag" = String))), CreateProblems)
)]
#[post("/users")]
pub async fn create_user(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Admin])?.clone();
    let changes = writes::read(body, true)?;
    let hash = hash_password(changes.password.clone().set())
        .await?
        .unwrap_or_default();
    let account = db::run(&pool, move |conn| {
        writes::create(conn, Some(&actor), changes, hash)
    })
    .await?;
    etag::respond(&req, StatusCode::CREATED, &account)
}

/// Get an account.
///
/// Admin only.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "User id")),
    responses(
        (status = 200, description = "The account", body = Account, headers(("ETag" = String))),
        (status = 304, description = "Not modified"),
        (status = 403, description = "Not an admin", body = crate::error::Problem, content_type = "application/problem+json"),
        ItemProblems
    )
)]
#[get("/users/{id}")]
pub async fn get_user(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    let id = id.into_inner();
    let account = db::run(&pool, move |conn| queries::get(conn, id)).await?;
    etag::respond(&req, StatusCode::OK, &account)
}

/// Update an account.
///
/// Admin only; JSON merge patch. `active: false` deactivates: the user's tokens stop working at
/// once. A new password revokes the user's sessions. Honours `If-Match`.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = AccountInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Account, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/users/{id}")]
pub async fn update_user(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Admin])?.clone();
    let changes = writes::read(body, false)?;
    let hash = hash_password(changes.password.clone().set()).await?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let account = db::run(&pool, move |conn| {
        writes::update(conn, &actor, id, changes, hash, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &account)
}

/// Deactivate an account.
///
/// Admin only. The account is kept (and can be reactivated with `PATCH`); its tokens stop
/// working at once.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    responses(
        (status = 204, description = "Deactivated"),
        (status = 409, description = "Own account (`own_account`)", body = crate::error::Problem, content_type = "application/problem+json"),
        WriteProblems
    )
)]
#[delete("/users/{id}")]
pub async fn deactivate_user(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Admin])?.clone();
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let changes = writes::AccountChanges {
        email: Patch::Absent,
        display_name: Patch::Absent,
        role: Patch::Absent,
        city: Patch::Absent,
        password: Patch::Absent,
        active: Patch::Set(false),
    };
    db::run(&pool, move |conn| {
        writes::update(conn, &actor, id, changes, None, if_match.as_deref())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
