//! API shapes of initiatives, their participants and list parameters, and the rows they are
//! read from.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{cities, initiative_cities, initiatives};
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

/// A city taking part in an initiative.
#[derive(Debug, Serialize, ToSchema)]
pub struct Participant {
    /// The city's slug.
    #[schema(example = "phayao")]
    pub city: String,
    /// The city's name.
    pub name: Localized,
    /// ISO 3166-2:TH province code, for Thai cities.
    pub province: Option<String>,
    /// How the city takes part (`pilot_area`, `participant`).
    #[schema(example = "pilot_area")]
    pub role: String,
    /// Remarks, such as what the source leaves open.
    pub note: Option<String>,
}

/// A programme cities take part in without being members of a network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Initiative {
    /// Stable numeric id.
    pub id: i64,
    /// Stable URL key.
    #[schema(example = "eef-national-platform-learning-city")]
    pub slug: String,
    /// Name in English and Thai.
    pub name: Localized,
    /// The body that leads it.
    pub lead: Option<Localized>,
    /// Description in English and Thai.
    pub description: Option<Localized>,
    /// Website.
    pub website: Option<String>,
    /// The public cities taking part, by name.
    pub cities: Vec<Participant>,
    /// The initiative's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record last changed.
    pub updated_at: DateTime<Utc>,
}

crate::sourced!(Initiative, Entity::Initiative, id);

crate::page_type!(
    /// A page of initiatives.
    InitiativePage,
    Initiative
);

crate::list_query! {
    /// Query parameters of `GET /initiatives`.
    InitiativeListQuery {
        /// Only initiatives this city (slug) takes part in.
        #[param(example = "phayao", pattern = "^[a-z0-9-]{1,100}$")]
        pub city: Option<String>,
    } downloads
}

/// The CSV columns of the list.
pub const INITIATIVE_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "lead.en",
    "lead.th",
    "description.en",
    "website",
    "cities",
    "sources",
    "verified",
    "unverified_reason",
    "created_at",
    "updated_at",
];

/// An initiative as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = initiatives)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct InitiativeRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_th: Option<String>,
    pub name_sort: String,
    pub lead_en: Option<String>,
    pub lead_th: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
    pub website: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A participant as read, with its initiative's id.
#[derive(Queryable, Selectable)]
#[diesel(table_name = initiative_cities)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct ParticipantRow {
    pub initiative_id: i64,
    #[diesel(select_expression = cities::slug)]
    pub city: String,
    #[diesel(select_expression = cities::name_en)]
    pub name_en: String,
    #[diesel(select_expression = cities::name_th)]
    pub name_th: Option<String>,
    #[diesel(select_expression = cities::province_code)]
    pub province: Option<String>,
    pub role: String,
    pub note: Option<String>,
}
