//! `GET /audit-log` (admin).

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};

use super::queries::{self, AuditFilters};
use super::types::{AuditPage, AuditQuery};
use crate::auth::{Caller, Role};
use crate::db::ReadPool;
use crate::error::{ApiError, Problem};
use crate::listing::Paging;
use crate::query::Checker;

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
    paging: Paging,
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
    let import_id = check.id("import_id", q.import_id.as_deref());
    let list = paging.pages(check, "audit", "-id")?;
    let filters = AuditFilters {
        entity: q.entity,
        entity_id: q.entity_id,
        actor: q.actor,
        action: q.action,
        since,
        until,
        import_id,
    };
    list.answer_private::<AuditPage, _, _>(&pool, move |conn, limit, cursor| {
        queries::list(conn, &filters, limit, cursor)
    })
    .await
}
