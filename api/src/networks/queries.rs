//! Database reads for networks, their member counts and member lists.

use std::collections::HashMap;

use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::types::{
    MemberCity, MemberSort, MembershipRole, MembershipStatus, Network, NetworkMember, NetworkScope,
    NetworkSort, NetworkStatus,
};
use crate::db::schema::{cities, memberships, networks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::organisations::types::RoleTarget;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::query::{SortParam, YearRange};
use crate::types::{optional_localized, utc, Localized};

/// Checked filters of the network list.
#[derive(Debug, Default, Clone)]
pub struct NetworkFilters {
    pub scope: Option<NetworkScope>,
    pub status: Option<NetworkStatus>,
    pub q: Option<String>,
}

/// Checked filters of a member list.
#[derive(Debug, Default, Clone)]
pub struct MemberFilters {
    pub country: Option<String>,
    pub role: Option<MembershipRole>,
    pub status: Option<MembershipStatus>,
    pub member_since: Option<YearRange>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = networks)]
struct NetworkRow {
    id: i64,
    slug: String,
    name_en: String,
    name_th: Option<String>,
    name_sort: String,
    scope: NetworkScope,
    status: NetworkStatus,
    country_code: Option<String>,
    secretariat_en: Option<String>,
    secretariat_th: Option<String>,
    founded_year: Option<i32>,
    website: Option<String>,
    description_en: Option<String>,
    description_th: Option<String>,
    version: i32,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
    archived_at: Option<chrono::NaiveDateTime>,
}

fn filtered(f: &NetworkFilters) -> networks::BoxedQuery<'static, MultiBackend> {
    let mut q = networks::table
        .filter(networks::archived_at.is_null())
        .into_boxed();
    if let Some(scope) = f.scope {
        q = q.filter(networks::scope.eq(scope));
    }
    if let Some(status) = f.status {
        q = q.filter(networks::status.eq(status));
    }
    if let Some(term) = &f.q {
        let pattern = crate::text::contains_pattern(term);
        q = q.filter(
            networks::name_sort
                .like(pattern.clone())
                .escape('\\')
                .or(networks::name_th.like(pattern).escape('\\')),
        );
    }
    q
}

/// Memberships of cities that are not archived. Written as "not one of the (few) archived
/// cities" rather than as a join, so that counts read the memberships index alone instead of
/// looking up every member's city row.
#[diesel::dsl::auto_type(no_type_alias)]
fn of_public_city() -> _ {
    memberships::city_id.ne_all(
        cities::table
            .filter(cities::archived_at.is_not_null())
            .select(cities::id),
    )
}

/// Active member counts of the given networks, in one query.
fn member_counts(conn: &mut DbConnection, ids: Vec<i64>) -> Result<HashMap<i64, i64>, ApiError> {
    let counts: Vec<(i64, i64)> = memberships::table
        .filter(memberships::network_id.eq_any(ids))
        .filter(memberships::archived_at.is_null())
        .filter(memberships::status.eq(MembershipStatus::Active))
        .filter(of_public_city())
        .group_by(memberships::network_id)
        .select((memberships::network_id, count_star()))
        .load(conn)?;
    Ok(counts.into_iter().collect())
}

fn to_networks(conn: &mut DbConnection, rows: Vec<NetworkRow>) -> Result<Vec<Network>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut reported = super::census::queries::reported(conn, &ids)?;
    let mut organisations = crate::organisations::queries::links(conn, RoleTarget::Network, &ids)?;
    let counts = member_counts(conn, ids)?;
    let mut networks: Vec<Network> = rows
        .into_iter()
        .map(|r| Network {
            member_count: counts.get(&r.id).copied().unwrap_or(0),
            reported: reported.remove(&r.id),
            organisations: organisations.remove(&r.id).unwrap_or_default(),
            provenance: Provenance::default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            scope: r.scope,
            status: r.status,
            country: r.country_code,
            secretariat: r
                .secretariat_en
                .map(|en| Localized::new(en, r.secretariat_th)),
            founded_year: r.founded_year,
            website: r.website,
            description: optional_localized(r.description_en, r.description_th),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            archived_at: r.archived_at.map(utc),
        })
        .collect();
    provenance::queries::attach(conn, &mut networks)?;
    Ok(networks)
}

/// One page of public networks, the next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    filters: &NetworkFilters,
    sort: NetworkSort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Network>, Option<String>, i64), ApiError> {
    let total = filtered(filters).count().get_result::<i64>(conn)?;
    let desc = sort == NetworkSort::NameDesc;
    let mut q = filtered(filters)
        .order_by(order_sql("networks.name_sort", "networks.id", desc))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        q = q.filter(after_cursor("networks.name_sort", "networks.id", desc, c));
    }
    let rows = q.select(NetworkRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "networks", sort.as_str(), |r| {
        (SortKey::Text(r.name_sort.clone()), SortKey::Int(r.id))
    });
    Ok((to_networks(conn, rows)?, next, total))
}

fn find(conn: &mut DbConnection, slug: &str) -> Result<NetworkRow, ApiError> {
    find_row(conn, slug, false)
}

