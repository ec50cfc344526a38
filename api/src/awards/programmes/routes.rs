//! `GET /award-programmes` and `GET /award-programmes/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{Programme, ProgrammePage, PROGRAMME_COLUMNS};
use crate::auth::Caller;
use crate::awards::Reader;
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::error::{ItemProblems, ListProblems};
use crate::http::etag;
use crate::listing::PublicPageQuery;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// List award programmes.
#[utoipa::path(
    tag = "awards",
    params(PublicPageQuery),
    responses((status = 200, description = "Programmes", body = ProgrammePage), ListProblems)
)]
#[get("/award-programmes")]
pub async fn list_programmes(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    _query: web::Query<PublicPageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let list = paging.pages_or_download(Checker::default(), "award-programmes", "name")?;
    let reader = Reader::of(&caller);
    let download = Download::new("award-programmes", PROGRAMME_COLUMNS, Sharing::ByCaller);
    list.answer::<ProgrammePage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list_programmes(conn, reader, limit, cursor)
    })
    .await
}

/// Get an award programme.
///
/// With its eligibility rules and the years of its cycles.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "Programme slug", example = "unesco-learning-city-award")),
    responses((status = 200, description = "The programme", body = Programme, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-programmes/{slug}")]
pub async fn get_programme(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let reader = Reader::of(&caller);
    let programme = db::run(&pool, move |conn| {
        queries::get_programme(conn, &slug, reader)
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &programme)
}
