//! The three networks and the known GNLC member cities with their memberships.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Deserialize;

use super::{read_csv, SeedError};
use crate::db::schema::{cities, memberships, networks};
use crate::db::{now, DbConnection};
use crate::networks::types::{MembershipRole, MembershipStatus, NetworkScope, NetworkStatus};
use crate::text::{fold, search_text, slugify};

/// Slug of the UNESCO Global Network of Learning Cities.
pub const GNLC: &str = "unesco-gnlc";

/// One seeded network. Thai names are this project's translations (see SOURCES.md).
struct NetworkSeed {
    slug: &'static str,
    name_en: &'static str,
    name_th: &'static str,
    scope: NetworkScope,
    status: NetworkStatus,
    country: Option<&'static str>,
    secretariat: Option<(&'static str, &'static str)>,
    website: Option<&'static str>,
    description_en: &'static str,
}

const NETWORKS: &[NetworkSeed] = &[
    NetworkSeed {
        slug: GNLC,
        name_en: "UNESCO Global Network of Learning Cities",
        name_th: "เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก",
        scope: NetworkScope::Global,
        status: NetworkStatus::Active,
        country: None,
        secretariat: Some((
            "UNESCO Institute for Lifelong Learning (UIL)",
            "สถาบันยูเนสโกเพื่อการเรียนรู้ตลอดชีวิต",
        )),
        website: Some("https://www.uil.unesco.org/en/learning-cities"),
        description_en:
            "The global network of learning cities coordinated by the UNESCO Institute \
            for Lifelong Learning. The member list here is partial: Thai members are complete to \
            December 2025, other cohorts are not; each membership names its source.",
    },
    NetworkSeed {
        slug: "thailand-learning-cities",
        name_en: "Thailand Network of Learning Cities",
        name_th: "เครือข่ายเมืองแห่งการเรียนรู้ประเทศไทย",
        scope: NetworkScope::National,
        status: NetworkStatus::Active,
        country: Some("TH"),
        secretariat: Some(("University of Phayao", "มหาวิทยาลัยพะเยา")),
        website: None,
        description_en: "The national network of Thai learning cities, with the University of \
            Phayao as secretariat. Its member list is not in the shipped sources yet and is kept \
            by the secretariat.",
    },
    NetworkSeed {
        slug: "asean-learning-cities",
        name_en: "ASEAN Regional Learning City Network",
        name_th: "เครือข่ายเมืองแห่งการเรียนรู้ระดับภูมิภาคอาเซียน",
        scope: NetworkScope::Regional,
        status: NetworkStatus::Planned,
        country: None,
        secretariat: None,
        website: None,
        description_en: "A planned regional network of learning cities in ASEAN member states.",
    },
];

/// Inserts the three networks.
pub fn networks(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let at = now();
    for n in NETWORKS {
        diesel::insert_into(networks::table)
            .values((
                networks::slug.eq(n.slug),
                networks::name_en.eq(n.name_en),
                networks::name_th.eq(n.name_th),
                networks::name_sort.eq(fold(n.name_en)),
                networks::scope.eq(n.scope),
                networks::status.eq(n.status),
                networks::country_code.eq(n.country),
                networks::secretariat_en.eq(n.secretariat.map(|s| s.0)),
                networks::secretariat_th.eq(n.secretariat.map(|s| s.1)),
                networks::website.eq(n.website),
                networks::description_en.eq(n.description_en),
                networks::created_at.eq(at),
                networks::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(NETWORKS.len())
}

#[derive(Deserialize)]
struct MemberCsv {
    city: String,
    country: String,
    join_year: Option<i32>,
    announced: Option<String>,
    th_province_iso: Option<String>,
    source_url: Option<String>,
    note: Option<String>,
}

/// A row of `city_coordinates.csv` (GeoNames).
#[derive(Deserialize)]
pub struct CoordinateCsv {
    pub city: String,
    pub country: String,
    pub country_iso2: String,
    pub geonameid: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_population: Option<i64>,
    pub name_th: Option<String>,
}

/// The id of the city with this English name in this country, inserting it (with its GeoNames
/// data) when it is not there yet. A slug already used elsewhere gets the country code appended.
pub fn upsert_city(
    conn: &mut DbConnection,
    name: &str,
    place: &CoordinateCsv,
    province: Option<&str>,
) -> Result<i64, SeedError> {
    let existing: Option<i64> = cities::table
        .filter(cities::name_en.eq(name))
        .filter(cities::country_code.eq(&place.country_iso2))
        .select(cities::id)
        .first(conn)
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let mut slug = slugify(name);
    let taken: i64 = cities::table
        .filter(cities::slug.eq(&slug))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        slug = format!("{slug}-{}", place.country_iso2.to_ascii_lowercase());
    }
    let name_th = place.name_th.as_deref().filter(|n| !n.is_empty());
    let at = now();
    Ok(diesel::insert_into(cities::table)
        .values((
            cities::slug.eq(&slug),
            cities::name_en.eq(name),
            cities::name_th.eq(name_th),
            cities::name_sort.eq(fold(name)),
            cities::search_text.eq(search_text(&[Some(name), name_th])),
            cities::country_code.eq(&place.country_iso2),
            cities::province_code.eq(province),
            cities::lat.eq(place.lat),
            cities::lon.eq(place.lon),
            cities::population.eq(place.geonames_population),
            cities::geonames_id.eq(place.geonameid),
            cities::created_at.eq(at),
            cities::updated_at.eq(at),
        ))
        .returning(cities::id)
        .get_result(conn)?)
}

/// Inserts the known GNLC member cities and their GNLC memberships; returns
/// `(cities, memberships)` inserted.
pub fn gnlc_members(conn: &mut DbConnection) -> Result<(usize, usize), SeedError> {
    let members: Vec<MemberCsv> = read_csv(include_str!("../../seed-data/gnlc_members_known.csv"))?;
    let coordinates: Vec<CoordinateCsv> =
        read_csv(include_str!("../../seed-data/city_coordinates.csv"))?;
    let places: HashMap<(&str, &str), &CoordinateCsv> = coordinates
        .iter()
        .map(|c| ((c.city.as_str(), c.country.as_str()), c))
        .collect();
    let gnlc: i64 = networks::table
        .filter(networks::slug.eq(GNLC))
        .select(networks::id)
        .first(conn)?;
    let at = now();
    for m in &members {
        let place = places
            .get(&(m.city.as_str(), m.country.as_str()))
            .ok_or_else(|| {
                SeedError::Data(format!(
                    "{} ({}) has no row in city_coordinates.csv",
                    m.city, m.country
                ))
            })?;
        let province = m.th_province_iso.as_deref().filter(|p| !p.is_empty());
        let city_id = upsert_city(conn, &m.city, place, province)?;
        let joined_on = m
            .announced
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        diesel::insert_into(memberships::table)
            .values((
                memberships::city_id.eq(city_id),
                memberships::network_id.eq(gnlc),
                memberships::role.eq(MembershipRole::Member),
                memberships::status.eq(MembershipStatus::Active),
                memberships::joined_year.eq(m.join_year),
                memberships::joined_on.eq(joined_on),
                memberships::source_url.eq(m.source_url.as_deref().filter(|s| !s.is_empty())),
                memberships::note.eq(m.note.as_deref().filter(|s| !s.is_empty())),
                memberships::created_at.eq(at),
                memberships::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok((members.len(), members.len()))
}
