//! The stewardship part of the reference data (`seed-data/stewardship.json` and
//! `gnlc_reported_totals.csv`): sources on every seeded record, the GNLC census, the corrections
//! taken from the source documents, and the EEF pilot areas as an initiative. A database gets
//! it once, whether it was seeded by this release or an older one; `seed_parts` records it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Deserialize;

use super::documents::Documents;
use super::networks::{CoordinateCsv, GNLC};
use super::{read_csv, SeedError};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{
    award_cycles, award_programmes, cities, initiative_cities, initiatives, memberships,
    network_census, networks, nominations, provinces, seed_parts, sources,
};
use crate::db::{now, DbConnection};
use crate::provenance::{writes, Entity, Source};
use crate::text::{fold, search_text, slugify};

/// The name this part is recorded under in `seed_parts`.
pub const PART: &str = "stewardship";

/// When the GeoNames figures in `city_coordinates.csv` were read (see SOURCES.md).
const GEONAMES_READ_ON: (i32, u32, u32) = (2026, 11, 23);

/// What the population of a seeded city is.
const GEONAMES_POPULATION: &str = "GeoNames figure for the populated place, not an official count";

#[derive(Deserialize)]
struct Stewardship {
    networks: Vec<Cited>,
    programmes: Vec<Cited>,
    cycles: Vec<CycleCorrection>,
    thai_names: ThaiNames,
    census: Vec<CensusNote>,
    initiatives: Vec<InitiativeSeed>,
}

/// A further source for a reported size, and a doubt about it where there is one.
#[derive(Deserialize)]
struct CensusNote {
    network: String,
    as_of: NaiveDate,
    document: String,
    excerpt: String,
    unverified_reason: Option<String>,
}

/// A record (by slug) and the sentence of a document that supports it.
#[derive(Deserialize)]
struct Cited {
    slug: String,
    document: String,
    excerpt: String,
}

#[derive(Deserialize)]
struct CycleCorrection {
    programme: String,
    year: i32,
    ceremony_on: NaiveDate,
    ceremony_en: String,
    announced_winners: i32,
    summary_en: String,
    document: String,
    excerpt: String,
}

#[derive(Deserialize)]
struct ThaiNames {
    document: String,
    excerpt: String,
    cities: Vec<ThaiName>,
}

#[derive(Deserialize)]
struct ThaiName {
    city: String,
    country: String,
    name_th: String,
}

#[derive(Deserialize)]
struct InitiativeSeed {
    slug: String,
    name_en: String,
    name_th: Option<String>,
    lead_en: String,
    lead_th: Option<String>,
    description_en: String,
    document: String,
    excerpt: String,
    role: String,
    note: String,
    cities: Vec<PilotArea>,
}

#[derive(Deserialize)]
struct PilotArea {
    city: String,
    province: String,
}

#[derive(Deserialize)]
struct CensusCsv {
    as_of: NaiveDate,
    new_members: Option<i32>,
    new_countries: Option<i32>,
    total_members: Option<i32>,
    total_countries: Option<i32>,
    source_title: String,
    source_url: String,
}

/// Applies the part and records it; returns the number of sources added.
pub fn apply(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let data: Stewardship = serde_json::from_str(include_str!("../../seed-data/stewardship.json"))
        .map_err(|e| SeedError::Data(format!("stewardship.json: {e}")))?;
    let before: i64 = sources::table.count().get_result(conn)?;
    let documents = Documents::load()?;
    let cite = |key: &str, excerpt: &str| documents.cite(key, excerpt);
    record_links(conn)?;
    city_sources(conn)?;
    for n in &data.networks {
        if let Some(id) = id_of_network(conn, &n.slug)? {
            writes::append(conn, Entity::Network, id, &cite(&n.document, &n.excerpt)?)?;
        }
    }
    for p in &data.programmes {
        if let Some(id) = id_of_programme(conn, &p.slug)? {
            writes::append(
                conn,
                Entity::AwardProgramme,
                id,
                &cite(&p.document, &p.excerpt)?,
            )?;
        }
    }
    programme_websites(conn)?;
    for c in &data.cycles {
        correct_cycle(conn, c, cite(&c.document, &c.excerpt)?)?;
    }
    thai_names(
        conn,
        &data.thai_names,
        cite(&data.thai_names.document, &data.thai_names.excerpt)?,
    )?;
    for i in &data.initiatives {
        initiative(conn, i, cite(&i.document, &i.excerpt)?)?;
    }
    census(conn)?;
    for note in &data.census {
        census_note(conn, note, cite(&note.document, &note.excerpt)?)?;
    }
    diesel::insert_into(seed_parts::table)
        .values((seed_parts::name.eq(PART), seed_parts::applied_at.eq(now())))
        .execute(conn)?;
    let after: i64 = sources::table.count().get_result(conn)?;
    Ok(usize::try_from(after - before).unwrap_or_default())
}

