//! Reading public organisations with their roles, and the organisations that hold roles in a
//! set of networks, programmes, events or initiatives.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{
    Abbreviation, Organisation, OrganisationKind, OrganisationLink, OrganisationRole,
    OrganisationRow, RoleKind, RoleRow, RoleSubject, RoleTarget,
};
use crate::db::schema::{
    award_programmes, events, initiatives, networks, organisation_roles, organisations,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::events::types::EventStatus;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::types::{optional_localized, utc, Localized};

/// Checked filters of the list.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilters {
    pub kind: Option<OrganisationKind>,
    pub country: Option<String>,
    pub network: Option<String>,
    pub q: Option<String>,
}

/// One page of public organisations by name, the next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    f: &OrganisationFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Organisation>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = organisations::table
            .filter(organisations::archived_at.is_null())
            .into_boxed::<MultiBackend>();
        if let Some(kind) = f.kind {
            q = q.filter(organisations::kind.eq(kind));
        }
        if let Some(country) = &f.country {
            q = q.filter(organisations::country_code.eq(country.clone()));
        }
        if let Some(network) = &f.network {
            let holding = organisation_roles::table
                .inner_join(networks::table.on(networks::id.eq(organisation_roles::target_id)))
                .filter(organisation_roles::target_kind.eq(RoleTarget::Network))
                .filter(networks::slug.eq(network.clone()))
                .filter(networks::archived_at.is_null())
                .select(organisation_roles::organisation_id);
            q = q.filter(organisations::id.eq_any(holding));
        }
        if let Some(term) = &f.q {
            q = q.filter(
                organisations::search_text
                    .like(crate::text::contains_pattern(term))
                    .escape('\\'),
            );
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let key = "organisations.name_sort";
    let mut query = filtered()
        .order_by(order_sql(key, "organisations.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        query = query.filter(after_cursor(key, "organisations.id", false, c));
    }
    let rows = query.select(OrganisationRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "organisations", "name", |r| {
        (SortKey::Text(r.name_sort.clone()), SortKey::Int(r.id))
    });
    Ok((to_organisations(conn, rows)?, next, total))
}

/// A public organisation by slug.
pub fn get(conn: &mut DbConnection, slug: &str) -> Result<Organisation, ApiError> {
    find_versioned(conn, slug, false).map(|(organisation, _)| organisation)
}

/// An organisation by slug among the archived ones (`archived`) or the public ones, and its
/// row version.
pub fn find_versioned(
    conn: &mut DbConnection,
    slug: &str,
    archived: bool,
) -> Result<(Organisation, i32), ApiError> {
    let mut query = organisations::table
        .filter(organisations::slug.eq(slug))
        .into_boxed::<MultiBackend>();
    query = if archived {
        query.filter(organisations::archived_at.is_not_null())
    } else {
        query.filter(organisations::archived_at.is_null())
    };
    let (row, version): (OrganisationRow, i32) = query
        .select((OrganisationRow::as_select(), organisations::version))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no organisation with slug `{slug}`")))?;
    to_organisations(conn, vec![row])?
        .pop()
        .map(|organisation| (organisation, version))
        .ok_or_else(|| ApiError::Internal("organisation vanished while loading".to_owned()))
}

/// The public records of one kind among `ids`: id → (slug, name).
fn subjects(
    conn: &mut DbConnection,
    kind: RoleTarget,
    ids: &[i64],
) -> Result<HashMap<i64, (String, Localized)>, ApiError> {
    type Named = (i64, String, String, Option<String>);
    let rows: Vec<Named> = match kind {
        RoleTarget::Network => networks::table
            .filter(networks::id.eq_any(ids))
            .filter(networks::archived_at.is_null())
            .select((
                networks::id,
                networks::slug,
                networks::name_en,
                networks::name_th,
            ))
            .load(conn)?,
        RoleTarget::AwardProgramme => award_programmes::table
            .filter(award_programmes::id.eq_any(ids))
            .select((
                award_programmes::id,
                award_programmes::slug,
                award_programmes::name_en,
                award_programmes::name_th,
            ))
            .load(conn)?,
        RoleTarget::Initiative => initiatives::table
            .filter(initiatives::id.eq_any(ids))
            .filter(initiatives::archived_at.is_null())
            .select((
                initiatives::id,
                initiatives::slug,
                initiatives::name_en,
                initiatives::name_th,
            ))
            .load(conn)?,
        RoleTarget::Event => events::table
            .filter(events::id.eq_any(ids))
            .filter(events::archived_at.is_null())
            .filter(events::status.eq(EventStatus::Published))
            .select((events::id, events::slug, events::title_en, events::title_th))
            .load(conn)?,
    };
    Ok(rows
        .into_iter()
        .map(|(id, slug, en, th)| (id, (slug, Localized::new(en, th))))
        .collect())
}

/// The API address of a record a role is held in.
fn href(kind: RoleTarget, slug: &str) -> String {
    match kind {
        RoleTarget::Network => format!("/api/v1/networks/{slug}"),
        RoleTarget::AwardProgramme => format!("/api/v1/award-programmes/{slug}"),
        RoleTarget::Event => format!("/api/v1/events/{slug}"),
        RoleTarget::Initiative => format!("/api/v1/initiatives/{slug}"),
    }
}

fn to_organisations(
    conn: &mut DbConnection,
    rows: Vec<OrganisationRow>,
) -> Result<Vec<Organisation>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let roles: Vec<RoleRow> = organisation_roles::table
        .filter(organisation_roles::organisation_id.eq_any(&ids))
        .order_by((
            organisation_roles::organisation_id,
            organisation_roles::target_kind,
            organisation_roles::id,
        ))
        .select(RoleRow::as_select())
        .load(conn)?;
    let mut named: HashMap<RoleTarget, HashMap<i64, (String, Localized)>> = HashMap::new();
    for kind in RoleTarget::ALL.iter().copied() {
        let targets: Vec<i64> = roles
            .iter()
            .filter(|r| r.target_kind == kind)
            .map(|r| r.target_id)
            .collect();
        if !targets.is_empty() {
            named.insert(kind, subjects(conn, kind, &targets)?);
        }
    }
    let mut owners = Vec::with_capacity(roles.len());
    let mut built = Vec::with_capacity(roles.len());
    for r in roles {
        let Some((slug, name)) = named.get(&r.target_kind).and_then(|m| m.get(&r.target_id)) else {
            continue;
        };
        owners.push(r.organisation_id);
        built.push(OrganisationRole {
            id: r.id,
            role: r.role,
            of: RoleSubject {
                kind: r.target_kind,
                slug: slug.clone(),
                name: name.clone(),
                href: href(r.target_kind, slug),
            },
            from_year: r.from_year,
            to_year: r.to_year,
            note: r.note,
            provenance: Provenance::default(),
        });
    }
    provenance::queries::attach(conn, &mut built)?;
    let mut by_organisation: HashMap<i64, Vec<OrganisationRole>> = HashMap::new();
    for (owner, role) in owners.into_iter().zip(built) {
        by_organisation.entry(owner).or_default().push(role);
    }
    let mut list: Vec<Organisation> = rows
        .into_iter()
        .map(|r| Organisation {
            roles: by_organisation.remove(&r.id).unwrap_or_default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            abbreviation: Abbreviation::of(r.abbreviation_en, r.abbreviation_th),
            kind: r.kind,
            country: r.country_code,
            website: r.website,
            description: optional_localized(r.description_en, r.description_th),
            provenance: Provenance::default(),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        })
        .collect();
    provenance::queries::attach(conn, &mut list)?;
    Ok(list)
}

