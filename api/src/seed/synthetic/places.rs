//! Synthetic cities, networks and memberships. Most cities are Thai, placed near a real
//! province's centroid; the rest lie near a seeded real city of another ASEAN+3 country. Network
//! sizes follow a long tail (a few big networks, many small ones), and every city belongs to one
//! to three networks that accept cities of its country.

use std::collections::HashMap;

use diesel::prelude::*;

use super::{numbered, rows_per_insert, width_for, Clock, Rng, SeedError, Sizes};
use crate::db::schema::{cities, countries, memberships, networks, provinces};
use crate::db::DbConnection;
use crate::networks::types::{NetworkScope, NetworkStatus};
use crate::text::{fold, search_text};

/// Share of Thai cities.
const THAI_SHARE: f64 = 0.75;

/// A loaded synthetic city.
pub struct City {
    pub id: i64,
    pub slug: String,
}

/// What [`load`] wrote.
pub struct Places {
    /// The cities in number order.
    pub cities: Vec<City>,
    pub networks: usize,
    pub memberships: usize,
    /// The slug of the network with the most members.
    pub biggest_network: String,
}

/// Where synthetic cities are placed around: a real province centroid or a real city.
struct Anchor {
    country: String,
    province: Option<String>,
    lat: f64,
    lon: f64,
    /// Standard deviation of the scatter, in degrees.
    spread: f64,
}

/// Thai province centroids, and the seeded real cities of the other ASEAN+3 countries.
fn anchors(conn: &mut DbConnection) -> Result<(Vec<Anchor>, Vec<Anchor>), SeedError> {
    let thai = provinces::table
        .order_by(provinces::code)
        .select((provinces::code, provinces::lat, provinces::lon))
        .load::<(String, f64, f64)>(conn)?
        .into_iter()
        .map(|(code, lat, lon)| Anchor {
            country: "TH".to_owned(),
            province: Some(code),
            lat,
            lon,
            spread: 0.15,
        })
        .collect();
    let others = cities::table
        .inner_join(countries::table)
        .filter(countries::asean_plus_3.eq(true))
        .filter(cities::country_code.ne("TH"))
        .filter(cities::archived_at.is_null())
        .order_by(cities::id)
        .select((cities::country_code, cities::lat, cities::lon))
        .load::<(String, Option<f64>, Option<f64>)>(conn)?
        .into_iter()
        .filter_map(|(country, lat, lon)| {
            Some(Anchor {
                country,
                province: None,
                lat: lat?,
                lon: lon?,
                spread: 0.3,
            })
        })
        .collect();
    Ok((thai, others))
}

/// A city to insert.
struct NewCity {
    slug: String,
    name_en: String,
    name_th: String,
    country: String,
    province: Option<String>,
    lat: f64,
    lon: f64,
    population: Option<i64>,
    area_km2: Option<f64>,
    website: Option<String>,
}

/// Rounds to `digits` decimals.
fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

/// A population with a long tail (about 5,000 to 3 million), missing for some cities.
fn population(rng: &mut Rng) -> Option<i64> {
    if rng.chance(0.08) {
        return None;
    }
    let exponent = 3.7 + 2.8 * rng.unit().powf(1.8);
    // Below 10^6.5: far inside i64.
    let people = 10f64.powf(exponent) as i64;
    Some(people / 10 * 10)
}

fn new_city(rng: &mut Rng, n: usize, width: usize, anchor: &Anchor) -> NewCity {
    let number = numbered(n, width);
    let slug = format!("synthetic-city-{number}");
    let population = population(rng);
    let area_km2 = (!rng.chance(0.12)).then(|| {
        let density = 10f64.powf(2.0 + 1.6 * rng.unit());
        let area = population.map_or(10f64.powf(0.5 + 2.5 * rng.unit()), |p| {
            // Populations stay far below 2^53.
            p as f64 / density
        });
        round(area.max(0.5), 1)
    });
    NewCity {
        website: rng.chance(0.35).then(|| format!("https://{slug}.example")),
        name_en: format!("Synthetic city {number}"),
        name_th: format!("เมืองสังเคราะห์ {number}"),
        country: anchor.country.clone(),
        province: anchor.province.clone(),
        lat: round(
            (anchor.lat + rng.normal() * anchor.spread).clamp(-89.9, 89.9),
            4,
        ),
        lon: round(
            (anchor.lon + rng.normal() * anchor.spread).clamp(-179.9, 179.9),
            4,
        ),
        population,
        area_km2,
        slug,
    }
}

