//! `GET /cities`, `GET /cities/{slug}`, and the writes: `POST /cities`,
//! `PATCH /cities/{slug}`, `DELETE /cities/{slug}` (archive) and `POST /cities/{slug}/restore`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use super::queries::{self, CityFilters};
use super::types::{City, CityInput, CityListQuery, CityPage, CitySort, CITY_COLUMNS};
use super::{input, writes};
use crate::archive;
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{CreateProblems, ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery, SortParam};
use crate::reference::types::{CountryGroup, ThRegion};

/// List cities.
///
/// Public learning cities with their network memberships, filtered, sorted and paged.
/// Staff can list archived cities with `archived=true`.
#[utoipa::path(
    tag = "cities",
    params(CityListQuery),
    responses(
        (status = 200, description = "A page of cities", body = CityPage),
        (status = 403, description = "`archived=true` by a role other than admin or secretariat (`forbidden`)", body = crate::error::Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/cities")]
pub async fn list_cities(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<CityListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let archived =
        check.one_of("archived", q.archived.as_deref(), &["true", "false"]) == Some("true");
    if archived {
        caller.require(STAFF)?;
    }
    let filters = CityFilters {
        archived,
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
    let list = paging.pages_or_download(check, "cities", sort.as_str())?;
    let download = Download::new("cities", CITY_COLUMNS, Sharing::Everyone);
    let step_filters = filters.clone();
    list.answer_with_steps::<CityPage, _, _, _>(
        &req,
        &pool,
        download,
        move |conn, limit, cursor| queries::list(conn, &filters, sort, limit, cursor),
        move |conn, limit, cursor| queries::page(conn, &step_filters, sort, limit, cursor),
    )
    .await
}

/// Get a city.
///
/// One public city by slug, with all its network memberships. Carries an `ETag`;
/// `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "cities",
    params(("slug" = String, Path, description = "The city's slug", example = "phayao")),
    responses(
        (status = 200, description = "The city", body = City, headers(("ETag" = String, description = "Version tag"))),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        ItemProblems
    )
)]
#[get("/cities/{slug}")]
pub async fn get_city(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let city = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    etag::respond(&req, StatusCode::OK, &city)
}

/// Create a city.
///
/// Admin and secretariat. Field names are those the read API returns.
#[utoipa::path(
    tag = "cities",
    security(("bearer" = [])),
    request_body(content = CityInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = City, headers(("ETag" = String), ("Location" = String))),
        CreateProblems
    )
)]
#[post("/cities")]
pub async fn create_city(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let (changes, errors) = input::read(body, true)?;
    let city = db::run(&pool, move |conn| {
        writes::create(conn, &actor, changes, errors)
    })
    .await?;
    etag::created(&req, &city, format!("/api/v1/cities/{}", city.slug))
}

/// Update a city.
///
/// JSON merge patch (RFC 7396): fields left out are unchanged, `null` clears. Admin and
/// secretariat; a city editor only their own city, and not its `slug` or `country`. With
/// `If-Match`, a stale ETag gets 412 and changes nothing.
#[utoipa::path(
    tag = "cities",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The city's slug", example = "phayao"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = CityInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = City, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/cities/{slug}")]
pub async fn update_city(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let (changes, errors) = input::read(body, false)?;
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let city = db::run(&pool, move |conn| {
        writes::update(conn, &actor, &slug, changes, errors, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &city)
}

archive::routes! {
    City, tag = "cities", key = "slug": String;
    /// Archive a city.
    ///
    /// Admin and secretariat. Hides the city from public reads; nothing is deleted, and an admin
    /// can restore it. Honours `If-Match`.
    archive_city = "/cities/{slug}", "The city's slug";
    /// Restore an archived city.
    ///
    /// Admin only.
    restore_city = "/cities/{slug}/restore", "The archived city's slug", [];
}