/// The public organisations holding roles in each of the records `ids` of one kind, by name.
pub fn links(
    conn: &mut DbConnection,
    kind: RoleTarget,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<OrganisationLink>>, ApiError> {
    type Linked = (
        i64,
        RoleKind,
        Option<i32>,
        Option<i32>,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Linked> = organisation_roles::table
        .inner_join(organisations::table)
        .filter(organisation_roles::target_kind.eq(kind))
        .filter(organisation_roles::target_id.eq_any(ids))
        .filter(organisations::archived_at.is_null())
        .order_by((
            organisation_roles::target_id,
            organisations::name_sort,
            organisation_roles::id,
        ))
        .select((
            organisation_roles::target_id,
            organisation_roles::role,
            organisation_roles::from_year,
            organisation_roles::to_year,
            organisations::slug,
            organisations::name_en,
            organisations::name_th,
            organisations::abbreviation_en,
            organisations::abbreviation_th,
        ))
        .load(conn)?;
    let mut by_target: HashMap<i64, Vec<OrganisationLink>> = HashMap::new();
    for (target, role, from_year, to_year, slug, en, th, abbr_en, abbr_th) in rows {
        by_target.entry(target).or_default().push(OrganisationLink {
            href: format!("/api/v1/organisations/{slug}"),
            slug,
            name: Localized::new(en, th),
            abbreviation: Abbreviation::of(abbr_en, abbr_th),
            role,
            from_year,
            to_year,
        });
    }
    Ok(by_target)
}
