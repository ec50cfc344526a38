//! Database reads for countries and provinces.

use diesel::prelude::*;

use super::types::{Country, CountryGroup, Localized, Province, Region};
use crate::db::schema::{countries, provinces};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

/// Filters of the country list.
#[derive(Clone)]
pub struct CountryFilters {
    pub group: Option<CountryGroup>,
    pub q: Option<String>,
}

/// Filters of the province list.
#[derive(Clone)]
pub struct ProvinceFilters {
    pub region: Option<String>,
    pub q: Option<String>,
}

/// A sort as SQL: key expression and direction.
pub struct Order {
    pub name: &'static str,
    pub by_code: bool,
    pub desc: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = countries)]
struct CountryRow {
    code: String,
    name_en: String,
    name_th: String,
    name_sort: String,
    asean: bool,
    asean_plus_3: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = provinces)]
struct ProvinceRow {
    code: String,
    dopa_code: String,
    name_en: String,
    name_th: String,
    name_sort: String,
    region: String,
    region_name_en: String,
    region_name_th: String,
    lat: f64,
    lon: f64,
}

fn countries_filtered(
    f: &CountryFilters,
) -> countries::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut q = countries::table.into_boxed();
    match f.group {
        Some(CountryGroup::Asean) => q = q.filter(countries::asean.eq(true)),
        Some(CountryGroup::AseanPlus3) => q = q.filter(countries::asean_plus_3.eq(true)),
        None => {}
    }
    if let Some(term) = &f.q {
        let pattern = crate::text::contains_pattern(term);
        q = q.filter(
            countries::name_sort
                .like(pattern.clone())
                .escape('\\')
                .or(countries::name_th.like(pattern).escape('\\')),
        );
    }
    q
}

/// One page of countries and the total count.
pub fn list_countries(
    conn: &mut DbConnection,
    filters: &CountryFilters,
    order: &Order,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Country>, Option<String>, i64), ApiError> {
    let total = countries_filtered(filters)
        .count()
        .get_result::<i64>(conn)?;
    let key = if order.by_code {
        "countries.code"
    } else {
        "countries.name_sort"
    };
    let mut q = countries_filtered(filters)
        .order_by(order_sql(key, "countries.code", order.desc))
        .limit(limit + 1);
    if let Some(c) = cursor {
        q = q.filter(after_cursor(key, "countries.code", order.desc, c));
    }
    let rows = q.select(CountryRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "countries", order.name, |r| {
        let k = if order.by_code {
            r.code.clone()
        } else {
            r.name_sort.clone()
        };
        (SortKey::Text(k), SortKey::Text(r.code.clone()))
    });
    let items = rows
        .into_iter()
        .map(|r| {
            let mut groups = Vec::new();
            if r.asean {
                groups.push(CountryGroup::Asean);
            }
            if r.asean_plus_3 {
                groups.push(CountryGroup::AseanPlus3);
            }
            Country {
                code: r.code,
                name: Localized::new(r.name_en, Some(r.name_th)),
                groups,
            }
        })
        .collect();
    Ok((items, next, total))
}

fn provinces_filtered(
    f: &ProvinceFilters,
) -> provinces::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut q = provinces::table.into_boxed();
    if let Some(region) = &f.region {
        q = q.filter(provinces::region.eq(region.clone()));
    }
    if let Some(term) = &f.q {
        let pattern = crate::text::contains_pattern(term);
        q = q.filter(
            provinces::name_sort
                .like(pattern.clone())
                .escape('\\')
                .or(provinces::name_th.like(pattern).escape('\\')),
        );
    }
    q
}

/// One page of provinces and the total count.
pub fn list_provinces(
    conn: &mut DbConnection,
    filters: &ProvinceFilters,
    order: &Order,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Province>, Option<String>, i64), ApiError> {
    let total = provinces_filtered(filters)
        .count()
        .get_result::<i64>(conn)?;
    let key = if order.by_code {
        "provinces.code"
    } else {
        "provinces.name_sort"
    };
    let mut q = provinces_filtered(filters)
        .order_by(order_sql(key, "provinces.code", order.desc))
        .limit(limit + 1);
    if let Some(c) = cursor {
        q = q.filter(after_cursor(key, "provinces.code", order.desc, c));
    }
    let rows = q.select(ProvinceRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "provinces", order.name, |r| {
        let k = if order.by_code {
            r.code.clone()
        } else {
            r.name_sort.clone()
        };
        (SortKey::Text(k), SortKey::Text(r.code.clone()))
    });
    let items = rows
        .into_iter()
        .map(|r| Province {
            code: r.code,
            dopa_code: r.dopa_code,
            name: Localized::new(r.name_en, Some(r.name_th)),
            region: Region {
                key: r.region,
                name: Localized::new(r.region_name_en, Some(r.region_name_th)),
            },
            lat: r.lat,
            lon: r.lon,
        })
        .collect();
    Ok((items, next, total))
}
