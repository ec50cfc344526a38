//! The organisations part of the reference data (`seed-data/organisations.json`): the bodies
//! the source documents name, and their roles in the seeded networks, award programmes and
//! initiatives, each fact cited from a document of `stewardship.json`. Roles in events are
//! added by the events part, once the events are there. A database gets the part once; `seed_parts` records it.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Deserialize;

use super::documents::{Cite, Documents};
use super::SeedError;
use crate::db::schema::{
    award_programmes, initiatives, networks, organisation_roles, organisations, seed_parts,
};
use crate::db::{now, DbConnection};
use crate::organisations::types::{OrganisationKind, RoleKind, RoleTarget};
use crate::provenance::{writes, Entity};
use crate::text::{fold, search_text};

/// The name this part is recorded under in `seed_parts`.
pub const PART: &str = "organisations";

#[derive(Deserialize)]
struct File {
    organisations: Vec<OrganisationSeed>,
    roles: Vec<RoleSeed>,
}

#[derive(Deserialize)]
struct OrganisationSeed {
    slug: String,
    name_en: String,
    name_th: Option<String>,
    abbreviation_en: Option<String>,
    abbreviation_th: Option<String>,
    kind: String,
    country: Option<String>,
    website: Option<String>,
    description_en: Option<String>,
    sources: Vec<Cite>,
    unverified_reason: Option<String>,
}

#[derive(Deserialize)]
struct Target {
    kind: String,
    slug: String,
}

#[derive(Deserialize)]
struct RoleSeed {
    organisation: String,
    role: String,
    of: Target,
    from_year: Option<i32>,
    to_year: Option<i32>,
    sources: Vec<Cite>,
}

fn bad(what: String) -> SeedError {
    SeedError::Data(format!("organisations.json: {what}"))
}

/// The id of a seeded record a role is held in; `None` for events (the events part adds those) and for
/// records this database does not have.
fn target_id(
    conn: &mut DbConnection,
    kind: RoleTarget,
    slug: &str,
) -> Result<Option<i64>, SeedError> {
    Ok(match kind {
        RoleTarget::Network => networks::table
            .filter(networks::slug.eq(slug))
            .select(networks::id)
            .first(conn)
            .optional()?,
        RoleTarget::AwardProgramme => award_programmes::table
            .filter(award_programmes::slug.eq(slug))
            .select(award_programmes::id)
            .first(conn)
            .optional()?,
        RoleTarget::Initiative => initiatives::table
            .filter(initiatives::slug.eq(slug))
            .select(initiatives::id)
            .first(conn)
            .optional()?,
        RoleTarget::Event => None,
    })
}

/// Applies the part and records it; returns the number of organisations added.
pub fn apply(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let documents = Documents::load()?;
    let file: File = serde_json::from_str(include_str!("../../seed-data/organisations.json"))
        .map_err(|e| bad(e.to_string()))?;
    let cite = |c: &Cite| documents.source(c);
    let at = now();
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for o in &file.organisations {
        let kind = OrganisationKind::parse(&o.kind)
            .ok_or_else(|| bad(format!("{}: unknown kind `{}`", o.slug, o.kind)))?;
        let id: i64 = diesel::insert_into(organisations::table)
            .values((
                organisations::slug.eq(&o.slug),
                organisations::name_en.eq(&o.name_en),
                organisations::name_th.eq(&o.name_th),
                organisations::name_sort.eq(fold(&o.name_en)),
                organisations::abbreviation_en.eq(&o.abbreviation_en),
                organisations::abbreviation_th.eq(&o.abbreviation_th),
                organisations::kind.eq(kind),
                organisations::country_code.eq(&o.country),
                organisations::website.eq(&o.website),
                organisations::description_en.eq(&o.description_en),
                organisations::search_text.eq(search_text(&[
                    Some(&o.name_en),
                    o.name_th.as_deref(),
                    o.abbreviation_en.as_deref(),
                    o.abbreviation_th.as_deref(),
                ])),
                organisations::created_at.eq(at),
                organisations::updated_at.eq(at),
            ))
            .returning(organisations::id)
            .get_result(conn)?;
        for c in &o.sources {
            writes::append(conn, Entity::Organisation, id, &cite(c)?)?;
        }
        if let Some(reason) = &o.unverified_reason {
            writes::mark(conn, Entity::Organisation, id, Some(reason))?;
        }
        ids.insert(&o.slug, id);
    }
    for r in &file.roles {
        let organisation = *ids
            .get(r.organisation.as_str())
            .ok_or_else(|| bad(format!("a role of unknown `{}`", r.organisation)))?;
        let role =
            RoleKind::parse(&r.role).ok_or_else(|| bad(format!("unknown role `{}`", r.role)))?;
        let kind = RoleTarget::parse(&r.of.kind)
            .ok_or_else(|| bad(format!("unknown target kind `{}`", r.of.kind)))?;
        let Some(target) = target_id(conn, kind, &r.of.slug)? else {
            continue;
        };
        let id: i64 = diesel::insert_into(organisation_roles::table)
            .values((
                organisation_roles::organisation_id.eq(organisation),
                organisation_roles::role.eq(role),
                organisation_roles::target_kind.eq(kind),
                organisation_roles::target_id.eq(target),
                organisation_roles::from_year.eq(r.from_year),
                organisation_roles::to_year.eq(r.to_year),
                organisation_roles::created_at.eq(at),
                organisation_roles::updated_at.eq(at),
            ))
            .returning(organisation_roles::id)
            .get_result(conn)?;
        for c in &r.sources {
            writes::append(conn, Entity::OrganisationRole, id, &cite(c)?)?;
        }
    }
    diesel::insert_into(seed_parts::table)
        .values((seed_parts::name.eq(PART), seed_parts::applied_at.eq(now())))
        .execute(conn)?;
    Ok(ids.len())
}
