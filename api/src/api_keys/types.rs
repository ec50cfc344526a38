//! API shapes of API keys.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// What a key may be used for.
pub const SCOPES: &[&str] = &["read"];

/// An API key as listed (never the key itself).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyInfo {
    pub id: i64,
    /// What the key is for.
    pub name: String,
    /// Who holds it (an organisation or person).
    pub owner: String,
    /// The visible start of the key: `lck_<prefix>_...`.
    pub prefix: String,
    /// Granted scopes (`read`: public data at the key's own rate limit).
    pub scopes: Vec<String>,
    /// Requests per minute; `null` means the service default.
    pub rate_limit_per_minute: Option<i32>,
    /// The id of the user who issued it.
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Last use, to the minute.
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A newly issued key: the only time `key` is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedApiKey {
    /// Send as `X-API-Key`. Store it now: it cannot be shown again.
    pub key: String,
    pub api_key: ApiKeyInfo,
}

crate::page_type!(
    /// A page of API keys, newest first.
    ApiKeyPage,
    ApiKeyInfo
);

/// The body of `POST /api-keys`.
#[derive(Debug, ToSchema)]
pub struct ApiKeyInput {
    pub name: String,
    pub owner: String,
    /// Default `["read"]`.
    pub scopes: Option<Vec<String>>,
    /// When the key stops working (RFC 3339, in the future).
    pub expires_at: Option<DateTime<Utc>>,
    /// Requests per minute, 1 to 100000; default: the service's API-key limit.
    pub rate_limit_per_minute: Option<i32>,
}

crate::list_query! {
    /// Query parameters of `GET /api-keys`.
    ApiKeyListQuery {
        /// Include revoked keys (`true`); default only live ones.
        #[param(value_type = Option<bool>)]
        pub revoked: Option<String>,
    }
}

/// Requests of one key on one day (UTC).
#[derive(Debug, Serialize, ToSchema)]
pub struct DailyUsage {
    pub day: chrono::NaiveDate,
    pub requests: i64,
}

/// The requests made with one API key.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyUsage {
    pub key_id: i64,
    pub prefix: String,
    /// All requests so far.
    pub total: i64,
    /// Per day, newest first.
    pub days: Vec<DailyUsage>,
}
