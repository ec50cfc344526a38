//! Statistics for dashboards and analysts, each as JSON `{"items": [...]}` or CSV
//! (`format=csv`): overview counts, membership growth per network and year, cities by country
//! and by Thai region, and awards by country, programme and category. Published data only.

use std::collections::BTreeMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, countries, evaluations, frameworks,
    memberships, networks, nominations, provinces,
};
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::export::{self, Format};
use crate::openapi::ListProblems;
use crate::query::Checker;

/// Query parameters of the statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// `json` (default), `csv` or `ndjson`.
    #[param(value_type = Option<crate::export::ExportFormat>)]
    pub format: Option<String>,
    /// With CSV, `true` starts the file with a UTF-8 byte-order mark.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
    /// `membership-growth`: only this network (slug). `awards`: what to count by
    /// (`country`, `programme` or `category`; default `country`).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub network: Option<String>,
    /// `awards` only: `country`, `programme` or `category`.
    #[param(pattern = "^(country|programme|category)$")]
    pub by: Option<String>,
}

/// One count.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    /// What is counted (a key such as a country code or slug).
    pub key: String,
    /// Its English name.
    pub label_en: String,
    /// Its Thai name, where known.
    pub label_th: Option<String>,
    pub count: i64,
}

/// Members of a network joining in a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct Growth {
    pub network: String,
    pub year: i32,
    /// Cities that joined in the year.
    pub new_members: i64,
    /// Cities that had joined by the end of the year.
    pub cumulative: i64,
}

/// The rows of a statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountTable {
    pub items: Vec<Count>,
}

/// The rows of the growth statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct GrowthTable {
    pub items: Vec<Growth>,
}

const COUNT_COLUMNS: &[&str] = &["key", "label_en", "label_th", "count"];
const GROWTH_COLUMNS: &[&str] = &["network", "year", "new_members", "cumulative"];

fn read(
    req: &HttpRequest,
    q: &StatsQuery,
    network_allowed: bool,
    by_allowed: bool,
) -> Result<(Format, Option<String>, String), ApiError> {
    let mut check = Checker::default();
    let format = export::negotiate(req, &mut check, q.format.as_deref(), q.bom.as_deref());
    let network = check.slug("network", q.network.as_deref());
    if network.is_some() && !network_allowed {
        check.fail("network", "this statistic has no network filter");
    }
    let by = check
        .one_of("by", q.by.as_deref(), &["country", "programme", "category"])
        .unwrap_or("country")
        .to_owned();
    if q.by.is_some() && !by_allowed {
        check.fail("by", "this statistic has no `by`");
    }
    check.finish(None, "stats", "key")?;
    Ok((format, network, by))
}

fn count(key: impl Into<String>, en: impl Into<String>, th: Option<String>, count: i64) -> Count {
    Count {
        key: key.into(),
        label_en: en.into(),
        label_th: th,
        count,
    }
}

/// Overview counts.
///
/// Public cities, countries with a city, networks, active memberships, award programmes,
/// published cycles, recorded awards, frameworks and counted evaluations of published cycles.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/overview")]
pub async fn overview(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, |conn| {
        let public_cities = cities::table.filter(cities::archived_at.is_null());
        let published = award_cycles::table.filter(award_cycles::status.eq("published"));
        Ok(vec![
            count(
                "cities",
                "Cities",
                Some("เมือง".to_owned()),
                public_cities.count().get_result(conn)?,
            ),
            count(
                "countries",
                "Countries with a city",
                Some("ประเทศที่มีเมือง".to_owned()),
                i64::try_from(
                    cities::table
                        .filter(cities::archived_at.is_null())
                        .select(cities::country_code)
                        .distinct()
                        .load::<String>(conn)?
                        .len(),
                )
                .unwrap_or_default(),
            ),
            count(
                "networks",
                "Networks",
                Some("เครือข่าย".to_owned()),
                networks::table
                    .filter(networks::archived_at.is_null())
                    .count()
                    .get_result(conn)?,
            ),
            count(
                "active_memberships",
                "Active memberships",
                Some("สมาชิกภาพ".to_owned()),
                memberships::table
                    .inner_join(cities::table)
                    .inner_join(networks::table)
                    .filter(memberships::archived_at.is_null())
                    .filter(cities::archived_at.is_null())
                    .filter(networks::archived_at.is_null())
                    .filter(memberships::status.eq("active"))
                    .count()
                    .get_result(conn)?,
            ),
            count(
                "award_programmes",
                "Award programmes",
                Some("โครงการรางวัล".to_owned()),
                award_programmes::table.count().get_result(conn)?,
            ),
            count(
                "published_cycles",
                "Published award cycles",
                Some("รอบรางวัลที่ประกาศผลแล้ว".to_owned()),
                published.count().get_result(conn)?,
            ),
            count(
                "awards",
                "Awards (published winners)",
                Some("รางวัลที่ได้รับ".to_owned()),
                nominations::table
                    .inner_join(award_cycles::table)
                    .inner_join(cities::table)
                    .filter(award_cycles::status.eq("published"))
                    .filter(nominations::status.eq("winner"))
                    .filter(cities::archived_at.is_null())
                    .count()
                    .get_result(conn)?,
            ),
            count(
                "frameworks",
                "Evaluation frameworks",
                Some("กรอบการประเมิน".to_owned()),
                frameworks::table.count().get_result(conn)?,
            ),
            count(
                "published_evaluations",
                "Counted evaluations of published cycles",
                Some("ผลการประเมินที่เผยแพร่".to_owned()),
                evaluations::table
                    .inner_join(nominations::table.inner_join(award_cycles::table))
                    .filter(award_cycles::status.eq("published"))
                    .filter(
                        evaluations::status
                            .eq_any(crate::evaluations::scoring::life_cycle::COUNTED),
                    )
                    .count()
                    .get_result(conn)?,
            ),
        ])
    })
    .await?;
    export::table(format, "overview", COUNT_COLUMNS, &rows)
}

