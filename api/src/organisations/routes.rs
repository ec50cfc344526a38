//! `GET /organisations`, `GET /organisations/{slug}`, and the staff writes: create, update,
//! archive and restore.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};

use super::queries::{self, OrganisationFilters};
use super::roles::{self, RoleInput};
use super::types::{
    Organisation, OrganisationInput, OrganisationKind, OrganisationListQuery, OrganisationPage,
    ORGANISATION_COLUMNS,
};
use super::{input, writes};
use crate::archive;
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool, ReadPool};
use crate::error::{
    ApiError, CreateProblems, ItemProblems, ListProblems, UpdateProblems, WriteProblems,
};
use crate::http::etag;
use crate::input::JsonBody;
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
    etag::respond(&req, StatusCode::OK, &organisation)
}

/// Create an organisation.
///
/// Admin and secretariat. Field names are those the read API returns.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    request_body(content = OrganisationInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = Organisation, headers(("ETag" = String), ("Location" = String))),
        CreateProblems
    )
)]
#[post("/organisations")]
pub async fn create_organisation(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = input::read(body, true)?;
    let organisation = db::run(&pool, move |conn| writes::create(conn, &actor, changes)).await?;
    etag::created(
        &req,
        &organisation,
        format!("/api/v1/organisations/{}", organisation.slug),
    )
}

/// Update an organisation.
///
/// JSON merge patch; admin and secretariat. Honours `If-Match` (412 when stale).
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The organisation's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = OrganisationInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Organisation, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/organisations/{slug}")]
pub async fn update_organisation(
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
    let organisation = db::run(&pool, move |conn| {
        writes::update(conn, &actor, &slug, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &organisation)
}

/// Add a role to an organisation.
///
/// Admin and secretariat: the organisation becomes secretariat, coordinator, organiser, co-host,
/// partner, lead, supporter or funder of a public network, award programme, published event or
/// initiative, dated and sourced. 409 `role_exists` when it already holds that role there.
/// Honours `If-Match` (the organisation's ETag). Answers the organisation.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The organisation's slug"),
        ("If-Match" = Option<String>, Header, description = "The organisation's ETag the change is based on")
    ),
    request_body(content = RoleInput, content_type = "application/json"),
    responses((status = 201, description = "Added", body = Organisation, headers(("ETag" = String), ("Location" = String))), UpdateProblems)
)]
#[post("/organisations/{slug}/roles")]
pub async fn add_organisation_role(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = roles::read(body)?;
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let organisation = db::run(&pool, move |conn| {
        roles::add(conn, &actor, &slug, changes, if_match.as_deref())
    })
    .await?;
    etag::created(
        &req,
        &organisation,
        format!("/api/v1/organisations/{}", organisation.slug),
    )
}

/// Remove a role of an organisation.
///
/// Admin and secretariat; the role goes with its sources. Honours `If-Match` (the
/// organisation's ETag). Answers the organisation.
#[utoipa::path(
    tag = "organisations",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The organisation's slug"),
        ("id" = i64, Path, description = "The role's id"),
        ("If-Match" = Option<String>, Header, description = "The organisation's ETag the change is based on")
    ),
    responses((status = 200, description = "Removed", body = Organisation, headers(("ETag" = String))), WriteProblems)
)]
#[delete("/organisations/{slug}/roles/{id}")]
pub async fn remove_organisation_role(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let if_match = etag::if_match(&req);
    let (slug, role) = path.into_inner();
    let organisation = db::run(&pool, move |conn| {
        roles::remove(conn, &actor, &slug, role, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &organisation)
}

archive::routes! {
    Organisation, tag = "organisations", key = "slug": String;
    /// Archive an organisation.
    ///
    /// Admin and secretariat; hides it, and its roles, from public reads. Honours `If-Match`.
    archive_organisation = "/organisations/{slug}", "The organisation's slug";
    /// Restore an archived organisation.
    ///
    /// Admin only.
    restore_organisation = "/organisations/{slug}/restore", "The archived organisation's slug", [];
}