fn link(url: String) -> Source {
    Source {
        url: Some(url),
        title: None,
        publisher: None,
        published_on: None,
        accessed_on: None,
        excerpt: None,
    }
}

/// The ids of the records of a kind that have sources already (one query).
fn sourced(conn: &mut DbConnection, entity: Entity) -> Result<HashSet<i64>, SeedError> {
    Ok(sources::table
        .filter(sources::entity.eq(entity))
        .select(sources::entity_id)
        .distinct()
        .load::<i64>(conn)?
        .into_iter()
        .collect())
}

/// The `source_url` of memberships, cycles and recorded winners becomes their first source.
fn record_links(conn: &mut DbConnection) -> Result<(), SeedError> {
    let linked: Vec<(i64, String)> = memberships::table
        .filter(memberships::source_url.is_not_null())
        .select((memberships::id, memberships::source_url.assume_not_null()))
        .load(conn)?;
    let cycles: Vec<(i64, String)> = award_cycles::table
        .filter(award_cycles::source_url.is_not_null())
        .select((award_cycles::id, award_cycles::source_url.assume_not_null()))
        .load(conn)?;
    let winners: Vec<(i64, String)> = nominations::table
        .filter(nominations::source_url.is_not_null())
        .filter(nominations::status.eq(NominationStatus::Winner))
        .select((nominations::id, nominations::source_url.assume_not_null()))
        .load(conn)?;
    for (entity, rows) in [
        (Entity::Membership, linked),
        (Entity::AwardCycle, cycles),
        (Entity::AwardResult, winners),
    ] {
        let done = sourced(conn, entity)?;
        for (id, url) in rows {
            if !done.contains(&id) {
                writes::append(conn, entity, id, &link(url))?;
            }
        }
    }
    Ok(())
}

