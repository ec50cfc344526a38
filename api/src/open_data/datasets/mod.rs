//! The bulk dataset: every public table as CSV in one zip, with a data dictionary (every
//! column, its type and meaning) and the licence and attribution; `GET /datasets` describes it.

mod events;
mod organisations;
mod stewardship;

use std::io::Write;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, countries, criteria, frameworks,
    memberships, networks, nominations, provinces,
};
use crate::db::{self, DbConnection, ReadPool};
use crate::error::{ApiError, Problem};
use crate::query::NoQuery;

/// One column of a table.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Column {
    pub name: &'static str,
    /// `text`, `integer`, `number`, `boolean`, `date` or `timestamp`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub description: &'static str,
}

/// One table of a dataset.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Table {
    pub name: &'static str,
    /// The file in the zip.
    pub file: String,
    pub description: &'static str,
    pub columns: Vec<Column>,
}

/// A published dataset.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Dataset {
    pub slug: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Licence of the compilation.
    pub licence: &'static str,
    /// The sources and the attribution their licences require.
    pub attribution: Vec<&'static str>,
    /// Where to download it (a zip of CSV files, UTF-8, with `dictionary.json`).
    pub download: &'static str,
    pub tables: Vec<Table>,
}

/// The list of datasets.
#[derive(Debug, Serialize, ToSchema)]
pub struct DatasetList {
    pub items: Vec<Dataset>,
}

const fn col(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
    }
}

fn table(name: &'static str, description: &'static str, columns: Vec<Column>) -> Table {
    Table {
        name,
        file: format!("{name}.csv"),
        description,
        columns,
    }
}

