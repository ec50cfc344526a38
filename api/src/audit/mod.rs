//! The audit log: every write records who did what to which record, with before and after.

mod queries;
pub mod routes;
pub mod types;

use diesel::prelude::*;
use serde::Serialize;

use crate::auth::User;
use crate::db::schema::audit_log;
use crate::db::{now, DbConnection};
use crate::error::ApiError;

/// The actor of writes made from the command line.
pub const CLI_ACTOR: &str = "cli";

/// Records one write, inside the caller's transaction. `actor` is `None` for the command line.
pub fn record<T: Serialize>(
    conn: &mut DbConnection,
    actor: Option<&User>,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), ApiError> {
    record_returning_id(conn, actor, action, entity, entity_id, before, after).map(|_| ())
}

/// Records one write like [`record`] and answers the new entry's id.
pub fn record_returning_id<T: Serialize>(
    conn: &mut DbConnection,
    actor: Option<&User>,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<i64, ApiError> {
    let json = |v: Option<&T>| {
        v.map(serde_json::to_string)
            .transpose()
            .map_err(|e| ApiError::Internal(e.to_string()))
    };
    Ok(diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now()),
            audit_log::actor_user_id.eq(actor.map(|a| a.id)),
            audit_log::actor.eq(actor.map_or(CLI_ACTOR, |a| a.email.as_str())),
            audit_log::action.eq(action),
            audit_log::entity.eq(entity),
            audit_log::entity_id.eq(entity_id),
            audit_log::before.eq(json(before)?),
            audit_log::after.eq(json(after)?),
        ))
        .returning(audit_log::id)
        .get_result(conn)?)
}

/// Marks the entries `entry_ids` as written by the bulk import recorded as entry `import_id`.
pub fn link_to_import(
    conn: &mut DbConnection,
    import_id: i64,
    entry_ids: &[i64],
) -> Result<(), ApiError> {
    for chunk in entry_ids.chunks(500) {
        diesel::update(audit_log::table.filter(audit_log::id.eq_any(chunk)))
            .set(audit_log::import_id.eq(import_id))
            .execute(conn)?;
    }
    Ok(())
}
