//! Whole-list downloads: CSV (UTF-8, optional byte-order mark) and NDJSON, streamed row by row.
//! Rows are read in keyset pages of [`CHUNK`] through the list's own query and written into a
//! bounded channel, so memory stays flat however long the list is and the first bytes leave
//! before the last row is read.

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::db::{DbConnection, Pool};
use crate::error::ApiError;
use crate::query::Checker;

mod cells;

/// The download formats, as documented for the `format` parameter.
#[derive(Debug, Clone, Copy, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Csv,
    Ndjson,
}

/// Rows read from the database per step of an export.
pub const CHUNK: i64 = 2_000;

/// How a list is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One page of JSON (the default).
    Json,
    /// Every row as CSV; `bom` prefixes a UTF-8 byte-order mark for spreadsheet programs.
    Csv { bom: bool },
    /// Every row as one JSON object per line.
    Ndjson,
}

impl Format {
    /// True for the streamed formats.
    pub fn is_export(self) -> bool {
        self != Format::Json
    }
}

/// The format from `format` (and `bom`), or else from the `Accept` header.
pub fn negotiate(
    req: &HttpRequest,
    check: &mut Checker,
    format: Option<&str>,
    bom: Option<&str>,
) -> Format {
    let bom = check.one_of("bom", bom, &["true", "false"]) == Some("true");
    match check.one_of("format", format, &["json", "csv", "ndjson"]) {
        Some("csv") => return Format::Csv { bom },
        Some("ndjson") => return Format::Ndjson,
        Some(_) => return Format::Json,
        None if format.is_some() => return Format::Json,
        None => {}
    }
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if accept.contains("text/csv") {
        Format::Csv { bom }
    } else if accept.contains("application/x-ndjson") || accept.contains("application/ndjson") {
        Format::Ndjson
    } else {
        Format::Json
    }
}

/// Serialises one chunk of rows.
fn encode<T: Serialize>(rows: &[T], format: Format, columns: &[&str]) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::new();
    match format {
        Format::Ndjson | Format::Json => {
            for row in rows {
                serde_json::to_writer(&mut out, row)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
                out.push(b'\n');
            }
        }
        Format::Csv { .. } => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            let mut cells = Vec::with_capacity(columns.len());
            for row in rows {
                cells::fill(row, columns, &mut cells)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
                writer
                    .write_record(&cells)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
            }
            writer
                .flush()
                .map_err(|e| ApiError::Internal(e.to_string()))?;
            drop(writer);
        }
    }
    Ok(out)
}

/// One step of an export: the rows after `cursor` (an opaque cursor from the previous step)
/// and the cursor of the next step.
pub type Step<T> = Box<
    dyn FnMut(&mut DbConnection, Option<&str>) -> Result<(Vec<T>, Option<String>), ApiError> + Send,
>;

/// Streams a whole list named `name` with the given CSV `columns`.
pub fn stream<T: Serialize + Send + 'static>(
    pool: &Pool,
    format: Format,
    name: &str,
    columns: &'static [&'static str],
    mut step: Step<T>,
) -> HttpResponse {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let pool = pool.clone();
    actix_web::rt::task::spawn_blocking(move || {
        let fail = |e: String| std::io::Error::other(e);
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(e) => {
                let _ = tx.blocking_send(Err(fail(e.to_string())));
                return;
            }
        };
        let mut head = Vec::new();
        if let Format::Csv { bom } = format {
            if bom {
                head.extend_from_slice("\u{feff}".as_bytes());
            }
            let mut writer = csv::Writer::from_writer(&mut head);
            let _ = writer.write_record(columns);
            let _ = writer.flush();
        }
        if !head.is_empty() && tx.blocking_send(Ok(Bytes::from(head))).is_err() {
            return;
        }
        let mut cursor: Option<String> = None;
        loop {
            let chunk = step(&mut conn, cursor.as_deref())
                .and_then(|(rows, next)| encode(&rows, format, columns).map(|b| (b, next)));
            match chunk {
                Ok((bytes, next)) => {
                    if !bytes.is_empty() && tx.blocking_send(Ok(Bytes::from(bytes))).is_err() {
                        return;
                    }
                    match next {
                        Some(next) => cursor = Some(next),
                        None => return,
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "export failed midway");
                    let _ = tx.blocking_send(Err(fail(e.to_string())));
                    return;
                }
            }
        }
    });
    let body = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let (content_type, extension) = match format {
        Format::Csv { .. } => ("text/csv; charset=utf-8", "csv"),
        _ => ("application/x-ndjson", "ndjson"),
    };
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{extension}\""),
        ))
        .streaming(body)
}

/// A small, already computed table (statistics) as JSON `{"items": [...]}` or CSV.
pub fn table<T: Serialize>(
    format: Format,
    name: &str,
    columns: &[&str],
    rows: &[T],
) -> Result<HttpResponse, ApiError> {
    match format {
        Format::Json => Ok(HttpResponse::Ok().json(serde_json::json!({ "items": rows }))),
        Format::Ndjson | Format::Csv { .. } => {
            let mut body = Vec::new();
            if let Format::Csv { bom } = format {
                if bom {
                    body.extend_from_slice("\u{feff}".as_bytes());
                }
                let mut writer = csv::Writer::from_writer(&mut body);
                writer
                    .write_record(columns)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
                writer
                    .flush()
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
            }
            body.extend(encode(rows, format, columns)?);
            let (content_type, extension) = match format {
                Format::Csv { .. } => ("text/csv; charset=utf-8", "csv"),
                _ => ("application/x-ndjson", "ndjson"),
            };
            Ok(HttpResponse::Ok()
                .content_type(content_type)
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.{extension}\""),
                ))
                .body(body))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_thai_text() {
        let row = serde_json::json!({"name": {"en": "Phayao", "th": "พะเยา"}, "lat": 19.1});
        let csv =
            encode(&[row], Format::Csv { bom: false }, &["name.th", "lat"]).unwrap_or_default();
        assert_eq!(String::from_utf8(csv).unwrap_or_default(), "พะเยา,19.1\n");
    }
}
