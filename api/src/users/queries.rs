//! Reading accounts.

use diesel::prelude::*;

use super::types::Account;
use crate::auth::Role;
use crate::db::schema::{cities, users};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::utc;

/// An account joined with the slug of the city its editor keeps.
#[derive(Queryable)]
struct AccountRow {
    version: i32,
    id: i64,
    email: String,
    display_name: String,
    role: Role,
    city: Option<String>,
    active: bool,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

impl From<AccountRow> for Account {
    fn from(r: AccountRow) -> Account {
        Account {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: r.role,
            city: r.city,
            active: r.active,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

fn base(
) -> diesel::dsl::IntoBoxed<'static, diesel::dsl::LeftJoin<users::table, cities::table>, MultiBackend>
{
    users::table.left_join(cities::table).into_boxed()
}

/// The columns of an [`AccountRow`].
#[diesel::dsl::auto_type(no_type_alias)]
fn account_columns() -> _ {
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
}

/// An account by id.
pub fn get(conn: &mut DbConnection, id: i64) -> Result<Account, ApiError> {
    get_versioned(conn, id).map(|(account, _)| account)
}

/// An account and its row version, read in one statement, for writes guarded by that version.
pub fn get_versioned(conn: &mut DbConnection, id: i64) -> Result<(Account, i32), ApiError> {
    let row: AccountRow = base()
        .filter(users::id.eq(id))
        .select(account_columns())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no user with id {id}")))?;
    let version = row.version;
    Ok((Account::from(row), version))
}

/// One page of accounts by id.
pub fn list(
    conn: &mut DbConnection,
    role: Option<Role>,
    active: Option<bool>,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Account>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = base();
        if let Some(role) = role {
            q = q.filter(users::role.eq(role));
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
    let rows: Vec<AccountRow> = q.select(account_columns()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "users", "id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((rows.into_iter().map(Account::from).collect(), next, total))
}
