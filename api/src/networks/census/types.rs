//! API shapes of a network's census, and the row it is read from.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::network_census;
use crate::provenance::{Entity, Provenance};

/// A network's size as its organisers reported it on a date.
#[derive(Debug, Serialize, ToSchema)]
pub struct CensusEntry {
    /// Stable numeric id.
    pub id: i64,
    /// The date the figures were reported for.
    pub as_of: NaiveDate,
    /// Member cities reported, where stated.
    pub members: Option<i32>,
    /// Countries of the members, where stated.
    pub countries: Option<i32>,
    /// Cities that joined in the announcement of that date, where stated.
    pub new_members: Option<i32>,
    /// Countries those new members came from, where stated.
    pub new_countries: Option<i32>,
    /// Remarks, such as conflicting figures.
    pub note: Option<String>,
    /// The entry's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(CensusEntry, Entity::NetworkCensus, id);

crate::page_type!(
    /// A page of a network's census, newest first.
    CensusPage,
    CensusEntry
);

/// The CSV columns of the census list.
pub const CENSUS_COLUMNS: &[&str] = &[
    "id",
    "as_of",
    "members",
    "countries",
    "new_members",
    "new_countries",
    "note",
    "sources",
    "verified",
    "unverified_reason",
];

/// The network's size as last reported, answered beside the members recorded here.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reported {
    /// Member cities reported.
    pub members: Option<i32>,
    /// Countries reported.
    pub countries: Option<i32>,
    /// The date of the report.
    pub as_of: NaiveDate,
    /// The first source of the report that has an address.
    pub source_url: Option<String>,
}

/// A census entry as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = network_census)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct CensusRow {
    pub id: i64,
    pub network_id: i64,
    pub as_of: NaiveDate,
    pub members: Option<i32>,
    pub countries: Option<i32>,
    pub new_members: Option<i32>,
    pub new_countries: Option<i32>,
    pub note: Option<String>,
}

impl From<CensusRow> for CensusEntry {
    fn from(r: CensusRow) -> CensusEntry {
        CensusEntry {
            id: r.id,
            as_of: r.as_of,
            members: r.members,
            countries: r.countries,
            new_members: r.new_members,
            new_countries: r.new_countries,
            note: r.note,
            provenance: Provenance::default(),
        }
    }
}
