//! API shapes of award programmes, and the programme row they are built from.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{award_programmes, networks};
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

/// A programme's eligibility rules, enforced when a nomination is made.
#[derive(Debug, Serialize, ToSchema)]
pub struct Eligibility {
    /// Only cities of this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// The network whose membership is counted.
    pub network: Option<String>,
    /// Membership must have lasted more than this many months when nominated.
    pub min_membership_months: Option<i32>,
    /// Past winners may not be nominated until this many years after their award.
    pub cooldown_years: Option<i32>,
    /// At most this many winners from one country per cycle.
    pub max_winners_per_country: Option<i32>,
    /// The rules as published by the organisers.
    pub notes: Vec<String>,
}

/// An award programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct Programme {
    pub id: i64,
    #[schema(example = "unesco-learning-city-award")]
    pub slug: String,
    pub name: Localized,
    pub organisers: Option<Localized>,
    pub secretariat: Option<Localized>,
    pub description: Option<Localized>,
    pub website: Option<String>,
    pub eligibility: Eligibility,
    /// Years of its cycles visible to the caller, newest first.
    pub cycle_years: Vec<i32>,
    /// The organisations with a role in the programme (organiser, secretariat, ...), beside
    /// the free-text `organisers` and `secretariat` kept for older clients.
    pub organisations: Vec<crate::organisations::types::OrganisationLink>,
    /// The programme's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(Programme, Entity::AwardProgramme, id);

crate::page_type!(
    /// A page of programmes.
    ProgrammePage,
    Programme
);

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const PROGRAMME_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "organisers.en",
    "organisers.th",
    "secretariat.en",
    "secretariat.th",
    "website",
    "eligibility.country",
    "eligibility.network",
    "eligibility.min_membership_months",
    "eligibility.cooldown_years",
    "eligibility.max_winners_per_country",
    "cycle_years",
    "sources",
    "verified",
    "unverified_reason",
];

/// A programme as read, with the slug of its membership network.
#[derive(Queryable, Selectable)]
#[diesel(table_name = award_programmes)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct ProgrammeRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_th: Option<String>,
    pub organisers_en: Option<String>,
    pub organisers_th: Option<String>,
    pub secretariat_en: Option<String>,
    pub secretariat_th: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
    pub website: Option<String>,
    pub eligible_country: Option<String>,
    #[diesel(select_expression = networks::slug.nullable())]
    #[diesel(select_expression_type = diesel::dsl::Nullable<networks::slug>)]
    pub network: Option<String>,
    pub min_membership_months: Option<i32>,
    pub cooldown_years: Option<i32>,
    pub max_winners_per_country: Option<i32>,
    pub eligibility_notes: Option<String>,
}
