//! API shapes of the audit log.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// One recorded write.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// When the write happened.
    pub at: DateTime<Utc>,
    /// The acting user's email.
    pub actor: String,
    /// The acting user's id.
    pub actor_user_id: Option<i64>,
    /// `create`, `update`, `archive`, `restore`, `deactivate`, `revoke`, ...
    pub action: String,
    /// `city`, `network`, `membership`, `user`, `api_key`, `import`, ...
    pub entity: String,
    /// The record's id or slug.
    pub entity_id: String,
    /// The record before the write (absent for creations).
    pub before: Option<serde_json::Value>,
    /// The record after the write.
    pub after: Option<serde_json::Value>,
    /// The entry of the bulk import that made this write, when one did.
    pub import_id: Option<i64>,
}

crate::page_type!(
    /// A page of audit entries, newest first.
    AuditPage,
    AuditEntry
);

crate::list_query! {
    /// Query parameters of `GET /audit-log`.
    AuditQuery {
        /// Only this kind of record.
        #[param(example = "city", min_length = 1, max_length = 50)]
        pub entity: Option<String>,
        /// Only this record (with `entity`).
        #[param(min_length = 1, max_length = 100)]
        pub entity_id: Option<String>,
        /// Only writes by this user (email).
        #[param(min_length = 1, max_length = 320)]
        pub actor: Option<String>,
        /// Only this action.
        #[param(min_length = 1, max_length = 50)]
        pub action: Option<String>,
        /// Only writes at or after this time (RFC 3339).
        #[param(value_type = Option<DateTime<Utc>>)]
        pub since: Option<String>,
        /// Only writes before this time (RFC 3339).
        #[param(value_type = Option<DateTime<Utc>>)]
        pub until: Option<String>,
        /// Only the writes of this bulk import (the id of its `import` entry).
        #[param(value_type = Option<i64>, minimum = 1)]
        pub import_id: Option<String>,
    }
}
