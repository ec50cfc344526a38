//! `GET /data-quality` (admin and secretariat).

use actix_web::{get, web, HttpResponse};

use super::queries;
use super::types::{IssueKind, QualityQuery, QualityReport};
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, ReadPool};
use crate::error::{ApiError, ListProblems, Problem};
use crate::query::Checker;

/// Data quality.
///
/// What is missing or doubtful in the public records, for the secretariat to fix: cities and
/// networks without a Thai name, cities without coordinates or a description, records without a
/// source, records marked unverified (with the reason), memberships whose quoted sources do not
/// name the city, and near-duplicate city names (same country, equal once folded or within a
/// small edit distance). Each issue links to the record in the API and to its editor in the web
/// app. Admin and secretariat.
#[utoipa::path(
    tag = "admin",
    security(("bearer" = [])),
    params(QualityQuery),
    responses(
        (status = 200, description = "The issues and a count of each kind", body = QualityReport),
        (status = 403, description = "Not admin or secretariat (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/data-quality")]
pub async fn data_quality(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<QualityQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(STAFF)?;
    let mut check = Checker::default();
    let kind: Option<IssueKind> = check.enumerated("kind", query.kind.as_deref());
    check.finish(None, "data-quality", "kind")?;
    let items = db::run(&pool, move |conn| queries::issues(conn, kind)).await?;
    let mut summary = std::collections::BTreeMap::new();
    for issue in &items {
        *summary.entry(issue.kind.as_str().to_owned()).or_insert(0) += 1;
    }
    Ok(HttpResponse::Ok().json(QualityReport { summary, items }))
}
