//! `GET /networks`, `GET /networks/{slug}`, `GET /networks/{slug}/members`, and the writes:
//! `POST /networks`, `PATCH` and `DELETE /networks/{slug}`, `POST /networks/{slug}/restore`.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use super::queries::{self, MemberFilters, NetworkFilters};
use super::types::{
    MemberListQuery, MemberSort, Network, NetworkInput, NetworkListQuery, NetworkMemberPage,
    NetworkPage, NetworkSort,
};
use super::types::{MEMBER_COLUMNS, NETWORK_COLUMNS};
use super::{input, writes};
use crate::archive;
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::ApiError;
use crate::error::{CreateProblems, ItemListProblems, ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery, SortParam};

/// List networks.
///
/// Networks of learning cities with their number of active members.
#[utoipa::path(
    tag = "networks",
    params(NetworkListQuery),
    responses((status = 200, description = "A page of networks", body = NetworkPage), ListProblems)
)]
#[get("/networks")]
pub async fn list_networks(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<NetworkListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = NetworkFilters {
        scope: check.enumerated("scope", q.scope.as_deref()),
        status: check.enumerated("status", q.status.as_deref()),
        q: check.search("q", q.q.as_deref()),
    };
    let sort: NetworkSort = check.sort(q.sort.as_deref());
    let list = paging.pages_or_download(check, "networks", sort.as_str())?;
    let download = Download::new("networks", NETWORK_COLUMNS, Sharing::Everyone);
    list.answer::<NetworkPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list(conn, &filters, sort, limit, cursor)
    })
    .await
}

/// Get a network.
///
/// Carries an `ETag`; `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "networks",
    params(("slug" = String, Path, description = "The network's slug", example = "unesco-gnlc")),
    responses(
        (status = 200, description = "The network", body = Network, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        ItemProblems
    )
)]
#[get("/networks/{slug}")]
pub async fn get_network(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let network = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    etag::respond(&req, StatusCode::OK, &network)
}

/// Create a network.
///
/// Admin and secretariat.
#[utoipa::path(
    tag = "networks",
    security(("bearer" = [])),
    request_body(content = NetworkInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = Network, headers(("ETag" = String), ("Location" = String))),
        CreateProblems
    )
)]
#[post("/networks")]
pub async fn create_network(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read(body, true)?;
    let network = db::run(&pool, move |conn| writes::create(conn, &actor, changes)).await?;
    etag::created(&req, &network, format!("/api/v1/networks/{}", network.slug))
}

/// Update a network.
///
/// JSON merge patch; admin and secretariat. Honours `If-Match` (412 when stale).
#[utoipa::path(
    tag = "networks",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The network's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = NetworkInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Network, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/networks/{slug}")]
pub async fn update_network(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read(body, false)?;
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let network = db::run(&pool, move |conn| {
        writes::update(conn, &actor, &slug, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &network)
}

archive::routes! {
    Network, tag = "networks", key = "slug": String;
    /// Archive a network.
    ///
    /// Admin and secretariat; hides it from public reads. Honours `If-Match`.
    archive_network = "/networks/{slug}", "The network's slug";
    /// Restore an archived network.
    ///
    /// Admin only.
    restore_network = "/networks/{slug}/restore", "The archived network's slug", [];
}

/// List a network's members.
///
/// The member cities of one network with role, status and join year, paged.
#[utoipa::path(
    tag = "networks",
    params(
        ("slug" = String, Path, description = "The network's slug", example = "unesco-gnlc"),
        MemberListQuery
    ),
    responses(
        (status = 200, description = "A page of members", body = NetworkMemberPage),
        ItemListProblems
    )
)]
#[get("/networks/{slug}/members")]
pub async fn list_members(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    query: web::Query<MemberListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = MemberFilters {
        country: check.country("country", q.country.as_deref()),
        role: check.enumerated("role", q.role.as_deref()),
        status: check.enumerated("status", q.status.as_deref()),
        member_since: check.year_range("member_since", q.member_since.as_deref()),
    };
    let sort: MemberSort = check.sort(q.sort.as_deref());
    let list = paging.pages_or_download(check, "members", sort.as_str())?;
    if list.is_download() {
        // An unknown network is a 404 before any byte is streamed.
        let probe = slug.clone();
        db::run(&pool, move |conn| queries::get(conn, &probe)).await?;
    }
    let download = Download::new("members", MEMBER_COLUMNS, Sharing::Everyone);
    list.answer::<NetworkMemberPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::members(conn, &slug, &filters, sort, limit, cursor)
    })
    .await
}
