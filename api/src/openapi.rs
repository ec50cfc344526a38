//! The OpenAPI document: metadata, shared problem responses, and [`document`], which collects
//! every registered operation exactly as the running service mounts it.

use actix_web::App;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

use crate::error::Problem;

/// Top-level metadata of the API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Thailand Learning City Platform API",
        description = "Open data on learning cities: which cities are learning cities, the \
networks they belong to, the awards they won and how they score in evaluations. Reads of \
published data are public. Errors are RFC 9457 problem documents with a stable `code`.",
        license(name = "MIT", identifier = "MIT"),
    ),
    tags(
        (name = "cities", description = "Learning cities"),
        (name = "networks", description = "Networks of learning cities and their members"),
        (name = "reference", description = "Countries and Thai provinces"),
        (name = "health", description = "Liveness and readiness probes"),
    ),
    components(schemas(Problem))
)]
pub struct ApiDoc;

/// Problem responses of a list operation.
#[derive(utoipa::IntoResponses)]
pub enum ListProblems {
    /// Invalid query parameters (`invalid_query`) or cursor (`invalid_cursor`).
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(#[to_schema] Problem),
    /// The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(#[to_schema] Problem),
}

/// Problem responses of a single-resource read.
#[derive(utoipa::IntoResponses)]
pub enum ItemProblems {
    /// Query parameters given where none are accepted (`invalid_query`).
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(#[to_schema] Problem),
    /// No public resource with that key (`not_found`).
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(#[to_schema] Problem),
    /// The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(#[to_schema] Problem),
}

/// Problem responses of a list under a single resource.
#[derive(utoipa::IntoResponses)]
pub enum ItemListProblems {
    /// Invalid query parameters (`invalid_query`) or cursor (`invalid_cursor`).
    #[response(status = 400, content_type = "application/problem+json")]
    BadRequest(#[to_schema] Problem),
    /// No public parent resource with that key (`not_found`).
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(#[to_schema] Problem),
    /// The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(#[to_schema] Problem),
}

/// The complete OpenAPI document, built from the same route registration the server uses.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::routes::register)
        .split_for_parts();
    api
}

/// The document as YAML, as committed in `openapi.yaml`.
pub fn yaml() -> Result<String, String> {
    document().to_yaml().map_err(|e| e.to_string())
}
