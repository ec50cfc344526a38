//! Running an import: every row in one transaction, each in its own savepoint so that a
//! refused row is reported and the others still checked; the whole transaction is rolled back
//! for a dry run or when any row is refused, and otherwise recorded as one audit entry.

use std::collections::{BTreeMap, HashMap};

use diesel::Connection;
use serde_json::json;

use super::columns::{self, Column, Usage};
use super::kinds::{self, Row, RowFailure, Written};
use super::sheet::Sheet;
use super::types::{CellError, ImportKind, ImportReport, ImportSummary, RowAction, RowReport};
use crate::audit;
use crate::auth::User;
use crate::db::{write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};

/// The most data rows one file may have.
pub const MAX_ROWS: usize = 10_000;

/// What is imported, how and by whom.
pub struct Job {
    pub kind: ImportKind,
    pub dry_run: bool,
    /// The network of rows without a `network` cell.
    pub network: Option<String>,
    pub sha256: String,
    pub actor: User,
}

/// The file's columns in order: each header's column (`None` for a column the kind ignores).
/// Refuses unknown, repeated and missing columns, and files with too many rows.
fn check_header(
    kind: ImportKind,
    sheet: &Sheet,
    job: &Job,
) -> Result<Vec<Option<&'static Column>>, ApiError> {
    let known = columns::of(kind);
    let mut errors = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut layout = Vec::with_capacity(sheet.header.len());
    for (i, name) in sheet.header.iter().enumerate() {
        let place = format!("column {} (`{name}`)", i + 1);
        if name.is_empty() {
            errors.push(FieldError::new(place, "has no header"));
            layout.push(None);
            continue;
        }
        if seen.contains(&name.as_str()) {
            errors.push(FieldError::new(place.clone(), "is repeated"));
        }
        seen.push(name);
        match known.iter().find(|c| c.name == name) {
            Some(c) => layout.push((c.usage != Usage::Ignored).then_some(c)),
            None => {
                errors.push(FieldError::new(
                    place,
                    format!("is not a column of {kind} imports"),
                ));
                layout.push(None);
            }
        }
    }
    let has = |name: &str| seen.contains(&name);
    let required: &[&str] = match kind {
        ImportKind::Cities if has("slug") => &[],
        ImportKind::Cities => &["name.en", "country"],
        ImportKind::Organisations if has("slug") => &[],
        ImportKind::Organisations => &["name.en"],
        ImportKind::Events if has("slug") => &[],
        ImportKind::Events => &["title.en"],
        ImportKind::Memberships => &["city.slug"],
        ImportKind::NetworkCensus => &["as_of"],
    };
    for name in required {
        if !has(name) {
            errors.push(FieldError::new(*name, "is a required column"));
        }
    }
    let needs_network = matches!(kind, ImportKind::Memberships | ImportKind::NetworkCensus);
    if needs_network && !has("network") && job.network.is_none() {
        errors.push(FieldError::new(
            "network",
            "is a required column (or give the `network` parameter for the whole file)",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Unprocessable {
            code: "bad_columns",
            errors,
        });
    }
    if sheet.rows.len() > MAX_ROWS {
        return Err(ApiError::refused(
            actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_rows",
            format!(
                "the file has {} data rows; one import takes at most {MAX_ROWS}",
                sheet.rows.len()
            ),
        ));
    }
    Ok(layout)
}

/// How one row ended, inside its savepoint.
enum RowEnd {
    /// Written, but nothing in the file's columns changed: rolled back.
    Unchanged,
    Failed(RowFailure),
}

impl From<diesel::result::Error> for RowEnd {
    fn from(e: diesel::result::Error) -> Self {
        RowEnd::Failed(e.into())
    }
}

/// Why the import's transaction ends without a commit.
enum Stop {
    /// A dry run or a file with refused rows: the report says what would have happened.
    Report(ImportReport),
    Failed(ApiError),
}

impl From<diesel::result::Error> for Stop {
    fn from(e: diesel::result::Error) -> Self {
        Stop::Failed(e.into())
    }
}

/// The changed written columns of a row: each with its old and new value.
fn changes(row: &Row, written: &Written) -> BTreeMap<String, [serde_json::Value; 2]> {
    let before = written.before.as_ref().unwrap_or(&serde_json::Value::Null);
    row.cells
        .iter()
        .filter(|(c, _)| c.usage == Usage::Write)
        .filter_map(|(c, _)| {
            let old = columns::at(before, c.name);
            let new = columns::at(&written.after, c.name);
            let same = old == new
                || (written.before.is_none() && new.as_array().is_some_and(Vec::is_empty));
            (!same).then(|| (c.name.to_owned(), [old, new]))
        })
        .collect()
}

