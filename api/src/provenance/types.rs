//! API shapes of sources and of a record's provenance.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::sources;

crate::text_enum! {
    /// The kinds of record that carry sources, as stored beside each source.
    pub enum Entity {
        City = "city",
        Network = "network",
        Membership = "membership",
        AwardProgramme = "award_programme",
        AwardCycle = "award_cycle",
        AwardResult = "award_result",
        NetworkCensus = "network_census",
        Initiative = "initiative",
        Organisation = "organisation",
        OrganisationRole = "organisation_role",
        Event = "event",
        EventSeries = "event_series",
        EventSession = "event_session",
        EventCity = "event_city",
    }
}

/// A document a fact comes from: a link, or where there is none (a document the platform was
/// specified from), its title and the sentence the fact is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = sources)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub struct Source {
    /// Where the document is, where it has a public address.
    #[schema(example = "https://www.uil.unesco.org/en/learning-cities")]
    pub url: Option<String>,
    /// The document's title, where recorded.
    pub title: Option<String>,
    /// Who published it.
    #[schema(example = "UNESCO Institute for Lifelong Learning")]
    pub publisher: Option<String>,
    /// When it was published, where known.
    pub published_on: Option<NaiveDate>,
    /// When it was read for this record.
    pub accessed_on: Option<NaiveDate>,
    /// The words of the document the fact is taken from, where quoted.
    pub excerpt: Option<String>,
}

/// Where a record's facts come from, and whether its text is verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Provenance {
    /// The documents the record's facts come from, in the order given.
    pub sources: Vec<Source>,
    /// `false` where the record is marked as not verified (a reconstructed text, a doubtful
    /// figure); pages show the reason beside it.
    pub verified: bool,
    /// Why the record is not verified; `null` for a verified one.
    pub unverified_reason: Option<String>,
}

impl Default for Provenance {
    fn default() -> Self {
        Provenance {
            sources: Vec::new(),
            verified: true,
            unverified_reason: None,
        }
    }
}

/// A record that is answered with its provenance.
pub trait Sourced {
    /// The kind of record.
    const ENTITY: Entity;
    /// The record's id.
    fn record_id(&self) -> i64;
    /// Puts the record's provenance in place.
    fn set_provenance(&mut self, provenance: Provenance);
}

/// Implements [`Sourced`] for a record type whose `provenance` field holds its provenance:
/// `sourced!(Network, Entity::Network, id)` names its kind and the field with its id.
#[macro_export]
macro_rules! sourced {
    ($record:ty, $entity:expr, $id:ident) => {
        impl $crate::provenance::types::Sourced for $record {
            const ENTITY: $crate::provenance::Entity = $entity;
            fn record_id(&self) -> i64 {
                self.$id
            }
            fn set_provenance(&mut self, provenance: $crate::provenance::Provenance) {
                self.provenance = provenance;
            }
        }
    };
}