/// A city without sources gets the documents of its memberships and recorded awards (which
/// name it), then its GeoNames record; a GeoNames population is said to be one.
fn city_sources(conn: &mut DbConnection) -> Result<(), SeedError> {
    let read_on =
        NaiveDate::from_ymd_opt(GEONAMES_READ_ON.0, GEONAMES_READ_ON.1, GEONAMES_READ_ON.2);
    let rows: Vec<(i64, Option<i64>)> = cities::table
        .select((cities::id, cities::geonames_id))
        .order(cities::id)
        .load(conn)?;
    let mut documents: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let member_links: Vec<(i64, String)> = memberships::table
        .filter(memberships::source_url.is_not_null())
        .order(memberships::id)
        .select((
            memberships::city_id,
            memberships::source_url.assume_not_null(),
        ))
        .load(conn)?;
    let award_links: Vec<(i64, String)> = nominations::table
        .filter(nominations::source_url.is_not_null())
        .filter(nominations::status.eq(NominationStatus::Winner))
        .order(nominations::id)
        .select((
            nominations::city_id,
            nominations::source_url.assume_not_null(),
        ))
        .load(conn)?;
    for (city, url) in member_links.into_iter().chain(award_links) {
        let urls = documents.entry(city).or_default();
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    let done = sourced(conn, Entity::City)?;
    for (id, geonames) in rows {
        if done.contains(&id) {
            continue;
        }
        let mut list: Vec<Source> = documents
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(link)
            .collect();
        if let Some(geonames) = geonames {
            list.push(Source {
                url: Some(format!("https://www.geonames.org/{geonames}")),
                title: None,
                publisher: Some("GeoNames (CC BY 4.0)".to_owned()),
                published_on: None,
                accessed_on: read_on,
                excerpt: None,
            });
            diesel::update(
                cities::table
                    .filter(cities::id.eq(id))
                    .filter(cities::population.is_not_null())
                    .filter(cities::population_source.is_null()),
            )
            .set(cities::population_source.eq(GEONAMES_POPULATION))
            .execute(conn)?;
        }
        writes::replace_sources(conn, Entity::City, id, &list)?;
    }
    Ok(())
}

fn id_of_network(conn: &mut DbConnection, slug: &str) -> Result<Option<i64>, SeedError> {
    Ok(networks::table
        .filter(networks::slug.eq(slug))
        .select(networks::id)
        .first(conn)
        .optional()?)
}

fn id_of_programme(conn: &mut DbConnection, slug: &str) -> Result<Option<i64>, SeedError> {
    Ok(award_programmes::table
        .filter(award_programmes::slug.eq(slug))
        .select(award_programmes::id)
        .first(conn)
        .optional()?)
}

/// A programme whose website is the document its rules come from gets it as a source.
fn programme_websites(conn: &mut DbConnection) -> Result<(), SeedError> {
    let rows: Vec<(i64, String)> = award_programmes::table
        .filter(award_programmes::website.is_not_null())
        .select((
            award_programmes::id,
            award_programmes::website.assume_not_null(),
        ))
        .load(conn)?;
    let done = sourced(conn, Entity::AwardProgramme)?;
    for (id, url) in rows {
        if !done.contains(&id) {
            writes::append(conn, Entity::AwardProgramme, id, &link(url))?;
        }
    }
    Ok(())
}

/// Corrects a cycle the documents describe: where and when its ceremony was, how many winners
/// were announced, and that it was held (published, with its recorded winners, if any).
fn correct_cycle(
    conn: &mut DbConnection,
    c: &CycleCorrection,
    source: Source,
) -> Result<(), SeedError> {
    let Some(programme) = id_of_programme(conn, &c.programme)? else {
        return Ok(());
    };
    let found: Option<(i64, CycleStatus)> = award_cycles::table
        .filter(award_cycles::programme_id.eq(programme))
        .filter(award_cycles::year.eq(c.year))
        .select((award_cycles::id, award_cycles::status))
        .first(conn)
        .optional()?;
    let Some((id, status)) = found else {
        return Ok(());
    };
    let at = now();
    diesel::update(award_cycles::table.filter(award_cycles::id.eq(id)))
        .set((
            award_cycles::ceremony_on.eq(c.ceremony_on),
            award_cycles::ceremony_en.eq(&c.ceremony_en),
            award_cycles::announced_winners.eq(c.announced_winners),
            award_cycles::summary_en.eq(&c.summary_en),
            award_cycles::version.eq(award_cycles::version + 1),
            award_cycles::updated_at.eq(at),
        ))
        .execute(conn)?;
    if status == CycleStatus::Closed {
        diesel::update(award_cycles::table.filter(award_cycles::id.eq(id)))
            .set((
                award_cycles::status.eq(CycleStatus::Published),
                award_cycles::published_at.eq(at),
            ))
            .execute(conn)?;
    }
    writes::append(conn, Entity::AwardCycle, id, &source)?;
    Ok(())
}

/// The Thai names UNESCO Bangkok wrote for the 2022 Asia-Pacific cohort, each city citing it.
fn thai_names(conn: &mut DbConnection, names: &ThaiNames, source: Source) -> Result<(), SeedError> {
    let coordinates: Vec<CoordinateCsv> =
        read_csv(include_str!("../../seed-data/city_coordinates.csv"))?;
    let codes: HashMap<(&str, &str), &str> = coordinates
        .iter()
        .map(|c| {
            (
                (c.city.as_str(), c.country.as_str()),
                c.country_iso2.as_str(),
            )
        })
        .collect();
    for n in &names.cities {
        let code = codes
            .get(&(n.city.as_str(), n.country.as_str()))
            .ok_or_else(|| {
                SeedError::Data(format!("{} ({}) has no country code", n.city, n.country))
            })?;
        let found: Option<i64> = cities::table
            .filter(cities::name_en.eq(&n.city))
            .filter(cities::country_code.eq(*code))
            .select(cities::id)
            .first(conn)
            .optional()?;
        let Some(id) = found else {
            continue;
        };
        diesel::update(cities::table.filter(cities::id.eq(id)))
            .set((
                cities::name_th.eq(&n.name_th),
                cities::search_text.eq(search_text(&[Some(&n.city), Some(&n.name_th)])),
                cities::version.eq(cities::version + 1),
                cities::updated_at.eq(now()),
            ))
            .execute(conn)?;
        writes::append(conn, Entity::City, id, &source)?;
    }
    Ok(())
}

/// An initiative and the cities taking part; a pilot area not recorded as a city yet is added
/// (a Thai city named after its province, without coordinates), citing the same document.
fn initiative(
    conn: &mut DbConnection,
    i: &InitiativeSeed,
    source: Source,
) -> Result<(), SeedError> {
    let at = now();
    let id: i64 = diesel::insert_into(initiatives::table)
        .values((
            initiatives::slug.eq(&i.slug),
            initiatives::name_en.eq(&i.name_en),
            initiatives::name_th.eq(&i.name_th),
            initiatives::name_sort.eq(fold(&i.name_en)),
            initiatives::lead_en.eq(&i.lead_en),
            initiatives::lead_th.eq(&i.lead_th),
            initiatives::description_en.eq(&i.description_en),
            initiatives::created_at.eq(at),
            initiatives::updated_at.eq(at),
        ))
        .returning(initiatives::id)
        .get_result(conn)?;
    writes::append(conn, Entity::Initiative, id, &source)?;
    for area in &i.cities {
        let found: Option<i64> = cities::table
            .filter(cities::name_en.eq(&area.city))
            .filter(cities::country_code.eq("TH"))
            .select(cities::id)
            .first(conn)
            .optional()?;
        let city = match found {
            Some(city) => city,
            None => {
                let name_th: String = provinces::table
                    .filter(provinces::code.eq(&area.province))
                    .select(provinces::name_th)
                    .first(conn)?;
                let city: i64 = diesel::insert_into(cities::table)
                    .values((
                        cities::slug.eq(slugify(&area.city)),
                        cities::name_en.eq(&area.city),
                        cities::name_th.eq(&name_th),
                        cities::name_sort.eq(fold(&area.city)),
                        cities::search_text.eq(search_text(&[Some(&area.city), Some(&name_th)])),
                        cities::country_code.eq("TH"),
                        cities::province_code.eq(&area.province),
                        cities::created_at.eq(at),
                        cities::updated_at.eq(at),
                    ))
                    .returning(cities::id)
                    .get_result(conn)?;
                writes::append(conn, Entity::City, city, &source)?;
                city
            }
        };
        diesel::insert_into(initiative_cities::table)
            .values((
                initiative_cities::initiative_id.eq(id),
                initiative_cities::city_id.eq(city),
                initiative_cities::role.eq(&i.role),
                initiative_cities::note.eq(&i.note),
                initiative_cities::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The GNLC's reported sizes, each with its source.
fn census(conn: &mut DbConnection) -> Result<(), SeedError> {
    let Some(gnlc) = id_of_network(conn, GNLC)? else {
        return Ok(());
    };
    let rows: Vec<CensusCsv> = read_csv(include_str!("../../seed-data/gnlc_reported_totals.csv"))?;
    let at = now();
    for r in rows {
        let id: i64 = diesel::insert_into(network_census::table)
            .values((
                network_census::network_id.eq(gnlc),
                network_census::as_of.eq(r.as_of),
                network_census::members.eq(r.total_members),
                network_census::countries.eq(r.total_countries),
                network_census::new_members.eq(r.new_members),
                network_census::new_countries.eq(r.new_countries),
                network_census::created_at.eq(at),
                network_census::updated_at.eq(at),
            ))
            .returning(network_census::id)
            .get_result(conn)?;
        let source = Source {
            url: Some(r.source_url),
            title: Some(r.source_title),
            publisher: None,
            published_on: None,
            accessed_on: None,
            excerpt: None,
        };
        writes::append(conn, Entity::NetworkCensus, id, &source)?;
    }
    Ok(())
}

/// Adds a document to a reported size, and marks the size unverified where the note doubts it.
fn census_note(
    conn: &mut DbConnection,
    note: &CensusNote,
    source: Source,
) -> Result<(), SeedError> {
    let Some(network) = id_of_network(conn, &note.network)? else {
        return Ok(());
    };
    let found: Option<i64> = network_census::table
        .filter(network_census::network_id.eq(network))
        .filter(network_census::as_of.eq(note.as_of))
        .select(network_census::id)
        .first(conn)
        .optional()?;
    let Some(id) = found else {
        return Err(SeedError::Data(format!(
            "stewardship.json: no reported size of {} on {}",
            note.network, note.as_of
        )));
    };
    writes::append(conn, Entity::NetworkCensus, id, &source)?;
    if let Some(reason) = &note.unverified_reason {
        writes::mark(conn, Entity::NetworkCensus, id, Some(reason))?;
    }
    Ok(())
}
