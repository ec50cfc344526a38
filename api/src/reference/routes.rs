//! `GET /countries` and `GET /provinces`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries::{self, CountryFilters, Order, ProvinceFilters};
use super::types::{
    CountryGroup, CountryListQuery, CountryPage, ProvinceListQuery, ProvincePage, ReferenceSort,
    ThRegion,
};
use super::types::{COUNTRY_COLUMNS, PROVINCE_COLUMNS};
use crate::db::ReadPool;
use crate::error::ApiError;
use crate::error::ListProblems;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, SortParam};

fn order(sort: ReferenceSort) -> Order {
    let (by_code, desc) = match sort {
        ReferenceSort::Name => (false, false),
        ReferenceSort::NameDesc => (false, true),
        ReferenceSort::Code => (true, false),
        ReferenceSort::CodeDesc => (true, true),
    };
    Order {
        name: sort.as_str(),
        by_code,
        desc,
    }
}

/// List countries.
///
/// Every ISO 3166-1 country with English and Thai names and its ASEAN / ASEAN+3 grouping.
#[utoipa::path(
    tag = "reference",
    params(CountryListQuery),
    responses((status = 200, description = "A page of countries", body = CountryPage), ListProblems)
)]
#[get("/countries")]
pub async fn list_countries(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<CountryListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let group = check
        .one_of("group", q.group.as_deref(), CountryGroup::VALUES)
        .and_then(CountryGroup::parse);
    let search = check.search("q", q.q.as_deref());
    let sort: ReferenceSort = check.sort(q.sort.as_deref());
    let list = paging.pages_or_download(check, "countries", sort.as_str())?;
    let filters = CountryFilters { group, q: search };
    let download = Download::new("countries", COUNTRY_COLUMNS, Sharing::Everyone);
    list.answer::<CountryPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list_countries(conn, &filters, &order(sort), limit, cursor)
    })
    .await
}

/// List Thai provinces.
///
/// The 77 provinces of Thailand by ISO 3166-2:TH code, with English and Thai names, region and
/// centroid.
#[utoipa::path(
    tag = "reference",
    params(ProvinceListQuery),
    responses((status = 200, description = "A page of provinces", body = ProvincePage), ListProblems)
)]
#[get("/provinces")]
pub async fn list_provinces(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<ProvinceListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let region = check
        .one_of("region", q.region.as_deref(), ThRegion::VALUES)
        .map(str::to_owned);
    let search = check.search("q", q.q.as_deref());
    let sort: ReferenceSort = check.sort(q.sort.as_deref());
    let list = paging.pages_or_download(check, "provinces", sort.as_str())?;
    let filters = ProvinceFilters { region, q: search };
    let download = Download::new("provinces", PROVINCE_COLUMNS, Sharing::Everyone);
    list.answer::<ProvincePage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list_provinces(conn, &filters, &order(sort), limit, cursor)
    })
    .await
}
