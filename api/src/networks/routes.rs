//! `GET /networks`, `GET /networks/{slug}` and `GET /networks/{slug}/members`.

use actix_web::{get, web, HttpResponse};

use super::queries::{self, MemberFilters, NetworkFilters};
use super::types::{
    MemberListQuery, MemberSort, MembershipRole, MembershipStatus, Network, NetworkListQuery,
    NetworkMemberPage, NetworkPage, NetworkScope, NetworkSort, NetworkStatus,
};
use crate::db::{self, Pool};
use crate::error::ApiError;
use crate::openapi::{ItemListProblems, ItemProblems, ListProblems};
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
    pool: web::Data<Pool>,
    query: web::Query<NetworkListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = NetworkFilters {
        scope: check
            .one_of("scope", q.scope.as_deref(), NetworkScope::VALUES)
            .map(str::to_owned),
        status: check
            .one_of("status", q.status.as_deref(), NetworkStatus::VALUES)
            .map(str::to_owned),
        q: check.search("q", q.q.as_deref()),
    };
    let sort: NetworkSort = check.sort(q.sort.as_deref());
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "networks", sort.as_str())?;
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list(conn, &filters, sort, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(NetworkPage {
        items,
        next_cursor,
        total,
    }))
}

/// Get a network.
#[utoipa::path(
    tag = "networks",
    params(("slug" = String, Path, description = "The network's slug", example = "unesco-gnlc")),
    responses((status = 200, description = "The network", body = Network), ItemProblems)
)]
#[get("/networks/{slug}")]
pub async fn get_network(
    pool: web::Data<Pool>,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let network = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    Ok(HttpResponse::Ok().json(network))
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
    pool: web::Data<Pool>,
    slug: web::Path<String>,
    query: web::Query<MemberListQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = MemberFilters {
        country: check.country("country", q.country.as_deref()),
        role: check
            .one_of("role", q.role.as_deref(), MembershipRole::VALUES)
            .map(str::to_owned),
        status: check
            .one_of("status", q.status.as_deref(), MembershipStatus::VALUES)
            .map(str::to_owned),
        member_since: check.year_range("member_since", q.member_since.as_deref()),
    };
    let sort: MemberSort = check.sort(q.sort.as_deref());
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "members", sort.as_str())?;
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::members(conn, &slug, &filters, sort, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(NetworkMemberPage {
        items,
        next_cursor,
        total,
    }))
}
