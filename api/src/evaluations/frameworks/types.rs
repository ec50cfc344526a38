//! API shapes and rows of frameworks and criteria.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{criteria, frameworks};
use crate::types::{optional_localized, Localized};

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

crate::page_type!(
    /// A page of frameworks.
    FrameworkPage,
    Framework
);

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

/// A stored framework version.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = frameworks)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct FrameworkRow {
    pub id: i64,
    pub slug: String,
    pub family: String,
    pub version: i32,
    pub name_en: String,
    pub name_th: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
    pub source_url: Option<String>,
    pub verified: bool,
    pub frozen_at: Option<chrono::NaiveDateTime>,
}

impl FrameworkRow {
    /// The API shape, with the criteria when given.
    pub fn into_framework(self, criteria: Option<Vec<Criterion>>) -> Framework {
        Framework {
            id: self.id,
            slug: self.slug,
            family: self.family,
            version: self.version,
            name: Localized::new(self.name_en, self.name_th),
            description: optional_localized(self.description_en, self.description_th),
            source_url: self.source_url,
            verified: self.verified,
            frozen: self.frozen_at.is_some(),
            criteria,
        }
    }
}

/// A stored criterion.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = criteria)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct CriterionRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub code: String,
    pub level: String,
    pub title_en: String,
    pub title_th: Option<String>,
    pub weight: f64,
    pub scale_min: i32,
    pub scale_max: i32,
    pub required: bool,
    pub verified: bool,
    pub position: i32,
}
