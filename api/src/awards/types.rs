//! API shapes of award programmes, cycles, categories, nominations and results.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::types::Localized;

/// Stages of a cycle.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CycleStatus {
    Draft,
    Open,
    Judging,
    Closed,
    Published,
}

/// Statuses of a nomination.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NominationStatus {
    Submitted,
    Shortlisted,
    Winner,
    NotAwarded,
    Withdrawn,
}

/// A programme's eligibility rules, enforced when a nomination is made.
#[derive(Debug, Serialize, ToSchema)]
pub struct Eligibility {
    /// Only cities of this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// The network whose membership is counted.
    pub network: Option<String>,
    /// Membership must have lasted more than this many months when nominated.
    pub min_membership_months: Option<i32>,
    /// Past winners may not be nominated until this many years after their award.
    pub cooldown_years: Option<i32>,
    /// At most this many winners from one country per cycle.
    pub max_winners_per_country: Option<i32>,
    /// The rules as published by the organisers.
    pub notes: Vec<String>,
}

/// An award programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct Programme {
    pub id: i64,
    #[schema(example = "unesco-learning-city-award")]
    pub slug: String,
    pub name: Localized,
    pub organisers: Option<Localized>,
    pub secretariat: Option<Localized>,
    pub description: Option<Localized>,
    pub website: Option<String>,
    pub eligibility: Eligibility,
    /// Years of its cycles visible to the caller, newest first.
    pub cycle_years: Vec<i32>,
}

/// A category of a cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct Category {
    pub id: i64,
    #[schema(example = "thailand-learning-city-awards-2025-equity")]
    pub slug: String,
    /// The cycle it belongs to.
    pub cycle_id: i64,
    /// The programme's slug.
    pub programme: String,
    pub year: i32,
    pub name: Localized,
    pub description: Option<Localized>,
    pub position: i32,
}

/// A city in a result.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultCity {
    pub slug: String,
    pub name: Localized,
    pub country: String,
}

/// The winners of one category of a published cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryResult {
    /// The category's slug.
    pub category: String,
    pub winners: Vec<ResultCity>,
}

/// A cycle (edition) of a programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct Cycle {
    pub id: i64,
    /// The programme's slug.
    pub programme: String,
    pub year: i32,
    pub title: Localized,
    #[schema(value_type = CycleStatus)]
    pub status: String,
    pub nominations_open_on: Option<NaiveDate>,
    /// The last day nominations are accepted.
    pub nominations_close_on: Option<NaiveDate>,
    pub ceremony_on: Option<NaiveDate>,
    /// Where and when the ceremony took place, in words.
    pub ceremony: Option<Localized>,
    pub summary: Option<Localized>,
    /// The judging criteria published for this cycle.
    pub criteria: Vec<String>,
    /// The evaluation framework judges score against (its slug).
    pub framework: Option<String>,
    pub source_url: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub categories: Vec<Category>,
    /// Winners per category; only once the cycle is published, otherwise `null`.
    pub results: Option<Vec<CategoryResult>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A nomination of a city into a category of a cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct Nomination {
    pub id: i64,
    pub cycle_id: i64,
    /// The category's slug.
    pub category: String,
    /// The city's slug.
    pub city: String,
    pub city_name: Localized,
    #[schema(value_type = NominationStatus)]
    pub status: String,
    pub statement: Option<String>,
    pub evidence_links: Vec<String>,
    /// The user who submitted it (absent for historical records).
    pub submitted_by: Option<i64>,
    pub source_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An award a city received, as listed on the city.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityAward {
    pub programme: String,
    pub programme_name: Localized,
    pub cycle_id: i64,
    pub year: i32,
    pub category: String,
    pub category_name: Localized,
    #[schema(value_type = NominationStatus)]
    pub status: String,
    pub source_url: Option<String>,
}

crate::page_type!(
    /// A page of programmes.
    ProgrammePage,
    Programme
);
crate::page_type!(
    /// A page of cycles, newest first.
    CyclePage,
    Cycle
);
crate::page_type!(
    /// A page of categories.
    CategoryPage,
    Category
);
crate::page_type!(
    /// A page of nominations.
    NominationPage,
    Nomination
);
crate::page_type!(
    /// A page of a city's awards, newest first.
    CityAwardPage,
    CityAward
);

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

/// Query parameters of `GET /award-cycles`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CycleListQuery {
    /// Programme slug.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub programme: Option<String>,
    /// Year.
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2200)]
    pub year: Option<String>,
    /// Status (drafts only for admin and secretariat).
    #[param(value_type = Option<CycleStatus>)]
    pub status: Option<String>,
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

