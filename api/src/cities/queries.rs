//! Database reads for cities: filtered, keyset-paged lists and single cities, with memberships
//! loaded for a whole page in one query, and the sources of the cities and memberships in two.

use std::collections::HashMap;

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};

use super::types::{City, CityMembership, CitySort};
use crate::db::schema::{cities, countries, memberships, networks, provinces};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Entity};
use crate::query::{SortParam, YearRange};
use crate::reference::types::CountryGroup;
use crate::types::{optional_localized, utc, Localized};

/// Checked filters of the city list.
#[derive(Debug, Default, Clone)]
pub struct CityFilters {
    /// List archived cities instead of public ones (staff only).
    pub archived: bool,
    pub country: Option<String>,
    pub province: Option<String>,
    pub group: Option<CountryGroup>,
    pub th_region: Option<String>,
    pub network: Option<String>,
    pub member_since: Option<YearRange>,
    pub q: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = cities)]
struct CityRow {
    id: i64,
    slug: String,
    name_en: String,
    name_th: Option<String>,
    country_code: String,
    province_code: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    population: Option<i64>,
    population_year: Option<i32>,
    population_source: Option<String>,
    area_km2: Option<f64>,
    website: Option<String>,
    description_en: Option<String>,
    description_th: Option<String>,
    geonames_id: Option<i64>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
    archived_at: Option<chrono::NaiveDateTime>,
}

#[derive(Queryable)]
struct MembershipRow {
    id: i64,
    city_id: i64,
    role: MembershipRole,
    status: MembershipStatus,
    joined_year: Option<i32>,
    joined_on: Option<chrono::NaiveDate>,
    left_year: Option<i32>,
    source_url: Option<String>,
    network: String,
    network_en: String,
    network_th: Option<String>,
}

/// The network a filter names, resolved to its id; `None` when no such public network exists.
fn network_id(conn: &mut DbConnection, slug: &str) -> Result<Option<i64>, ApiError> {
    Ok(networks::table
        .filter(networks::slug.eq(slug))
        .filter(networks::archived_at.is_null())
        .select(networks::id)
        .first::<i64>(conn)
        .optional()?)
}

/// Cities matching the filters (`network_id` already resolved): public ones, or archived ones
/// when the filters ask for them.
fn filtered(f: &CityFilters, network_id: Option<i64>) -> cities::BoxedQuery<'static, MultiBackend> {
    let mut q = cities::table.into_boxed();
    q = if f.archived {
        q.filter(cities::archived_at.is_not_null())
    } else {
        q.filter(cities::archived_at.is_null())
    };
    if let Some(country) = &f.country {
        q = q.filter(cities::country_code.eq(country.clone()));
    }
    if let Some(province) = &f.province {
        q = q.filter(cities::province_code.eq(province.clone()));
    }
    match f.group {
        Some(CountryGroup::Asean) => {
            let members = countries::table
                .filter(countries::asean.eq(true))
                .select(countries::code);
            q = q.filter(cities::country_code.eq_any(members));
        }
        Some(CountryGroup::AseanPlus3) => {
            let members = countries::table
                .filter(countries::asean_plus_3.eq(true))
                .select(countries::code);
            q = q.filter(cities::country_code.eq_any(members));
        }
        None => {}
    }
    if let Some(region) = &f.th_region {
        let in_region = provinces::table
            .filter(provinces::region.eq(region.clone()))
            .select(provinces::code.nullable());
        q = q.filter(cities::province_code.eq_any(in_region));
    }
    if f.network.is_some() || f.member_since.is_some() {
        // Only integers (an id and years) are spliced into this SQL.
        let mut members = String::from(
            "cities.id IN (SELECT m.city_id FROM memberships m WHERE m.archived_at IS NULL",
        );
        if f.network.is_some() {
            // An unknown network matches nothing.
            members.push_str(&format!(" AND m.network_id = {}", network_id.unwrap_or(-1)));
        }
        if let Some(range) = f.member_since {
            if let Some(from) = range.from {
                members.push_str(&format!(" AND m.joined_year >= {from}"));
            }
            if let Some(to) = range.to {
                members.push_str(&format!(" AND m.joined_year <= {to}"));
            }
        }
        members.push(')');
        q = q.filter(sql::<Bool>(&members));
    }
    if let Some(term) = &f.q {
        q = q.filter(
            cities::search_text
                .like(crate::text::contains_pattern(term))
                .escape('\\'),
        );
    }
    q
}