/// The one dataset: all public tables.
pub fn dataset() -> Dataset {
    Dataset {
        slug: "learning-cities",
        title: "Thailand Learning City Platform: all public data",
        description: "Countries, Thai provinces, learning cities, networks and memberships, organisations, award cycles and \
                      published awards, and evaluation criteria, as published by the platform at the moment of download.",
        licence: "The compilation is published under CC BY 4.0; each source keeps its own licence (see attribution).",
        attribution: vec![
            "Coordinates, populations and many Thai city names: GeoNames (geonames.org), CC BY 4.0.",
            "Country names in English and Thai: Unicode CLDR, Unicode License v3; ISO 3166-1 codes via pycountry.",
            "Thai provinces: kongvut/thai-province-data (MIT); centroids computed from OCHA ROAP / RTSD via HDX (CC BY-IGO).",
            "GNLC memberships and UNESCO Learning City Award winners: UIL and news sources named per record (partial list).",
            "GNLC reported sizes: UNESCO / UIL announcements named per entry; facts from UNESCO Bangkok, EEF and Thailand Network of Learning Cities news cited by title and excerpt (sources table).",
            "UNESCO Key Features of Learning Cities: UIL; the feature texts are unverified drafts.",
        ],
        download: "/api/v1/datasets/learning-cities/download",
        tables: [vec![
            table("countries", "ISO 3166-1 countries with their ASEAN / ASEAN+3 groups.", vec![
                col("code", "text", "ISO 3166-1 alpha-2 code"),
                col("name_en", "text", "English name (CLDR)"),
                col("name_th", "text", "Thai name (CLDR)"),
                col("asean", "boolean", "An ASEAN member state"),
                col("asean_plus_3", "boolean", "In ASEAN+3 (ASEAN, China, Japan, Republic of Korea)"),
            ]),
            table("provinces", "The 77 provinces of Thailand.", vec![
                col("code", "text", "ISO 3166-2:TH code"),
                col("dopa_code", "text", "Two-digit DOPA code"),
                col("name_en", "text", "English name"),
                col("name_th", "text", "Thai name"),
                col("region", "text", "Region key (six-region scheme)"),
                col("lat", "number", "Latitude of the area-weighted centroid"),
                col("lon", "number", "Longitude of the area-weighted centroid"),
            ]),
            table("cities", "Public learning cities (archived ones are left out).", vec![
                col("id", "integer", "Stable city id"),
                col("slug", "text", "Stable URL key"),
                col("name_en", "text", "English name"),
                col("name_th", "text", "Thai name, where known"),
                col("country", "text", "ISO 3166-1 alpha-2 code"),
                col("province", "text", "ISO 3166-2:TH code, for Thai cities"),
                col("lat", "number", "Latitude (WGS 84), where known"),
                col("lon", "number", "Longitude (WGS 84), where known"),
                col("population", "integer", "Population (for seeded cities GeoNames' figure for the populated place)"),
                col("area_km2", "number", "Area in square kilometres"),
                col("website", "text", "Official website"),
                col("geonames_id", "integer", "GeoNames id of the populated place"),
                col("population_year", "integer", "The year the population figure refers to, where known"),
                col("population_source", "text", "What the population figure is and where it comes from"),
            ]),
            table("networks", "Networks of learning cities.", vec![
                col("id", "integer", "Stable network id"),
                col("slug", "text", "Stable URL key"),
                col("name_en", "text", "English name"),
                col("name_th", "text", "Thai name"),
                col("scope", "text", "global, regional or national"),
                col("status", "text", "active, planned or inactive"),
                col("country", "text", "Country of a national network"),
                col("secretariat_en", "text", "Coordinating body"),
                col("founded_year", "integer", "Year founded, where documented"),
                col("website", "text", "Website"),
            ]),
            table("memberships", "Cities' memberships of networks.", vec![
                col("id", "integer", "Membership id"),
                col("city", "text", "City slug"),
                col("network", "text", "Network slug"),
                col("role", "text", "member, secretariat or mentor"),
                col("status", "text", "active, former or suspended"),
                col("joined_year", "integer", "Year joined, where known"),
                col("joined_on", "date", "Date membership was announced, where known to the day"),
                col("left_year", "integer", "Year left"),
                col("source_url", "text", "Where the membership is documented"),
            ]),
            table("award_cycles", "Award cycles that are not drafts.", vec![
                col("id", "integer", "Cycle id"),
                col("programme", "text", "Award programme slug"),
                col("year", "integer", "Year of the cycle"),
                col("title_en", "text", "Title"),
                col("status", "text", "open, judging, closed or published"),
                col("ceremony_on", "date", "Ceremony date"),
                col("ceremony_en", "text", "Ceremony, in words"),
            ]),
            table("awards", "Winners of published award cycles.", vec![
                col("programme", "text", "Award programme slug"),
                col("year", "integer", "Year of the cycle"),
                col("category", "text", "Award category slug"),
                col("city", "text", "City slug"),
                col("country", "text", "The city's ISO 3166-1 alpha-2 code"),
                col("source_url", "text", "Where the award is documented"),
            ]),
            table("evaluation_criteria", "Criteria of the evaluation frameworks.", vec![
                col("framework", "text", "Framework slug (family and version)"),
                col("code", "text", "Criterion code, e.g. 1.2.3"),
                col("level", "text", "area, focus or feature"),
                col("title_en", "text", "Title"),
                col("weight", "number", "Weight among its siblings"),
                col("scale_min", "integer", "Lowest score"),
                col("scale_max", "integer", "Highest score"),
                col("verified", "boolean", "false: the wording is an unverified draft"),
            ]),
        ], stewardship::tables(), organisations::tables(), events::tables()]
        .concat(),
    }
}

