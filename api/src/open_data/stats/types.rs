//! API shapes of the statistics and their parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Query parameters of the statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// `json` (default), `csv` or `ndjson`.
    #[param(value_type = Option<crate::open_data::export::ExportFormat>)]
    pub format: Option<String>,
    /// With CSV, `true` starts the file with a UTF-8 byte-order mark.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
    /// `membership-growth`: only this network (slug). `awards`: what to count by
    /// (`country`, `programme` or `category`; default `country`).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub network: Option<String>,
    /// `awards` only: `country`, `programme` or `category`.
    #[param(pattern = "^(country|programme|category)$")]
    pub by: Option<String>,
}

/// One count.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    /// What is counted (a key such as a country code or slug).
    pub key: String,
    /// Its English name.
    pub label_en: String,
    /// Its Thai name, where known.
    pub label_th: Option<String>,
    pub count: i64,
}

/// Members of a network recorded here joining in a year: counts of the records on this
/// platform, not the network's size (its reported sizes are its census,
/// `GET /networks/{slug}/census`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Growth {
    pub network: String,
    pub year: i32,
    /// Cities recorded here that joined in the year.
    pub new_members: i64,
    /// Cities recorded here that had joined by the end of the year.
    pub cumulative: i64,
}

/// The rows of a statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountTable {
    pub items: Vec<Count>,
}

/// The rows of the growth statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct GrowthTable {
    pub items: Vec<Growth>,
}

/// The CSV columns of a count statistic.
pub const COUNT_COLUMNS: &[&str] = &["key", "label_en", "label_th", "count"];
/// The CSV columns of the growth statistic.
pub const GROWTH_COLUMNS: &[&str] = &["network", "year", "new_members", "cumulative"];

/// Published events of one type in one year (`year` is `null` for events whose year is not
/// known).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventCount {
    pub year: Option<i32>,
    #[serde(rename = "type")]
    pub event_type: crate::events::types::EventType,
    pub count: i64,
}

/// The rows of the events statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventCountTable {
    pub items: Vec<EventCount>,
}

/// The CSV columns of the events statistic.
pub const EVENT_COUNT_COLUMNS: &[&str] = &["year", "type", "count"];
