//! Query parameters shared by the award lists (and, for now, by the evaluation lists).

use serde::Deserialize;
use utoipa::IntoParams;

/// Paging only.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Paging, or a download of every row.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PublicPageQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// `csv` or `ndjson`: download every matching row, streamed, without the page limit
    /// (`limit` and `cursor` are then ignored). Also chosen by `Accept: text/csv` or
    /// `Accept: application/x-ndjson`. Default `json`: one page.
    #[param(value_type = Option<crate::open_data::export::ExportFormat>)]
    pub format: Option<String>,
    /// With CSV, `true` starts the file with a UTF-8 byte-order mark so that spreadsheet
    /// programs show Thai text correctly.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
}
