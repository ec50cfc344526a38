//! `GET /imports`, `GET /imports/{kind}/template` and `POST /imports/{kind}` (admin and
//! secretariat).

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use super::run::{self, Job};
use super::types::{
    ImportKind, ImportKindInfo, ImportKindList, ImportProblem, ImportQuery, ImportReport, Workbook,
};
use super::{columns, sheet, ImportLimit};
use crate::auth::routes::STAFF;
use crate::auth::Caller;
use crate::db::{self, Pool};
use crate::error::{ApiError, ListProblems, Problem, WriteProblems};
use crate::query::{Checker, NoQuery};

fn kind_of(raw: &str) -> Result<ImportKind, ApiError> {
    ImportKind::parse(raw).ok_or_else(|| {
        ApiError::NotFound(format!(
            "no import of `{raw}`: the kinds are {}",
            ImportKind::VALUES.join(", ")
        ))
    })
}

fn describe(kind: ImportKind) -> ImportKindInfo {
    let (description, matching) = match kind {
        ImportKind::Cities => (
            "Learning cities, with their names, place, figures and sources.",
            "By `slug`; a row without one matches the public city of that English name (compared \
             folded) and country, or creates a city with a slug made from the name.",
        ),
        ImportKind::Memberships => (
            "Memberships of cities in networks.",
            "By network and city: the city's current membership of the network, or a new one.",
        ),
        ImportKind::NetworkCensus => (
            "A network's reported sizes by date.",
            "By network and `as_of`: the network's entry of that date, or a new one.",
        ),
        ImportKind::Organisations => (
            "Organisations, with their names, abbreviations, kind, country and sources.",
            "By `slug`; a row without one matches the public organisation of that English name \
             (compared folded), or creates one with a slug made from the name.",
        ),
        ImportKind::Events => (
            "Published events, with their type, series, dates, venue, languages, attendance, \
             links and sources (the agenda, cities and organisers are kept in the editor).",
            "By `slug`; a row without one matches the event of that English title (compared \
             folded) and first day, or creates a published event with a slug made from the title.",
        ),
    };
    ImportKindInfo {
        kind,
        description,
        matching,
        columns: columns::documented(kind),
        template: columns::template(kind),
    }
}

/// Import kinds.
///
/// What each kind of import reads: its columns (those of the kind's CSV export; read-only ones
/// are ignored), how rows find their record, and a template. Admin and secretariat.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The kinds and their columns", body = ImportKindList),
        (status = 403, description = "Not admin or secretariat (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/imports")]
pub async fn list_import_kinds(
    caller: Caller,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(STAFF)?;
    let items = ImportKind::ALL.iter().copied().map(describe).collect();
    Ok(HttpResponse::Ok().json(ImportKindList { items }))
}

/// Import template.
///
/// A CSV file (UTF-8) with the header of the kind's key and written columns and one example
/// line to replace. Admin and secretariat.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("kind" = ImportKind, Path, description = "What the file imports")),
    responses(
        (status = 200, description = "The template", body = String, content_type = "text/csv"),
        (status = 403, description = "Not admin or secretariat (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such kind (`not_found`)", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/imports/{kind}/template")]
pub async fn import_template(
    caller: Caller,
    kind: web::Path<String>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(STAFF)?;
    let kind = kind_of(&kind)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{kind}-template.csv\""),
        ))
        .body(columns::template(kind)))
}

/// The request body, up to `limit` bytes.
async fn read_body(mut payload: web::Payload, limit: usize) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest {
            code: "unreadable_body",
            detail: e.to_string(),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("an import file may have at most {limit} bytes"),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Import a file.
///
/// Creates and updates records of one kind from a CSV file (`text/csv`, UTF-8 with or without
/// a byte-order mark, or `text/csv; charset=windows-874` as Thai Excel saves it) or the first
/// worksheet of an `.xlsx` workbook, sent as the request body. The columns are those of the
/// kind's CSV export, so an export edited in a spreadsheet imports back; read-only columns are
/// ignored and an empty cell clears its field. Rows find their record by natural key (see `GET
/// /imports`), so importing the same file twice changes nothing the second time.
///
/// With `dry_run=true` the answer is the report of what would happen, refused rows included,
/// and nothing is written. Otherwise every row is written in one transaction: a file with any
/// refused row writes nothing and is answered 422 (`import_refused`) with the report. An applied import is one
/// audit entry (action `import`, with the file's SHA-256 and the actor) to which the entries
/// of the records it wrote point (`import_id`, also in `GET /changes`). At most 10,000 data
/// rows. Admin and secretariat.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("kind" = ImportKind, Path, description = "What the file imports"), ImportQuery),
    request_body(
        description = "The file",
        content(
            (String = "text/csv"),
            (Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    ),
    responses(
        (status = 200, description = "The report: what was done, or with `dry_run` what would be done", body = ImportReport),
        (status = 400, description = "The file cannot be read (`bad_encoding`, `unreadable_file`, `empty_file`) or a bad parameter (`invalid_query`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such kind (`not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is too large (`payload_too_large`) or has too many rows (`too_many_rows`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not CSV or xlsx (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown, repeated or missing columns (`bad_columns`), or rows refused (`import_refused`, with the report; nothing was written)", body = ImportProblem, content_type = "application/problem+json"),
        WriteProblems
    )
)]
#[post("/imports/{kind}")]
pub async fn import(
    req: HttpRequest,
    pool: web::Data<Pool>,
    limit: web::Data<ImportLimit>,
    caller: Caller,
    kind: web::Path<String>,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let kind = kind_of(&kind)?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let dry_run = check.one_of("dry_run", q.dry_run.as_deref(), &["true", "false"]) == Some("true");
    let network = check.slug("network", q.network.as_deref());
    check.finish(None, "imports", "")?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = read_body(payload, limit.0).await?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let job = Job {
        kind,
        dry_run,
        network,
        sha256,
        actor,
    };
    let report = db::run(&pool, move |conn| {
        let sheet = sheet::read(&content_type, &bytes)?;
        run::run(conn, &job, &sheet)
    })
    .await?;
    if report.summary.error > 0 && !dry_run {
        let problem = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "import_refused",
            "Import refused",
            format!(
                "{} of {} rows are refused; nothing was written",
                report.summary.error, report.rows
            ),
        );
        let body = ImportProblem {
            problem,
            report: Some(report),
        };
        return Ok(HttpResponse::UnprocessableEntity()
            .content_type(crate::error::PROBLEM_JSON)
            .json(body));
    }
    Ok(HttpResponse::Ok().json(report))
}