const CITY_NOTE_EN: &str = "Synthetic city for benchmarks (synthetic data, not a real place).";
const CITY_NOTE_TH: &str = "เมืองสังเคราะห์สำหรับการทดสอบประสิทธิภาพ (ข้อมูลสังเคราะห์ ไม่ใช่สถานที่จริง)";

/// Inserts the cities; returns them in number order with their countries.
fn insert_cities(
    conn: &mut DbConnection,
    rng: &mut Rng,
    clock: &Clock,
    count: usize,
) -> Result<(Vec<City>, Vec<String>), SeedError> {
    let (thai, others) = anchors(conn)?;
    if thai.is_empty() {
        return Err(SeedError::Data(
            "the reference data (Thai provinces) must be loaded first".to_owned(),
        ));
    }
    let width = width_for(count, 5);
    let at = clock.at(0.0);
    let mut rows = Vec::with_capacity(count);
    for n in 1..=count {
        let anchor = if others.is_empty() || rng.chance(THAI_SHARE) {
            &thai[rng.below(thai.len())]
        } else {
            &others[rng.below(others.len())]
        };
        rows.push(new_city(rng, n, width, anchor));
    }
    for chunk in rows.chunks(rows_per_insert(16)) {
        let values: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    (
                        cities::slug.eq(&c.slug),
                        cities::name_en.eq(&c.name_en),
                        cities::name_th.eq(Some(&c.name_th)),
                        cities::name_sort.eq(fold(&c.name_en)),
                        cities::search_text.eq(search_text(&[Some(&c.name_en), Some(&c.name_th)])),
                        cities::country_code.eq(&c.country),
                        cities::province_code.eq(c.province.as_ref()),
                        cities::lat.eq(Some(c.lat)),
                    ),
                    (
                        cities::lon.eq(Some(c.lon)),
                        cities::population.eq(c.population),
                        cities::area_km2.eq(c.area_km2),
                        cities::website.eq(c.website.as_ref()),
                        cities::description_en.eq(Some(CITY_NOTE_EN)),
                        cities::description_th.eq(Some(CITY_NOTE_TH)),
                        cities::created_at.eq(at),
                        cities::updated_at.eq(at),
                    ),
                )
            })
            .collect();
        insert_rows!(conn, cities::table, values)?;
    }
    let ids: HashMap<String, i64> = cities::table
        .filter(cities::slug.like("synthetic-city-%"))
        .select((cities::slug, cities::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let mut loaded = Vec::with_capacity(count);
    let mut countries = Vec::with_capacity(count);
    for row in rows {
        let id = *ids
            .get(&row.slug)
            .ok_or_else(|| SeedError::Data(format!("{} was not inserted", row.slug)))?;
        loaded.push(City { id, slug: row.slug });
        countries.push(row.country);
    }
    Ok((loaded, countries))
}

/// A network to insert.
struct NewNetwork {
    slug: String,
    number: String,
    scope: NetworkScope,
    country: Option<String>,
    founded: i32,
    /// Relative chance of being picked by a city: a long tail by position.
    weight: f64,
}

/// Scopes and countries by position: the first is Thai and national, then a mix of global,
/// regional (ASEAN+3) and national networks, most of them Thai.
fn plan_networks(
    rng: &mut Rng,
    count: usize,
    this_year: i32,
    foreign: &[String],
) -> Vec<NewNetwork> {
    let width = width_for(count, 2);
    (0..count)
        .map(|i| {
            let (scope, country) = match i % 7 {
                _ if i == 0 => (NetworkScope::National, Some("TH".to_owned())),
                1 => (NetworkScope::Global, None),
                3 => (NetworkScope::Regional, None),
                5 | 6 if !foreign.is_empty() => (
                    NetworkScope::National,
                    Some(foreign[(i / 7 * 2 + i % 7 - 5) % foreign.len()].clone()),
                ),
                _ => (NetworkScope::National, Some("TH".to_owned())),
            };
            let number = numbered(i + 1, width);
            NewNetwork {
                slug: format!("synthetic-network-{number}"),
                number,
                scope,
                country,
                founded: this_year - 20 + i32::try_from(rng.below(16)).unwrap_or_default(),
                weight: 1.0 / ((i + 1) as f64).powf(1.1),
            }
        })
        .collect()
}

fn insert_networks(
    conn: &mut DbConnection,
    clock: &Clock,
    planned: &[NewNetwork],
) -> Result<Vec<i64>, SeedError> {
    let at = clock.at(0.0);
    let scope_en = |s: NetworkScope| match s {
        NetworkScope::Global => "global",
        NetworkScope::Regional => "regional (ASEAN+3)",
        NetworkScope::National => "national",
    };
    for chunk in planned.chunks(rows_per_insert(14)) {
        let values: Vec<_> = chunk
            .iter()
            .map(|n| {
                let name_en = format!("Synthetic network {}", n.number);
                (
                    (
                        networks::slug.eq(&n.slug),
                        networks::name_sort.eq(fold(&name_en)),
                        networks::name_en.eq(name_en),
                        networks::name_th.eq(Some(format!("เครือข่ายสังเคราะห์ {}", n.number))),
                        networks::scope.eq(n.scope),
                        networks::status.eq(NetworkStatus::Active),
                        networks::country_code.eq(n.country.as_ref()),
                    ),
                    (
                        networks::secretariat_en
                            .eq(Some(format!("Synthetic secretariat {} (synthetic)", n.number))),
                        networks::secretariat_th
                            .eq(Some(format!("สำนักเลขานุการสังเคราะห์ {}", n.number))),
                        networks::founded_year.eq(Some(n.founded)),
                        networks::description_en.eq(Some(format!(
                            "Synthetic {} network for benchmarks (synthetic data, not a real network).",
                            scope_en(n.scope)
                        ))),
                        networks::description_th.eq(Some(
                            "เครือข่ายสังเคราะห์สำหรับการทดสอบประสิทธิภาพ (ข้อมูลสังเคราะห์ ไม่ใช่เครือข่ายจริง)",
                        )),
                        networks::created_at.eq(at),
                        networks::updated_at.eq(at),
                    ),
                )
            })
            .collect();
        insert_rows!(conn, networks::table, values)?;
    }
    let ids: HashMap<String, i64> = networks::table
        .filter(networks::slug.like("synthetic-network-%"))
        .select((networks::slug, networks::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    planned
        .iter()
        .map(|n| {
            ids.get(&n.slug)
                .copied()
                .ok_or_else(|| SeedError::Data(format!("{} was not inserted", n.slug)))
        })
        .collect()
}

/// A membership to insert.
struct NewMembership {
    city: i64,
    network: usize,
    role: &'static str,
    status: &'static str,
    joined_year: i32,
    joined_on: Option<chrono::NaiveDate>,
    left_year: Option<i32>,
}

/// Up to `k` different networks open to a city of `country`, drawn by weight.
fn pick(rng: &mut Rng, planned: &[NewNetwork], country: &str, k: usize) -> Vec<usize> {
    let open = |n: &NewNetwork| n.country.as_deref().is_none_or(|c| c == country);
    let mut candidates: Vec<usize> = (0..planned.len()).filter(|&i| open(&planned[i])).collect();
    if candidates.is_empty() {
        candidates = (0..planned.len()).collect();
    }
    let mut chosen = Vec::with_capacity(k);
    while chosen.len() < k && !candidates.is_empty() {
        let total: f64 = candidates.iter().map(|&i| planned[i].weight).sum();
        let mut target = rng.unit() * total;
        let mut at = candidates.len() - 1;
        for (position, &i) in candidates.iter().enumerate() {
            target -= planned[i].weight;
            if target < 0.0 {
                at = position;
                break;
            }
        }
        chosen.push(candidates.swap_remove(at));
    }
    chosen
}

/// One membership of a city: joined some year after the network was founded (more in recent
/// years), a few mentors, a few former members (never the city's first membership).
fn membership(
    rng: &mut Rng,
    city: i64,
    network: usize,
    founded: i32,
    first: bool,
    this_year: i32,
) -> NewMembership {
    let span = f64::from(this_year - founded + 1);
    // At most 21 years: the product stays within i32.
    let joined_year = (founded + (span * rng.unit().powf(0.6)) as i32).min(this_year);
    let joined_on = (joined_year < this_year && rng.chance(0.3))
        .then(|| {
            let day = u32::try_from(1 + rng.below(365)).unwrap_or(1);
            chrono::NaiveDate::from_yo_opt(joined_year, day)
        })
        .flatten();
    let former = !first && rng.chance(0.04);
    NewMembership {
        city,
        network,
        role: if rng.chance(0.02) { "mentor" } else { "member" },
        status: if former { "former" } else { "active" },
        joined_year,
        joined_on,
        left_year: former.then(|| {
            joined_year
                + i32::try_from(
                    rng.below(usize::try_from(this_year - joined_year + 1).unwrap_or(1)),
                )
                .unwrap_or_default()
        }),
    }
}

/// Loads cities, networks and memberships.
pub fn load(
    conn: &mut DbConnection,
    rng: &mut Rng,
    clock: &Clock,
    sizes: Sizes,
) -> Result<Places, SeedError> {
    let (cities, city_countries) = insert_cities(conn, rng, clock, sizes.cities)?;
    let mut foreign: Vec<String> = city_countries
        .iter()
        .filter(|c| c.as_str() != "TH")
        .cloned()
        .collect();
    foreign.sort();
    foreign.dedup();
    let this_year = clock.year();
    let planned = plan_networks(rng, sizes.networks, this_year, &foreign);
    let network_ids = insert_networks(conn, clock, &planned)?;
    let mut rows = Vec::new();
    for (city, country) in cities.iter().zip(&city_countries) {
        let k = match rng.unit() {
            u if u < 0.5 => 1,
            u if u < 0.82 => 2,
            _ => 3,
        };
        for (position, network) in pick(rng, &planned, country, k).into_iter().enumerate() {
            rows.push(membership(
                rng,
                city.id,
                network,
                planned[network].founded,
                position == 0,
                this_year,
            ));
        }
    }
    let at = clock.at(0.0);
    for chunk in rows.chunks(rows_per_insert(9)) {
        let values: Vec<_> = chunk
            .iter()
            .map(|m| {
                (
                    memberships::city_id.eq(m.city),
                    memberships::network_id.eq(network_ids[m.network]),
                    memberships::role.eq(m.role),
                    memberships::status.eq(m.status),
                    memberships::joined_year.eq(Some(m.joined_year)),
                    memberships::joined_on.eq(m.joined_on),
                    memberships::left_year.eq(m.left_year),
                    memberships::created_at.eq(at),
                    memberships::updated_at.eq(at),
                )
            })
            .collect();
        insert_rows!(conn, memberships::table, values)?;
    }
    let mut members = vec![0usize; planned.len()];
    for m in &rows {
        members[m.network] += 1;
    }
    let biggest = (0..planned.len())
        .max_by_key(|&i| (members[i], std::cmp::Reverse(i)))
        .map(|i| planned[i].slug.clone())
        .unwrap_or_default();
    Ok(Places {
        cities,
        networks: planned.len(),
        memberships: rows.len(),
        biggest_network: biggest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(rng: &mut Rng, count: usize) -> Vec<NewNetwork> {
        plan_networks(rng, count, 2026, &["CN".to_owned(), "VN".to_owned()])
    }

    #[test]
    fn networks_have_a_long_tail_and_varied_scopes() {
        let mut rng = Rng(3);
        let networks = planned(&mut rng, 50);
        assert_eq!(networks[0].slug, "synthetic-network-01");
        assert_eq!(networks[0].country.as_deref(), Some("TH"));
        assert!(networks.iter().any(|n| n.scope == NetworkScope::Global));
        assert!(networks.iter().any(|n| n.scope == NetworkScope::Regional));
        assert!(networks.iter().any(|n| n.country.as_deref() == Some("VN")));
        assert!(networks[0].weight > 10.0 * networks[49].weight);
        assert!(networks.iter().all(|n| (2006..=2021).contains(&n.founded)));
    }

    #[test]
    fn cities_pick_distinct_open_networks() {
        let mut rng = Rng(5);
        let networks = planned(&mut rng, 12);
        for _ in 0..200 {
            let picked = pick(&mut rng, &networks, "CN", 3);
            assert_eq!(picked.len(), 3);
            let mut unique = picked.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), 3);
            assert!(picked
                .iter()
                .all(|&i| networks[i].country.as_deref().is_none_or(|c| c == "CN")));
        }
        assert_eq!(
            pick(&mut rng, &networks[..1], "JP", 2),
            vec![0],
            "falls back to any network"
        );
    }

    #[test]
    fn memberships_are_consistent() {
        let mut rng = Rng(9);
        for first in [true, false] {
            for _ in 0..500 {
                let m = membership(&mut rng, 1, 0, 2010, first, 2026);
                assert!((2010..=2026).contains(&m.joined_year));
                if let Some(left) = m.left_year {
                    assert!(!first && left >= m.joined_year && left <= 2026);
                    assert_eq!(m.status, "former");
                }
                if let Some(on) = m.joined_on {
                    use chrono::Datelike;
                    assert_eq!(on.year(), m.joined_year);
                }
            }
        }
    }
}
