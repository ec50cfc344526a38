//! Reading accounts.

use diesel::prelude::*;

use super::types::Account;
use crate::auth::Role;
use crate::db::schema::{cities, users};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::utc;

type Row = (
    i32,
    i64,
    String,
    String,
    String,
    Option<String>,
    bool,
    chrono::NaiveDateTime,
    chrono::NaiveDateTime,
);

fn to_account(r: Row) -> Account {
    Account {
        id: r.1,
        email: r.2,
        display_name: r.3,
        role: Role::parse(&r.4).unwrap_or(Role::Analyst),
        city: r.5,
        active: r.6,
        created_at: utc(r.7),
        updated_at: utc(r.8),
    }
}

fn base(
) -> diesel::dsl::IntoBoxed<'static, diesel::dsl::LeftJoin<users::table, cities::table>, MultiBackend>
{
    users::table.left_join(cities::table).into_boxed()
}

macro_rules! account_columns {
    () => {
        (
            users::version,
            users::id,
            users::email,
            users::display_name,
            users::role,
            cities::slug.nullable(),
            users::active,
            users::created_at,
            users::updated_at,
        )
    };
}

/// An account by id.
pub fn get(conn: &mut DbConnection, id: i64) -> Result<Account, ApiError> {
    get_versioned(conn, id).map(|(account, _)| account)
}

/// An account and its row version, read in one statement, for writes guarded by that version.
pub fn get_versioned(conn: &mut DbConnection, id: i64) -> Result<(Account, i32), ApiError> {
    let row: Row = base()
        .filter(users::id.eq(id))
        .select(account_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no user with id {id}")))?;
    let version = row.0;
    Ok((to_account(row), version))
}

/// One page of accounts by id.
pub fn list(
    conn: &mut DbConnection,
    role: Option<String>,
    active: Option<bool>,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Account>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = base();
        if let Some(role) = &role {
            q = q.filter(users::role.eq(role.clone()));
        }
        if let Some(active) = active {
            q = q.filter(users::active.eq(active));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut q = filtered()
        .order_by(order_sql("users.id", "users.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        q = q.filter(after_cursor("users.id", "users.id", false, c));
    }
    let rows: Vec<Row> = q.select(account_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "users", "id", |r| {
        (SortKey::Int(r.1), SortKey::Int(r.1))
    });
    Ok((rows.into_iter().map(to_account).collect(), next, total))
}
