//! `GET /cities` and `GET /cities/{slug}`.

use actix_web::{get, web, HttpResponse};

use super::queries::{self, CityFilters};
use super::types::{City, CityListQuery, CityPage, CitySort};
use crate::db::{self, Pool};
use crate::error::ApiError;
use crate::openapi::{ItemProblems, ListProblems};
use crate::query::{Checker, NoQuery, SortParam};
use crate::reference::types::{CountryGroup, ThRegion};

/// List cities.
///
/// Public learning cities with their network memberships, filtered, sorted and paged.
#[utoipa::path(
    tag = "cities",
    params(CityListQuery),
    responses((status = 200, description = "A page of cities", body = CityPage), ListProblems)
)]
#[get("/cities")]
pub async fn list_cities(
    pool: web::Data<Pool>,
    query: web::Query<CityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = CityFilters {
        country: check.country("country", q.country.as_deref()),
        province: check.province("province", q.province.as_deref()),
        group: check
            .one_of("group", q.group.as_deref(), CountryGroup::VALUES)
            .and_then(CountryGroup::parse),
        th_region: check
            .one_of("th_region", q.th_region.as_deref(), ThRegion::VALUES)
            .map(str::to_owned),
        network: check.slug("network", q.network.as_deref()),
        member_since: check.year_range("member_since", q.member_since.as_deref()),
        q: check.search("q", q.q.as_deref()),
    };
    let sort: CitySort = check.sort(q.sort.as_deref());
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "cities", sort.as_str())?;
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list(conn, &filters, sort, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(CityPage {
        items,
        next_cursor,
        total,
    }))
}

/// Get a city.
///
/// One public city by slug, with all its network memberships.
#[utoipa::path(
    tag = "cities",
    params(("slug" = String, Path, description = "The city's slug", example = "phayao")),
    responses((status = 200, description = "The city", body = City), ItemProblems)
)]
#[get("/cities/{slug}")]
pub async fn get_city(
    pool: web::Data<Pool>,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let city = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    Ok(HttpResponse::Ok().json(city))
}
