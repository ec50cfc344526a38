//! API shapes and rows of evaluations and their scores.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::life_cycle::EvaluationStatus;
use crate::db::schema::{cities, evaluations, frameworks, scores};
use crate::types::Localized;

/// One criterion's score in an evaluation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Score {
    /// Criterion code.
    pub criterion: String,
    pub score: f64,
    pub comment: Option<String>,
    pub evidence_links: Vec<String>,
}

/// A score on 0-100 for an area (top-level criterion).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaScore {
    /// Area code.
    pub area: String,
    pub title: Localized,
    pub score: f64,
}

/// One evaluator's scoring of one city.
#[derive(Debug, Serialize, ToSchema)]
pub struct Evaluation {
    pub id: i64,
    pub evaluator_id: i64,
    pub framework: String,
    pub city: String,
    pub city_name: Localized,
    /// The nomination judged (award judging).
    pub nomination_id: Option<i64>,
    /// The monitoring round.
    pub round_id: Option<i64>,
    pub status: EvaluationStatus,
    pub recusal_reason: Option<String>,
    pub return_reason: Option<String>,
    /// Weighted overall score on 0-100 of the scores saved so far.
    pub overall: Option<f64>,
    /// Weighted score per area on 0-100.
    pub areas: Vec<AreaScore>,
    pub scores: Vec<Score>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::page_type!(
    /// A page of evaluations.
    EvaluationPage,
    Evaluation
);

crate::list_query! {
    /// Query parameters of `GET /evaluations`.
    EvaluationListQuery {
        /// Award cycle id.
        #[param(value_type = Option<i64>, minimum = 1)]
        pub cycle: Option<String>,
        /// Monitoring round id.
        #[param(value_type = Option<i64>, minimum = 1)]
        pub round: Option<String>,
        /// City slug.
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub city: Option<String>,
        /// Status.
        #[param(value_type = Option<EvaluationStatus>)]
        pub status: Option<String>,
    }
}

/// The body of `POST /evaluations` (an assignment).
#[derive(Debug, ToSchema)]
pub struct AssignmentInput {
    /// The evaluator's user id.
    pub evaluator: i64,
    /// A nomination to judge (its cycle's framework is used) ...
    pub nomination: Option<i64>,
    /// ... or a monitoring round and a city slug.
    pub round: Option<i64>,
    pub city: Option<String>,
}

/// One score in `PUT /evaluations/{id}/scores`.
#[derive(Debug, ToSchema)]
pub struct ScoreInput {
    /// Criterion code (a leaf).
    pub criterion: String,
    /// Within the criterion's scale; `null` removes the score.
    pub score: Option<f64>,
    pub comment: Option<String>,
    pub evidence_links: Option<Vec<String>>,
}

/// The body of `PUT /evaluations/{id}/scores`.
#[derive(Debug, ToSchema)]
pub struct ScoresInput {
    pub scores: Vec<ScoreInput>,
}

/// A reason (recusal, return, conflict).
#[derive(Debug, ToSchema)]
pub struct ReasonInput {
    pub reason: String,
}

/// A stored evaluation with its framework's and city's names, and its row version.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = evaluations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct EvaluationRow {
    pub id: i64,
    pub evaluator_id: i64,
    pub framework_id: i64,
    #[diesel(select_expression = frameworks::slug)]
    pub framework: String,
    #[diesel(select_expression = cities::slug)]
    pub city: String,
    #[diesel(select_expression = cities::name_en)]
    pub city_name_en: String,
    #[diesel(select_expression = cities::name_th)]
    pub city_name_th: Option<String>,
    pub nomination_id: Option<i64>,
    pub round_id: Option<i64>,
    pub status: EvaluationStatus,
    pub recusal_reason: Option<String>,
    pub return_reason: Option<String>,
    pub submitted_at: Option<chrono::NaiveDateTime>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub version: i32,
}

/// A saved score of an evaluation.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = scores)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct SavedScore {
    pub evaluation_id: i64,
    pub criterion_id: i64,
    pub score: f64,
    pub comment: Option<String>,
    /// A JSON array of URLs.
    pub evidence_links: String,
}