fn csv_of(rows: Vec<Vec<String>>, columns: &[Column]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(columns.iter().map(|c| c.name))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    for row in rows {
        writer
            .write_record(row)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// A value as a CSV cell: its text, or empty when absent.
trait Cell {
    fn cell(self) -> String;
}

macro_rules! plain_cells {
    ($($t:ty),+) => {$(
        impl Cell for $t {
            fn cell(self) -> String {
                self.to_string()
            }
        }
    )+};
}

plain_cells!(String, i32, i64, f64, bool, chrono::NaiveDate);

impl<T: Cell> Cell for Option<T> {
    fn cell(self) -> String {
        self.map(Cell::cell).unwrap_or_default()
    }
}

/// A row read as a tuple, in the order of its table's dictionary columns.
trait Cells {
    fn cells(self) -> Vec<String>;
}

macro_rules! tuple_cells {
    ($($name:ident),+) => {
        impl<$($name: Cell),+> Cells for ($($name,)+) {
            #[allow(non_snake_case)]
            fn cells(self) -> Vec<String> {
                let ($($name,)+) = self;
                vec![$($name.cell()),+]
            }
        }
    };
}

tuple_cells!(A, B, C, D, E);
tuple_cells!(A, B, C, D, E, F);
tuple_cells!(A, B, C, D, E, F, G);
tuple_cells!(A, B, C, D, E, F, G, H);
tuple_cells!(A, B, C, D, E, F, G, H, I);
tuple_cells!(A, B, C, D, E, F, G, H, I, J);
tuple_cells!(A, B, C, D, E, F, G, H, I, J, K, L);
tuple_cells!(A, B, C, D, E, F, G, H, I, J, K, L, M, N);

/// The rows as CSV cells.
fn cells<R: Cells>(rows: Vec<R>) -> Vec<Vec<String>> {
    rows.into_iter().map(Cells::cells).collect()
}

/// The rows of every table, in the dictionary's order.
fn rows(conn: &mut DbConnection) -> Result<Vec<Vec<Vec<String>>>, ApiError> {
    let countries = cells(
        countries::table
            .order_by(countries::code)
            .select((
                countries::code,
                countries::name_en,
                countries::name_th,
                countries::asean,
                countries::asean_plus_3,
            ))
            .load::<(String, String, String, bool, bool)>(conn)?,
    );
    let provinces = cells(
        provinces::table
            .order_by(provinces::code)
            .select((
                provinces::code,
                provinces::dopa_code,
                provinces::name_en,
                provinces::name_th,
                provinces::region,
                provinces::lat,
                provinces::lon,
            ))
            .load::<(String, String, String, String, String, f64, f64)>(conn)?,
    );
    let cities = cells(
        cities::table
            .filter(cities::archived_at.is_null())
            .order_by(cities::id)
            .select((
                cities::id,
                cities::slug,
                cities::name_en,
                cities::name_th,
                cities::country_code,
                cities::province_code,
                cities::lat,
                cities::lon,
                cities::population,
                cities::area_km2,
                cities::website,
                cities::geonames_id,
                cities::population_year,
                cities::population_source,
            ))
            .load::<(
                i64,
                String,
                String,
                Option<String>,
                String,
                Option<String>,
                Option<f64>,
                Option<f64>,
                Option<i64>,
                Option<f64>,
                Option<String>,
                Option<i64>,
                Option<i32>,
                Option<String>,
            )>(conn)?,
    );
    let networks = cells(
        networks::table
            .filter(networks::archived_at.is_null())
            .order_by(networks::id)
            .select((
                networks::id,
                networks::slug,
                networks::name_en,
                networks::name_th,
                networks::scope,
                networks::status,
                networks::country_code,
                networks::secretariat_en,
                networks::founded_year,
                networks::website,
            ))
            .load::<(
                i64,
                String,
                String,
                Option<String>,
                String,
                String,
                Option<String>,
                Option<String>,
                Option<i32>,
                Option<String>,
            )>(conn)?,
    );
    let memberships = cells(
        memberships::table
            .inner_join(cities::table)
            .inner_join(networks::table)
            .filter(memberships::archived_at.is_null())
            .filter(cities::archived_at.is_null())
            .filter(networks::archived_at.is_null())
            .order_by(memberships::id)
            .select((
                memberships::id,
                cities::slug,
                networks::slug,
                memberships::role,
                memberships::status,
                memberships::joined_year,
                memberships::joined_on,
                memberships::left_year,
                memberships::source_url,
            ))
            .load::<(
                i64,
                String,
                String,
                String,
                String,
                Option<i32>,
                Option<chrono::NaiveDate>,
                Option<i32>,
                Option<String>,
            )>(conn)?,
    );
    let cycles = cells(
        award_cycles::table
            .inner_join(award_programmes::table)
            .filter(award_cycles::status.ne(CycleStatus::Draft))
            .order_by(award_cycles::id)
            .select((
                award_cycles::id,
                award_programmes::slug,
                award_cycles::year,
                award_cycles::title_en,
                award_cycles::status,
                award_cycles::ceremony_on,
                award_cycles::ceremony_en,
            ))
            .load::<(
                i64,
                String,
                i32,
                String,
                String,
                Option<chrono::NaiveDate>,
                Option<String>,
            )>(conn)?,
    );
    let awards = cells(
        nominations::table
            .inner_join(award_categories::table)
            .inner_join(award_cycles::table.inner_join(award_programmes::table))
            .inner_join(cities::table)
            .filter(award_cycles::status.eq(CycleStatus::Published))
            .filter(nominations::status.eq(NominationStatus::Winner))
            .filter(cities::archived_at.is_null())
            .order_by((award_cycles::year, nominations::id))
            .select((
                award_programmes::slug,
                award_cycles::year,
                award_categories::slug,
                cities::slug,
                cities::country_code,
                nominations::source_url,
            ))
            .load::<(String, i32, String, String, String, Option<String>)>(conn)?,
    );
    let criteria = cells(
        criteria::table
            .inner_join(frameworks::table)
            .order_by((frameworks::slug, criteria::id))
            .select((
                frameworks::slug,
                criteria::code,
                criteria::level,
                criteria::title_en,
                criteria::weight,
                criteria::scale_min,
                criteria::scale_max,
                criteria::verified,
            ))
            .load::<(String, String, String, String, f64, i32, i32, bool)>(conn)?,
    );
    let mut tables = vec![
        countries,
        provinces,
        cities,
        networks,
        memberships,
        cycles,
        awards,
        criteria,
    ];
    tables.extend(stewardship::rows(conn)?);
    tables.extend(organisations::rows(conn)?);
    tables.extend(events::rows(conn)?);
    Ok(tables)
}

/// The zip: one CSV per table, `dictionary.json` and a short README.
fn zip(conn: &mut DbConnection) -> Result<Vec<u8>, ApiError> {
    let dataset = dataset();
    let tables = rows(conn)?;
    let fail = |e: zip::result::ZipError| ApiError::Internal(e.to_string());
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (table, rows) in dataset.tables.iter().zip(tables) {
        out.start_file(table.file.as_str(), options).map_err(fail)?;
        out.write_all(&csv_of(rows, &table.columns)?)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    out.start_file("dictionary.json", options).map_err(fail)?;
    let dictionary =
        serde_json::to_vec_pretty(&dataset).map_err(|e| ApiError::Internal(e.to_string()))?;
    out.write_all(&dictionary)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    out.start_file("README.txt", options).map_err(fail)?;
    let readme = format!(
        "{}\n\n{}\n\nLicence: {}\n\nAttribution:\n- {}\n\nFiles are UTF-8 CSV; dictionary.json describes every column.\n",
        dataset.title,
        dataset.description,
        dataset.licence,
        dataset.attribution.join("\n- ")
    );
    out.write_all(readme.as_bytes())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(out.finish().map_err(fail)?.into_inner())
}

/// List datasets.
///
/// The published datasets with their data dictionary, licence and attribution.
#[utoipa::path(tag = "open data", responses((status = 200, description = "Datasets", body = DatasetList), (status = 400, description = "Query parameters given", body = Problem, content_type = "application/problem+json"), (status = 503, description = "Unavailable", body = Problem, content_type = "application/problem+json")))]
#[get("/datasets")]
pub async fn list_datasets(_q: web::Query<NoQuery>) -> HttpResponse {
    HttpResponse::Ok().json(DatasetList {
        items: vec![dataset()],
    })
}

/// Download a dataset.
///
/// A zip with one UTF-8 CSV file per table, `dictionary.json` and a README with the licence and
/// attribution.
#[utoipa::path(
    tag = "open data",
    params(("slug" = String, Path, description = "Dataset slug", example = "learning-cities")),
    responses(
        (status = 200, description = "The zip", content_type = "application/zip", body = Vec<u8>),
        (status = 400, description = "Query parameters given", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dataset", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/datasets/{slug}/download")]
pub async fn download(
    pool: ReadPool,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    if slug.as_str() != dataset().slug {
        return Err(ApiError::NotFound(format!("no dataset `{slug}`")));
    }
    let bytes = db::run(&pool, zip).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"learning-cities.zip\"",
        ))
        .body(bytes))
}
