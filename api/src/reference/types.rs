//! API shapes of countries and provinces and their list parameters.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::types::Localized;

/// A country grouping used by the Thai learning-city partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountryGroup {
    /// The eleven ASEAN member states (Timor-Leste since 26 October 2025).
    Asean,
    /// ASEAN plus China, Japan and the Republic of Korea.
    #[serde(rename = "asean_plus_3")]
    AseanPlus3,
}

impl CountryGroup {
    /// The accepted parameter values.
    pub const VALUES: &'static [&'static str] = &["asean", "asean_plus_3"];

    /// Parses an accepted value.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "asean" => Some(CountryGroup::Asean),
            "asean_plus_3" => Some(CountryGroup::AseanPlus3),
            _ => None,
        }
    }
}

/// A country.
#[derive(Debug, Serialize, ToSchema)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    #[schema(example = "TH")]
    pub code: String,
    /// Name in English and Thai (Unicode CLDR).
    pub name: Localized,
    /// The groupings the country belongs to.
    pub groups: Vec<CountryGroup>,
}

/// One of Thailand's six geographic regions (the six-region scheme).
#[derive(Debug, Serialize, ToSchema)]
pub struct Region {
    /// Stable key, also the `th_region` / `region` filter value.
    #[schema(example = "northern")]
    pub key: String,
    /// Name in English and Thai.
    pub name: Localized,
}

/// A Thai province.
#[derive(Debug, Serialize, ToSchema)]
pub struct Province {
    /// ISO 3166-2:TH code.
    #[schema(example = "TH-56")]
    pub code: String,
    /// Two-digit DOPA province code.
    #[schema(example = "56")]
    pub dopa_code: String,
    /// Name in English and Thai.
    pub name: Localized,
    /// Geographic region.
    pub region: Region,
    /// Latitude of the area-weighted centroid (not the provincial capital).
    pub lat: f64,
    /// Longitude of the area-weighted centroid.
    pub lon: f64,
}

crate::page_type!(
    /// A page of countries.
    CountryPage,
    Country
);
crate::page_type!(
    /// A page of provinces.
    ProvincePage,
    Province
);

crate::sort_param!(
    /// Orders for reference lists.
    ReferenceSort default Name {
        Name => "name",
        NameDesc => "-name",
        Code => "code",
        CodeDesc => "-code",
    }
);

crate::list_query! {
    /// Query parameters of `GET /countries`.
    CountryListQuery {
        /// Only countries in this grouping.
        #[param(value_type = Option<CountryGroup>)]
        pub group: Option<String>,
        /// Case-insensitive search in English and Thai names.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
        /// Order: `name`, `-name`, `code`, `-code` (ties broken by code).
        #[param(value_type = Option<ReferenceSort>)]
        pub sort: Option<String>,
    } downloads
}

crate::list_query! {
    /// Query parameters of `GET /provinces`.
    ProvinceListQuery {
        /// Only provinces in this region.
        #[param(value_type = Option<ThRegion>)]
        pub region: Option<String>,
        /// Case-insensitive search in English and Thai names.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
        /// Order: `name`, `-name`, `code`, `-code` (ties broken by code).
        #[param(value_type = Option<ReferenceSort>)]
        pub sort: Option<String>,
    } downloads
}

/// Thailand's six geographic regions, as filter values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThRegion {
    Central,
    Eastern,
    Northeastern,
    Northern,
    Southern,
    Western,
}

impl ThRegion {
    /// The accepted parameter values (also the stored region keys).
    pub const VALUES: &'static [&'static str] = &[
        "central",
        "eastern",
        "northeastern",
        "northern",
        "southern",
        "western",
    ];
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const COUNTRY_COLUMNS: &[&str] = &["code", "name.en", "name.th", "groups"];

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const PROVINCE_COLUMNS: &[&str] = &[
    "code",
    "dopa_code",
    "name.en",
    "name.th",
    "region.key",
    "region.name.en",
    "region.name.th",
    "lat",
    "lon",
];
