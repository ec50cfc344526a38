//! API shapes of cities and the city list parameters.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::provenance::Provenance;
use crate::types::Localized;

/// A city's membership in a network, as embedded in the city.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityMembership {
    /// Membership id.
    pub id: i64,
    /// The network's slug.
    #[schema(example = "unesco-gnlc")]
    pub network: String,
    /// The network's name.
    pub network_name: Localized,
    /// `member`, `secretariat` or `mentor`.
    #[schema(value_type = String, example = "member")]
    pub role: MembershipRole,
    /// `active`, `former` or `suspended`.
    #[schema(value_type = String, example = "active")]
    pub status: MembershipStatus,
    /// The year the city joined, where known.
    pub joined_year: Option<i32>,
    /// The date membership was announced, where known to the day.
    pub joined_on: Option<NaiveDate>,
    /// The year the city left, if it did.
    pub left_year: Option<i32>,
    /// Where the membership is documented (the first of `sources`, kept for older clients).
    pub source_url: Option<String>,
    /// The membership's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A city.
#[derive(Debug, Serialize, ToSchema)]
pub struct City {
    /// Stable numeric id.
    pub id: i64,
    /// Stable URL key.
    #[schema(example = "phayao")]
    pub slug: String,
    /// Name in English and Thai.
    pub name: Localized,
    /// ISO 3166-1 alpha-2 country code.
    #[schema(example = "TH")]
    pub country: String,
    /// ISO 3166-2:TH province code, for Thai cities.
    #[schema(example = "TH-56")]
    pub province: Option<String>,
    /// Latitude (WGS 84), where known.
    pub lat: Option<f64>,
    /// Longitude (WGS 84), where known.
    pub lon: Option<f64>,
    /// Population; see `population_year` and `population_source` for what the figure is.
    pub population: Option<i64>,
    /// The year the population figure refers to, where known.
    pub population_year: Option<i32>,
    /// What the population figure is and where it comes from, in words (for seeded cities:
    /// the GeoNames figure for the populated place, not an official count).
    pub population_source: Option<String>,
    /// Area in square kilometres.
    pub area_km2: Option<f64>,
    /// Official website.
    pub website: Option<String>,
    /// Description in English and Thai.
    pub description: Option<Localized>,
    /// GeoNames id of the matching populated place.
    pub geonames_id: Option<i64>,
    /// Network memberships, earliest first.
    pub memberships: Vec<CityMembership>,
    /// The city's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record last changed.
    pub updated_at: DateTime<Utc>,
    /// When the city was archived (only shown to staff, on archived cities).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<DateTime<Utc>>,
}

crate::page_type!(
    /// A page of cities.
    CityPage,
    City
);

crate::sort_param!(
    /// Orders of the city list. `joined` is the year the city joined the `network` filter's
    /// network, or its earliest membership without that filter; cities without a known year come
    /// last. Ties are broken by id.
    CitySort default Name {
        Name => "name",
        NameDesc => "-name",
        Population => "population",
        PopulationDesc => "-population",
        Joined => "joined",
        JoinedDesc => "-joined",
    }
);

crate::list_query! {
    /// Query parameters of `GET /cities`.
    CityListQuery {
        /// ISO 3166-1 alpha-2 country code.
        #[param(example = "TH", pattern = "^[A-Za-z]{2}$")]
        pub country: Option<String>,
        /// ISO 3166-2:TH province code.
        #[param(example = "TH-56", pattern = "^[Tt][Hh]-[0-9]{2}$")]
        pub province: Option<String>,
        /// Only cities in countries of this grouping.
        #[param(value_type = Option<crate::reference::types::CountryGroup>)]
        pub group: Option<String>,
        /// Only Thai cities in provinces of this region.
        #[param(value_type = Option<crate::reference::types::ThRegion>)]
        pub th_region: Option<String>,
        /// Only members of the network with this slug.
        #[param(example = "unesco-gnlc", pattern = "^[a-z0-9-]{1,100}$")]
        pub network: Option<String>,
        /// Joined (the `network` filter's network, or any) in a year range: `2020`, `2019..2022`,
        /// `2020..` or `..2022`.
        #[param(
            example = "2019..2022",
            pattern = "^([0-9]{4}|[0-9]{4}\\.\\.|\\.\\.[0-9]{4}|[0-9]{4}\\.\\.[0-9]{4})$"
        )]
        pub member_since: Option<String>,
        /// Case-insensitive search in English and Thai names; Thai is matched as typed.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
        /// Order (ties broken by id).
        #[param(value_type = Option<CitySort>)]
        pub sort: Option<String>,
        /// `true` lists archived cities instead (admin and secretariat only).
        #[param(value_type = Option<bool>)]
        pub archived: Option<String>,
    } downloads
}

/// The body of `POST /cities` (create) and `PATCH /cities/{slug}` (JSON merge patch: a field
/// left out is unchanged, `null` clears it). Field names are those of [`City`]; `id`,
/// `memberships`, `verified` and the timestamps are read-only.
#[derive(Debug, ToSchema)]
pub struct CityInput {
    /// URL key; derived from the English name when left out on create.
    #[schema(
        example = "phayao",
        pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length = 100
    )]
    pub slug: Option<String>,
    /// Name; `en` is required on create.
    pub name: Option<crate::types::LocalizedInput>,
    /// ISO 3166-1 alpha-2 country code (required on create).
    #[schema(example = "TH")]
    pub country: Option<String>,
    /// ISO 3166-2:TH province code; only for Thai cities.
    #[schema(example = "TH-56")]
    pub province: Option<String>,
    /// Latitude, -90 to 90; give with `lon`.
    pub lat: Option<f64>,
    /// Longitude, -180 to 180; give with `lat`.
    pub lon: Option<f64>,
    /// Population, 0 or more.
    pub population: Option<i64>,
    /// The year the population figure refers to.
    pub population_year: Option<i32>,
    /// What the population figure is and where it comes from, in words.
    pub population_source: Option<String>,
    /// Area in km², more than 0.
    pub area_km2: Option<f64>,
    /// An http(s) URL.
    pub website: Option<String>,
    /// Description in English and Thai.
    pub description: Option<crate::types::LocalizedInput>,
    /// GeoNames id.
    pub geonames_id: Option<i64>,
    /// The city's sources (at most 20; each needs a `url` or a `title`); replaces the list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the city as not verified, with the reason; `null` clears the mark.
    pub unverified_reason: Option<String>,
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CITY_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "country",
    "province",
    "lat",
    "lon",
    "population",
    "population_year",
    "population_source",
    "area_km2",
    "website",
    "description.en",
    "description.th",
    "geonames_id",
    "memberships",
    "sources",
    "verified",
    "unverified_reason",
    "created_at",
    "updated_at",
];
