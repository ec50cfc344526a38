//! API shapes of organisations and their roles, list parameters, and the rows they are read
//! from.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{organisation_roles, organisations};
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

crate::text_enum! {
    /// What an organisation is.
    pub enum OrganisationKind {
        UnAgency = "un_agency",
        Ministry = "ministry",
        GovernmentAgency = "government_agency",
        PublicFund = "public_fund",
        University = "university",
        LearningCentre = "learning_centre",
        Ngo = "ngo",
        NetworkBody = "network_body",
        InternationalPartner = "international_partner",
        Other = "other",
    }
}

crate::text_enum! {
    /// The part an organisation plays in a network, award programme, event or initiative.
    pub enum RoleKind {
        Secretariat = "secretariat",
        Coordinator = "coordinator",
        Organiser = "organiser",
        CoHost = "co_host",
        Partner = "partner",
        Lead = "lead",
        Supporter = "supporter",
        Funder = "funder",
    }
}

crate::text_enum! {
    /// What a role is held in.
    pub enum RoleTarget {
        Network = "network",
        AwardProgramme = "award_programme",
        Event = "event",
        Initiative = "initiative",
    }
}

/// An abbreviation in English and Thai, each where one is recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Abbreviation {
    #[schema(example = "PMU-A")]
    pub en: Option<String>,
    #[schema(example = "บพท.")]
    pub th: Option<String>,
}

impl Abbreviation {
    /// The abbreviation, or `None` when neither language has one.
    pub fn of(en: Option<String>, th: Option<String>) -> Option<Abbreviation> {
        (en.is_some() || th.is_some()).then_some(Abbreviation { en, th })
    }
}

/// The record a role is held in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoleSubject {
    pub kind: RoleTarget,
    #[schema(example = "thailand-learning-cities")]
    pub slug: String,
    pub name: Localized,
    /// Where to read it in the API.
    pub href: String,
}

/// One role of an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationRole {
    pub id: i64,
    pub role: RoleKind,
    /// What the role is held in.
    pub of: RoleSubject,
    /// The first year of the role, where the source says.
    pub from_year: Option<i32>,
    /// The last year, where it ended and the source says.
    pub to_year: Option<i32>,
    pub note: Option<String>,
    /// The role's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(OrganisationRole, Entity::OrganisationRole, id);

/// A body behind the networks, programmes, events and initiatives: a UN agency, a ministry, a
/// fund, a university, a learning centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct Organisation {
    pub id: i64,
    #[schema(example = "pmu-a")]
    pub slug: String,
    pub name: Localized,
    pub abbreviation: Option<Abbreviation>,
    pub kind: OrganisationKind,
    /// ISO 3166-1 alpha-2 code; `null` for international bodies.
    #[schema(example = "TH")]
    pub country: Option<String>,
    pub website: Option<String>,
    pub description: Option<Localized>,
    /// Its roles in public networks, award programmes, events and initiatives.
    pub roles: Vec<OrganisationRole>,
    /// The organisation's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::sourced!(Organisation, Entity::Organisation, id);

crate::page_type!(
    /// A page of organisations, by name.
    OrganisationPage,
    Organisation
);

crate::list_query! {
    /// Query parameters of `GET /organisations`.
    OrganisationListQuery {
        /// Only this kind.
        #[param(value_type = Option<OrganisationKind>)]
        pub kind: Option<String>,
        /// Only organisations of this country (ISO 3166-1 alpha-2).
        #[param(example = "TH", pattern = "^[A-Za-z]{2}$")]
        pub country: Option<String>,
        /// Only organisations with a role in this network (slug).
        #[param(example = "thailand-learning-cities", pattern = "^[a-z0-9-]{1,100}$")]
        pub network: Option<String>,
        /// Names and abbreviations containing this text, English or Thai.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
    } downloads
}

/// The CSV columns of the list.
pub const ORGANISATION_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "abbreviation.en",
    "abbreviation.th",
    "kind",
    "country",
    "website",
    "description.en",
    "description.th",
    "roles",
    "sources",
    "verified",
    "unverified_reason",
    "created_at",
    "updated_at",
];

/// An organisation as a network, programme, event or initiative names it, with its role there.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationLink {
    #[schema(example = "university-of-phayao")]
    pub slug: String,
    pub name: Localized,
    pub abbreviation: Option<Abbreviation>,
    pub role: RoleKind,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    /// Where to read the organisation in the API.
    pub href: String,
}

/// An organisation as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = organisations)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct OrganisationRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_th: Option<String>,
    pub name_sort: String,
    pub abbreviation_en: Option<String>,
    pub abbreviation_th: Option<String>,
    pub kind: OrganisationKind,
    pub country_code: Option<String>,
    pub website: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A role as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = organisation_roles)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct RoleRow {
    pub id: i64,
    pub organisation_id: i64,
    pub role: RoleKind,
    pub target_kind: RoleTarget,
    pub target_id: i64,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    pub note: Option<String>,
}

/// The body of `POST /organisations` and `PATCH /organisations/{slug}` (JSON merge patch).
#[derive(Debug, ToSchema)]
pub struct OrganisationInput {
    /// URL key; derived from the English name when left out on create.
    #[schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100)]
    pub slug: Option<String>,
    /// Name; `en` is required on create.
    pub name: Option<crate::types::LocalizedInput>,
    /// Abbreviation in English and Thai.
    pub abbreviation: Option<crate::types::LocalizedInput>,
    /// Required on create.
    pub kind: Option<OrganisationKind>,
    /// ISO 3166-1 alpha-2 code; leave out for international bodies.
    pub country: Option<String>,
    /// An http(s) URL.
    pub website: Option<String>,
    /// Description in English and Thai.
    pub description: Option<crate::types::LocalizedInput>,
    /// The organisation's sources (at most 20; each needs a `url` or a `title`); replaces the
    /// list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the organisation as not verified, with the reason; `null` clears it.
    pub unverified_reason: Option<String>,
}
