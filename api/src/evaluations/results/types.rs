//! API shapes and rows of rankings, city results, area averages and published scores.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::{cities, evaluations, nominations, scores};
use crate::types::Localized;

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

/// Filters of the area averages.
#[derive(Debug, Default)]
pub struct AreaFilters {
    pub network: Option<String>,
    pub country: Option<String>,
    pub year: Option<i32>,
}

/// One published score.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublishedScore {
    /// The evaluation (one evaluator's scoring of one city): the rows of one evaluation share
    /// it. The evaluator is not given.
    pub evaluation_id: i64,
    /// `award` (judging a nomination of a cycle) or `monitoring` (a city in a round).
    #[schema(example = "award")]
    pub context: String,
    /// The award cycle (`/award-cycles/{id}`), for `award`.
    pub cycle_id: Option<i64>,
    /// The award category's slug, for `award`.
    pub category: Option<String>,
    /// The nomination, as in the cycle's rankings, for `award`.
    pub nomination_id: Option<i64>,
    /// The monitoring round (`/monitoring-rounds`), for `monitoring`.
    pub round_id: Option<i64>,
    /// The cycle's or round's year.
    pub year: i32,
    /// The framework's slug (`/frameworks/{slug}`).
    #[schema(example = "kflc-v1")]
    pub framework: String,
    /// The scored criterion's code in that framework.
    #[schema(example = "1.2.3")]
    pub criterion: String,
    /// The city's slug (`/cities/{slug}`).
    #[schema(example = "phayao")]
    pub city: String,
    /// The city's country (ISO 3166-1 alpha-2).
    #[schema(example = "TH")]
    pub country: String,
    /// The score, on the criterion's scale.
    pub score: f64,
    /// Lowest score on the criterion's scale.
    pub scale_min: i32,
    /// Highest score on the criterion's scale.
    pub scale_max: i32,
}

crate::page_type!(
    /// A page of published scores.
    PublishedScorePage,
    PublishedScore
);

/// The CSV columns of `GET /scores`, in order.
pub const PUBLISHED_SCORE_COLUMNS: &[&str] = &[
    "evaluation_id",
    "context",
    "cycle_id",
    "category",
    "nomination_id",
    "round_id",
    "year",
    "framework",
    "criterion",
    "city",
    "country",
    "score",
    "scale_min",
    "scale_max",
];

crate::list_query! {
    /// Query parameters of `GET /scores`.
    PublishedScoreQuery {
        /// Only scores against this framework (slug).
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub framework: Option<String>,
        /// Only this award cycle (id).
        #[param(value_type = Option<i64>, minimum = 1)]
        pub cycle: Option<String>,
        /// Only this award category (slug).
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub category: Option<String>,
        /// Only this monitoring round (id).
        #[param(value_type = Option<i64>, minimum = 1)]
        pub round: Option<String>,
        /// Only award judging (`award`) or only monitoring (`monitoring`).
        #[param(value_type = Option<String>, pattern = "^(award|monitoring)$")]
        pub context: Option<String>,
        /// Only cycles and rounds of this year.
        #[param(value_type = Option<i32>, minimum = 1900, maximum = 2200)]
        pub year: Option<String>,
        /// Only this city (slug).
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub city: Option<String>,
        /// Only cities of this country (ISO 3166-1 alpha-2).
        #[param(pattern = "^[A-Za-z]{2}$")]
        pub country: Option<String>,
    } downloads
}

/// Filters of the list.
#[derive(Debug, Default, Clone)]
pub struct ScoreFilters {
    pub framework: Option<String>,
    pub cycle: Option<i64>,
    pub category: Option<String>,
    pub round: Option<i64>,
    /// `Some(true)`: award judging only; `Some(false)`: monitoring only.
    pub award: Option<bool>,
    pub year: Option<i32>,
    pub city: Option<String>,
    pub country: Option<String>,
}

/// A counted evaluation to score: its id, evaluator and what it is grouped by (a nomination
/// or a city).
#[derive(Debug, Queryable)]
pub struct Counted {
    pub id: i64,
    pub evaluator: i64,
    pub target: i64,
}

/// A counted evaluation of an award cycle: its id, evaluator, nomination and category.
#[derive(Debug, Queryable)]
pub struct CycleEvaluation {
    pub id: i64,
    pub evaluator: i64,
    pub nomination: i64,
    pub category: i64,
}

/// A nominated city, named and with its sort key.
#[derive(Debug, Queryable)]
pub struct NominatedCity {
    pub nomination: i64,
    pub slug: String,
    pub name_en: String,
    pub name_th: Option<String>,
    pub name_sort: String,
}

/// A counted evaluation of a published award cycle, with what a city's results group it by.
#[derive(Debug, Queryable)]
pub struct AwardEvaluation {
    pub id: i64,
    pub evaluator: i64,
    pub framework: i64,
    pub cycle: i64,
    pub year: i32,
    /// The category's slug.
    pub category: String,
}

/// A counted evaluation of a published monitoring round, with what a city's results group it
/// by.
#[derive(Debug, Queryable)]
pub struct RoundEvaluation {
    pub id: i64,
    pub evaluator: i64,
    pub framework: i64,
    pub round: i64,
    pub year: i32,
}

/// A published score as read, with the ids that the small tables of the published scores name.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = scores)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ScoreRow {
    pub evaluation_id: i64,
    pub criterion_id: i64,
    pub score: f64,
    #[diesel(select_expression = evaluations::framework_id)]
    pub framework_id: i64,
    #[diesel(select_expression = evaluations::nomination_id)]
    pub nomination_id: Option<i64>,
    #[diesel(select_expression = evaluations::round_id)]
    pub round_id: Option<i64>,
    #[diesel(select_expression = nominations::cycle_id.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<nominations::cycle_id>)]
    pub cycle_id: Option<i64>,
    #[diesel(select_expression = nominations::category_id.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<nominations::category_id>)]
    pub category_id: Option<i64>,
    #[diesel(select_expression = cities::slug)]
    pub city: String,
    #[diesel(select_expression = cities::country_code)]
    pub country: String,
}
