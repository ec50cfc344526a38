//! API shapes of nominations and their request bodies, and the rows they are built from.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, networks, nominations,
};
use crate::types::{utc, Localized};

crate::text_enum! {
    /// Statuses of a nomination.
    pub enum NominationStatus {
        Submitted = "submitted",
        Shortlisted = "shortlisted",
        Winner = "winner",
        NotAwarded = "not_awarded",
        Withdrawn = "withdrawn",
    }
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
    pub status: NominationStatus,
    pub statement: Option<String>,
    pub evidence_links: Vec<String>,
    /// The user who submitted it (absent for historical records).
    pub submitted_by: Option<i64>,
    pub source_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(
    /// A page of nominations.
    NominationPage,
    Nomination
);

crate::list_query! {
    /// Query parameters of `GET /nominations`.
    NominationListQuery {
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
    }
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

/// A nomination as read, with the slugs of its category and city and the city's name.
#[derive(Queryable, Selectable)]
#[diesel(table_name = nominations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct NominationRow {
    pub id: i64,
    pub cycle_id: i64,
    #[diesel(select_expression = award_categories::slug)]
    pub category: String,
    #[diesel(select_expression = cities::slug)]
    pub city: String,
    #[diesel(select_expression = cities::name_en)]
    pub city_name_en: String,
    #[diesel(select_expression = cities::name_th)]
    pub city_name_th: Option<String>,
    pub status: NominationStatus,
    pub statement: Option<String>,
    pub evidence_links: String,
    pub submitted_by: Option<i64>,
    pub source_url: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl From<NominationRow> for Nomination {
    fn from(r: NominationRow) -> Nomination {
        Nomination {
            id: r.id,
            cycle_id: r.cycle_id,
            category: r.category,
            city: r.city,
            city_name: Localized::new(r.city_name_en, r.city_name_th),
            status: r.status,
            statement: r.statement,
            evidence_links: serde_json::from_str(&r.evidence_links).unwrap_or_default(),
            submitted_by: r.submitted_by,
            source_url: r.source_url,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// The eligibility rules of a cycle's programme, with the network whose membership counts.
#[derive(Queryable, Selectable)]
#[diesel(table_name = award_programmes)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct RulesRow {
    pub id: i64,
    pub eligible_country: Option<String>,
    pub membership_network_id: Option<i64>,
    #[diesel(select_expression = networks::slug.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<networks::slug>)]
    pub network: Option<String>,
    pub min_membership_months: Option<i32>,
    pub cooldown_years: Option<i32>,
    pub max_winners_per_country: Option<i32>,
}

/// The category a nomination is made into, with the state of its cycle.
#[derive(Queryable, Selectable)]
#[diesel(table_name = award_categories)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct TargetRow {
    pub id: i64,
    #[diesel(select_expression = award_cycles::id)]
    pub cycle: i64,
    #[diesel(select_expression = award_cycles::year)]
    pub year: i32,
    #[diesel(select_expression = award_cycles::status)]
    pub status: CycleStatus,
    #[diesel(select_expression = award_cycles::nominations_open_on)]
    pub opens: Option<NaiveDate>,
    #[diesel(select_expression = award_cycles::nominations_close_on)]
    pub closes: Option<NaiveDate>,
}
