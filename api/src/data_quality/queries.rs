//! Finds the issues of the public records.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::names::near_duplicates;
use super::types::{Issue, IssueKind};
use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    award_cycles, award_programmes, cities, events, memberships, networks, organisations,
    unverified,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::provenance::queries::{of, RecordKey};
use crate::provenance::{Entity, Provenance};

/// A public city as the checks need it.
struct CityRow {
    id: i64,
    slug: String,
    name_en: String,
    name_th: Option<String>,
    country: String,
    located: bool,
    described: bool,
}

fn issue(
    kind: IssueKind,
    entity: Entity,
    id: i64,
    label: String,
    href: String,
    edit: String,
) -> Issue {
    Issue {
        kind,
        entity: entity.as_str().to_owned(),
        id,
        label,
        detail: None,
        href: (!href.is_empty()).then_some(href),
        edit: (!edit.is_empty()).then_some(edit),
    }
}

/// Every issue (of `only` that kind, when given), by kind and then record.
pub fn issues(conn: &mut DbConnection, only: Option<IssueKind>) -> Result<Vec<Issue>, ApiError> {
    let cities: Vec<CityRow> = cities::table
        .filter(cities::archived_at.is_null())
        .order_by((cities::name_sort, cities::id))
        .select((
            cities::id,
            cities::slug,
            cities::name_en,
            cities::name_th,
            cities::country_code,
            cities::lat.is_not_null(),
            cities::description_en
                .is_not_null()
                .or(cities::description_th.is_not_null()),
        ))
        .load::<(i64, String, String, Option<String>, String, bool, bool)>(conn)?
        .into_iter()
        .map(
            |(id, slug, name_en, name_th, country, located, described)| CityRow {
                id,
                slug,
                name_en,
                name_th,
                country,
                located,
                described,
            },
        )
        .collect();
    let networks: Vec<(i64, String, String, Option<String>)> = networks::table
        .filter(networks::archived_at.is_null())
        .order_by((networks::name_sort, networks::id))
        .select((
            networks::id,
            networks::slug,
            networks::name_en,
            networks::name_th,
        ))
        .load(conn)?;
    let members: Vec<(i64, String, String, Option<String>, String)> = memberships::table
        .inner_join(cities::table)
        .inner_join(networks::table)
        .filter(memberships::archived_at.is_null())
        .filter(cities::archived_at.is_null())
        .filter(networks::archived_at.is_null())
        .order_by((cities::name_sort, memberships::id))
        .select((
            memberships::id,
            cities::slug,
            cities::name_en,
            cities::name_th,
            networks::slug,
        ))
        .load(conn)?;
    let programmes: Vec<(i64, String, String)> = award_programmes::table
        .order_by(award_programmes::id)
        .select((
            award_programmes::id,
            award_programmes::slug,
            award_programmes::name_en,
        ))
        .load(conn)?;
    let cycles: Vec<(i64, String)> = award_cycles::table
        .filter(award_cycles::status.ne(CycleStatus::Draft))
        .order_by(award_cycles::id)
        .select((award_cycles::id, award_cycles::title_en))
        .load(conn)?;
    let city_ids: Vec<i64> = cities.iter().map(|c| c.id).collect();
    let network_ids: Vec<i64> = networks.iter().map(|n| n.0).collect();
    let member_ids: Vec<i64> = members.iter().map(|m| m.0).collect();
    let programme_ids: Vec<i64> = programmes.iter().map(|p| p.0).collect();
    let cycle_ids: Vec<i64> = cycles.iter().map(|c| c.0).collect();
    let provenance: HashMap<RecordKey, Provenance> = of(
        conn,
        &[
            (Entity::City, &city_ids),
            (Entity::Network, &network_ids),
            (Entity::Membership, &member_ids),
            (Entity::AwardProgramme, &programme_ids),
            (Entity::AwardCycle, &cycle_ids),
        ],
    )?;
    let sourced = |entity: Entity, id: i64| {
        provenance
            .get(&(entity, id))
            .is_some_and(|p| !p.sources.is_empty())
    };
    let mut found = Vec::new();
    for c in &cities {
        let href = format!("/api/v1/cities/{}", c.slug);
        let edit = format!("/admin/cities/{}", c.slug);
        let mut add = |kind| {
            found.push(issue(
                kind,
                Entity::City,
                c.id,
                c.name_en.clone(),
                href.clone(),
                edit.clone(),
            ));
        };
        if c.name_th.is_none() {
            add(IssueKind::MissingThaiName);
        }
        if !c.located {
            add(IssueKind::MissingCoordinates);
        }
        if !c.described {
            add(IssueKind::MissingDescription);
        }
        if !sourced(Entity::City, c.id) {
            add(IssueKind::MissingSource);
        }
    }
    for (id, slug, name_en, name_th) in &networks {
        let href = format!("/api/v1/networks/{slug}");
        let edit = format!("/admin/networks/{slug}");
        if name_th.is_none() {
            found.push(issue(
                IssueKind::MissingThaiName,
                Entity::Network,
                *id,
                name_en.clone(),
                href.clone(),
                edit.clone(),
            ));
        }
        if !sourced(Entity::Network, *id) {
            found.push(issue(
                IssueKind::MissingSource,
                Entity::Network,
                *id,
                name_en.clone(),
                href,
                edit,
            ));
        }
    }
    for (id, city, name_en, name_th, network) in &members {
        let label = format!("{name_en} in {network}");
        let href = format!("/api/v1/memberships/{id}");
        let edit = format!("/admin/memberships/{id}");
        let sources = provenance
            .get(&(Entity::Membership, *id))
            .map(|p| p.sources.as_slice())
            .unwrap_or_default();
        if sources.is_empty() {
            found.push(issue(
                IssueKind::MissingSource,
                Entity::Membership,
                *id,
                label,
                href,
                edit,
            ));
            continue;
        }
        // Only quoted or titled sources can be read; a bare link is not checked.
        let texts: Vec<String> = sources
            .iter()
            .flat_map(|s| [s.title.as_deref(), s.excerpt.as_deref()])
            .flatten()
            .map(str::to_lowercase)
            .collect();
        let names = [Some(name_en.to_lowercase()), name_th.clone()];
        let named = texts
            .iter()
            .any(|t| names.iter().flatten().any(|n| t.contains(n.as_str())));
        if !texts.is_empty() && !named {
            let mut i = issue(
                IssueKind::SourceDoesNotNameCity,
                Entity::Membership,
                *id,
                label,
                href,
                edit,
            );
            i.detail = Some(format!(
                "no title or excerpt of its sources names {name_en} ({city})"
            ));
            found.push(i);
        }
    }
    for (id, slug, name) in &programmes {
        if !sourced(Entity::AwardProgramme, *id) {
            found.push(issue(
                IssueKind::MissingSource,
                Entity::AwardProgramme,
                *id,
                name.clone(),
                format!("/api/v1/award-programmes/{slug}"),
                format!("/awards/{slug}"),
            ));
        }
    }
    for (id, title) in &cycles {
        if !sourced(Entity::AwardCycle, *id) {
            found.push(issue(
                IssueKind::MissingSource,
                Entity::AwardCycle,
                *id,
                title.clone(),
                format!("/api/v1/award-cycles/{id}"),
                format!("/manage/awards/cycles/{id}"),
            ));
        }
    }
    found.extend(unverified_records(conn, &cities, &networks)?);
    found.extend(near_duplicate_cities(&cities));
    found.retain(|i| only.is_none_or(|k| i.kind == k));
    found.sort_by_key(|i| i.kind.as_str());
    Ok(found)
}

