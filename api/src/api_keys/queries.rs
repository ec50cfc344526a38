//! Reads of API keys: one by id, and the newest-first list.

use diesel::prelude::*;

use super::types::ApiKeyInfo;
use crate::db::schema::api_keys;
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::listing::CountedRows;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::utc;

/// A stored key as read (never its hash).
#[derive(Queryable, Selectable)]
#[diesel(table_name = api_keys)]
struct KeyRow {
    id: i64,
    name: String,
    owner: String,
    prefix: String,
    scopes: String,
    rate_limit_per_minute: Option<i32>,
    created_by: i64,
    created_at: chrono::NaiveDateTime,
    expires_at: Option<chrono::NaiveDateTime>,
    last_used_at: Option<chrono::NaiveDateTime>,
    revoked_at: Option<chrono::NaiveDateTime>,
}

impl From<KeyRow> for ApiKeyInfo {
    fn from(r: KeyRow) -> ApiKeyInfo {
        ApiKeyInfo {
            id: r.id,
            name: r.name,
            owner: r.owner,
            prefix: r.prefix,
            scopes: r
                .scopes
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            rate_limit_per_minute: r.rate_limit_per_minute,
            created_by: r.created_by,
            created_at: utc(r.created_at),
            expires_at: r.expires_at.map(utc),
            last_used_at: r.last_used_at.map(utc),
            revoked_at: r.revoked_at.map(utc),
        }
    }
}

/// The key with `id`, revoked or not.
pub fn find(conn: &mut DbConnection, id: i64) -> Result<ApiKeyInfo, ApiError> {
    api_keys::table
        .find(id)
        .select(KeyRow::as_select())
        .first(conn)
        .optional()?
        .map(ApiKeyInfo::from)
        .ok_or_else(|| ApiError::NotFound(format!("no API key with id {id}")))
}

/// A page of keys, newest first: live ones, or all with `revoked`.
pub fn list(
    conn: &mut DbConnection,
    revoked: bool,
    limit: i64,
    cursor: Option<&Cursor>,
) -> CountedRows<ApiKeyInfo> {
    let filtered = || {
        let q = api_keys::table.into_boxed::<MultiBackend>();
        if revoked {
            q
        } else {
            q.filter(api_keys::revoked_at.is_null())
        }
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql("api_keys.id", "api_keys.id", true))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor("api_keys.id", "api_keys.id", true, c));
    }
    let rows: Vec<KeyRow> = query.select(KeyRow::as_select()).load(conn)?;
    let (rows, next_cursor) = paginate(rows, limit, "api-keys", "-id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((
        rows.into_iter().map(ApiKeyInfo::from).collect(),
        next_cursor,
        total,
    ))
}