/// Membership growth.
///
/// Per network and year: cities that joined, and the running total. Memberships without a join
/// year are not counted.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Growth", body = GrowthTable), ListProblems))]
#[get("/stats/membership-growth")]
pub async fn membership_growth(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, network, _) = read(&req, &query, true, false)?;
    let rows = db::run(&pool, move |conn| {
        let slugs: std::collections::HashMap<i64, String> = networks::table
            .filter(networks::archived_at.is_null())
            .select((networks::id, networks::slug))
            .load(conn)?
            .into_iter()
            .collect();
        let counts: Vec<(i64, Option<i32>, i64)> = memberships::table
            .inner_join(networks::table)
            .inner_join(cities::table)
            .filter(memberships::archived_at.is_null())
            .filter(networks::archived_at.is_null())
            .filter(cities::archived_at.is_null())
            .filter(memberships::joined_year.is_not_null())
            .group_by((memberships::network_id, memberships::joined_year))
            .select((
                memberships::network_id,
                memberships::joined_year,
                count_star(),
            ))
            .load(conn)?;
        let mut counts: Vec<(String, Option<i32>, i64)> = counts
            .into_iter()
            .filter_map(|(id, year, n)| slugs.get(&id).map(|s| (s.clone(), year, n)))
            .collect();
        counts.sort();
        let mut running: BTreeMap<String, i64> = BTreeMap::new();
        Ok(counts
            .into_iter()
            .filter(|(slug, _, _)| network.as_ref().is_none_or(|n| n == slug))
            .filter_map(|(network, year, n)| {
                let total = running.entry(network.clone()).or_default();
                *total += n;
                year.map(|year| Growth {
                    network,
                    year,
                    new_members: n,
                    cumulative: *total,
                })
            })
            .collect::<Vec<_>>())
    })
    .await?;
    export::table(format, "membership-growth", GROWTH_COLUMNS, &rows)
}

/// Cities by country.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/cities-by-country")]
pub async fn cities_by_country(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, |conn| {
        let counts: Vec<(String, String, String, i64)> = cities::table
            .inner_join(countries::table)
            .filter(cities::archived_at.is_null())
            .group_by((countries::code, countries::name_en, countries::name_th))
            .select((
                countries::code,
                countries::name_en,
                countries::name_th,
                count_star(),
            ))
            .order_by(countries::code)
            .load(conn)?;
        Ok(counts
            .into_iter()
            .map(|(code, en, th, n)| count(code, en, Some(th), n))
            .collect::<Vec<_>>())
    })
    .await?;
    export::table(format, "cities-by-country", COUNT_COLUMNS, &rows)
}

/// Thai cities by region.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/cities-by-region")]
pub async fn cities_by_region(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, _) = read(&req, &query, false, false)?;
    let rows = db::run(&pool, |conn| {
        let counts: Vec<(String, String, String, i64)> = cities::table
            .inner_join(provinces::table)
            .filter(cities::archived_at.is_null())
            .group_by((
                provinces::region,
                provinces::region_name_en,
                provinces::region_name_th,
            ))
            .select((
                provinces::region,
                provinces::region_name_en,
                provinces::region_name_th,
                count_star(),
            ))
            .order_by(provinces::region)
            .load(conn)?;
        Ok(counts
            .into_iter()
            .map(|(key, en, th, n)| count(key, en, Some(th), n))
            .collect::<Vec<_>>())
    })
    .await?;
    export::table(format, "cities-by-region", COUNT_COLUMNS, &rows)
}

/// Awards by country, programme or category.
///
/// Published winners counted by the city's country (`by=country`, the default), by programme
/// or by category.
#[utoipa::path(tag = "open data", params(StatsQuery), responses((status = 200, description = "Counts", body = CountTable), ListProblems))]
#[get("/stats/awards")]
pub async fn awards(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (format, _, by) = read(&req, &query, false, true)?;
    let rows = db::run(&pool, move |conn| {
        let base = || {
            nominations::table
                .inner_join(award_categories::table)
                .inner_join(award_cycles::table.inner_join(award_programmes::table))
                .inner_join(cities::table.inner_join(countries::table))
                .filter(award_cycles::status.eq("published"))
                .filter(nominations::status.eq("winner"))
                .filter(cities::archived_at.is_null())
        };
        let counts: Vec<(String, String, Option<String>, i64)> = match by.as_str() {
            "programme" => base()
                .group_by((
                    award_programmes::slug,
                    award_programmes::name_en,
                    award_programmes::name_th,
                ))
                .select((
                    award_programmes::slug,
                    award_programmes::name_en,
                    award_programmes::name_th,
                    count_star(),
                ))
                .order_by(award_programmes::slug)
                .load(conn)?,
            "category" => base()
                .group_by((
                    award_categories::slug,
                    award_categories::name_en,
                    award_categories::name_th,
                ))
                .select((
                    award_categories::slug,
                    award_categories::name_en,
                    award_categories::name_th,
                    count_star(),
                ))
                .order_by(award_categories::slug)
                .load(conn)?,
            _ => base()
                .group_by((countries::code, countries::name_en, countries::name_th))
                .select((
                    countries::code,
                    countries::name_en,
                    countries::name_th.nullable(),
                    count_star(),
                ))
                .order_by(countries::code)
                .load(conn)?,
        };
        Ok(counts
            .into_iter()
            .map(|(key, en, th, n)| count(key, en, th, n))
            .collect::<Vec<_>>())
    })
    .await?;
    export::table(format, "awards", COUNT_COLUMNS, &rows)
}
