//! `POST /auth/login`, `POST /auth/refresh`, `POST /auth/logout` and `GET /me`.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::middleware::client_ip;
use super::password;
use super::tokens::{new_refresh_token, random_bytes, sha256_hex, TokenKeys};
use super::types::{LoginRequest, Me, RefreshRequest, TokenResponse};
use super::{AuthState, Caller, Role};
use crate::db::schema::{cities, refresh_tokens, users};
use crate::db::{self, now, DbConnection, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::input::{Fields, JsonBody};

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(
        "invalid_credentials",
        "the email or password is not correct",
    )
}

/// Stores a new refresh token in `family` and returns the token pair.
fn issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    user_id: i64,
    family: &str,
) -> Result<TokenResponse, ApiError> {
    let refresh_token = new_refresh_token();
    let epoch: i32 = users::table
        .find(user_id)
        .select(users::session_epoch)
        .first(conn)?;
    let at = now();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family.eq(family),
            refresh_tokens::token_hash.eq(sha256_hex(&refresh_token)),
            refresh_tokens::created_at.eq(at),
            refresh_tokens::expires_at.eq(at + chrono::Duration::days(keys.refresh_ttl_days)),
        ))
        .execute(conn)?;
    Ok(TokenResponse {
        access_token: keys
            .access_token(user_id, epoch)
            .map_err(ApiError::Internal)?,
        token_type: "Bearer".to_owned(),
        expires_in: keys.access_ttl,
        refresh_token,
    })
}

fn token_body(body: JsonBody) -> Result<String, ApiError> {
    let mut fields = Fields::new(body.0)?;
    let token = fields.text("refresh_token", 200);
    fields.require("refresh_token", &token);
    fields.finish()?;
    token
        .set()
        .ok_or_else(|| ApiError::field("refresh_token", "is required"))
}

/// Sign in.
///
/// Exchanges an email and password for a 15-minute access token and a single-use refresh
/// token. Unknown emails and wrong passwords get the same answer in about the same time.
/// Attempts are limited per address and per account.
#[utoipa::path(
    tag = "auth",
    request_body(content = LoginRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 400, description = "Malformed body (`malformed_json`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong email or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large (`payload_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing fields (`validation_failed`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts (`too_many_requests`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    pool: web::Data<Pool>,
    state: web::Data<AuthState>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let mut fields = Fields::new(body.0)?;
    let email = fields.text("email", 320);
    let password = fields.secret("password", 1024);
    fields.require("email", &email);
    fields.require("password", &password);
    fields.finish()?;
    let (Some(email), Some(password)) = (email.set(), password.set()) else {
        return Err(invalid_credentials());
    };
    let email = email.to_lowercase();
    state.limits.login(client_ip(&req), &email)?;
    let lookup = email.clone();
    let user: Option<(i64, String, bool)> = db::run(&pool, move |conn| {
        Ok(users::table
            .filter(users::email.eq(lookup))
            .select((users::id, users::password_hash, users::active))
            .first(conn)
            .optional()?)
    })
    .await?;
    let decoy = state.decoy_hash.clone();
    let (user_id, hash, active) = user.unwrap_or((0, decoy, false));
    let matches = web::block(move || password::verify(&password, &hash))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    if !(matches && active) {
        tracing::info!(email = %email, "failed login");
        return Err(invalid_credentials());
    }
    let family = hex::encode(random_bytes(16));
    let state = state.clone();
    let tokens = db::run(&pool, move |conn| {
        issue(conn, &state.keys, user_id, &family)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(tokens))
}

/// Rotate a refresh token.
///
/// Returns a new token pair and retires the presented refresh token. Presenting a refresh token
/// that was already used revokes its whole family: every session descended from that login.
#[utoipa::path(
    tag = "auth",
    request_body(content = RefreshRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "A new token pair", body = TokenResponse),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown, expired, revoked or reused token (`invalid_refresh_token`, `refresh_token_reused`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing `refresh_token`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    pool: web::Data<Pool>,
    state: web::Data<AuthState>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let token = token_body(body)?;
    let state = state.clone();
    let outcome = db::run(&pool, move |conn| {
        crate::db::write_transaction(conn, |conn| rotate(conn, &state.keys, &token))
    })
    .await?;
    match outcome {
        Rotation::Issued(tokens) => Ok(HttpResponse::Ok()
            .insert_header(("cache-control", "no-store"))
            .json(tokens)),
        Rotation::Reused => Err(ApiError::unauthorized(
            "refresh_token_reused",
            "this refresh token was already used; every session from that sign-in is revoked",
        )),
        Rotation::Invalid => Err(ApiError::unauthorized(
            "invalid_refresh_token",
            "the refresh token is unknown, expired or revoked",
        )),
    }
}

enum Rotation {
    Issued(TokenResponse),
    Reused,
    Invalid,
}

fn rotate(conn: &mut DbConnection, keys: &TokenKeys, token: &str) -> Result<Rotation, ApiError> {
    type Row = (
        i64,
        i64,
        String,
        chrono::NaiveDateTime,
        Option<chrono::NaiveDateTime>,
        Option<chrono::NaiveDateTime>,
    );
    let row: Option<Row> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(sha256_hex(token)))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            refresh_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family, expires_at, used_at, revoked_at)) = row else {
        return Ok(Rotation::Invalid);
    };
    let at = now();
    if revoked_at.is_some() || expires_at <= at {
        return Ok(Rotation::Invalid);
    }
    // Marking it used only if nobody else did closes the race between two refreshes.
    let claimed = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(at))
    .execute(conn)?;
    if used_at.is_some() || claimed == 0 {
        revoke_family(conn, &family)?;
        return Ok(Rotation::Reused);
    }
    let active: bool = users::table
        .find(user_id)
        .select(users::active)
        .first(conn)?;
    if !active {
        return Ok(Rotation::Invalid);
    }
    Ok(Rotation::Issued(issue(conn, keys, user_id, &family)?))
}

fn revoke_family(conn: &mut DbConnection, family: &str) -> Result<(), ApiError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now()))
    .execute(conn)?;
    Ok(())
}

/// Sign out.
///
/// Revokes the refresh token and every token rotated from the same sign-in. Access tokens
/// already issued expire on their own within minutes.
#[utoipa::path(
    tag = "auth",
    request_body(content = RefreshRequest, content_type = "application/json"),
    responses(
        (status = 204, description = "Signed out (also when the token was already invalid)"),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing `refresh_token`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/logout")]
pub async fn logout(pool: web::Data<Pool>, body: JsonBody) -> Result<HttpResponse, ApiError> {
    let token = token_body(body)?;
    db::run(&pool, move |conn| {
        let family: Option<String> = refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(sha256_hex(&token)))
            .select(refresh_tokens::family)
            .first(conn)
            .optional()?;
        match family {
            Some(family) => revoke_family(conn, &family),
            None => Ok(()),
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in user.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 400, description = "Query parameters given", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in (`authentication_required`, `invalid_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me")]
pub async fn me(
    pool: ReadPool,
    caller: Caller,
    _query: web::Query<crate::query::NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let me = db::run(&pool, move |conn| {
        let (display_name, city): (String, Option<String>) = users::table
            .left_join(cities::table)
            .filter(users::id.eq(user.id))
            .select((users::display_name, cities::slug.nullable()))
            .first(conn)?;
        Ok(Me {
            id: user.id,
            email: user.email,
            display_name,
            role: user.role,
            city,
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(me))
}

/// Roles that run the platform's data.
pub const STAFF: &[Role] = &[Role::Admin, Role::Secretariat];
