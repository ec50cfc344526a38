//! Establishes the [`Caller`] of every request once (bearer token, API key or anonymous) and
//! applies the request rate limits.

use std::net::{IpAddr, Ipv4Addr};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use diesel::prelude::*;
use subtle::ConstantTimeEq;

use super::tokens::{api_key_prefix, sha256_hex};
use super::{AuthState, Caller, Key, User};
use crate::db::schema::{api_keys, users};
use crate::db::{self, now, Pool};
use crate::error::ApiError;

/// How stale `last_used_at` may get before a request with the key refreshes it.
const LAST_USED_RESOLUTION_SECS: i64 = 60;

/// The address a request came from (the TCP peer).
pub fn client_ip(req: &actix_web::HttpRequest) -> IpAddr {
    req.peer_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The middleware: identify, rate-limit, and record the caller in the request extensions.
/// Refusals are answered here, as problems. The probes and `/metrics` skip it.
pub async fn authenticate<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if matches!(req.path(), "/healthz" | "/readyz" | "/metrics") {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    match admit(&req).await {
        Ok(caller) => {
            if matches!(caller, Caller::User(_)) {
                req.extensions_mut().insert(db::ReadsOwnWrites);
            }
            req.extensions_mut().insert(caller);
            next.call(req)
                .await
                .map(ServiceResponse::map_into_left_body)
        }
        Err(refusal) => {
            let response = actix_web::ResponseError::error_response(&refusal);
            Ok(req.into_response(response).map_into_right_body())
        }
    }
}

async fn admit(req: &ServiceRequest) -> Result<Caller, ApiError> {
    let (Some(state), Some(pool)) = (
        req.app_data::<web::Data<AuthState>>().cloned(),
        req.app_data::<web::Data<Pool>>().cloned(),
    ) else {
        return Err(ApiError::Internal(
            "authentication state missing".to_owned(),
        ));
    };
    let caller = match identify(req, &state, &pool).await {
        Ok(caller) => caller,
        // Refused credentials count against the address, so that they cannot be used to
        // send unlimited requests.
        Err(refusal) => {
            state.limits.anonymous(client_ip(req.request()))?;
            return Err(refusal);
        }
    };
    match &caller {
        Caller::Anonymous => state.limits.anonymous(client_ip(req.request()))?,
        Caller::ApiKey(key) => {
            state.limits.api_key(key)?;
            state.usage.count(key.id);
        }
        Caller::User(_) => {}
    }
    Ok(caller)
}

async fn identify(
    req: &ServiceRequest,
    state: &AuthState,
    pool: &Pool,
) -> Result<Caller, ApiError> {
    if let Some(value) = req.headers().get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "invalid_token",
                    "use `Authorization: Bearer <access token>`",
                )
            })?;
        let (user_id, epoch) = state.keys.verify(token).ok_or_else(|| {
            ApiError::unauthorized("invalid_token", "the access token is invalid or expired")
        })?;
        return db::run(pool, move |conn| active_user(conn, user_id, epoch))
            .await?
            .map(Caller::User)
            .ok_or_else(|| ApiError::unauthorized("invalid_token", "the account is not active"));
    }
    if let Some(value) = req.headers().get("x-api-key") {
        let key = value.to_str().unwrap_or_default().trim().to_owned();
        return db::run(pool, move |conn| valid_key(conn, &key))
            .await?
            .map(Caller::ApiKey)
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "invalid_api_key",
                    "the API key is unknown, revoked or expired",
                )
            });
    }
    Ok(Caller::Anonymous)
}

/// The active user with this id, with their current role, if a token of session epoch `epoch`
/// is still valid for them: deactivation and password changes end every earlier session.
pub fn active_user(
    conn: &mut db::DbConnection,
    id: i64,
    epoch: i32,
) -> Result<Option<User>, ApiError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .filter(users::active.eq(true))
        .filter(users::session_epoch.eq(epoch))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

fn valid_key(conn: &mut db::DbConnection, key: &str) -> Result<Option<Key>, ApiError> {
    let Some(prefix) = api_key_prefix(key) else {
        return Ok(None);
    };
    type KeyRow = (
        i64,
        String,
        Option<i32>,
        Option<chrono::NaiveDateTime>,
        Option<chrono::NaiveDateTime>,
    );
    let row: Option<KeyRow> = api_keys::table
        .filter(api_keys::prefix.eq(prefix))
        .filter(api_keys::revoked_at.is_null())
        .select((
            api_keys::id,
            api_keys::key_hash,
            api_keys::rate_limit_per_minute,
            api_keys::expires_at,
            api_keys::last_used_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, hash, limit, expires_at, last_used_at)) = row else {
        return Ok(None);
    };
    let presented = sha256_hex(key);
    if !bool::from(presented.as_bytes().ct_eq(hash.as_bytes())) {
        return Ok(None);
    }
    let at = now();
    if expires_at.is_some_and(|e| e <= at) {
        return Ok(None);
    }
    if last_used_at.is_none_or(|t| (at - t).num_seconds() >= LAST_USED_RESOLUTION_SECS) {
        diesel::update(api_keys::table.find(id))
            .set(api_keys::last_used_at.eq(at))
            .execute(conn)?;
    }
    Ok(Some(Key {
        id,
        prefix: prefix.to_owned(),
        rate_limit_per_minute: limit.and_then(|l| u32::try_from(l).ok()),
    }))
}