/// Query parameters of `GET /award-categories`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CategoryListQuery {
    /// Programme slug.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub programme: Option<String>,
    /// Cycle id.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub cycle: Option<String>,
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

/// Query parameters of `GET /nominations`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NominationListQuery {
    /// Cycle id.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub cycle: Option<String>,
    /// Category slug.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub category: Option<String>,
    /// City slug.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub city: Option<String>,
    /// Status.
    #[param(value_type = Option<NominationStatus>)]
    pub status: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// A category in a cycle body.
#[derive(Debug, ToSchema)]
pub struct CategoryInput {
    /// Default: programme slug, year and the English name.
    pub slug: Option<String>,
    /// `en` required.
    pub name: crate::types::LocalizedInput,
    pub description: Option<crate::types::LocalizedInput>,
}

/// The body of `POST /award-cycles` and `PATCH /award-cycles/{id}` (merge patch; categories
/// only on create).
#[derive(Debug, ToSchema)]
pub struct CycleInput {
    /// Programme slug (create only).
    pub programme: Option<String>,
    /// Create only.
    pub year: Option<i32>,
    /// `en` required on create.
    pub title: Option<crate::types::LocalizedInput>,
    pub nominations_open_on: Option<NaiveDate>,
    pub nominations_close_on: Option<NaiveDate>,
    pub ceremony_on: Option<NaiveDate>,
    pub ceremony: Option<crate::types::LocalizedInput>,
    pub summary: Option<crate::types::LocalizedInput>,
    pub criteria: Option<Vec<String>>,
    pub source_url: Option<String>,
    /// Slug of the evaluation framework judges score against.
    pub framework: Option<String>,
    /// At least one on create.
    pub categories: Option<Vec<CategoryInput>>,
}

/// The body of `POST /award-cycles/{id}/status`.
#[derive(Debug, ToSchema)]
pub struct StatusInput {
    /// The next stage.
    pub status: CycleStatus,
}

/// The body of `POST /nominations`.
#[derive(Debug, ToSchema)]
pub struct NominationInput {
    /// Category slug.
    pub category: String,
    /// City slug; a city editor may leave it out (their own city).
    pub city: Option<String>,
    /// Why the city deserves the award (up to 10,000 characters).
    pub statement: Option<String>,
    /// Up to 20 http(s) links.
    pub evidence_links: Option<Vec<String>>,
}

/// The body of `POST /nominations/{id}/decision`.
#[derive(Debug, ToSchema)]
pub struct DecisionInput {
    /// `submitted`, `shortlisted`, `winner` or `not_awarded`.
    pub status: NominationStatus,
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const PROGRAMME_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "organisers.en",
    "organisers.th",
    "secretariat.en",
    "secretariat.th",
    "website",
    "eligibility.country",
    "eligibility.network",
    "eligibility.min_membership_months",
    "eligibility.cooldown_years",
    "eligibility.max_winners_per_country",
    "cycle_years",
];

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CYCLE_COLUMNS: &[&str] = &[
    "id",
    "programme",
    "year",
    "title.en",
    "title.th",
    "status",
    "nominations_open_on",
    "nominations_close_on",
    "ceremony_on",
    "ceremony.en",
    "summary.en",
    "framework",
    "criteria",
    "source_url",
    "published_at",
    "categories",
    "results",
];

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CATEGORY_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "cycle_id",
    "programme",
    "year",
    "name.en",
    "name.th",
    "description.en",
    "description.th",
    "position",
];

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CITY_AWARD_COLUMNS: &[&str] = &[
    "programme",
    "programme_name.en",
    "programme_name.th",
    "cycle_id",
    "year",
    "category",
    "category_name.en",
    "category_name.th",
    "status",
    "source_url",
];
