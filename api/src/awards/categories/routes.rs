//! `GET /award-categories` and `GET /award-categories/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::queries;
use super::types::{Category, CategoryListQuery, CategoryPage, CATEGORY_COLUMNS};
use crate::auth::Caller;
use crate::awards::Reader;
use crate::db::{self, ReadPool};
use crate::error::ApiError;
use crate::error::{ItemProblems, ListProblems};
use crate::http::etag;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// List award categories.
#[utoipa::path(
    tag = "awards",
    params(CategoryListQuery),
    responses((status = 200, description = "Categories", body = CategoryPage), ListProblems)
)]
#[get("/award-categories")]
pub async fn list_categories(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<CategoryListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let programme = check.slug("programme", q.programme.as_deref());
    let cycle = check.id("cycle", q.cycle.as_deref());
    let list = paging.pages_or_download(check, "award-categories", "cycle")?;
    let reader = Reader::of(&caller);
    let download = Download::new("award-categories", CATEGORY_COLUMNS, Sharing::ByCaller);
    list.answer::<CategoryPage, _, _>(&req, &pool, download, move |conn, limit, cursor| {
        queries::list_categories(conn, reader, programme.clone(), cycle, limit, cursor)
    })
    .await
}

/// Get an award category.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "Category slug")),
    responses((status = 200, description = "The category", body = Category, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-categories/{slug}")]
pub async fn get_category(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let reader = Reader::of(&caller);
    let category = db::run(&pool, move |conn| {
        queries::get_category(conn, &slug, reader)
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &category)
}
