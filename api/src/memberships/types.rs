//! API shapes of a membership.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::provenance::Provenance;

/// A city's membership in a network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Membership {
    pub id: i64,
    /// The city's slug.
    #[schema(example = "phayao")]
    pub city: String,
    /// The network's slug.
    #[schema(example = "unesco-gnlc")]
    pub network: String,
    pub role: MembershipRole,
    pub status: MembershipStatus,
    pub joined_year: Option<i32>,
    pub joined_on: Option<NaiveDate>,
    pub left_year: Option<i32>,
    /// Where the membership is documented (the first of `sources`, kept for older clients).
    pub source_url: Option<String>,
    pub note: Option<String>,
    /// The membership's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the membership was archived (only on archived memberships).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<DateTime<Utc>>,
}

/// The body of `POST /memberships` and `PATCH /memberships/{id}` (JSON merge patch; `city` and
/// `network` are set on create and cannot change).
#[derive(Debug, ToSchema)]
pub struct MembershipInput {
    /// City slug (required on create).
    pub city: Option<String>,
    /// Network slug (required on create).
    pub network: Option<String>,
    /// Default `member`.
    pub role: Option<MembershipRole>,
    /// Default `active`.
    pub status: Option<MembershipStatus>,
    pub joined_year: Option<i32>,
    pub joined_on: Option<NaiveDate>,
    pub left_year: Option<i32>,
    pub source_url: Option<String>,
    pub note: Option<String>,
    /// The membership's sources (at most 20; each needs a `url` or a `title`); replaces the list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the membership as not verified, with the reason; `null` clears the mark.
    pub unverified_reason: Option<String>,
}
