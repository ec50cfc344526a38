//! `GET /networks/{slug}/census`.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{CensusPage, CENSUS_COLUMNS};
use crate::db::{self, ReadPool};
use crate::error::{ApiError, ItemListProblems};
use crate::listing::{Download, Paging, PublicPageQuery};
use crate::open_data::export::Sharing;
use crate::query::Checker;

/// A network's census.
///
/// The sizes the network's organisers reported on given dates (members, countries, new
/// members), newest first, each with its sources. These are reported figures, kept apart from
/// the members recorded here (`member_count` of the network).
#[utoipa::path(
    tag = "networks",
    params(
        ("slug" = String, Path, description = "The network's slug", example = "unesco-gnlc"),
        PublicPageQuery
    ),
    responses((status = 200, description = "Reported sizes", body = CensusPage), ItemListProblems)
)]
#[get("/networks/{slug}/census")]
pub async fn network_census(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    _query: web::Query<PublicPageQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let list = paging.pages_or_download(Checker::default(), "census", "-as_of")?;
    let slug = slug.into_inner();
    if list.is_download() {
        // An unknown network is a 404 before any byte is streamed.
        let probe = slug.clone();
        db::run(&pool, move |conn| queries::list(conn, &probe, 1, None)).await?;
    }
    let download = Download::new("census", CENSUS_COLUMNS, Sharing::Everyone);
    list.answer::<CensusPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list(conn, &slug, limit, cursor)
    })
    .await
}
