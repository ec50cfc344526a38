//! Reads of the audit log: the filtered list, newest first.

use diesel::prelude::*;

use super::types::AuditEntry;
use crate::db::schema::audit_log;
use crate::db::{DbConnection, MultiBackend};
use crate::listing::CountedRows;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

/// Checked filters of the audit log.
#[derive(Debug, Default)]
pub struct AuditFilters {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// An email, matched lower-cased.
    pub actor: Option<String>,
    pub action: Option<String>,
    /// At or after.
    pub since: Option<chrono::NaiveDateTime>,
    /// Before.
    pub until: Option<chrono::NaiveDateTime>,
    /// Only the writes of this bulk import.
    pub import_id: Option<i64>,
}

/// One stored entry; `before` and `after` are JSON text.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct EntryRow {
    id: i64,
    at: chrono::NaiveDateTime,
    actor: String,
    actor_user_id: Option<i64>,
    action: String,
    entity: String,
    entity_id: String,
    before: Option<String>,
    after: Option<String>,
    import_id: Option<i64>,
}

impl From<EntryRow> for AuditEntry {
    fn from(r: EntryRow) -> AuditEntry {
        let parse = |v: Option<String>| v.and_then(|s| serde_json::from_str(&s).ok());
        AuditEntry {
            id: r.id,
            at: r.at.and_utc(),
            actor: r.actor,
            actor_user_id: r.actor_user_id,
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: parse(r.before),
            after: parse(r.after),
            import_id: r.import_id,
        }
    }
}

/// A page of entries matching `filters`, newest first, and their total.
pub fn list(
    conn: &mut DbConnection,
    filters: &AuditFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> CountedRows<AuditEntry> {
    let filtered = || {
        let mut query = audit_log::table.into_boxed::<MultiBackend>();
        if let Some(entity) = &filters.entity {
            query = query.filter(audit_log::entity.eq(entity.clone()));
        }
        if let Some(id) = &filters.entity_id {
            query = query.filter(audit_log::entity_id.eq(id.clone()));
        }
        if let Some(actor) = &filters.actor {
            query = query.filter(audit_log::actor.eq(actor.to_lowercase()));
        }
        if let Some(action) = &filters.action {
            query = query.filter(audit_log::action.eq(action.clone()));
        }
        if let Some(since) = filters.since {
            query = query.filter(audit_log::at.ge(since));
        }
        if let Some(until) = filters.until {
            query = query.filter(audit_log::at.lt(until));
        }
        if let Some(import) = filters.import_id {
            query = query.filter(audit_log::import_id.eq(import));
        }
        query
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql("audit_log.id", "audit_log.id", true))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor("audit_log.id", "audit_log.id", true, c));
    }
    let rows: Vec<EntryRow> = query.select(EntryRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "audit", "-id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((
        rows.into_iter().map(AuditEntry::from).collect(),
        next,
        total,
    ))
}
