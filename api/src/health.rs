//! Liveness (`/healthz`) and readiness (`/readyz`) probes.

use std::time::Duration;

use actix_web::{get, web, HttpResponse};
use diesel::RunQueryDsl;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::Pool;
use crate::error::{ApiError, Problem};
use crate::query::NoQuery;

/// A probe's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (process up) or `ready` (database reachable).
    #[schema(example = "ok")]
    pub status: String,
}

/// How long readiness waits for a database connection.
const READY_TIMEOUT: Duration = Duration::from_secs(2);

/// Liveness: the process is up and serving.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The process is up", body = Health),
        (status = 400, description = "Query parameters given", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/healthz")]
pub async fn healthz(_query: web::Query<NoQuery>) -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".to_owned(),
    })
}

/// Readiness: the database answers a query.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The database is reachable", body = Health),
        (status = 400, description = "Query parameters given", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is not reachable (`database_unavailable`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/readyz")]
pub async fn readyz(
    pool: web::Data<Pool>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let pool = pool.get_ref().clone();
    web::block(move || {
        let mut conn = pool
            .get_timeout(READY_TIMEOUT)
            .map_err(|e| ApiError::Unavailable(e.to_string()))?;
        diesel::sql_query("SELECT 1")
            .execute(&mut *conn)
            .map_err(|e| ApiError::Unavailable(e.to_string()))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    Ok(HttpResponse::Ok().json(Health {
        status: "ready".to_owned(),
    }))
}
