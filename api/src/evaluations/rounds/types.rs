//! API shapes and rows of monitoring rounds.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{frameworks, monitoring_rounds};
use crate::types::{utc, Localized};

crate::text_enum! {
    /// The statuses of a monitoring round.
    pub enum RoundStatus {
        /// Being evaluated; nothing is public.
        Open = "open",
        /// Its aggregates are public.
        Published = "published",
    }
}

/// A monitoring round: cities evaluated against a framework for a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct Round {
    pub id: i64,
    pub framework: String,
    pub year: i32,
    pub title: Localized,
    /// `open` or `published`.
    #[schema(value_type = String)]
    pub status: RoundStatus,
    pub published_at: Option<DateTime<Utc>>,
}

crate::page_type!(
    /// A page of monitoring rounds.
    RoundPage,
    Round
);

/// The body of `POST /monitoring-rounds`.
#[derive(Debug, ToSchema)]
pub struct RoundInput {
    pub framework: String,
    pub year: i32,
    pub title: crate::types::LocalizedInput,
}

/// A stored round with its framework's slug.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = monitoring_rounds)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct RoundRow {
    pub id: i64,
    #[diesel(select_expression = frameworks::slug)]
    pub framework: String,
    pub year: i32,
    pub title_en: String,
    pub title_th: Option<String>,
    pub status: RoundStatus,
    pub published_at: Option<chrono::NaiveDateTime>,
}

impl From<RoundRow> for Round {
    fn from(r: RoundRow) -> Round {
        Round {
            id: r.id,
            framework: r.framework,
            year: r.year,
            title: Localized::new(r.title_en, r.title_th),
            status: r.status,
            published_at: r.published_at.map(utc),
        }
    }
}
