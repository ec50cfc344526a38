//! `POST /api-keys`, `GET /api-keys` and `DELETE /api-keys/{id}` (revoke); admin and secretariat.

use actix_web::{delete, get, post, web, HttpResponse};
use diesel::prelude::*;

use super::types::{ApiKeyInfo, ApiKeyInput, ApiKeyListQuery, ApiKeyPage, IssuedApiKey, SCOPES};
use crate::audit;
use crate::auth::routes::STAFF;
use crate::auth::tokens::{new_api_key, sha256_hex};
use crate::auth::Caller;
use crate::db::schema::api_keys;
use crate::db::{self, now, write_transaction, DbConnection, MultiBackend, Pool, ReadPool};
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::openapi::{CreateProblems, ItemProblems, ListProblems, WriteProblems};
use crate::pagination::{after_cursor, order_sql, paginate, SortKey};
use crate::query::Checker;
use crate::types::utc;

type Row = (
    i64,
    String,
    String,
    String,
    String,
    Option<i32>,
    i64,
    chrono::NaiveDateTime,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
);

macro_rules! key_columns {
    () => {
        (
            api_keys::id,
            api_keys::name,
            api_keys::owner,
            api_keys::prefix,
            api_keys::scopes,
            api_keys::rate_limit_per_minute,
            api_keys::created_by,
            api_keys::created_at,
            api_keys::expires_at,
            api_keys::last_used_at,
            api_keys::revoked_at,
        )
    };
}

fn info(r: Row) -> ApiKeyInfo {
    ApiKeyInfo {
        id: r.0,
        name: r.1,
        owner: r.2,
        prefix: r.3,
        scopes: r
            .4
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        rate_limit_per_minute: r.5,
        created_by: r.6,
        created_at: utc(r.7),
        expires_at: r.8.map(utc),
        last_used_at: r.9.map(utc),
        revoked_at: r.10.map(utc),
    }
}

fn find(conn: &mut DbConnection, id: i64) -> Result<ApiKeyInfo, ApiError> {
    let row: Row = api_keys::table
        .find(id)
        .select(key_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no API key with id {id}")))?;
    Ok(info(row))
}

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
    let mut f = Fields::new(body.0)?;
    let name = f.text("name", 200);
    let owner = f.text("owner", 200);
    let scopes = f.strings("scopes", 50);
    let rate = f.integer("rate_limit_per_minute", 1..=100_000);
    let expires_at = match f.text("expires_at", 40) {
        Patch::Set(raw) => match chrono::DateTime::parse_from_rfc3339(&raw) {
            Ok(t) if t.with_timezone(&chrono::Utc) > chrono::Utc::now() => {
                Some(t.with_timezone(&chrono::Utc).naive_utc())
            }
            Ok(_) => {
                f.fail("expires_at", "must be in the future");
                None
            }
            Err(_) => {
                f.fail("expires_at", "must be an RFC 3339 time");
                None
            }
        },
        _ => None,
    };
    f.require("name", &name);
    f.require("owner", &owner);
    let scopes = scopes.set().unwrap_or_else(|| vec!["read".to_owned()]);
    if let Some(bad) = scopes.iter().find(|s| !SCOPES.contains(&s.as_str())) {
        f.fail(
            "scopes",
            format!("`{bad}` is not a scope; known: {}", SCOPES.join(", ")),
        );
    }
    f.finish()?;
    let (key, prefix) = new_api_key();
    let hash = sha256_hex(&key);
    let (name, owner) = (
        name.set().unwrap_or_default(),
        owner.set().unwrap_or_default(),
    );
    let rate = rate.set().and_then(|r| i32::try_from(r).ok());
    let issued = db::run(&pool, move |conn| {
        write_transaction(conn, |conn| {
            let id: i64 = diesel::insert_into(api_keys::table)
                .values((
                    api_keys::name.eq(&name),
                    api_keys::owner.eq(&owner),
                    api_keys::prefix.eq(&prefix),
                    api_keys::key_hash.eq(&hash),
                    api_keys::scopes.eq(scopes.join(",")),
                    api_keys::rate_limit_per_minute.eq(rate),
                    api_keys::created_by.eq(actor.id),
                    api_keys::created_at.eq(now()),
                    api_keys::expires_at.eq(expires_at),
                ))
                .returning(api_keys::id)
                .get_result(conn)?;
            let created = find(conn, id)?;
            audit::record(
                conn,
                Some(&actor),
                "create",
                "api_key",
                &id.to_string(),
                None,
                Some(&created),
            )?;
            Ok(created)
        })
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
) -> Result<HttpResponse, ApiError> {
    caller.require(STAFF)?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let revoked = check.one_of("revoked", q.revoked.as_deref(), &["true", "false"]) == Some("true");
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "api-keys", "-id")?;
    let page = db::run(&pool, move |conn| {
        let filtered = || {
            let q = api_keys::table.into_boxed::<MultiBackend>();
            if revoked {
                q
            } else {
                q.filter(api_keys::revoked_at.is_null())
            }
        };
        let total = filtered().count().get_result::<i64>(conn)?;
        let mut query = filtered()
            .order_by(order_sql("api_keys.id", "api_keys.id", true))
            .limit(limit + 1);
        if let Some(c) = &cursor {
            c.expect(false, false)?;
            query = query.filter(after_cursor("api_keys.id", "api_keys.id", true, c));
        }
        let rows: Vec<Row> = query.select(key_columns!()).load(conn)?;
        let (rows, next_cursor) = paginate(rows, limit, "api-keys", "-id", |r| {
            (SortKey::Int(r.0), SortKey::Int(r.0))
        });
        Ok(ApiKeyPage {
            items: rows.into_iter().map(info).collect(),
            next_cursor,
            total,
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(page))
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
    db::run(&pool, move |conn| {
        write_transaction(conn, |conn| {
            let before = find(conn, id)?;
            if before.revoked_at.is_some() {
                return Ok(());
            }
            diesel::update(api_keys::table.find(id))
                .set(api_keys::revoked_at.eq(now()))
                .execute(conn)?;
            let after = find(conn, id)?;
            audit::record(
                conn,
                Some(&actor),
                "revoke",
                "api_key",
                &id.to_string(),
                Some(&before),
                Some(&after),
            )
        })
    })
    .await?;
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
        let key = find(conn, id)?;
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
