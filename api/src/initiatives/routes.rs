//! `GET /initiatives` and `GET /initiatives/{slug}`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{Initiative, InitiativeListQuery, InitiativePage, INITIATIVE_COLUMNS};
use crate::db::{self, ReadPool};
use crate::error::{ApiError, ItemProblems, ListProblems};
use crate::http::etag;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// List initiatives.
///
/// Programmes that cities take part in without being members of a network, such as the EEF
/// "National Platform Learning City" pilot areas, with their cities and sources, by name.
#[utoipa::path(
    tag = "networks",
    params(InitiativeListQuery),
    responses((status = 200, description = "A page of initiatives", body = InitiativePage), ListProblems)
)]
#[get("/initiatives")]
pub async fn list_initiatives(
    req: HttpRequest,
    pool: ReadPool,
    query: web::Query<InitiativeListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let city = check.slug("city", q.city.as_deref());
    let list = paging.pages_or_download(check, "initiatives", "name")?;
    let download = Download::new("initiatives", INITIATIVE_COLUMNS, Sharing::Everyone);
    list.answer::<InitiativePage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list(conn, city.as_deref(), limit, cursor)
    })
    .await
}

/// Get an initiative.
///
/// Carries an `ETag`; `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "networks",
    params(("slug" = String, Path, description = "The initiative's slug", example = "eef-national-platform-learning-city")),
    responses(
        (status = 200, description = "The initiative", body = Initiative, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        ItemProblems
    )
)]
#[get("/initiatives/{slug}")]
pub async fn get_initiative(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let initiative = db::run(&pool, move |conn| queries::get(conn, &slug)).await?;
    etag::respond(&req, actix_web::http::StatusCode::OK, &initiative)
}
