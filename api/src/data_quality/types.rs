//! API shapes of the data-quality list.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

crate::text_enum! {
    /// What is wrong with a record.
    pub enum IssueKind {
        MissingThaiName = "missing_thai_name",
        MissingCoordinates = "missing_coordinates",
        MissingDescription = "missing_description",
        MissingSource = "missing_source",
        Unverified = "unverified",
        SourceDoesNotNameCity = "source_does_not_name_city",
        NearDuplicate = "near_duplicate",
    }
}

/// Something missing or doubtful in a public record.
#[derive(Debug, Serialize, ToSchema)]
pub struct Issue {
    /// What is wrong.
    pub kind: IssueKind,
    /// The kind of record (`city`, `network`, `membership`, `award_cycle`, ...).
    pub entity: String,
    /// The record's id.
    pub id: i64,
    /// The record in words (a city's or network's name, a membership's city and network).
    pub label: String,
    /// More about it (the reason a record is unverified; the other city of a near-duplicate).
    pub detail: Option<String>,
    /// Where the API answers the record.
    pub href: Option<String>,
    /// Where the web app edits it, where it has an editor.
    pub edit: Option<String>,
}

/// The issues found, with a count of each kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct QualityReport {
    /// Issues of each kind (only kinds that occur).
    pub summary: std::collections::BTreeMap<String, i64>,
    /// Every issue, by kind, then record.
    pub items: Vec<Issue>,
}

/// Query parameters of `GET /data-quality`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QualityQuery {
    /// Only issues of this kind.
    #[param(value_type = Option<IssueKind>)]
    pub kind: Option<String>,
}
