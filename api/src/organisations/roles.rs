//! Adding and removing an organisation's roles in networks, award programmes, events and
//! initiatives (staff), each in one write transaction audited as a change of the organisation.

use diesel::prelude::*;
use utoipa::ToSchema;

use super::queries::find_versioned;
use super::types::{Organisation, RoleKind, RoleTarget};
use crate::audit;
use crate::auth::User;
use crate::db::schema::{
    award_programmes, events, initiatives, networks, organisation_roles, organisations,
};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::events::types::EventStatus;
use crate::http::etag;
use crate::input::{Fields, JsonBody, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};
use crate::provenance::{self as sources, Entity};

/// The record a new role is held in, in a request body.
#[derive(Debug, ToSchema)]
pub struct RoleSubjectInput {
    pub kind: RoleTarget,
    /// The record's slug.
    #[schema(example = "thailand-learning-cities")]
    pub slug: String,
}

/// The body of `POST /organisations/{slug}/roles`.
#[derive(Debug, ToSchema)]
pub struct RoleInput {
    pub role: RoleKind,
    /// What the role is held in (a public record).
    pub of: RoleSubjectInput,
    /// The first year of the role, where the source says.
    pub from_year: Option<i32>,
    /// The last year, where it ended.
    pub to_year: Option<i32>,
    pub note: Option<String>,
    /// The role's sources (at most 20).
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the role as not verified, with the reason.
    pub unverified_reason: Option<String>,
}

/// A checked role body.
pub struct RoleChanges {
    role: RoleKind,
    kind: RoleTarget,
    slug: String,
    from_year: Option<i32>,
    to_year: Option<i32>,
    note: Option<String>,
    provenance: ProvenanceChanges,
}

/// Reads and checks a role body.
pub fn read(body: JsonBody) -> Result<RoleChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    let role = f.enumerated::<RoleKind>("role");
    f.require("role", &role);
    let (kind, slug) = match f.object("of") {
        Patch::Set(mut of) => {
            let kind = of.enumerated::<RoleTarget>("kind");
            let slug = of.slug("slug");
            of.require("kind", &kind);
            of.require("slug", &slug);
            f.absorb(of);
            (kind.set(), slug.set())
        }
        _ => {
            f.fail("of", "is required: {\"kind\": ..., \"slug\": ...}");
            (None, None)
        }
    };
    let year = |y: Patch<i64>| y.set().and_then(|y| i32::try_from(y).ok());
    let from_year = year(f.integer("from_year", 1900..=2200));
    let to_year = year(f.integer("to_year", 1900..=2200));
    if from_year.zip(to_year).is_some_and(|(a, b)| b < a) {
        f.fail("to_year", "is before from_year");
    }
    let note = f.text("note", 1000).set();
    let provenance = provenance::read(&mut f);
    f.finish()?;
    match (role.set(), kind, slug) {
        (Some(role), Some(kind), Some(slug)) => Ok(RoleChanges {
            role,
            kind,
            slug,
            from_year,
            to_year,
            note,
            provenance,
        }),
        _ => Err(ApiError::field("role", "is required")),
    }
}

/// The id of the public record of `kind` with `slug`.
fn target(conn: &mut DbConnection, kind: RoleTarget, slug: &str) -> Result<i64, ApiError> {
    let found: Option<i64> = match kind {
        RoleTarget::Network => networks::table
            .filter(networks::slug.eq(slug))
            .filter(networks::archived_at.is_null())
            .select(networks::id)
            .first(conn)
            .optional()?,
        RoleTarget::AwardProgramme => award_programmes::table
            .filter(award_programmes::slug.eq(slug))
            .select(award_programmes::id)
            .first(conn)
            .optional()?,
        RoleTarget::Event => events::table
            .filter(events::slug.eq(slug))
            .filter(events::archived_at.is_null())
            .filter(events::status.eq(EventStatus::Published))
            .select(events::id)
            .first(conn)
            .optional()?,
        RoleTarget::Initiative => initiatives::table
            .filter(initiatives::slug.eq(slug))
            .filter(initiatives::archived_at.is_null())
            .select(initiatives::id)
            .first(conn)
            .optional()?,
    };
    found.ok_or_else(|| {
        ApiError::field(
            "of.slug",
            format!("no public {} with slug `{slug}`", kind.as_str()),
        )
    })
}

/// Records the change of `before` into `after`, audited as an update of the organisation.
fn audited(
    conn: &mut DbConnection,
    actor: &User,
    before: &Organisation,
    slug: &str,
) -> Result<Organisation, ApiError> {
    let (after, _) = find_versioned(conn, slug, false)?;
    audit::record(
        conn,
        Some(actor),
        "update",
        "organisation",
        &after.id.to_string(),
        Some(before),
        Some(&after),
    )?;
    Ok(after)
}

/// Adds a role to a public organisation; answers the organisation.
pub fn add(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: RoleChanges,
    if_match: Option<&str>,
) -> Result<Organisation, ApiError> {
    write_transaction(conn, |conn| {
        let (before, _) = find_versioned(conn, slug, false)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let target = target(conn, ch.kind, &ch.slug)?;
        let held: i64 = organisation_roles::table
            .filter(organisation_roles::organisation_id.eq(before.id))
            .filter(organisation_roles::role.eq(ch.role))
            .filter(organisation_roles::target_kind.eq(ch.kind))
            .filter(organisation_roles::target_id.eq(target))
            .count()
            .get_result(conn)?;
        if held > 0 {
            return Err(ApiError::conflict(
                "role_exists",
                format!(
                    "`{slug}` is already {} of the {} `{}`",
                    ch.role.as_str(),
                    ch.kind.as_str(),
                    ch.slug
                ),
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(organisation_roles::table)
            .values((
                organisation_roles::organisation_id.eq(before.id),
                organisation_roles::role.eq(ch.role),
                organisation_roles::target_kind.eq(ch.kind),
                organisation_roles::target_id.eq(target),
                organisation_roles::from_year.eq(ch.from_year),
                organisation_roles::to_year.eq(ch.to_year),
                organisation_roles::note.eq(&ch.note),
                organisation_roles::created_at.eq(at),
                organisation_roles::updated_at.eq(at),
            ))
            .returning(organisation_roles::id)
            .get_result(conn)?;
        sources::writes::apply(conn, Entity::OrganisationRole, id, ch.provenance)?;
        diesel::update(organisations::table.find(before.id))
            .set(organisations::updated_at.eq(at))
            .execute(conn)?;
        audited(conn, actor, &before, slug)
    })
}

/// Removes a role of a public organisation, with its sources; answers the organisation.
pub fn remove(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    role: i64,
    if_match: Option<&str>,
) -> Result<Organisation, ApiError> {
    write_transaction(conn, |conn| {
        let (before, _) = find_versioned(conn, slug, false)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let owner: Option<i64> = organisation_roles::table
            .find(role)
            .select(organisation_roles::organisation_id)
            .first(conn)
            .optional()?;
        if owner != Some(before.id) {
            return Err(ApiError::NotFound(format!("`{slug}` has no role {role}")));
        }
        sources::writes::replace_sources(conn, Entity::OrganisationRole, role, &[])?;
        sources::writes::mark(conn, Entity::OrganisationRole, role, None)?;
        diesel::delete(organisation_roles::table.find(role)).execute(conn)?;
        // The organisation's own row is untouched; its answer changes with its roles.
        diesel::update(organisations::table.find(before.id))
            .set(organisations::updated_at.eq(now()))
            .execute(conn)?;
        audited(conn, actor, &before, slug)
    })
}