/// Runs the import of `sheet`: the report of what was done, or of what would be done (a dry
/// run, or a file with refused rows, where `dry_run` is true and nothing is written).
pub fn run(conn: &mut DbConnection, job: &Job, sheet: &Sheet) -> Result<ImportReport, ApiError> {
    let layout = check_header(job.kind, sheet, job)?;
    let outcome = write_transaction(conn, |conn| {
        let mut report = ImportReport {
            kind: job.kind,
            dry_run: job.dry_run,
            sha256: job.sha256.clone(),
            rows: u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX),
            summary: ImportSummary::default(),
            items: Vec::with_capacity(sheet.rows.len()),
            import_id: None,
        };
        let mut first_row_of: HashMap<String, u32> = HashMap::new();
        let mut entries = Vec::new();
        for (number, cells) in &sheet.rows {
            let mut extra = Vec::new();
            if cells.len() > layout.len()
                && cells[layout.len()..].iter().any(|c| !c.trim().is_empty())
            {
                extra.push(CellError {
                    column: format!("column {}", layout.len() + 1),
                    code: "extra_cells".to_owned(),
                    message: "the row has more cells than the header has columns".to_owned(),
                });
            }
            let row = Row {
                number: *number,
                cells: layout
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| c.map(|c| (c, cells.get(i).map_or("", String::as_str))))
                    .collect(),
            };
            let item = row_report(conn, job, &row, extra, &mut first_row_of, &mut entries)?;
            match item.action {
                RowAction::Create => report.summary.create += 1,
                RowAction::Update => report.summary.update += 1,
                RowAction::Unchanged => report.summary.unchanged += 1,
                RowAction::Error => report.summary.error += 1,
            }
            report.items.push(item);
        }
        if job.dry_run || report.summary.error > 0 {
            report.dry_run = true;
            return Err(Stop::Report(report));
        }
        if entries.is_empty() {
            return Ok(report);
        }
        let import_id = audit::record_returning_id(
            conn,
            Some(&job.actor),
            "import",
            "import",
            job.kind.as_str(),
            None,
            Some(&json!({
                "kind": job.kind,
                "sha256": job.sha256,
                "rows": report.rows,
                "summary": report.summary,
                "entries": entries.len(),
            })),
        )
        .map_err(Stop::Failed)?;
        audit::link_to_import(conn, import_id, &entries).map_err(Stop::Failed)?;
        report.import_id = Some(import_id);
        Ok(report)
    });
    match outcome {
        Ok(report) | Err(Stop::Report(report)) => Ok(report),
        Err(Stop::Failed(e)) => Err(e),
    }
}

/// Checks and writes one row in its own savepoint; records the audit entry of a written record
/// (its id joins `entries`).
fn row_report(
    conn: &mut DbConnection,
    job: &Job,
    row: &Row,
    mut errors: Vec<CellError>,
    first_row_of: &mut HashMap<String, u32>,
    entries: &mut Vec<i64>,
) -> Result<RowReport, Stop> {
    let mut item = RowReport {
        row: row.number,
        key: String::new(),
        action: RowAction::Error,
        changes: BTreeMap::new(),
        errors: Vec::new(),
    };
    let key = match kinds::key(job.kind, row, job.network.as_deref()) {
        Ok(key) => key,
        Err(RowFailure::Cells(mut e)) => {
            errors.append(&mut e);
            item.errors = errors;
            return Ok(item);
        }
        Err(RowFailure::Fatal(e)) => return Err(Stop::Failed(e)),
    };
    item.key = key.clone();
    if let Some(first) = first_row_of.get(&key) {
        errors.push(CellError {
            column: key_column(job.kind).to_owned(),
            code: "duplicate_key".to_owned(),
            message: format!("row {first} already names `{key}`"),
        });
    } else {
        first_row_of.insert(key, row.number);
    }
    if !errors.is_empty() {
        item.errors = errors;
        return Ok(item);
    }
    let outcome = conn.transaction::<_, RowEnd, _>(|conn| {
        let written = kinds::write(conn, &job.actor, job.kind, row, job.network.as_deref())
            .map_err(RowEnd::Failed)?;
        if written.before.is_some() && changes(row, &written).is_empty() {
            return Err(RowEnd::Unchanged);
        }
        let action = if written.before.is_none() {
            "create"
        } else {
            "update"
        };
        let entry = audit::record_returning_id(
            conn,
            Some(&job.actor),
            action,
            written.entity,
            &written.entity_id,
            written.before.as_ref(),
            Some(&written.after),
        )
        .map_err(|e| RowEnd::Failed(RowFailure::Fatal(e)))?;
        Ok((written, entry))
    });
    match outcome {
        Ok((written, entry)) => {
            entries.push(entry);
            item.action = if written.before.is_none() {
                RowAction::Create
            } else {
                RowAction::Update
            };
            item.changes = changes(row, &written);
        }
        Err(RowEnd::Unchanged) => item.action = RowAction::Unchanged,
        Err(RowEnd::Failed(RowFailure::Cells(e))) => item.errors = e,
        Err(RowEnd::Failed(RowFailure::Fatal(e))) => return Err(Stop::Failed(e)),
    }
    Ok(item)
}

/// The column errors about a whole row are reported in.
fn key_column(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Cities | ImportKind::Organisations | ImportKind::Events => "slug",
        ImportKind::Memberships => "city.slug",
        ImportKind::NetworkCensus => "as_of",
    }
}
