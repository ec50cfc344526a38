//! Countries (Unicode CLDR names, ISO 3166-1 codes) and Thai provinces.

use diesel::prelude::*;
use serde::Deserialize;

use super::{read_csv, SeedError};
use crate::db::schema::{countries, provinces};
use crate::db::DbConnection;
use crate::text::fold;

#[derive(Deserialize)]
struct CountryCsv {
    code: String,
    name_en: String,
    name_th: String,
    asean: bool,
    asean_plus_3: bool,
}

#[derive(Deserialize)]
struct ProvinceCsv {
    iso_3166_2: String,
    dopa_code: String,
    name_en: String,
    name_th: String,
    region6_en: String,
    region6_th: String,
    centroid_lat: f64,
    centroid_lon: f64,
}

/// Inserts every country.
pub fn countries(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let rows: Vec<CountryCsv> = read_csv(include_str!("../../seed-data/countries.csv"))?;
    for r in &rows {
        diesel::insert_into(countries::table)
            .values((
                countries::code.eq(&r.code),
                countries::name_en.eq(&r.name_en),
                countries::name_th.eq(&r.name_th),
                countries::name_sort.eq(fold(&r.name_en)),
                countries::asean.eq(r.asean),
                countries::asean_plus_3.eq(r.asean_plus_3),
            ))
            .execute(conn)?;
    }
    Ok(rows.len())
}

/// Inserts the 77 Thai provinces.
pub fn provinces(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let rows: Vec<ProvinceCsv> = read_csv(include_str!("../../seed-data/th_provinces.csv"))?;
    for r in &rows {
        diesel::insert_into(provinces::table)
            .values((
                provinces::code.eq(&r.iso_3166_2),
                provinces::dopa_code.eq(&r.dopa_code),
                provinces::name_en.eq(&r.name_en),
                provinces::name_th.eq(&r.name_th),
                provinces::name_sort.eq(fold(&r.name_en)),
                provinces::region.eq(r.region6_en.to_ascii_lowercase()),
                provinces::region_name_en.eq(&r.region6_en),
                provinces::region_name_th.eq(&r.region6_th),
                provinces::lat.eq(r.centroid_lat),
                provinces::lon.eq(r.centroid_lon),
            ))
            .execute(conn)?;
    }
    Ok(rows.len())
}
