//! API shape of a city's award, and the row it is built from.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{award_categories, award_cycles, award_programmes, nominations};
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

/// An award a city received, as listed on the city.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityAward {
    /// The id of the recorded result (the winning nomination).
    pub id: i64,
    pub programme: String,
    pub programme_name: Localized,
    pub cycle_id: i64,
    pub year: i32,
    pub category: String,
    pub category_name: Localized,
    pub status: NominationStatus,
    /// Where the award is documented (the first of `sources`, kept for older clients).
    pub source_url: Option<String>,
    /// The result's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(CityAward, Entity::AwardResult, id);

crate::page_type!(
    /// A page of a city's awards, newest first.
    CityAwardPage,
    CityAward
);

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CITY_AWARD_COLUMNS: &[&str] = &[
    "id",
    "programme",
    "programme_name.en",
    "programme_name.th",
    "cycle_id",
    "year",
    "category",
    "category_name.en",
    "category_name.th",
    "status",
    "source_url",
    "sources",
    "verified",
    "unverified_reason",
];

/// A winning nomination as read, with its programme, cycle and category.
#[derive(Queryable, Selectable)]
#[diesel(table_name = nominations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct CityAwardRow {
    pub id: i64,
    #[diesel(select_expression = award_programmes::slug)]
    pub programme: String,
    #[diesel(select_expression = award_programmes::name_en)]
    pub programme_name_en: String,
    #[diesel(select_expression = award_programmes::name_th)]
    pub programme_name_th: Option<String>,
    pub cycle_id: i64,
    #[diesel(select_expression = award_cycles::year)]
    pub year: i32,
    #[diesel(select_expression = award_categories::slug)]
    pub category: String,
    #[diesel(select_expression = award_categories::name_en)]
    pub category_name_en: String,
    #[diesel(select_expression = award_categories::name_th)]
    pub category_name_th: Option<String>,
    pub status: NominationStatus,
    pub source_url: Option<String>,
}

impl From<CityAwardRow> for CityAward {
    fn from(r: CityAwardRow) -> CityAward {
        CityAward {
            id: r.id,
            programme: r.programme,
            programme_name: Localized::new(r.programme_name_en, r.programme_name_th),
            cycle_id: r.cycle_id,
            year: r.year,
            category: r.category,
            category_name: Localized::new(r.category_name_en, r.category_name_th),
            status: r.status,
            source_url: r.source_url,
            provenance: Provenance::default(),
        }
    }
}