/// The sort key of an order as an SQL expression over `cities` (never NULL, so keyset paging
/// works), whether it is text, and whether it is descending.
fn sort_key(sort: CitySort, network_id: Option<i64>) -> (String, bool, bool) {
    let joined = |fallback: i64| {
        let in_network = network_id
            .map(|id| format!(" AND m.network_id = {id}"))
            .unwrap_or_default();
        format!(
            "COALESCE((SELECT MIN(m.joined_year) FROM memberships m WHERE m.city_id = cities.id \
             AND m.archived_at IS NULL{in_network}), {fallback})"
        )
    };
    match sort {
        CitySort::Name => ("cities.name_sort".to_owned(), true, false),
        CitySort::NameDesc => ("cities.name_sort".to_owned(), true, true),
        CitySort::Population => (
            format!("COALESCE(cities.population, {})", i64::MAX),
            false,
            false,
        ),
        CitySort::PopulationDesc => ("COALESCE(cities.population, -1)".to_owned(), false, true),
        CitySort::Joined => (joined(9999), false, false),
        CitySort::JoinedDesc => (joined(-1), false, true),
    }
}

/// One page of public cities, the next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    filters: &CityFilters,
    sort: CitySort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<City>, Option<String>, i64), ApiError> {
    let network_id = resolve_network(conn, filters)?;
    let total = filtered(filters, network_id)
        .count()
        .get_result::<i64>(conn)?;
    let (items, next) = page_of(conn, filters, network_id, sort, limit, cursor)?;
    Ok((items, next, total))
}

/// One page of public cities and the next cursor, without the total (for downloads, which
/// read page after page).
pub fn page(
    conn: &mut DbConnection,
    filters: &CityFilters,
    sort: CitySort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<City>, Option<String>), ApiError> {
    let network_id = resolve_network(conn, filters)?;
    page_of(conn, filters, network_id, sort, limit, cursor)
}

/// The id of the network the filters name, if they name one.
fn resolve_network(
    conn: &mut DbConnection,
    filters: &CityFilters,
) -> Result<Option<i64>, ApiError> {
    match &filters.network {
        Some(slug) => network_id(conn, slug),
        None => Ok(None),
    }
}

fn page_of(
    conn: &mut DbConnection,
    filters: &CityFilters,
    network_id: Option<i64>,
    sort: CitySort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<City>, Option<String>), ApiError> {
    let (key, is_text, desc) = sort_key(sort, network_id);
    if let Some(c) = cursor {
        c.expect(is_text, false)?;
    }
    let mut q = filtered(filters, network_id)
        .order_by(order_sql(&key, "cities.id", desc))
        .limit(limit + 1);
    if let Some(c) = cursor {
        q = q.filter(after_cursor(&key, "cities.id", desc, c));
    }
    let int_key = if is_text { "0".to_owned() } else { key };
    let rows: Vec<(CityRow, i64, String)> = q
        .select((
            CityRow::as_select(),
            sql::<BigInt>(&format!("CAST({int_key} AS BIGINT)")),
            cities::name_sort,
        ))
        .load(conn)?;
    let (rows, next) = paginate(
        rows,
        limit,
        "cities",
        sort.as_str(),
        |(row, int_key, name_sort)| {
            let key = if is_text {
                SortKey::Text(name_sort.clone())
            } else {
                SortKey::Int(*int_key)
            };
            (key, SortKey::Int(row.id))
        },
    );
    let rows: Vec<CityRow> = rows.into_iter().map(|(row, _, _)| row).collect();
    let items = with_memberships(conn, rows)?;
    Ok((items, next))
}