fn find_row(conn: &mut DbConnection, slug: &str, archived: bool) -> Result<NetworkRow, ApiError> {
    let query = networks::table
        .filter(networks::slug.eq(slug))
        .into_boxed::<MultiBackend>();
    let query = if archived {
        query.filter(networks::archived_at.is_not_null())
    } else {
        query.filter(networks::archived_at.is_null())
    };
    query
        .select(NetworkRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no network with slug `{slug}`")))
}

/// A public network by slug.
pub fn get(conn: &mut DbConnection, slug: &str) -> Result<Network, ApiError> {
    find_network(conn, slug, false)
}

/// A network by slug; archived networks only when `archived` is true.
pub fn find_network(
    conn: &mut DbConnection,
    slug: &str,
    archived: bool,
) -> Result<Network, ApiError> {
    find_versioned(conn, slug, archived).map(|(network, _)| network)
}

/// A network and its row version, read in one statement, for writes guarded by that version.
pub fn find_versioned(
    conn: &mut DbConnection,
    slug: &str,
    archived: bool,
) -> Result<(Network, i32), ApiError> {
    let row = find_row(conn, slug, archived)?;
    let version = row.version;
    to_networks(conn, vec![row])?
        .pop()
        .map(|network| (network, version))
        .ok_or_else(|| ApiError::Internal("network vanished while loading".to_owned()))
}

#[derive(Queryable)]
struct MemberRow {
    membership_id: i64,
    role: MembershipRole,
    status: MembershipStatus,
    joined_year: Option<i32>,
    joined_on: Option<chrono::NaiveDate>,
    left_year: Option<i32>,
    source_url: Option<String>,
    note: Option<String>,
    city_id: i64,
    slug: String,
    name_en: String,
    name_th: Option<String>,
    country: String,
    province: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    name_sort: String,
    joined_key: i64,
}

/// One page of a public network's members, the next cursor and the total.
pub fn members(
    conn: &mut DbConnection,
    slug: &str,
    filters: &MemberFilters,
    sort: MemberSort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<NetworkMember>, Option<String>, i64), ApiError> {
    let network = find(conn, slug)?;
    // The membership filters, over the memberships alone (for the total, read from an index)
    // and joined with their cities (for the page); each adds its own test of the city.
    macro_rules! member_filters {
        ($source:expr) => {{
            let mut q = $source
                .filter(memberships::network_id.eq(network.id))
                .filter(memberships::archived_at.is_null())
                .into_boxed::<MultiBackend>();
            if let Some(role) = filters.role {
                q = q.filter(memberships::role.eq(role));
            }
            if let Some(status) = filters.status {
                q = q.filter(memberships::status.eq(status));
            }
            if let Some(range) = filters.member_since {
                if let Some(from) = range.from {
                    q = q.filter(memberships::joined_year.ge(from));
                }
                if let Some(to) = range.to {
                    q = q.filter(memberships::joined_year.le(to));
                }
            }
            q
        }};
    }
    let mut count = member_filters!(memberships::table).filter(of_public_city());
    if let Some(country) = &filters.country {
        let of_country = cities::table
            .filter(cities::country_code.eq(country.clone()))
            .select(cities::id);
        count = count.filter(memberships::city_id.eq_any(of_country));
    }
    let total = count.count().get_result::<i64>(conn)?;
    let (key, is_text, desc) = match sort {
        MemberSort::Joined => ("COALESCE(memberships.joined_year, 9999)", false, false),
        MemberSort::JoinedDesc => ("COALESCE(memberships.joined_year, -1)", false, true),
        MemberSort::Name => ("cities.name_sort", true, false),
        MemberSort::NameDesc => ("cities.name_sort", true, true),
    };
    let mut q = member_filters!(memberships::table.inner_join(cities::table))
        .filter(cities::archived_at.is_null())
        .order_by(order_sql(key, "memberships.id", desc))
        .limit(limit + 1);
    if let Some(country) = &filters.country {
        q = q.filter(cities::country_code.eq(country.clone()));
    }
    if let Some(c) = cursor {
        c.expect(is_text, false)?;
        q = q.filter(after_cursor(key, "memberships.id", desc, c));
    }
    let int_key = if is_text { "0" } else { key };
    let rows: Vec<MemberRow> = q
        .select((
            memberships::id,
            memberships::role,
            memberships::status,
            memberships::joined_year,
            memberships::joined_on,
            memberships::left_year,
            memberships::source_url,
            memberships::note,
            cities::id,
            cities::slug,
            cities::name_en,
            cities::name_th,
            cities::country_code,
            cities::province_code,
            cities::lat,
            cities::lon,
            cities::name_sort,
            sql::<BigInt>(&format!("CAST({int_key} AS BIGINT)")),
        ))
        .load(conn)?;
    let (rows, next) = paginate(rows, limit, "members", sort.as_str(), |r| {
        let key = if is_text {
            SortKey::Text(r.name_sort.clone())
        } else {
            SortKey::Int(r.joined_key)
        };
        (key, SortKey::Int(r.membership_id))
    });
    let mut items = rows
        .into_iter()
        .map(|r| NetworkMember {
            membership_id: r.membership_id,
            city: MemberCity {
                id: r.city_id,
                slug: r.slug,
                name: Localized::new(r.name_en, r.name_th),
                country: r.country,
                province: r.province,
                lat: r.lat,
                lon: r.lon,
            },
            role: r.role,
            status: r.status,
            joined_year: r.joined_year,
            joined_on: r.joined_on,
            left_year: r.left_year,
            source_url: r.source_url,
            note: r.note,
            provenance: Provenance::default(),
        })
        .collect::<Vec<_>>();
    provenance::queries::attach(conn, &mut items)?;
    Ok((items, next, total))
}
