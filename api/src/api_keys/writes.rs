//! Writes of API keys: issuing one (stored as a hash) and revoking it, each audited.

use diesel::prelude::*;

use super::input::NewKey;
use super::queries::find;
use super::types::ApiKeyInfo;
use crate::audit;
use crate::auth::User;
use crate::db::schema::api_keys;
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;

/// Stores a new key with its `prefix` and the hash of the whole key.
pub fn issue(
    conn: &mut DbConnection,
    actor: &User,
    key: NewKey,
    prefix: &str,
    hash: &str,
) -> Result<ApiKeyInfo, ApiError> {
    write_transaction(conn, |conn| {
        let id: i64 = diesel::insert_into(api_keys::table)
            .values((
                api_keys::name.eq(&key.name),
                api_keys::owner.eq(&key.owner),
                api_keys::prefix.eq(prefix),
                api_keys::key_hash.eq(hash),
                api_keys::scopes.eq(key.scopes.join(",")),
                api_keys::rate_limit_per_minute.eq(key.rate_limit_per_minute),
                api_keys::created_by.eq(actor.id),
                api_keys::created_at.eq(now()),
                api_keys::expires_at.eq(key.expires_at),
            ))
            .returning(api_keys::id)
            .get_result(conn)?;
        let created = find(conn, id)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "api_key",
            &id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

/// Revokes the key with `id`; a key already revoked is left as it is.
pub fn revoke(conn: &mut DbConnection, actor: &User, id: i64) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let before = find(conn, id)?;
        if before.revoked_at.is_some() {
            return Ok(());
        }
        diesel::update(api_keys::table.find(id))
            .set(api_keys::revoked_at.eq(now()))
            .execute(conn)?;
        let after = find(conn, id)?;
        audit::record(
            conn,
            Some(actor),
            "revoke",
            "api_key",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )
    })
}
