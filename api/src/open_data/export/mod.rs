//! Whole-list downloads: CSV (UTF-8, optional byte-order mark) and NDJSON, streamed row by row.
//! Rows are read in keyset pages of [`CHUNK`] through the list's own query and written in
//! pieces of 64 KiB into a bounded channel, so memory stays flat however long the list is and
//! the first bytes leave before the last row is read. Downloads that are the same for every
//! caller are kept compressed until the data changes ([`kept`]).

use actix_web::http::header;
use actix_web::web::Bytes;
use std::io::Write;

use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use serde::Serialize;

use crate::db::{DbConnection, Pool};
use crate::error::ApiError;
use crate::query::Checker;

mod cells;
mod kept;
mod sink;

/// The download formats, as documented for the `format` parameter.
#[derive(Debug, Clone, Copy, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Csv,
    Ndjson,
}

/// Rows read from the database per step of an export.
pub const CHUNK: i64 = 250;

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

/// The format from `format` (and `bom`), or else from the request's `Accept` header.
pub fn negotiate(
    req: &HttpRequest,
    check: &mut Checker,
    format: Option<&str>,
    bom: Option<&str>,
) -> Format {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    negotiate_accept(check, format, bom, accept)
}

/// The format from `format` (and `bom`), or else from the `Accept` header's value `accept`.
pub fn negotiate_accept(
    check: &mut Checker,
    format: Option<&str>,
    bom: Option<&str>,
    accept: &str,
) -> Format {
    let bom = check.one_of("bom", bom, &["true", "false"]) == Some("true");
    match check.one_of("format", format, &["json", "csv", "ndjson"]) {
        Some("csv") => return Format::Csv { bom },
        Some("ndjson") => return Format::Ndjson,
        Some(_) => return Format::Json,
        None if format.is_some() => return Format::Json,
        None => {}
    }
    if accept.contains("text/csv") {
        Format::Csv { bom }
    } else if accept.contains("application/x-ndjson") || accept.contains("application/ndjson") {
        Format::Ndjson
    } else {
        Format::Json
    }
}

/// Why rows could not be written.
#[derive(Debug)]
struct EncodeError(String);

impl<E: std::fmt::Display> From<E> for EncodeError {
    fn from(e: E) -> EncodeError {
        EncodeError(e.to_string())
    }
}

/// Writes `rows` to `out`: CSV records (no header) or JSON lines. `cells` are the CSV cell
/// buffers, kept from call to call.
fn encode<W: Write, T: Serialize>(
    out: W,
    rows: &[T],
    format: Format,
    columns: &[&str],
    cells: &mut Vec<Vec<u8>>,
) -> Result<(), EncodeError> {
    match format {
        Format::Ndjson | Format::Json => {
            let mut out = out;
            for row in rows {
                serde_json::to_writer(&mut out, row)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv { .. } => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out);
            for row in rows {
                cells::fill(row, columns, cells)?;
                writer.write_record(&*cells)?;
            }
            writer.flush()?;
        }
    }
    Ok(())
}

/// The byte-order mark (when asked for) and header row of a CSV download.
fn head<W: Write>(mut out: W, format: Format, columns: &[&str]) -> Result<(), EncodeError> {
    if let Format::Csv { bom } = format {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(columns)?;
        writer.flush()?;
    }
    Ok(())
}

/// One step of an export: the rows after `cursor` (an opaque cursor from the previous step)
/// and the cursor of the next step.
pub type Step<T> = Box<
    dyn FnMut(&mut DbConnection, Option<&str>) -> Result<(Vec<T>, Option<String>), ApiError> + Send,
>;

/// Whether a download's rows are the same for every caller allowed to ask for it (so it may
/// be kept and given to the next caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// The same rows whoever asks (the handler has already checked the caller's access).
    Everyone,
    /// Rows depend on who asks.
    ByCaller,
}

/// Streams a whole list named `name` with the given CSV `columns`. A download shared by
/// everyone is kept, compressed, until the data changes (see [`kept`]).
pub fn stream<T: Serialize + Send + 'static>(
    req: &HttpRequest,
    pool: &Pool,
    format: Format,
    name: &str,
    columns: &'static [&'static str],
    sharing: Sharing,
    step: Step<T>,
) -> HttpResponse {
    let slot = match sharing {
        Sharing::Everyone => kept::Slot::of(req, format),
        Sharing::ByCaller => None,
    };
    let mut head = download_head(format, name);
    if let Some(found) = slot.as_ref().and_then(kept::Slot::hit) {
        return kept::answer(req, found, head);
    }
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let pool = pool.clone();
    actix_web::rt::task::spawn_blocking(move || {
        let mut sink = sink::Sink::new(tx, slot.as_ref().map(kept::Slot::copy));
        match produce(&pool, format, columns, step, &mut sink) {
            Ok(()) => {
                let _ = sink.finish(|gzip, len| {
                    if let Some(slot) = slot {
                        slot.keep(gzip, len);
                    }
                });
            }
            Err(_) if sink.gone() => {}
            Err(EncodeError(e)) => {
                tracing::error!(error = %e, "export failed midway");
                sink.fail(e);
            }
        }
    });
    let body = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    head.streaming(body)
}

/// Writes every row of a download into `sink`, step after step.
fn produce<T: Serialize>(
    pool: &Pool,
    format: Format,
    columns: &[&str],
    mut step: Step<T>,
    sink: &mut sink::Sink,
) -> Result<(), EncodeError> {
    let mut conn = pool.get()?;
    head(&mut *sink, format, columns)?;
    let mut cells = Vec::with_capacity(columns.len());
    let mut cursor: Option<String> = None;
    loop {
        let (rows, next) = step(&mut conn, cursor.as_deref())?;
        encode(&mut *sink, &rows, format, columns, &mut cells)?;
        match next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    // The steps' rows were freed in the middle of the heap; give their pages back.
    crate::memory::release_free();
    Ok(())
}

/// The status and headers of a download: its type, and an attachment name.
fn download_head(format: Format, name: &str) -> HttpResponseBuilder {
    let (content_type, extension) = match format {
        Format::Csv { .. } => ("text/csv; charset=utf-8", "csv"),
        _ => ("application/x-ndjson", "ndjson"),
    };
    let mut head = HttpResponse::Ok();
    head.content_type(content_type).insert_header((
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{name}.{extension}\""),
    ));
    head
}

/// A small, already computed table (statistics) as JSON `{"items": [...]}` or CSV.
pub fn table<T: Serialize>(
    format: Format,
    name: &str,
    columns: &[&str],
    rows: &[T],
) -> Result<HttpResponse, ApiError> {
    if format == Format::Json {
        return Ok(HttpResponse::Ok().json(serde_json::json!({ "items": rows })));
    }
    let mut body = Vec::new();
    head(&mut body, format, columns)
        .and_then(|()| encode(&mut body, rows, format, columns, &mut Vec::new()))
        .map_err(|EncodeError(e)| ApiError::Internal(e))?;
    Ok(download_head(format, name).body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_thai_text() {
        let row = serde_json::json!({"name": {"en": "Phayao", "th": "พะเยา"}, "lat": 19.1});
        let mut csv = Vec::new();
        let written = encode(
            &mut csv,
            &[row],
            Format::Csv { bom: false },
            &["name.th", "lat"],
            &mut Vec::new(),
        );
        assert!(written.is_ok());
        assert_eq!(String::from_utf8(csv).unwrap_or_default(), "พะเยา,19.1\n");
    }
}