/// Records marked unverified, with the reason, where they are public cities or networks, or
/// other public kinds named by id.
fn unverified_records(
    conn: &mut DbConnection,
    cities: &[CityRow],
    networks: &[(i64, String, String, Option<String>)],
) -> Result<Vec<Issue>, ApiError> {
    let marks: Vec<(Entity, i64, String)> = unverified::table
        .order_by((unverified::entity, unverified::entity_id))
        .select((
            unverified::entity,
            unverified::entity_id,
            unverified::reason,
        ))
        .load(conn)?;
    let city_of: HashMap<i64, &CityRow> = cities.iter().map(|c| (c.id, c)).collect();
    let network_of: HashMap<i64, (&str, &str)> = networks
        .iter()
        .map(|(id, slug, name, _)| (*id, (slug.as_str(), name.as_str())))
        .collect();
    let mut found = Vec::new();
    for (entity, id, reason) in marks {
        let (label, href, edit) = match entity {
            Entity::City => match city_of.get(&id) {
                Some(c) => (
                    c.name_en.clone(),
                    format!("/api/v1/cities/{}", c.slug),
                    format!("/admin/cities/{}", c.slug),
                ),
                None => continue,
            },
            Entity::Network => match network_of.get(&id) {
                Some((slug, name)) => (
                    (*name).to_owned(),
                    format!("/api/v1/networks/{slug}"),
                    format!("/admin/networks/{slug}"),
                ),
                None => continue,
            },
            Entity::Membership => (
                format!("membership {id}"),
                format!("/api/v1/memberships/{id}"),
                format!("/admin/memberships/{id}"),
            ),
            Entity::AwardCycle => (
                format!("award cycle {id}"),
                format!("/api/v1/award-cycles/{id}"),
                format!("/manage/awards/cycles/{id}"),
            ),
            Entity::Event => {
                let found: Option<(String, String)> = events::table
                    .find(id)
                    .filter(events::archived_at.is_null())
                    .select((events::slug, events::title_en))
                    .first(conn)
                    .optional()?;
                match found {
                    Some((slug, title)) => (title, format!("/api/v1/events/{slug}"), String::new()),
                    None => continue,
                }
            }
            Entity::Organisation => {
                let found: Option<(String, String)> = organisations::table
                    .find(id)
                    .filter(organisations::archived_at.is_null())
                    .select((organisations::slug, organisations::name_en))
                    .first(conn)
                    .optional()?;
                match found {
                    Some((slug, name)) => {
                        (name, format!("/api/v1/organisations/{slug}"), String::new())
                    }
                    None => continue,
                }
            }
            other => (
                format!("{} {id}", other.as_str()),
                String::new(),
                String::new(),
            ),
        };
        let mut i = issue(IssueKind::Unverified, entity, id, label, href, edit);
        i.detail = Some(reason);
        found.push(i);
    }
    Ok(found)
}

/// Pairs of public cities of one country whose names look like the same place; each pair is
/// reported once, on the city with the lower id.
fn near_duplicate_cities(cities: &[CityRow]) -> Vec<Issue> {
    let mut by_country: BTreeMap<&str, Vec<&CityRow>> = BTreeMap::new();
    for c in cities {
        by_country.entry(c.country.as_str()).or_default().push(c);
    }
    let mut found = Vec::new();
    for list in by_country.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if near_duplicates(&a.name_en, &b.name_en) {
                    let (first, second) = if a.id < b.id { (a, b) } else { (b, a) };
                    let mut issue = issue(
                        IssueKind::NearDuplicate,
                        Entity::City,
                        first.id,
                        first.name_en.clone(),
                        format!("/api/v1/cities/{}", first.slug),
                        format!("/admin/cities/{}", first.slug),
                    );
                    issue.detail = Some(format!("{} ({})", second.name_en, second.slug));
                    found.push(issue);
                }
            }
        }
    }
    found
}
