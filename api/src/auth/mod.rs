//! Authentication and authorisation: who is calling ([`Caller`]), what roles may do, passwords,
//! tokens, API keys and rate limits.

pub mod limits;
pub mod middleware;
pub mod password;
pub mod routes;
pub mod secret;
pub mod tokens;
pub mod types;

use std::future::{ready, Ready};

use actix_web::{FromRequest, HttpMessage, HttpRequest};

use crate::error::ApiError;

/// Keys, limits and the decoy hash shared by every worker.
pub struct AuthState {
    /// Signs and checks access tokens.
    pub keys: tokens::TokenKeys,
    /// Request and login rate limits.
    pub limits: limits::Limits,
    /// A password hash verified for unknown emails, so that both failures take the same time.
    pub decoy_hash: String,
    /// Requests counted per API key.
    pub usage: crate::usage::Usage,
}

crate::text_enum! {
    /// What a user may do.
    pub enum Role {
        /// Everything, including users and restoring archived records.
        Admin = "admin",
        /// Keeps the data, runs award cycles and evaluations.
        Secretariat = "secretariat",
        /// Scores the cities assigned to them.
        Evaluator = "evaluator",
        /// Keeps one city's profile.
        CityEditor = "city_editor",
        /// Reads whole data sets.
        Analyst = "analyst",
    }
}

/// A signed-in, active user.
#[derive(Debug, Clone, diesel::Queryable, diesel::Selectable)]
#[diesel(table_name = crate::db::schema::users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
    /// The city a city editor keeps.
    pub city_id: Option<i64>,
}

/// A valid, unrevoked, unexpired API key.
#[derive(Debug, Clone)]
pub struct Key {
    pub id: i64,
    pub prefix: String,
    pub rate_limit_per_minute: Option<u32>,
}

/// Who made a request, established once by [`middleware::authenticate`].
#[derive(Debug, Clone, Default)]
pub enum Caller {
    /// No credentials.
    #[default]
    Anonymous,
    /// A bearer access token.
    User(User),
    /// An `X-API-Key`.
    ApiKey(Key),
}

impl Caller {
    /// The user, when one of `roles` is theirs: 401 without a user, 403 with another role.
    pub fn require(&self, roles: &[Role]) -> Result<&User, ApiError> {
        match self {
            Caller::User(user) if roles.contains(&user.role) => Ok(user),
            Caller::User(user) => Err(ApiError::forbidden(
                "forbidden",
                format!(
                    "the {} role may not do this; allowed: {}",
                    user.role.as_str(),
                    roles
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
            _ => Err(ApiError::unauthorized(
                "authentication_required",
                "sign in and send `Authorization: Bearer <access token>`",
            )),
        }
    }

    /// Any signed-in user.
    pub fn user(&self) -> Result<&User, ApiError> {
        self.require(&[
            Role::Admin,
            Role::Secretariat,
            Role::Evaluator,
            Role::CityEditor,
            Role::Analyst,
        ])
    }
}

impl FromRequest for Caller {
    type Error = actix_web::Error;
    type Future = Ready<Result<Caller, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(Ok(req
            .extensions()
            .get::<Caller>()
            .cloned()
            .unwrap_or_default()))
    }
}
