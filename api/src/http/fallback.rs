//! Answers for requests no operation took: 405 with `Allow` when the path exists under another
//! method; the manual under `/docs/`; the web app's files and pages outside the API (or a
//! placeholder home page when the app is not built); 404 problems otherwise.

use actix_web::dev::ResourceDef;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::Problem;
use crate::http::manual::Manual;
use crate::http::spa::Frontend;

/// The path templates of the documented operations and the methods each accepts.
pub struct RouteTable(Vec<(ResourceDef, Vec<Method>)>);

impl RouteTable {
    /// Builds the table from the OpenAPI document's paths.
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods = Vec::new();
                for (method, op) in [
                    (Method::GET, &item.get),
                    (Method::POST, &item.post),
                    (Method::PUT, &item.put),
                    (Method::PATCH, &item.patch),
                    (Method::DELETE, &item.delete),
                ] {
                    if op.is_some() {
                        methods.push(method);
                    }
                }
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        RouteTable(routes)
    }

    /// The methods accepted at `path`, if it is a known path.
    fn allowed(&self, path: &str) -> Option<&[Method]> {
        self.0
            .iter()
            .find(|(def, _)| def.is_match(path))
            .map(|(_, methods)| methods.as_slice())
    }
}

const HOME: &str = include_str!("home.html");

/// The default service.
pub async fn not_matched(
    req: HttpRequest,
    table: web::Data<RouteTable>,
    frontend: web::Data<Frontend>,
    manual: web::Data<Manual>,
) -> HttpResponse {
    let path = req.path();
    if let Some(methods) = table.allowed(path) {
        let allow = methods
            .iter()
            .map(Method::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let mut response = Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "Method not allowed",
            format!(
                "{} is not allowed on {path}; allowed: {allow}",
                req.method()
            ),
        )
        .response();
        if let Ok(value) = header::HeaderValue::from_str(&allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return response;
    }
    let reading = req.method() == Method::GET;
    if path == "/api/docs" && reading {
        return HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, "/api/docs/"))
            .finish();
    }
    let api =
        path.starts_with("/api/") || matches!(path, "/api" | "/healthz" | "/readyz" | "/metrics");
    if reading && Manual::owns(path) {
        if let Some(response) = manual.serve(&req).await {
            return response;
        }
    } else if reading && !api {
        if let Some(response) = frontend.serve(&req).await {
            return response;
        }
    }
    if path == "/" && reading && frontend.root().is_none() {
        return HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(HOME);
    }
    Problem::new(
        StatusCode::NOT_FOUND,
        "route_not_found",
        "Not found",
        format!("no route {path}; the API is described at /api/openapi.json"),
    )
    .response()
}
