//! `GET /cities/{slug}/awards`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{CityAwardPage, CITY_AWARD_COLUMNS};
use crate::awards::types::PublicPageQuery;
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::error::ItemListProblems;
use crate::query::Checker;

/// A city's awards.
///
/// The published awards the city won, newest first.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "City slug", example = "cork"), PublicPageQuery),
    responses((status = 200, description = "Awards", body = CityAwardPage), ItemListProblems)
)]
#[get("/cities/{slug}/awards")]
pub async fn city_awards(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    query: web::Query<PublicPageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(&req, &mut check, q.format.as_deref(), q.bom.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "city-awards", "-year")?;
    let slug = slug.into_inner();
    if format.is_export() {
        // An unknown city is a 404 before any byte is streamed.
        let probe = slug.clone();
        db::run(&pool, move |conn| {
            queries::city_awards(conn, &probe, 1, None)
        })
        .await?;
    }
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "city-awards",
            CITY_AWARD_COLUMNS,
            crate::open_data::export::Sharing::Everyone,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "city-awards", "-year"))
                    .transpose()?;
                let (items, next, _) =
                    queries::city_awards(conn, &slug, crate::open_data::export::CHUNK, cursor.as_ref())?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::city_awards(conn, &slug, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(CityAwardPage {
        items,
        next_cursor,
        total,
    }))
}
