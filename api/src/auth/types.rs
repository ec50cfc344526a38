//! Request and response shapes of the session endpoints.

use serde::Serialize;
use utoipa::ToSchema;

use super::Role;

/// `POST /auth/login` body.
#[derive(Debug, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "secretariat@example.org")]
    pub email: String,
    #[schema(format = Password)]
    pub password: String,
}

/// `POST /auth/refresh` and `POST /auth/logout` body.
#[derive(Debug, ToSchema)]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh.
    pub refresh_token: String,
}

/// A new session or a rotated one.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Exchange at `/auth/refresh` for a new pair; each refresh token works once.
    pub refresh_token: String,
}

/// The signed-in user.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The slug of the city a city editor keeps.
    pub city: Option<String>,
}
