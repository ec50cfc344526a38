//! Creating, updating, archiving and restoring cities, each in one write transaction with its
//! audit entry.

use diesel::prelude::*;

use super::input::CityChanges;
use super::queries;
use super::types::City;
use crate::archive::Archivable;
use crate::audit;
use crate::auth::{Role, User};
use crate::db::schema::{cities, countries, provinces};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::Patch;
use crate::provenance::{self, Entity};
use crate::text::{fold, search_text, slugify};

/// The values a city will have after a write, for the checks that span fields.
struct Final<'a> {
    country: &'a str,
    province: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// Checks references and field combinations against the database, adding to the `errors`
/// already found in the body, and fails with all of them. Fields already in error are not
/// checked again.
fn check_final(
    conn: &mut DbConnection,
    f: &Final,
    mut errors: Vec<FieldError>,
) -> Result<(), ApiError> {
    let failed = |errors: &[FieldError], name: &str| errors.iter().any(|e| e.field == name);
    let country_known: i64 = countries::table
        .filter(countries::code.eq(f.country))
        .count()
        .get_result(conn)?;
    if country_known == 0 && !failed(&errors, "country") {
        errors.push(FieldError::new(
            "country",
            format!("`{}` is not an ISO 3166-1 alpha-2 code", f.country),
        ));
    }
    if let Some(province) = f.province.filter(|_| !failed(&errors, "province")) {
        if f.country != "TH" {
            errors.push(FieldError::new(
                "province",
                "only Thai cities have a province",
            ));
        } else {
            let known: i64 = provinces::table
                .filter(provinces::code.eq(province))
                .count()
                .get_result(conn)?;
            if known == 0 {
                errors.push(FieldError::new(
                    "province",
                    format!("`{province}` is not a Thai province code"),
                ));
            }
        }
    }
    if f.lat.is_some() != f.lon.is_some() && !failed(&errors, "lat") && !failed(&errors, "lon") {
        errors.push(FieldError::new("lat", "give both lat and lon, or neither"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn slug_taken(conn: &mut DbConnection, slug: &str) -> Result<(), ApiError> {
    let taken: i64 = cities::table
        .filter(cities::slug.eq(slug))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(ApiError::conflict(
            "slug_taken",
            format!("a city (possibly archived) already has the slug `{slug}`"),
        ));
    }
    Ok(())
}

/// Creates a city, audited.
pub fn create(
    conn: &mut DbConnection,
    actor: &User,
    ch: CityChanges,
    errors: Vec<FieldError>,
) -> Result<City, ApiError> {
    write_transaction(conn, |conn| {
        let city = insert(conn, ch, errors)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "city",
            &city.id.to_string(),
            None,
            Some(&city),
        )?;
        Ok(city)
    })
}

/// Inserts a city inside the caller's transaction, without an audit entry (the caller
/// records one).
pub fn insert(
    conn: &mut DbConnection,
    ch: CityChanges,
    errors: Vec<FieldError>,
) -> Result<City, ApiError> {
    let name_en = ch.name_en.set().unwrap_or_default();
    let country = ch.country.set().unwrap_or_default();
    let slug = match ch.slug.set() {
        Some(slug) => slug,
        None => slugify(&name_en),
    };
    if slug.is_empty() && !name_en.is_empty() {
        return Err(ApiError::field(
            "slug",
            "cannot be derived from the English name; give one",
        ));
    }
    let name_th = ch.name_th.set();
    let province = ch.province.set();
    let (lat, lon) = (ch.lat.set(), ch.lon.set());
    check_final(
        conn,
        &Final {
            country: &country,
            province: province.as_deref(),
            lat,
            lon,
        },
        errors,
    )?;
    slug_taken(conn, &slug)?;
    let at = now();
    let id = diesel::insert_into(cities::table)
        .values((
            cities::slug.eq(&slug),
            cities::name_en.eq(&name_en),
            cities::name_th.eq(&name_th),
            cities::name_sort.eq(fold(&name_en)),
            cities::search_text.eq(search_text(&[Some(&name_en), name_th.as_deref()])),
            cities::country_code.eq(&country),
            cities::province_code.eq(&province),
            cities::lat.eq(lat),
            cities::lon.eq(lon),
            cities::population.eq(ch.population.set()),
            cities::population_year
                .eq(ch.population_year.set().and_then(|y| i32::try_from(y).ok())),
            cities::population_source.eq(ch.population_source.set()),
            cities::area_km2.eq(ch.area_km2.set()),
            cities::website.eq(ch.website.set()),
            cities::description_en.eq(ch.description_en.set()),
            cities::description_th.eq(ch.description_th.set()),
            cities::geonames_id.eq(ch.geonames_id.set()),
            cities::created_at.eq(at),
            cities::updated_at.eq(at),
        ))
        .returning(cities::id)
        .get_result::<i64>(conn)?;
    provenance::writes::apply(conn, Entity::City, id, ch.provenance)?;
    queries::find(conn, &slug, false)
}

#[derive(AsChangeset)]
#[diesel(table_name = cities)]
struct CityChangeset {
    slug: Option<String>,
    name_en: Option<String>,
    name_th: Option<Option<String>>,
    name_sort: Option<String>,
    search_text: Option<String>,
    country_code: Option<String>,
    province_code: Option<Option<String>>,
    lat: Option<Option<f64>>,
    lon: Option<Option<f64>>,
    population: Option<Option<i64>>,
    population_year: Option<Option<i32>>,
    population_source: Option<Option<String>>,
    area_km2: Option<Option<f64>>,
    website: Option<Option<String>>,
    description_en: Option<Option<String>>,
    description_th: Option<Option<String>>,
    geonames_id: Option<Option<i64>>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// Applies a JSON merge patch to a public city, audited. A city editor may change only their
/// own city, and not its slug or country.
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: CityChanges,
    errors: Vec<FieldError>,
    if_match: Option<&str>,
) -> Result<City, ApiError> {
    write_transaction(conn, |conn| {
        let (before, after) = change(conn, actor, slug, ch, errors, if_match)?;
        audit::record(
            conn,
            Some(actor),
            "update",
            "city",
            &after.id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Applies a JSON merge patch to a public city inside the caller's transaction, without an
/// audit entry; answers the city before and after.
pub fn change(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: CityChanges,
    errors: Vec<FieldError>,
    if_match: Option<&str>,
) -> Result<(City, City), ApiError> {
    let (before, version) = queries::find_versioned(conn, slug, false)?;
    if actor.role == Role::CityEditor {
        if actor.city_id != Some(before.id) {
            return Err(ApiError::forbidden(
                "forbidden",
                "a city editor may only edit their own city",
            ));
        }
        let mut fixed = Vec::new();
        if ch.slug.is_present() {
            fixed.push("slug");
        }
        if ch.country.is_present() {
            fixed.push("country");
        }
        if !fixed.is_empty() {
            return Err(ApiError::forbidden(
                "forbidden_field",
                format!("a city editor may not change: {}", fixed.join(", ")),
            ));
        }
    }
    let country = ch
        .country
        .clone()
        .set()
        .unwrap_or_else(|| before.country.clone());
    let province = ch.province.merged(before.province.clone());
    let lat = ch.lat.merged(before.lat);
    let lon = ch.lon.merged(before.lon);
    check_final(
        conn,
        &Final {
            country: &country,
            province: province.as_deref(),
            lat,
            lon,
        },
        errors,
    )?;
    etag::check(if_match, &etag::of(&before)?)?;
    if let Patch::Set(new_slug) = &ch.slug {
        if *new_slug != before.slug {
            slug_taken(conn, new_slug)?;
        }
    }
    let name_en = ch
        .name_en
        .clone()
        .set()
        .unwrap_or_else(|| before.name.en.clone());
    let name_th = ch.name_th.merged(before.name.th.clone());
    let renamed = ch.name_en.is_present() || ch.name_th.is_present();
    let changes = CityChangeset {
        slug: ch.slug.set(),
        name_en: ch.name_en.set(),
        name_th: ch.name_th.into_change(),
        name_sort: renamed.then(|| fold(&name_en)),
        search_text: renamed.then(|| search_text(&[Some(&name_en), name_th.as_deref()])),
        country_code: ch.country.set(),
        province_code: ch.province.into_change(),
        lat: ch.lat.into_change(),
        lon: ch.lon.into_change(),
        population: ch.population.into_change(),
        population_year: ch
            .population_year
            .into_change()
            .map(|y| y.and_then(|y| i32::try_from(y).ok())),
        population_source: ch.population_source.into_change(),
        area_km2: ch.area_km2.into_change(),
        website: ch.website.into_change(),
        description_en: ch.description_en.into_change(),
        description_th: ch.description_th.into_change(),
        geonames_id: ch.geonames_id.into_change(),
        version: version + 1,
        updated_at: now(),
    };
    let updated = diesel::update(
        cities::table
            .filter(cities::id.eq(before.id))
            .filter(cities::version.eq(version)),
    )
    .set(&changes)
    .execute(conn)?;
    if updated == 0 {
        return Err(etag::changed_meanwhile("city"));
    }
    provenance::writes::apply(conn, Entity::City, before.id, ch.provenance)?;
    let new_slug = changes.slug.as_deref().unwrap_or(slug);
    let after = queries::find(conn, new_slug, false)?;
    Ok((before, after))
}

impl Archivable for City {
    type Key = String;
    const ENTITY: &'static str = "city";

    fn find_versioned(
        conn: &mut DbConnection,
        slug: &String,
        archived: bool,
    ) -> Result<(City, i32), ApiError> {
        queries::find_versioned(conn, slug, archived)
    }

    fn mark(
        conn: &mut DbConnection,
        city: &City,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            cities::table
                .filter(cities::id.eq(city.id))
                .filter(cities::version.eq(version)),
        )
        .set((
            cities::archived_at.eq(archived_at),
            cities::version.eq(version + 1),
            cities::updated_at.eq(at),
        ))
        .execute(conn)?)
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }
}
