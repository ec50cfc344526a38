//! API shapes of user accounts.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Role;

/// A user account (never its password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The slug of the city a city editor keeps.
    pub city: Option<String>,
    /// Deactivated users cannot sign in, and their tokens stop working at once.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(
    /// A page of accounts, oldest first.
    AccountPage,
    Account
);

/// The body of `POST /users` and `PATCH /users/{id}` (JSON merge patch).
#[derive(Debug, ToSchema)]
pub struct AccountInput {
    /// Required on create; cannot change.
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub role: Option<Role>,
    /// City slug; required for, and only for, `city_editor`.
    pub city: Option<String>,
    /// At least 12 characters, not the email. Required on create.
    #[schema(format = Password)]
    pub password: Option<String>,
    /// `false` deactivates, `true` reactivates.
    pub active: Option<bool>,
}

crate::list_query! {
    /// Query parameters of `GET /users`.
    AccountListQuery {
        /// Only this role.
        #[param(value_type = Option<Role>)]
        pub role: Option<String>,
        /// Only active (`true`) or deactivated (`false`) accounts.
        #[param(value_type = Option<bool>)]
        pub active: Option<String>,
    }
}
