//! Creating, updating and deactivating accounts. Passwords are hashed by the caller, off the
//! async workers, before these run.

use diesel::prelude::*;

use super::queries;
use super::types::Account;
use crate::audit;
use crate::auth::password::weakness;
use crate::auth::{Role, User};
use crate::db::schema::{cities, refresh_tokens, users};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::{Fields, JsonBody, Patch};

/// Checked fields of an account write.
pub struct AccountChanges {
    pub email: Patch<String>,
    pub display_name: Patch<String>,
    pub role: Patch<Role>,
    pub city: Patch<String>,
    /// The plain password, to be hashed before the write.
    pub password: Patch<String>,
    pub active: Patch<bool>,
}

/// Whether `email` looks like an address: one `@` with text on both sides, no spaces.
fn plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Reads and checks an account body; on create `email`, `display_name`, `role` and `password`
/// are required.
pub fn read(body: JsonBody, creating: bool) -> Result<AccountChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&["id", "created_at", "updated_at"]);
    if !creating {
        f.read_only(&["email"]);
    }
    let email = match f.text("email", 320) {
        Patch::Set(e) if plausible_email(&e) => Patch::Set(e.to_lowercase()),
        Patch::Set(_) => {
            f.fail("email", "must be an email address");
            Patch::Absent
        }
        other => other,
    };
    let display_name = f.text("display_name", 200);
    let role = f.enumerated::<Role>("role");
    let city = f.slug("city");
    let password = f.secret("password", 256);
    let active = f.boolean("active");
    for (name, cleared) in [
        ("display_name", matches!(display_name, Patch::Null)),
        ("role", matches!(role, Patch::Null)),
        ("password", matches!(password, Patch::Null)),
        ("active", matches!(active, Patch::Null)),
    ] {
        if cleared {
            f.fail(name, "cannot be cleared");
        }
    }
    if creating {
        f.require("email", &email);
        f.require("display_name", &display_name);
        f.require("role", &role);
        f.require("password", &password);
    }
    f.finish()?;
    Ok(AccountChanges {
        email,
        display_name,
        role,
        city,
        password,
        active,
    })
}

/// Resolves the city of an account and checks it fits the role.
fn city_for(
    conn: &mut DbConnection,
    role: Role,
    city: Option<&str>,
) -> Result<Option<i64>, ApiError> {
    match (role == Role::CityEditor, city) {
        (true, None) => Err(ApiError::field("city", "is required for a city_editor")),
        (false, Some(_)) => Err(ApiError::field("city", "is only for a city_editor")),
        (false, None) => Ok(None),
        (true, Some(slug)) => cities::table
            .filter(cities::slug.eq(slug))
            .filter(cities::archived_at.is_null())
            .select(cities::id)
            .first(conn)
            .optional()?
            .map(Some)
            .ok_or_else(|| ApiError::field("city", format!("no city with slug `{slug}`"))),
    }
}

fn check_password(password: Option<&str>, email: &str) -> Result<(), ApiError> {
    match password.and_then(|p| weakness(p, email)) {
        Some(reason) => Err(ApiError::Validation(vec![FieldError::new(
            "password", reason,
        )])),
        None => Ok(()),
    }
}

/// Creates an account with an already hashed password. `actor` is `None` from the command line.
pub fn create(
    conn: &mut DbConnection,
    actor: Option<&User>,
    ch: AccountChanges,
    password_hash: String,
) -> Result<Account, ApiError> {
    write_transaction(conn, |conn| {
        let email = ch
            .email
            .set()
            .ok_or_else(|| ApiError::field("email", "is required"))?;
        let role = ch
            .role
            .set()
            .ok_or_else(|| ApiError::field("role", "is required"))?;
        check_password(ch.password.set().as_deref(), &email)?;
        let city_id = city_for(conn, role, ch.city.set().as_deref())?;
        let taken: i64 = users::table
            .filter(users::email.eq(&email))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(ApiError::conflict(
                "email_taken",
                format!("an account for {email} exists"),
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(users::table)
            .values((
                users::email.eq(&email),
                users::display_name.eq(ch.display_name.set().unwrap_or_else(|| email.clone())),
                users::password_hash.eq(password_hash),
                users::role.eq(role),
                users::city_id.eq(city_id),
                users::active.eq(ch.active.set().unwrap_or(true)),
                users::created_at.eq(at),
                users::updated_at.eq(at),
            ))
            .returning(users::id)
            .get_result(conn)?;
        let account = queries::get(conn, id)?;
        audit::record(
            conn,
            actor,
            "create",
            "user",
            &id.to_string(),
            None,
            Some(&account),
        )?;
        Ok(account)
    })
}

/// Ends every session of a user: refresh tokens are revoked, and access tokens issued so far
/// stop working (the session epoch moves on).
fn revoke_sessions(conn: &mut DbConnection, user_id: i64) -> Result<(), ApiError> {
    diesel::update(users::table.find(user_id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)?;
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now()))
    .execute(conn)?;
    Ok(())
}

/// Applies a JSON merge patch to an account (with the new password already hashed, if any).
/// Deactivating revokes the account's sessions; its access tokens stop working at once.
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    ch: AccountChanges,
    password_hash: Option<String>,
    if_match: Option<&str>,
) -> Result<Account, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = queries::get_versioned(conn, id)?;
        etag::check(if_match, &etag::of(&before)?)?;
        check_password(ch.password.clone().set().as_deref(), &before.email)?;
        if id == actor.id && (ch.active == Patch::Set(false) || ch.role.is_present()) {
            return Err(ApiError::conflict(
                "own_account",
                "an admin cannot deactivate their own account or change their own role",
            ));
        }
        let role = ch.role.clone().set().unwrap_or(before.role);
        // The city is checked when the role or city changes; otherwise the account keeps its city,
        // even one archived since, so that such an editor can still be renamed or deactivated.
        let city_id = if ch.role.is_present() || ch.city.is_present() {
            let city = ch.city.merged(before.city.clone());
            city_for(conn, role, city.as_deref())?
        } else {
            users::table
                .find(id)
                .select(users::city_id)
                .first::<Option<i64>>(conn)?
        };
        let at = now();
        let updated = diesel::update(
            users::table
                .filter(users::id.eq(id))
                .filter(users::version.eq(version)),
        )
        .set((
            users::display_name.eq(ch
                .display_name
                .set()
                .unwrap_or_else(|| before.display_name.clone())),
            users::role.eq(role),
            users::city_id.eq(city_id),
            users::active.eq(ch.active.clone().set().unwrap_or(before.active)),
            users::version.eq(version + 1),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("account"));
        }
        if let Some(hash) = password_hash {
            diesel::update(users::table.find(id))
                .set(users::password_hash.eq(hash))
                .execute(conn)?;
        }
        if ch.active == Patch::Set(false) || ch.password.is_present() {
            revoke_sessions(conn, id)?;
        }
        let after = queries::get(conn, id)?;
        let action = match ch.active {
            Patch::Set(false) if before.active => "deactivate",
            Patch::Set(true) if !before.active => "reactivate",
            _ => "update",
        };
        audit::record(
            conn,
            Some(actor),
            action,
            "user",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
