//! Reading a city body into checked changes.

use chrono::Datelike;

use crate::error::{ApiError, FieldError};
use crate::input::{Fields, JsonBody, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// Checked fields of a city write; `Absent` means unchanged.
#[derive(Debug)]
pub struct CityChanges {
    pub slug: Patch<String>,
    pub name_en: Patch<String>,
    pub name_th: Patch<String>,
    pub country: Patch<String>,
    pub province: Patch<String>,
    pub lat: Patch<f64>,
    pub lon: Patch<f64>,
    pub population: Patch<i64>,
    pub population_year: Patch<i64>,
    pub population_source: Patch<String>,
    pub area_km2: Patch<f64>,
    pub website: Patch<String>,
    pub description_en: Patch<String>,
    pub description_th: Patch<String>,
    pub geonames_id: Patch<i64>,
    pub provenance: ProvenanceChanges,
}

/// Reads and checks a city body. On create, `name.en` and `country` are required. The field
/// errors found are returned with the changes, so that the write can add those of its checks
/// against the database and report them all at once.
pub fn read(body: JsonBody, creating: bool) -> Result<(CityChanges, Vec<FieldError>), ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&[
        "id",
        "memberships",
        "created_at",
        "updated_at",
        "archived_at",
    ]);
    let slug = f.slug("slug");
    let (name_en, name_th) = f.localized_parts("name", 200);
    let country = f.text("country", 2);
    let province = f.text("province", 5);
    let lat = f.number("lat", -90.0..=90.0);
    let lon = f.number("lon", -180.0..=180.0);
    let population = f.integer("population", 0..=100_000_000_000);
    let this_year = i64::from(chrono::Utc::now().year());
    let population_year = f.integer("population_year", 1800..=this_year);
    let population_source = f.text("population_source", 500);
    let area_km2 = f.number("area_km2", 0.0..=20_000_000.0);
    let website = f.url("website");
    let (description_en, description_th) = f.localized_parts("description", 5000);
    let geonames_id = f.integer("geonames_id", 1..=i64::from(i32::MAX));
    let provenance = provenance::read(&mut f);
    if matches!(slug, Patch::Null) {
        f.fail("slug", "cannot be cleared");
    }
    if matches!(name_en, Patch::Null) {
        f.fail("name.en", "cannot be cleared");
    }
    if matches!(country, Patch::Null) {
        f.fail("country", "cannot be cleared");
    }
    if creating {
        f.require("name.en", &name_en);
        f.require("country", &country);
    }
    if matches!(area_km2, Patch::Set(a) if a <= 0.0) {
        f.fail("area_km2", "must be more than 0");
    }
    let errors = f.into_errors();
    let changes = CityChanges {
        slug,
        name_en,
        name_th,
        country: upper(country),
        province: upper(province),
        lat,
        lon,
        population,
        population_year,
        population_source,
        area_km2,
        website,
        description_en,
        description_th,
        geonames_id,
        provenance,
    };
    Ok((changes, errors))
}

fn upper(patch: Patch<String>) -> Patch<String> {
    match patch {
        Patch::Set(s) => Patch::Set(s.to_ascii_uppercase()),
        other => other,
    }
}