/// A public city by slug, with its memberships.
pub fn get(conn: &mut DbConnection, slug: &str) -> Result<City, ApiError> {
    find(conn, slug, false)
}

/// A city by slug, with its memberships; archived cities only when `archived` is true.
pub fn find(conn: &mut DbConnection, slug: &str, archived: bool) -> Result<City, ApiError> {
    find_versioned(conn, slug, archived).map(|(city, _)| city)
}

/// A city and its row version, read in one statement, for writes guarded by that version.
pub fn find_versioned(
    conn: &mut DbConnection,
    slug: &str,
    archived: bool,
) -> Result<(City, i32), ApiError> {
    let query = cities::table
        .filter(cities::slug.eq(slug))
        .into_boxed::<MultiBackend>();
    let query = if archived {
        query.filter(cities::archived_at.is_not_null())
    } else {
        query.filter(cities::archived_at.is_null())
    };
    let row = query
        .select(CityRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no city with slug `{slug}`")))?;
    let version = row.version;
    let mut cities = with_memberships(conn, vec![row])?;
    cities
        .pop()
        .map(|city| (city, version))
        .ok_or_else(|| ApiError::Internal("city vanished while loading".to_owned()))
}

/// Attaches the public memberships of all `rows` with one query. A single city is named with
/// `=`: diesel keeps such a statement prepared on the connection, which it never does for an
/// `IN` list (its number of parameters varies).
fn with_memberships(conn: &mut DbConnection, rows: Vec<CityRow>) -> Result<Vec<City>, ApiError> {
    let mut by_city: HashMap<i64, Vec<CityMembership>> = HashMap::new();
    if !rows.is_empty() {
        let mut query = memberships::table
            .inner_join(networks::table)
            .filter(memberships::archived_at.is_null())
            .filter(networks::archived_at.is_null())
            .into_boxed::<MultiBackend>();
        query = match rows.as_slice() {
            [one] => query.filter(memberships::city_id.eq(one.id)),
            many => query.filter(memberships::city_id.eq_any(many.iter().map(|r| r.id))),
        };
        let found: Vec<MembershipRow> = query
            .order_by((
                memberships::joined_year.asc(),
                networks::name_sort.asc(),
                memberships::id.asc(),
            ))
            .select((
                memberships::id,
                memberships::city_id,
                memberships::role,
                memberships::status,
                memberships::joined_year,
                memberships::joined_on,
                memberships::left_year,
                memberships::source_url,
                networks::slug,
                networks::name_en,
                networks::name_th,
            ))
            .load(conn)?;
        for m in found {
            by_city.entry(m.city_id).or_default().push(CityMembership {
                id: m.id,
                network: m.network,
                network_name: Localized::new(m.network_en, m.network_th),
                role: m.role,
                status: m.status,
                joined_year: m.joined_year,
                joined_on: m.joined_on,
                left_year: m.left_year,
                source_url: m.source_url,
                provenance: provenance::Provenance::default(),
            });
        }
    }
    let city_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let membership_ids: Vec<i64> = by_city.values().flatten().map(|m| m.id).collect();
    let mut found = provenance::queries::of(
        conn,
        &[
            (Entity::City, &city_ids),
            (Entity::Membership, &membership_ids),
        ],
    )?;
    for m in by_city.values_mut().flatten() {
        if let Some(p) = found.remove(&(Entity::Membership, m.id)) {
            m.provenance = p;
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| City {
            memberships: by_city.remove(&r.id).unwrap_or_default(),
            provenance: found.remove(&(Entity::City, r.id)).unwrap_or_default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            country: r.country_code,
            province: r.province_code,
            lat: r.lat,
            lon: r.lon,
            population: r.population,
            population_year: r.population_year,
            population_source: r.population_source,
            area_km2: r.area_km2,
            website: r.website,
            description: optional_localized(r.description_en, r.description_th),
            geonames_id: r.geonames_id,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            archived_at: r.archived_at.map(utc),
        })
        .collect())
}
