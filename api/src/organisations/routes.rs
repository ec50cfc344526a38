//! `GET /organisations` and `GET /organisations/{slug}`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries::{self, OrganisationFilters};
use super::types::{
    Organisation, OrganisationKind, OrganisationListQuery, OrganisationPage, ORGANISATION_COLUMNS,
};
use crate::db::{self, ReadPool};
use crate::error::{ApiError, ItemProblems, ListProblems};
use crate::http::etag;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// List organisations.
///
/// The bodies behind the networks, award programmes, events and initiatives (UNESCO Bangkok,
/// UIL, PMU-A, EEF, OKMD, the University of Phayao, ...), by name, each with its roles and
/// sources. Filters: `kind`, `country`, `network` (holding a role in it) and `q` (names and
/// abbreviations, English or Thai).
#[utoipa::path(
    tag = "organisations",
    params(OrganisationListQuery),
    responses((status = 200, description = "A page of organisations", body = OrganisationPage), ListProblems)
)]
#[get("/organisations")]
pub async fn list_organisations(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<OrganisationListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = OrganisationFilters {
        kind: check.enumerated::<OrganisationKind>("kind", q.kind.as_deref()),
        country: check.country("country", q.country.as_deref()),
        network: check.slug("network", q.network.as_deref()),
        q: check.search("q", q.q.as_deref()),
    };
    let list = paging.pages_or_download(check, "organisations", "name")?;
    let download = Download::new("organisations", ORGANISATION_COLUMNS, Sharing::Everyone);
    list.answer::<OrganisationPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list(conn, &filters, limit, cursor)
    })
    .await
}

/// Get an organisation.
///
/// One public organisation with its roles (each dated where the source says, and sourced).
/// Carries an `ETag`; `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug", example = "pmu-a")),
    responses(
        (status = 200, description = "The organisation", body = Organisation, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        ItemProblems
    )
)]
#[get("/organisations/{slug}")]
pub async fn get_organisation(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let organisation = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    etag::respond(&req, actix_web::http::StatusCode::OK, &organisation)
}
