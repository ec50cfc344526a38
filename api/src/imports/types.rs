//! API shapes of a bulk import: the kinds, their columns and the report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::Problem;

crate::text_enum! {
    /// What a file imports.
    pub enum ImportKind {
        Cities = "cities",
        Memberships = "memberships",
        NetworkCensus = "network-census",
        Organisations = "organisations",
        Events = "events",
    }
}

crate::text_enum! {
    /// What an import does with one row.
    pub enum RowAction {
        Create = "create",
        Update = "update",
        Unchanged = "unchanged",
        Error = "error",
    }
}

/// Why one cell (or row) of the file was refused.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CellError {
    /// The column, as named in the header (the key column for errors about the whole row).
    pub column: String,
    /// A stable code: `invalid_value`, `required`, `duplicate_key`, `not_found`, `archived`,
    /// `ambiguous`, `extra_cells`, or the code the single-record write gives (`slug_taken`, ...).
    pub code: String,
    /// What is wrong, in words.
    pub message: String,
}

/// What happens (or would happen) to one row.
#[derive(Debug, Serialize, ToSchema)]
pub struct RowReport {
    /// The row's number in the sheet (the header is row 1).
    pub row: u32,
    /// The record the row names: a city slug, or `network/city`, or `network/as_of`.
    pub key: String,
    pub action: RowAction,
    /// For creates and updates: each changed column with its old and new value.
    #[schema(value_type = BTreeMap<String, Vec<serde_json::Value>>)]
    pub changes: BTreeMap<String, [serde_json::Value; 2]>,
    /// For errors: every refused cell.
    pub errors: Vec<CellError>,
}

/// How many rows each action takes.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ImportSummary {
    pub create: u32,
    pub update: u32,
    pub unchanged: u32,
    pub error: u32,
}

/// The report of an import: what it did, or with `dry_run`, what it would do.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReport {
    pub kind: ImportKind,
    /// Whether nothing was written (a dry run, or a file with errors).
    pub dry_run: bool,
    /// The SHA-256 of the file as sent, in hex.
    pub sha256: String,
    /// The data rows read (blank rows are skipped).
    pub rows: u32,
    pub summary: ImportSummary,
    /// One entry per data row, in file order.
    pub items: Vec<RowReport>,
    /// The audit entry of the applied import (absent for dry runs, refused files, and files that
    /// change nothing).
    pub import_id: Option<i64>,
}

/// A 422 problem of an import: `import_refused` (rows in error; nothing was written) carries
/// the report, `bad_columns` lists the columns in `errors` instead.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblem {
    #[serde(flatten)]
    pub problem: Problem,
    /// With `import_refused`: the full report, each refused row with its errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<ImportReport>,
}

/// One column of an import.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportColumn {
    /// The header, as the export writes it.
    pub name: &'static str,
    /// `text`, `integer`, `number`, `date` or `json`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// How the import uses it: `key` (names the record), `write`, or `ignored` (read-only
    /// columns of the export, such as ids and timestamps).
    #[serde(rename = "use")]
    pub usage: &'static str,
    pub description: &'static str,
}

/// One kind of import and its columns.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportKindInfo {
    pub kind: ImportKind,
    pub description: &'static str,
    /// How rows find the record they update.
    pub matching: &'static str,
    pub columns: Vec<ImportColumn>,
    /// The template: a header row and one example line.
    pub template: String,
}

/// The kinds a file can import.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportKindList {
    pub items: Vec<ImportKindInfo>,
}

/// Query parameters of `POST /imports/{kind}`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true`: report what the import would do and write nothing.
    #[param(value_type = Option<bool>)]
    pub dry_run: Option<String>,
    /// Memberships and network census: the network of rows when the file has no `network`
    /// column (as in a network's members or census export).
    #[param(min_length = 1, max_length = 100)]
    pub network: Option<String>,
}

/// An `.xlsx` workbook as sent (the contract's name for the binary body).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct Workbook(pub Vec<u8>);
