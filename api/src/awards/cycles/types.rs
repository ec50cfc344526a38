//! API shapes of award cycles, their results and request bodies, and the rows they are built
//! from.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::awards::categories::types::Category;
use crate::db::schema::{award_categories, award_cycles, award_programmes, cities};
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

crate::text_enum! {
    /// Stages of a cycle.
    pub enum CycleStatus {
        Draft = "draft",
        Open = "open",
        Judging = "judging",
        Closed = "closed",
        Published = "published",
    }
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
    pub status: CycleStatus,
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
    /// Where the cycle is documented (the first of `sources`, kept for older clients).
    pub source_url: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub categories: Vec<Category>,
    /// Winners per category; only once the cycle is published, otherwise `null`.
    pub results: Option<Vec<CategoryResult>>,
    /// How many winners the organisers announced, where the sources say.
    pub announced_winners: Option<i32>,
    /// How many winners are recorded here (in `results`); `null` before publication. Fewer than
    /// `announced_winners` means the list is not complete.
    pub recorded_winners: Option<i64>,
    /// The cycle's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(
    /// A page of cycles, newest first.
    CyclePage,
    Cycle
);

crate::list_query! {
    /// Query parameters of `GET /award-cycles`.
    CycleListQuery {
        /// Programme slug.
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub programme: Option<String>,
        /// Year.
        #[param(value_type = Option<i32>, minimum = 1900, maximum = 2200)]
        pub year: Option<String>,
        /// Status (drafts only for admin and secretariat).
        #[param(value_type = Option<CycleStatus>)]
        pub status: Option<String>,
    } downloads
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
    /// How many winners the organisers announced, 0 to 1,000.
    pub announced_winners: Option<i32>,
    /// The cycle's sources (at most 20; each needs a `url` or a `title`); replaces the list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the cycle as not verified, with the reason; `null` clears the mark.
    pub unverified_reason: Option<String>,
    /// At least one on create.
    pub categories: Option<Vec<CategoryInput>>,
}

/// The body of `POST /award-cycles/{id}/status`.
#[derive(Debug, ToSchema)]
pub struct StatusInput {
    /// The next stage.
    pub status: CycleStatus,
}

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
    "announced_winners",
    "recorded_winners",
    "sources",
    "verified",
    "unverified_reason",
];

/// A cycle as read, with its programme's slug.
#[derive(Queryable, Selectable)]
#[diesel(table_name = award_cycles)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct CycleRow {
    pub id: i64,
    #[diesel(select_expression = award_programmes::slug)]
    pub programme: String,
    pub year: i32,
    pub title_en: String,
    pub title_th: Option<String>,
    pub status: CycleStatus,
    pub nominations_open_on: Option<NaiveDate>,
    pub nominations_close_on: Option<NaiveDate>,
    pub ceremony_on: Option<NaiveDate>,
    pub ceremony_en: Option<String>,
    pub ceremony_th: Option<String>,
    pub summary_en: Option<String>,
    pub summary_th: Option<String>,
    pub criteria: Option<String>,
    pub source_url: Option<String>,
    pub published_at: Option<NaiveDateTime>,
    pub announced_winners: Option<i32>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

/// A winning city of a published cycle, with the slug of its category.
#[derive(Queryable, Selectable)]
#[diesel(table_name = cities)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct WinnerRow {
    #[diesel(select_expression = award_categories::slug)]
    pub category: String,
    #[diesel(column_name = slug)]
    pub city: String,
    pub name_en: String,
    pub name_th: Option<String>,
    #[diesel(column_name = country_code)]
    pub country: String,
}

crate::sourced!(Cycle, Entity::AwardCycle, id);
