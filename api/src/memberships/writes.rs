//! Creating, updating, archiving and restoring memberships, with their audit entries.

use chrono::Datelike;
use diesel::prelude::*;

use super::input::MembershipChanges;
use super::queries::{find, find_versioned};
use super::types::Membership;
use crate::archive::Archivable;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{cities, memberships, networks};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::Patch;
use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::provenance::{self, Entity};

fn year(patch: Patch<i64>) -> Patch<i32> {
    match patch {
        Patch::Set(y) => i32::try_from(y).map_or(Patch::Absent, Patch::Set),
        Patch::Null => Patch::Null,
        Patch::Absent => Patch::Absent,
    }
}

/// Joined before left, and the date inside the joined year.
fn check_years(
    joined: Option<i32>,
    on: Option<chrono::NaiveDate>,
    left: Option<i32>,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let (Some(j), Some(l)) = (joined, left) {
        if l < j {
            errors.push(FieldError::new(
                "left_year",
                "must not be before joined_year",
            ));
        }
    }
    if let (Some(j), Some(d)) = (joined, on) {
        if d.year() != j {
            errors.push(FieldError::new("joined_on", "must fall in joined_year"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn duplicate() -> ApiError {
    ApiError::conflict(
        "duplicate",
        "the city already has a current membership in this network",
    )
}

/// Creates a membership of a public city in a public network, audited.
pub fn create(
    conn: &mut DbConnection,
    actor: &User,
    ch: MembershipChanges,
) -> Result<Membership, ApiError> {
    write_transaction(conn, |conn| {
        let created = insert(conn, ch)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "membership",
            &created.id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

/// Inserts a membership inside the caller's transaction, without an audit entry (the caller
/// records one).
pub fn insert(conn: &mut DbConnection, ch: MembershipChanges) -> Result<Membership, ApiError> {
    let city_slug = ch.city.set().unwrap_or_default();
    let network_slug = ch.network.set().unwrap_or_default();
    let city: Option<i64> = cities::table
        .filter(cities::slug.eq(&city_slug))
        .filter(cities::archived_at.is_null())
        .select(cities::id)
        .first(conn)
        .optional()?;
    let network: Option<i64> = networks::table
        .filter(networks::slug.eq(&network_slug))
        .filter(networks::archived_at.is_null())
        .select(networks::id)
        .first(conn)
        .optional()?;
    let mut errors = Vec::new();
    if city.is_none() {
        errors.push(FieldError::new(
            "city",
            format!("no city with slug `{city_slug}`"),
        ));
    }
    if network.is_none() {
        errors.push(FieldError::new(
            "network",
            format!("no network with slug `{network_slug}`"),
        ));
    }
    let (Some(city), Some(network)) = (city, network) else {
        return Err(ApiError::Validation(errors));
    };
    let joined_year = year(ch.joined_year)
        .set()
        .or_else(|| ch.joined_on.clone().set().map(|d| d.year()));
    let joined_on = ch.joined_on.set();
    let left_year = year(ch.left_year).set();
    check_years(joined_year, joined_on, left_year)?;
    let current: i64 = memberships::table
        .filter(memberships::city_id.eq(city))
        .filter(memberships::network_id.eq(network))
        .filter(memberships::archived_at.is_null())
        .count()
        .get_result(conn)?;
    if current > 0 {
        return Err(duplicate());
    }
    let at = now();
    let id: i64 = diesel::insert_into(memberships::table)
        .values((
            memberships::city_id.eq(city),
            memberships::network_id.eq(network),
            memberships::role.eq(ch.role.set().unwrap_or(MembershipRole::Member)),
            memberships::status.eq(ch.status.set().unwrap_or(MembershipStatus::Active)),
            memberships::joined_year.eq(joined_year),
            memberships::joined_on.eq(joined_on),
            memberships::left_year.eq(left_year),
            memberships::source_url.eq(ch.source_url.set()),
            memberships::note.eq(ch.note.set()),
            memberships::created_at.eq(at),
            memberships::updated_at.eq(at),
        ))
        .returning(memberships::id)
        .get_result(conn)?;
    provenance::writes::apply(conn, Entity::Membership, id, ch.provenance)?;
    find(conn, id, false)
}

#[derive(AsChangeset)]
#[diesel(table_name = memberships)]
struct MembershipChangeset {
    role: Option<MembershipRole>,
    status: Option<MembershipStatus>,
    joined_year: Option<Option<i32>>,
    joined_on: Option<Option<chrono::NaiveDate>>,
    left_year: Option<Option<i32>>,
    source_url: Option<Option<String>>,
    note: Option<Option<String>>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// Applies a JSON merge patch to a public membership, audited.
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    ch: MembershipChanges,
    if_match: Option<&str>,
) -> Result<Membership, ApiError> {
    write_transaction(conn, |conn| {
        let (before, after) = change(conn, id, ch, if_match)?;
        audit::record(
            conn,
            Some(actor),
            "update",
            "membership",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Applies a JSON merge patch to a public membership inside the caller's transaction, without
/// an audit entry; answers the membership before and after.
pub fn change(
    conn: &mut DbConnection,
    id: i64,
    ch: MembershipChanges,
    if_match: Option<&str>,
) -> Result<(Membership, Membership), ApiError> {
    let (before, version) = find_versioned(conn, id, false)?;
    etag::check(if_match, &etag::of(&before)?)?;
    let joined_year = year(ch.joined_year);
    let left_year = year(ch.left_year);
    check_years(
        joined_year.merged(before.joined_year),
        ch.joined_on.merged(before.joined_on),
        left_year.merged(before.left_year),
    )?;
    let changes = MembershipChangeset {
        role: ch.role.set(),
        status: ch.status.set(),
        joined_year: joined_year.into_change(),
        joined_on: ch.joined_on.into_change(),
        left_year: left_year.into_change(),
        source_url: ch.source_url.into_change(),
        note: ch.note.into_change(),
        version: version + 1,
        updated_at: now(),
    };
    let updated = diesel::update(
        memberships::table
            .filter(memberships::id.eq(id))
            .filter(memberships::version.eq(version)),
    )
    .set(&changes)
    .execute(conn)?;
    if updated == 0 {
        return Err(etag::changed_meanwhile("membership"));
    }
    provenance::writes::apply(conn, Entity::Membership, id, ch.provenance)?;
    let after = find(conn, id, false)?;
    Ok((before, after))
}

impl Archivable for Membership {
    type Key = i64;
    const ENTITY: &'static str = "membership";

    fn find_versioned(
        conn: &mut DbConnection,
        id: &i64,
        archived: bool,
    ) -> Result<(Membership, i32), ApiError> {
        find_versioned(conn, *id, archived)
    }

    fn mark(
        conn: &mut DbConnection,
        membership: &Membership,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            memberships::table
                .filter(memberships::id.eq(membership.id))
                .filter(memberships::version.eq(version)),
        )
        .set((
            memberships::archived_at.eq(archived_at),
            memberships::version.eq(version + 1),
            memberships::updated_at.eq(at),
        ))
        .execute(conn)?)
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }

    /// A membership is not restored while the city has another current one in that network.
    fn may_restore(conn: &mut DbConnection, membership: &Membership) -> Result<(), ApiError> {
        let (city, network): (i64, i64) = memberships::table
            .find(membership.id)
            .select((memberships::city_id, memberships::network_id))
            .first(conn)?;
        let current: i64 = memberships::table
            .filter(memberships::city_id.eq(city))
            .filter(memberships::network_id.eq(network))
            .filter(memberships::archived_at.is_null())
            .count()
            .get_result(conn)?;
        if current > 0 {
            return Err(duplicate());
        }
        Ok(())
    }
}
