//! `GET /award-programmes` and `GET /award-programmes/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{Programme, ProgrammePage, PROGRAMME_COLUMNS};
use crate::auth::Caller;
use crate::awards::types::PublicPageQuery;
use crate::awards::Reader;
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::http::etag;
use crate::error::{ItemProblems, ListProblems};
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
    query: web::Query<PublicPageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(&req, &mut check, q.format.as_deref(), q.bom.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "award-programmes", "name")?;
    let reader = Reader::of(&caller);
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "award-programmes",
            PROGRAMME_COLUMNS,
            crate::open_data::export::Sharing::ByCaller,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "award-programmes", "name"))
                    .transpose()?;
                let (items, next, _) =
                    queries::list_programmes(conn, reader, crate::open_data::export::CHUNK, cursor.as_ref())?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_programmes(conn, reader, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(ProgrammePage {
        items,
        next_cursor,
        total,
    }))
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
