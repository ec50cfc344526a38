//! API shapes and rows of conflicts of interest.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{cities, conflicts};
use crate::types::utc;

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

crate::page_type!(
    /// A page of conflicts.
    ConflictPage,
    Conflict
);

/// The body of `POST /conflicts`.
#[derive(Debug, ToSchema)]
pub struct ConflictInput {
    /// The evaluator's user id (an evaluator declaring for themselves may leave it out).
    pub evaluator: Option<i64>,
    pub city: String,
    pub reason: String,
}

/// A stored conflict with its city's slug.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = conflicts)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct ConflictRow {
    pub id: i64,
    pub evaluator_id: i64,
    #[diesel(select_expression = cities::slug)]
    pub city: String,
    pub reason: String,
    pub declared_by: i64,
    pub created_at: chrono::NaiveDateTime,
}

impl From<ConflictRow> for Conflict {
    fn from(r: ConflictRow) -> Conflict {
        Conflict {
            id: r.id,
            evaluator_id: r.evaluator_id,
            city: r.city,
            reason: r.reason,
            declared_by: r.declared_by,
            created_at: utc(r.created_at),
        }
    }
}
