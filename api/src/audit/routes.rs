//! `GET /audit-log` (admin).

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{Caller, Role};
use crate::db::schema::audit_log;
use crate::db::{self, MultiBackend, ReadPool};
use crate::error::{ApiError, Problem};
use crate::pagination::{after_cursor, order_sql, paginate, SortKey};
use crate::query::Checker;

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
    /// `city`, `network`, `membership`, `user`, `api_key`, ...
    pub entity: String,
    /// The record's id or slug.
    pub entity_id: String,
    /// The record before the write (absent for creations).
    pub before: Option<serde_json::Value>,
    /// The record after the write.
    pub after: Option<serde_json::Value>,
}

crate::page_type!(
    /// A page of audit entries, newest first.
    AuditPage,
    AuditEntry
);

/// Query parameters of `GET /audit-log`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
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
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
}

type Row = (
    i64,
    chrono::NaiveDateTime,
    String,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn parse_time(check: &mut Checker, name: &str, raw: Option<&str>) -> Option<chrono::NaiveDateTime> {
    let raw = raw?;
    match DateTime::parse_from_rfc3339(raw) {
        Ok(t) => Some(t.with_timezone(&Utc).naive_utc()),
        Err(_) => {
            check.fail(
                name,
                format!("must be an RFC 3339 time such as 2026-01-31T00:00:00Z, got `{raw}`"),
            );
            None
        }
    }
}

/// The audit log.
///
/// Every write with its actor, time, and the record before and after, newest first.
#[utoipa::path(
    tag = "admin",
    params(AuditQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of audit entries", body = AuditPage),
        (status = 400, description = "Invalid query (`invalid_query`, `invalid_cursor`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/audit-log")]
pub async fn list_audit(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin])?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let since = parse_time(&mut check, "since", q.since.as_deref());
    let until = parse_time(&mut check, "until", q.until.as_deref());
    // The limits documented on `AuditQuery`.
    for (name, value, max) in [
        ("entity", &q.entity, 50),
        ("entity_id", &q.entity_id, 100),
        ("actor", &q.actor, 320),
        ("action", &q.action, 50),
    ] {
        if value
            .as_ref()
            .is_some_and(|v| v.is_empty() || v.chars().count() > max)
        {
            check.fail(name, format!("must be 1 to {max} characters"));
        }
    }
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "audit", "-id")?;
    let page = db::run(&pool, move |conn| {
        let filtered = || {
            let mut query = audit_log::table.into_boxed::<MultiBackend>();
            if let Some(entity) = &q.entity {
                query = query.filter(audit_log::entity.eq(entity.clone()));
            }
            if let Some(id) = &q.entity_id {
                query = query.filter(audit_log::entity_id.eq(id.clone()));
            }
            if let Some(actor) = &q.actor {
                query = query.filter(audit_log::actor.eq(actor.to_lowercase()));
            }
            if let Some(action) = &q.action {
                query = query.filter(audit_log::action.eq(action.clone()));
            }
            if let Some(since) = since {
                query = query.filter(audit_log::at.ge(since));
            }
            if let Some(until) = until {
                query = query.filter(audit_log::at.lt(until));
            }
            query
        };
        let total = filtered().count().get_result::<i64>(conn)?;
        let mut query = filtered()
            .order_by(order_sql("audit_log.id", "audit_log.id", true))
            .limit(limit + 1);
        if let Some(c) = &cursor {
            c.expect(false, false)?;
            query = query.filter(after_cursor("audit_log.id", "audit_log.id", true, c));
        }
        let rows: Vec<Row> = query
            .select((
                audit_log::id,
                audit_log::at,
                audit_log::actor,
                audit_log::actor_user_id,
                audit_log::action,
                audit_log::entity,
                audit_log::entity_id,
                audit_log::before,
                audit_log::after,
            ))
            .load(conn)?;
        let (rows, next) = paginate(rows, limit, "audit", "-id", |r| {
            (SortKey::Int(r.0), SortKey::Int(r.0))
        });
        let parse = |v: Option<String>| v.and_then(|s| serde_json::from_str(&s).ok());
        let items = rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.0,
                at: r.1.and_utc(),
                actor: r.2,
                actor_user_id: r.3,
                action: r.4,
                entity: r.5,
                entity_id: r.6,
                before: parse(r.7),
                after: parse(r.8),
            })
            .collect();
        Ok(AuditPage {
            items,
            next_cursor: next,
            total,
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(page))
}
