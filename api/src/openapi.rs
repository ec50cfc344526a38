//! The OpenAPI document: metadata, shared problem responses, and [`document`], which collects
//! every registered operation exactly as the running service mounts it.

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::Problem;

/// Top-level metadata of the API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Thailand Learning City Platform API",
        description = "Open data on learning cities: which cities are learning cities, the \
networks they belong to, the awards they won and how they score in evaluations. Reads of \
published data are public; portals may send an `X-API-Key` for their own rate limit. Writes \
need a bearer access token from `/api/v1/auth/login`. Errors are RFC 9457 problem documents \
with a stable `code`.",
        license(name = "MIT", identifier = "MIT"),
    ),
    tags(
        (name = "cities", description = "Learning cities"),
        (name = "networks", description = "Networks of learning cities and their members"),
        (name = "reference", description = "Countries and Thai provinces"),
        (name = "health", description = "Liveness and readiness probes, and metrics"),
        (name = "awards", description = "Award programmes, cycles, categories, nominations and results"),
        (name = "evaluations", description = "Frameworks, assignments, scoring, rankings and published results"),
        (name = "auth", description = "Sessions: login, token refresh, logout"),
        (name = "admin", description = "Users, API keys and the audit log"),
        (name = "organisations", description = "The organisations behind the networks, programmes, events and initiatives"),
        (name = "events", description = "Gatherings: Learning City Week, the Academy and Forum, conferences, award ceremonies, network announcements, seminars and webinars"),
        (name = "imports", description = "Bulk import of cities, memberships and network census from CSV or Excel"),
        (name = "open data", description = "Statistics, bulk datasets and the changes feed"),
    ),
    components(schemas(
        Problem,
        crate::open_data::export::ExportFormat,
        crate::reference::types::ThRegion,
        crate::reference::types::ReferenceSort,
        crate::cities::types::CitySort,
        crate::networks::types::NetworkSort,
        crate::networks::types::MemberSort,
        crate::events::types::EventSort,
        crate::events::types::EventFormat,
        crate::events::types::EventItemFormat,
    )),
    modifiers(&Security)
)]
pub struct ApiDoc;

/// Declares the two credential schemes.
struct Security;

impl Modify for Security {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from `POST /api/v1/auth/login` (15 minutes)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-API-Key",
                "Key issued by an admin or the secretariat; identifies a portal or analyst and sets its rate limit",
            ))),
        );
    }
}

/// Adds the answers every `/api/v1` operation can give whatever it does: 401 for credentials
/// that are sent but not valid, and 429 when a rate limit is reached.
struct CommonProblems;

impl Modify for CommonProblems {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let problem = || {
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build()
        };
        for (path, item) in api.paths.paths.iter_mut() {
            if !path.starts_with("/api/v1") {
                continue;
            }
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.patch,
                &mut item.put,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                let responses = &mut op.responses.responses;
                responses.entry("401".to_owned()).or_insert_with(|| {
                    ResponseBuilder::new()
                        .description("Credentials sent but not valid (`invalid_token`, `invalid_api_key`), or required (`authentication_required`)")
                        .content("application/problem+json", problem())
                        .into()
                });
                responses.entry("429".to_owned()).or_insert_with(|| {
                    ResponseBuilder::new()
                        .description("Rate limit reached (`too_many_requests`); see `Retry-After`")
                        .content("application/problem+json", problem())
                        .into()
                });
            }
        }
    }
}

/// The complete OpenAPI document, built from the same route registration the server uses.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(crate::routes::register)
        .split_for_parts();
    finish(api)
}

/// Where the document is served.
pub const SERVED_AT: &str = "/api/openapi.json";

/// The document as served: written to JSON once at start-up and shared by every worker.
pub struct Served(actix_web::web::Bytes);

impl Served {
    /// Writes `document` to JSON.
    pub fn new(document: &utoipa::openapi::OpenApi) -> Result<Served, String> {
        serde_json::to_vec(document)
            .map(|json| Served(json.into()))
            .map_err(|e| format!("cannot write the OpenAPI document: {e}"))
    }
}

/// The OpenAPI document of this service (not itself part of the document).
#[actix_web::get("/api/openapi.json")]
pub async fn served(document: actix_web::web::Data<Served>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}

/// Completes a collected document: adds the answers every operation can give, and the CSV and
/// NDJSON downloads of the lists that offer them.
pub fn finish(mut api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    CommonProblems.modify(&mut api);
    Downloads.modify(&mut api);
    api
}

/// Declares `text/csv` and `application/x-ndjson` on the 200 answer of every list with a
/// `format` parameter.
struct Downloads;

impl Modify for Downloads {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::header::HeaderBuilder;
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        use utoipa::openapi::RefOr;
        let text = || {
            ContentBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .build()
        };
        let kept_encoding = HeaderBuilder::new()
            .schema(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["gzip"])),
            )
            .description(Some(
                "`gzip` on a CSV or NDJSON download sent from the kept, compressed copy to a \
client whose `Accept-Encoding` allows gzip; absent otherwise.",
            ))
            .build();
        for item in api.paths.paths.values_mut() {
            let Some(op) = item.get.as_mut() else {
                continue;
            };
            let downloadable = op
                .parameters
                .as_ref()
                .is_some_and(|ps| ps.iter().any(|p| p.name == "format"));
            if !downloadable {
                continue;
            }
            if let Some(RefOr::T(ok)) = op.responses.responses.get_mut("200") {
                ok.content.insert("text/csv".to_owned(), text());
                ok.content.insert("application/x-ndjson".to_owned(), text());
                ok.headers
                    .insert("Content-Encoding".to_owned(), kept_encoding.clone());
            }
        }
    }
}

/// The document as YAML, as committed in `openapi.yaml`.
pub fn yaml() -> Result<String, String> {
    document().to_yaml().map_err(|e| e.to_string())
}
