//! `GET /cities/{slug}/awards`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{CityAwardPage, CITY_AWARD_COLUMNS};
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::error::ItemListProblems;
use crate::listing::PublicPageQuery;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
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
    _query: web::Query<PublicPageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let list = paging.pages_or_download(Checker::default(), "city-awards", "-year")?;
    let slug = slug.into_inner();
    if list.is_download() {
        // An unknown city is a 404 before any byte is streamed.
        let probe = slug.clone();
        db::run(&pool, move |conn| {
            queries::city_awards(conn, &probe, 1, None)
        })
        .await?;
    }
    let download = Download::new("city-awards", CITY_AWARD_COLUMNS, Sharing::Everyone);
    list.answer::<CityAwardPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::city_awards(conn, &slug, limit, cursor)
    })
    .await
}
