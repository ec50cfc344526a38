//! API shapes of frameworks, criteria, monitoring rounds, conflicts, evaluations, scores,
//! rankings and published summaries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::types::Localized;

/// Statuses of an evaluation.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationStatus {
    Draft,
    Submitted,
    Returned,
    Final,
    Recused,
}

/// A criterion of a framework; the tree is given by `parent`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Criterion {
    pub id: i64,
    /// Code within the framework, e.g. `1.2.3`.
    pub code: String,
    /// The parent criterion's code; `null` for an area.
    pub parent: Option<String>,
    /// `area`, `focus` or `feature`.
    pub level: String,
    pub title: Localized,
    /// Weight among its siblings.
    pub weight: f64,
    /// Lowest score on the scale.
    pub scale_min: i32,
    /// Highest score on the scale.
    pub scale_max: i32,
    /// Leaves that must be scored before an evaluation can be submitted.
    pub required: bool,
    /// `false`: the wording is not verified against the official text (draft).
    pub verified: bool,
    pub position: i32,
}

/// An evaluation framework version.
#[derive(Debug, Serialize, ToSchema)]
pub struct Framework {
    pub id: i64,
    #[schema(example = "kflc-v1")]
    pub slug: String,
    /// Versions of one framework share a family.
    pub family: String,
    pub version: i32,
    pub name: Localized,
    pub description: Option<Localized>,
    pub source_url: Option<String>,
    /// `false`: some criteria texts are unverified drafts.
    pub verified: bool,
    /// Used by a submitted evaluation: changes create a new version.
    pub frozen: bool,
    /// Every criterion, areas first, in tree order (only on single frameworks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<Criterion>>,
}

/// A monitoring round: cities evaluated against a framework for a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct Round {
    pub id: i64,
    pub framework: String,
    pub year: i32,
    pub title: Localized,
    /// `open` or `published`.
    pub status: String,
    pub published_at: Option<DateTime<Utc>>,
}

/// A declared conflict of interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct Conflict {
    pub id: i64,
    pub evaluator_id: i64,
    pub city: String,
    pub reason: String,
    pub declared_by: i64,
    pub created_at: DateTime<Utc>,
}

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
    #[schema(value_type = EvaluationStatus)]
    pub status: String,
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

/// The mean area score of a ranking entry or summary.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaMean {
    pub area: String,
    pub title: Localized,
    pub mean: f64,
}

/// One place in a ranking.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankingEntry {
    /// 1 for the first place; every entry has its own rank (see the tie-break).
    pub rank: usize,
    pub nomination_id: i64,
    pub city: String,
    pub city_name: Localized,
    /// Counted (submitted or final, not recused) evaluations.
    pub evaluations: usize,
    /// Mean overall score on 0-100.
    pub mean: f64,
    /// Population standard deviation of the evaluators' overall scores.
    pub sd: f64,
    pub min: f64,
    pub max: f64,
    /// `high` (sd <= 5), `medium` (sd <= 15) or `low` agreement between evaluators.
    pub agreement: String,
    /// Mean of the evaluators' z-scores (with `normalize=true`).
    pub z_mean: Option<f64>,
    pub areas: Vec<AreaMean>,
}

/// A ranking of one category of a cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ranking {
    pub cycle_id: i64,
    pub category: String,
    pub framework: String,
    pub normalized: bool,
    /// How ties are broken.
    pub tie_break: String,
    pub entries: Vec<RankingEntry>,
}

/// A published evaluation result of a city (never individual scores).
#[derive(Debug, Serialize, ToSchema)]
pub struct CityEvaluationSummary {
    /// `award` or `monitoring`.
    pub context: String,
    pub cycle_id: Option<i64>,
    pub category: Option<String>,
    pub round_id: Option<i64>,
    pub year: i32,
    pub framework: String,
    pub evaluations: usize,
    pub mean: f64,
    pub areas: Vec<AreaMean>,
}

/// The mean score of one area over published evaluations.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaAverage {
    pub framework: String,
    pub area: String,
    pub title: Localized,
    pub mean: f64,
    pub cities: usize,
    pub evaluations: usize,
}

crate::page_type!(
    /// A page of frameworks.
    FrameworkPage,
    Framework
);
crate::page_type!(
    /// A page of evaluations.
    EvaluationPage,
    Evaluation
);
crate::page_type!(
    /// A page of monitoring rounds.
    RoundPage,
    Round
);
crate::page_type!(
    /// A page of conflicts.
    ConflictPage,
    Conflict
);

/// The area averages of `GET /evaluation-stats/areas`.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaAverages {
    pub items: Vec<AreaAverage>,
}

/// The published summaries of `GET /cities/{slug}/evaluations`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityEvaluations {
    pub items: Vec<CityEvaluationSummary>,
}

/// Query parameters of `GET /evaluations`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EvaluationListQuery {
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
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Opaque cursor from a previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Query parameters of `GET /award-cycles/{id}/rankings`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// Category slug (required).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub category: Option<String>,
    /// Rank by mean per-evaluator z-score instead of the mean score.
    #[param(value_type = Option<bool>)]
    pub normalize: Option<String>,
}

/// Query parameters of `GET /evaluation-stats/areas`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AreaStatsQuery {
    /// Framework slug (required).
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub framework: Option<String>,
    /// Only cities that are members of this network.
    #[param(pattern = "^[a-z0-9-]{1,100}$")]
    pub network: Option<String>,
    /// Only cities of this country.
    #[param(pattern = "^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// Only evaluations of this year (cycle or round year).
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2200)]
    pub year: Option<String>,
    /// `json` (default), `csv` or `ndjson`.
    #[param(value_type = Option<crate::open_data::export::ExportFormat>)]
    pub format: Option<String>,
    /// With CSV, `true` starts the file with a UTF-8 byte-order mark.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
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

/// The body of `POST /conflicts`.
#[derive(Debug, ToSchema)]
pub struct ConflictInput {
    /// The evaluator's user id (an evaluator declaring for themselves may leave it out).
    pub evaluator: Option<i64>,
    pub city: String,
    pub reason: String,
}

/// The body of `POST /monitoring-rounds`.
#[derive(Debug, ToSchema)]
pub struct RoundInput {
    pub framework: String,
    pub year: i32,
    pub title: crate::types::LocalizedInput,
}

/// The body of `PATCH /frameworks/{slug}/criteria/{code}`.
#[derive(Debug, ToSchema)]
pub struct CriterionInput {
    pub title: Option<crate::types::LocalizedInput>,
    pub weight: Option<f64>,
    pub scale_min: Option<i32>,
    pub scale_max: Option<i32>,
    pub required: Option<bool>,
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const FRAMEWORK_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "family",
    "version",
    "name.en",
    "name.th",
    "source_url",
    "verified",
    "frozen",
];

/// The CSV columns of the area averages.
pub const AREA_AVERAGE_COLUMNS: &[&str] = &[
    "framework",
    "area",
    "title.en",
    "title.th",
    "mean",
    "cities",
    "evaluations",
];
