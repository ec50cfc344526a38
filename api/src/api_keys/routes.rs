//! `POST /api-keys`, `GET /api-keys` and `DELETE /api-keys/{id}` (revoke); admin and secretariat.

use actix_web::{delete, get, post, web, HttpResponse};

use super::types::{ApiKeyInput, ApiKeyListQuery, ApiKeyPage, IssuedApiKey};
use super::{input, queries, writes};
use crate::auth::routes::STAFF;
use crate::auth::tokens::{new_api_key, sha256_hex};
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{CreateProblems, ItemProblems, ListProblems, WriteProblems};
use crate::input::JsonBody;
use crate::listing::Paging;
use crate::query::Checker;

/// Issue an API key.
///
/// Admin and secretariat. The key is in this response only; it is stored as a hash.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    request_body(content = ApiKeyInput, content_type = "application/json"),
    responses((status = 201, description = "Issued", body = IssuedApiKey), CreateProblems)
)]
#[post("/api-keys")]
pub async fn create_api_key(
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let wanted = input::read(body)?;
    let (key, prefix) = new_api_key();
    let hash = sha256_hex(&key);
    let issued = db::run(&pool, move |conn| {
        writes::issue(conn, &actor, wanted, &prefix, &hash)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("cache-control", "no-store"))
        .json(IssuedApiKey {
            key,
            api_key: issued,
        }))
}

/// List API keys.
///
/// Admin and secretariat; live keys, or with `revoked=true` all of them; newest first.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(ApiKeyListQuery),
    responses(
        (status = 200, description = "A page of keys", body = ApiKeyPage),
        (status = 403, description = "Not admin or secretariat", body = crate::error::Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<ApiKeyListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    caller.require(STAFF)?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let revoked = check.one_of("revoked", q.revoked.as_deref(), &["true", "false"]) == Some("true");
    let list = paging.pages(check, "api-keys", "-id")?;
    list.answer_private::<ApiKeyPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list(conn, revoked, limit, cursor)
    })
    .await
}

/// Revoke an API key.
///
/// Admin and secretariat. The key stops working at once.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "API key id")),
    responses((status = 204, description = "Revoked (also when it already was)"), WriteProblems)
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let id = id.into_inner();
    db::run(&pool, move |conn| writes::revoke(conn, &actor, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Requests made with an API key.
///
/// Admin only: the number of requests per day (UTC), exact up to this moment.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "API key id")),
    responses(
        (status = 200, description = "Usage", body = super::types::KeyUsage),
        (status = 403, description = "Not an admin", body = crate::error::Problem, content_type = "application/problem+json"),
        ItemProblems
    )
)]
#[get("/api-keys/{id}/usage")]
pub async fn key_usage(
    pool: ReadPool,
    state: web::Data<crate::auth::AuthState>,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<crate::query::NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[crate::auth::Role::Admin])?;
    let id = id.into_inner();
    let state = state.clone();
    let usage = db::run(&pool, move |conn| {
        let key = queries::find(conn, id)?;
        let days = state.usage.of_key(conn, id)?;
        Ok(super::types::KeyUsage {
            key_id: id,
            prefix: key.prefix,
            total: days.iter().map(|(_, n)| n).sum(),
            days: days
                .into_iter()
                .map(|(day, requests)| super::types::DailyUsage { day, requests })
                .collect(),
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(usage))
}
