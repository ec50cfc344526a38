//! Reading an uploaded file into a header and rows of text cells: CSV in UTF-8 (with or without
//! a byte-order mark) or windows-874 (what Thai Excel writes; also sent as `tis-620` or
//! `iso-8859-11`), or the first worksheet of an `.xlsx` workbook.

use std::io::Cursor;

use actix_web::http::StatusCode;
use calamine::{Data, Reader, Xlsx};

use crate::error::ApiError;

/// The media type of `.xlsx` workbooks.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A file's rows as text.
#[derive(Debug)]
pub struct Sheet {
    /// The header cells, trimmed.
    pub header: Vec<String>,
    /// The data rows with their number in the sheet (the header is row 1); blank rows are left
    /// out.
    pub rows: Vec<(u32, Vec<String>)>,
}

fn bad_file(code: &'static str, detail: impl Into<String>) -> ApiError {
    ApiError::BadRequest {
        code,
        detail: detail.into(),
    }
}

/// Reads `bytes` sent with the `Content-Type` value `content_type`.
pub fn read(content_type: &str, bytes: &[u8]) -> Result<Sheet, ApiError> {
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, value)| value.trim().trim_matches('"').to_ascii_lowercase());
    let zipped = bytes.starts_with(b"PK\x03\x04");
    match essence.as_str() {
        XLSX => xlsx(bytes),
        "application/octet-stream" if zipped => xlsx(bytes),
        "text/csv"
        | "application/csv"
        | "text/plain"
        | "application/vnd.ms-excel"
        | "application/octet-stream" => csv(&decode(charset.as_deref(), bytes)?),
        _ => Err(ApiError::refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "send the file as `text/csv` (optionally `; charset=windows-874`) or as `{XLSX}`"
            ),
        )),
    }
}

/// The text of a CSV file in `charset` (UTF-8 when not given).
fn decode(charset: Option<&str>, bytes: &[u8]) -> Result<String, ApiError> {
    match charset {
        None | Some("utf-8" | "utf8") => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
                bad_file(
                    "bad_encoding",
                    format!(
                        "the file is not valid UTF-8 (at byte {}); a CSV file saved by Thai Excel is \
                         windows-874: send it with `Content-Type: text/csv; charset=windows-874`",
                        e.valid_up_to()
                    ),
                )
            })
        }
        Some("windows-874" | "tis-620" | "iso-8859-11" | "cp874") => {
            let (text, had_errors) = encoding_rs::WINDOWS_874.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(bad_file(
                    "bad_encoding",
                    "the file has bytes that are not windows-874 characters",
                ));
            }
            Ok(text.into_owned())
        }
        Some(other) => Err(bad_file(
            "bad_encoding",
            format!("charset `{other}` is not supported: send UTF-8 or windows-874"),
        )),
    }
}

fn blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

fn csv(text: &str) -> Result<Sheet, ApiError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_owned()).collect(),
        Some(Err(e)) => {
            return Err(bad_file(
                "unreadable_file",
                format!("the CSV is not readable: {e}"),
            ))
        }
        None => return Err(bad_file("empty_file", "the file has no header row")),
    };
    let mut rows = Vec::new();
    for (n, record) in records.enumerate() {
        let record = record
            .map_err(|e| bad_file("unreadable_file", format!("the CSV is not readable: {e}")))?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if !blank(&cells) {
            rows.push((u32::try_from(n + 2).unwrap_or(u32::MAX), cells));
        }
    }
    Ok(Sheet { header, rows })
}

/// A workbook cell as the text a CSV export would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| dt.date().to_string())
            .unwrap_or_default(),
    }
}

fn xlsx(bytes: &[u8]) -> Result<Sheet, ApiError> {
    let unreadable = |e: calamine::XlsxError| {
        bad_file(
            "unreadable_file",
            format!("the workbook is not readable: {e}"),
        )
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| bad_file("empty_file", "the workbook has no worksheet"))?
        .map_err(unreadable)?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut rows = range.rows().enumerate().map(|(i, cells)| {
        let number = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)) + 1;
        (number, cells.iter().map(cell_text).collect::<Vec<_>>())
    });
    let header = rows
        .next()
        .map(|(_, cells)| cells.iter().map(|c| c.trim().to_owned()).collect())
        .ok_or_else(|| bad_file("empty_file", "the first worksheet has no header row"))?;
    Ok(Sheet {
        header,
        rows: rows.filter(|(_, cells)| !blank(cells)).collect(),
    })
}
