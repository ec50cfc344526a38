//! What a row of each kind names and how it is written: matching the record by its natural key,
//! then creating or updating it through the same checks as the single-record API.

use diesel::prelude::*;
use serde_json::Value;

use super::columns::{self, Column, Usage};
use super::types::{CellError, ImportKind};
use crate::auth::User;
use crate::cities;
use crate::db::schema::{
    award_cycles, award_programmes, cities as city_table, events, memberships, network_census,
    networks, organisations,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::events as event;
use crate::input::{Fields, JsonBody};
use crate::memberships as membership;
use crate::networks::census;
use crate::organisations as organisation;
use crate::text::fold;

/// One data row: its number and the cells of the file's key and written columns.
pub struct Row<'a> {
    pub number: u32,
    pub cells: Vec<(&'static Column, &'a str)>,
}

impl Row<'_> {
    /// The trimmed cell of `column`, or `None` when the file has no such column or it is empty.
    fn get(&self, column: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, _)| c.name == column)
            .map(|(_, raw)| raw.trim())
            .filter(|raw| !raw.is_empty())
    }

    /// The body of the written columns. Creating, empty cells are left out (so that fields
    /// with a default get it); updating, they clear their field, or leave it as it is where it
    /// cannot be emptied.
    fn body(&self, creating: bool) -> Result<Value, RowFailure> {
        let written: Vec<(&Column, &str)> = self
            .cells
            .iter()
            .filter(|(c, _)| c.usage == Usage::Write)
            .filter(|(c, raw)| !raw.trim().is_empty() || (c.clearable && !creating))
            .map(|(c, raw)| (*c, *raw))
            .collect();
        columns::body(&written).map_err(RowFailure::Cells)
    }
}

/// Why a row was not written.
pub enum RowFailure {
    /// The row is refused; the import goes on to report the other rows.
    Cells(Vec<CellError>),
    /// The import cannot go on (the database failed).
    Fatal(ApiError),
}

impl From<diesel::result::Error> for RowFailure {
    fn from(e: diesel::result::Error) -> Self {
        RowFailure::Fatal(e.into())
    }
}

fn refuse(column: &str, code: &str, message: impl Into<String>) -> RowFailure {
    RowFailure::Cells(vec![CellError {
        column: column.to_owned(),
        code: code.to_owned(),
        message: message.into(),
    }])
}

/// A refusal of the single-record write as the row's errors; `key` is the column errors about
/// the whole row are reported in, `renames` maps field names to the file's columns.
fn failure(err: ApiError, key: &str, renames: &[(&str, &str)]) -> RowFailure {
    match err {
        ApiError::Validation(fields) => RowFailure::Cells(
            fields
                .into_iter()
                .map(|f| {
                    let head = f.field.split('[').next().unwrap_or_default();
                    let column = renames
                        .iter()
                        .find(|(from, _)| *from == head)
                        .map_or(head, |(_, to)| to);
                    let message = if f.field == head {
                        f.message
                    } else {
                        format!("{}: {}", f.field, f.message)
                    };
                    CellError {
                        column: column.to_owned(),
                        code: "invalid_value".to_owned(),
                        message,
                    }
                })
                .collect(),
        ),
        ApiError::NotFound(detail) => refuse(key, "not_found", detail),
        ApiError::Refused { code, detail, .. } | ApiError::BadRequest { code, detail } => {
            refuse(key, code, detail)
        }
        fatal => RowFailure::Fatal(fatal),
    }
}

/// A record written by a row.
pub struct Written {
    /// The audit log's name of the kind of record.
    pub entity: &'static str,
    pub entity_id: String,
    /// The record as the API answers it, before (absent when created) and after.
    pub before: Option<Value>,
    pub after: Value,
}

fn json<T: serde::Serialize>(record: &T) -> Result<Value, RowFailure> {
    serde_json::to_value(record).map_err(|e| RowFailure::Fatal(ApiError::Internal(e.to_string())))
}

/// The key a row names (for finding duplicates inside the file and for the report).
pub fn key(kind: ImportKind, row: &Row, network: Option<&str>) -> Result<String, RowFailure> {
    let network = || {
        row.get("network")
            .or(network)
            .ok_or_else(|| refuse("network", "required", "give the network's slug"))
    };
    match kind {
        ImportKind::Cities => match row.get("slug") {
            Some(slug) => Ok(slug.to_owned()),
            None => match (row.get("name.en"), row.get("country")) {
                (Some(name), Some(country)) => {
                    Ok(format!("{} ({})", name, country.to_ascii_uppercase()))
                }
                _ => Err(refuse(
                    "slug",
                    "required",
                    "give a slug, or the English name and country",
                )),
            },
        },
        ImportKind::Organisations => match (row.get("slug"), row.get("name.en")) {
            (Some(slug), _) => Ok(slug.to_owned()),
            (None, Some(name)) => Ok(name.to_owned()),
            (None, None) => Err(refuse(
                "slug",
                "required",
                "give a slug, or the English name",
            )),
        },
        ImportKind::Events => match (row.get("slug"), row.get("title.en")) {
            (Some(slug), _) => Ok(slug.to_owned()),
            (None, Some(title)) => Ok(format!(
                "{title} ({})",
                row.get("when.starts_on").unwrap_or("no date")
            )),
            (None, None) => Err(refuse(
                "slug",
                "required",
                "give a slug, or the English title",
            )),
        },
        ImportKind::Memberships => {
            let city = row
                .get("city.slug")
                .ok_or_else(|| refuse("city.slug", "required", "give the city's slug"))?;
            Ok(format!("{}/{}", network()?, city))
        }
        ImportKind::NetworkCensus => {
            let as_of = row
                .get("as_of")
                .ok_or_else(|| refuse("as_of", "required", "give the date of the figures"))?;
            Ok(format!("{}/{}", network()?, as_of))
        }
    }
}

/// Creates or updates the record a row names, inside the caller's transaction, without an
/// audit entry.
pub fn write(
    conn: &mut DbConnection,
    actor: &User,
    kind: ImportKind,
    row: &Row,
    network: Option<&str>,
) -> Result<Written, RowFailure> {
    match kind {
        ImportKind::Cities => write_city(conn, actor, row),
        ImportKind::Memberships => write_membership(conn, row, network),
        ImportKind::NetworkCensus => write_census(conn, row, network),
        ImportKind::Organisations => write_organisation(conn, row),
        ImportKind::Events => write_event(conn, actor, row),
    }
}

/// The row's slug as a match: the record's (`None` when no record has it); an archived record
/// refuses the row. `archived` is the record's `archived_at`, as read.
fn by_slug(
    slug: &str,
    archived: Option<Option<chrono::NaiveDateTime>>,
    what: &str,
) -> Result<Option<String>, RowFailure> {
    match archived {
        Some(Some(_)) => Err(refuse(
            "slug",
            "archived",
            format!("the {what} `{slug}` is archived: restore it first"),
        )),
        Some(None) => Ok(Some(slug.to_owned())),
        None => Ok(None),
    }
}

/// The slug of the city the row names: by slug (archived ones refused), else by English name
/// and country among the public cities.
fn find_city(conn: &mut DbConnection, row: &Row) -> Result<Option<String>, RowFailure> {
    if let Some(slug) = row.get("slug") {
        let archived: Option<Option<chrono::NaiveDateTime>> = city_table::table
            .filter(city_table::slug.eq(slug))
            .select(city_table::archived_at)
            .first(conn)
            .optional()?;
        return by_slug(slug, archived, "city");
    }
    let (Some(name), Some(country)) = (row.get("name.en"), row.get("country")) else {
        return Ok(None);
    };
    let found: Vec<String> = city_table::table
        .filter(city_table::name_sort.eq(fold(name)))
        .filter(city_table::country_code.eq(country.to_ascii_uppercase()))
        .filter(city_table::archived_at.is_null())
        .select(city_table::slug)
        .limit(2)
        .load(conn)?;
    match found.as_slice() {
        [] => Ok(None),
        [slug] => Ok(Some(slug.clone())),
        _ => Err(refuse(
            "name.en",
            "ambiguous",
            format!("several cities in {country} are named `{name}`: give the slug"),
        )),
    }
}

fn write_city(conn: &mut DbConnection, actor: &User, row: &Row) -> Result<Written, RowFailure> {
    let existing = find_city(conn, row)?;
    let mut body = row.body(existing.is_none())?;
    if let Value::Object(map) = &mut body {
        match (&existing, row.get("slug")) {
            (None, Some(slug)) => {
                map.insert("slug".to_owned(), Value::String(slug.to_owned()));
            }
            _ => {
                map.remove("slug");
            }
        }
    }
    let creating = existing.is_none();
    let (changes, errors) =
        cities::input::read(JsonBody(body), creating).map_err(|e| failure(e, "slug", &[]))?;
    let (before, after) = match existing {
        None => {
            let city = cities::writes::insert(conn, changes, errors)
                .map_err(|e| failure(e, "slug", &[]))?;
            (None, city)
        }
        Some(slug) => {
            let (before, after) = cities::writes::change(conn, actor, &slug, changes, errors, None)
                .map_err(|e| failure(e, "slug", &[]))?;
            (Some(json(&before)?), after)
        }
    };
    Ok(Written {
        entity: "city",
        entity_id: after.id.to_string(),
        before,
        after: json(&after)?,
    })
}

/// The id of a public network by slug.
fn network_id(conn: &mut DbConnection, slug: &str) -> Result<i64, RowFailure> {
    networks::table
        .filter(networks::slug.eq(slug))
        .filter(networks::archived_at.is_null())
        .select(networks::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            refuse(
                "network",
                "not_found",
                format!("no network with slug `{slug}`"),
            )
        })
}

fn write_membership(
    conn: &mut DbConnection,
    row: &Row,
    default_network: Option<&str>,
) -> Result<Written, RowFailure> {
    let network_slug = row.get("network").or(default_network).unwrap_or_default();
    let city_slug = row.get("city.slug").unwrap_or_default();
    let network = network_id(conn, network_slug)?;
    let city: i64 = city_table::table
        .filter(city_table::slug.eq(city_slug))
        .filter(city_table::archived_at.is_null())
        .select(city_table::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            refuse(
                "city.slug",
                "not_found",
                format!("no public city with slug `{city_slug}`"),
            )
        })?;
    let current: Option<i64> = memberships::table
        .filter(memberships::city_id.eq(city))
        .filter(memberships::network_id.eq(network))
        .filter(memberships::archived_at.is_null())
        .select(memberships::id)
        .first(conn)
        .optional()?;
    let mut body = row.body(current.is_none())?;
    if let (Value::Object(map), None) = (&mut body, current) {
        map.insert("city".to_owned(), Value::String(city_slug.to_owned()));
        map.insert("network".to_owned(), Value::String(network_slug.to_owned()));
    }
    let renames = [("city", "city.slug")];
    let changes = membership::input::read(JsonBody(body), current.is_none())
        .map_err(|e| failure(e, "city.slug", &renames))?;
    let (before, after) = match current {
        None => (
            None,
            membership::writes::insert(conn, changes)
                .map_err(|e| failure(e, "city.slug", &renames))?,
        ),
        Some(id) => {
            let (before, after) = membership::writes::change(conn, id, changes, None)
                .map_err(|e| failure(e, "city.slug", &renames))?;
            (Some(json(&before)?), after)
        }
    };
    Ok(Written {
        entity: "membership",
        entity_id: after.id.to_string(),
        before,
        after: json(&after)?,
    })
}

fn write_census(
    conn: &mut DbConnection,
    row: &Row,
    default_network: Option<&str>,
) -> Result<Written, RowFailure> {
    let network_slug = row.get("network").or(default_network).unwrap_or_default();
    let network = network_id(conn, network_slug)?;
    let as_of = row.get("as_of").unwrap_or_default();
    let as_of = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").map_err(|_| {
        refuse(
            "as_of",
            "invalid_value",
            format!("`{as_of}` is not a date YYYY-MM-DD"),
        )
    })?;
    let existing: Option<i64> = network_census::table
        .filter(network_census::network_id.eq(network))
        .filter(network_census::as_of.eq(as_of))
        .select(network_census::id)
        .first(conn)
        .optional()?;
    let mut body = row.body(existing.is_none())?;
    if let Value::Object(map) = &mut body {
        map.insert("as_of".to_owned(), Value::String(as_of.to_string()));
    }
    let fields = Fields::new(body).map_err(|e| failure(e, "as_of", &[]))?;
    let (changes, errors) = census::input::read(fields, existing.is_none());
    if !errors.is_empty() {
        return Err(failure(ApiError::Validation(errors), "as_of", &[]));
    }
    let (before, after) = match existing {
        None => (
            None,
            census::writes::insert(conn, network, changes).map_err(|e| failure(e, "as_of", &[]))?,
        ),
        Some(id) => {
            let (before, after) =
                census::writes::change(conn, id, changes).map_err(|e| failure(e, "as_of", &[]))?;
            (Some(json(&before)?), after)
        }
    };
    Ok(Written {
        entity: "network_census",
        entity_id: after.id.to_string(),
        before,
        after: json(&after)?,
    })
}

/// The slug of the organisation the row names: by slug (archived ones refused), else by English
/// name among the public organisations.
fn find_organisation(conn: &mut DbConnection, row: &Row) -> Result<Option<String>, RowFailure> {
    if let Some(slug) = row.get("slug") {
        let archived: Option<Option<chrono::NaiveDateTime>> = organisations::table
            .filter(organisations::slug.eq(slug))
            .select(organisations::archived_at)
            .first(conn)
            .optional()?;
        return by_slug(slug, archived, "organisation");
    }
    let Some(name) = row.get("name.en") else {
        return Ok(None);
    };
    let found: Vec<String> = organisations::table
        .filter(organisations::name_sort.eq(fold(name)))
        .filter(organisations::archived_at.is_null())
        .select(organisations::slug)
        .limit(2)
        .load(conn)?;
    match found.as_slice() {
        [] => Ok(None),
        [slug] => Ok(Some(slug.clone())),
        _ => Err(refuse(
            "name.en",
            "ambiguous",
            format!("several organisations are named `{name}`: give the slug"),
        )),
    }
}

fn write_organisation(conn: &mut DbConnection, row: &Row) -> Result<Written, RowFailure> {
    let existing = find_organisation(conn, row)?;
    let mut body = row.body(existing.is_none())?;
    if let (Value::Object(map), None, Some(slug)) = (&mut body, &existing, row.get("slug")) {
        map.insert("slug".to_owned(), Value::String(slug.to_owned()));
    }
    let changes = organisation::input::read(JsonBody(body), existing.is_none())
        .map_err(|e| failure(e, "slug", &[]))?;
    let (before, after) = match existing {
        None => (
            None,
            organisation::writes::insert(conn, changes).map_err(|e| failure(e, "slug", &[]))?,
        ),
        Some(slug) => {
            let (before, after) = organisation::writes::change(conn, &slug, changes, None)
                .map_err(|e| failure(e, "slug", &[]))?;
            (Some(json(&before)?), after)
        }
    };
    Ok(Written {
        entity: "organisation",
        entity_id: after.id.to_string(),
        before,
        after: json(&after)?,
    })
}

/// The slug of the event the row names: by slug (archived ones refused), else by folded English
/// title and first day among the events that are not archived.
fn find_event(conn: &mut DbConnection, row: &Row) -> Result<Option<String>, RowFailure> {
    if let Some(slug) = row.get("slug") {
        let archived: Option<Option<chrono::NaiveDateTime>> = events::table
            .filter(events::slug.eq(slug))
            .select(events::archived_at)
            .first(conn)
            .optional()?;
        return by_slug(slug, archived, "event");
    }
    let Some(title) = row.get("title.en") else {
        return Ok(None);
    };
    let day = match row.get("when.starts_on") {
        Some(raw) => Some(
            chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
                refuse(
                    "when.starts_on",
                    "invalid_value",
                    format!("`{raw}` is not a date YYYY-MM-DD"),
                )
            })?,
        ),
        None => None,
    };
    let mut query = events::table
        .filter(events::archived_at.is_null())
        .into_boxed::<crate::db::MultiBackend>();
    query = match day {
        Some(day) => query.filter(events::starts_on.eq(day)),
        None => query.filter(events::starts_on.is_null()),
    };
    let found: Vec<(String, String)> = query.select((events::slug, events::title_en)).load(conn)?;
    let folded = fold(title);
    let matching: Vec<String> = found
        .into_iter()
        .filter(|(_, t)| fold(t) == folded)
        .map(|(slug, _)| slug)
        .collect();
    match matching.as_slice() {
        [] => Ok(None),
        [slug] => Ok(Some(slug.clone())),
        _ => Err(refuse(
            "title.en",
            "ambiguous",
            format!("several events are titled `{title}` on that day: give the slug"),
        )),
    }
}

/// The award cycle the row's `award_cycle.programme` and `award_cycle.year` name: `Some(id)`,
/// `Some(null)` when both are empty, `None` when the file has neither column.
fn award_cycle_of(conn: &mut DbConnection, row: &Row) -> Result<Option<Value>, RowFailure> {
    let has = |name: &str| row.cells.iter().any(|(c, _)| c.name == name);
    if !has("award_cycle.programme") && !has("award_cycle.year") {
        return Ok(None);
    }
    match (
        row.get("award_cycle.programme"),
        row.get("award_cycle.year"),
    ) {
        (None, None) => Ok(Some(Value::Null)),
        (Some(programme), Some(year)) => {
            let year: i32 = year.parse().map_err(|_| {
                refuse(
                    "award_cycle.year",
                    "invalid_value",
                    format!("`{year}` is not a year"),
                )
            })?;
            let id: Option<i64> = award_cycles::table
                .inner_join(award_programmes::table)
                .filter(award_programmes::slug.eq(programme))
                .filter(award_cycles::year.eq(year))
                .select(award_cycles::id)
                .first(conn)
                .optional()?;
            id.map(|id| Some(Value::from(id))).ok_or_else(|| {
                refuse(
                    "award_cycle.programme",
                    "not_found",
                    format!("no award cycle {programme} {year}"),
                )
            })
        }
        _ => Err(refuse(
            "award_cycle.year",
            "required",
            "give both the award programme and the year, or neither",
        )),
    }
}

fn write_event(conn: &mut DbConnection, actor: &User, row: &Row) -> Result<Written, RowFailure> {
    let existing = find_event(conn, row)?;
    let mut body = row.body(existing.is_none())?;
    let cycle = award_cycle_of(conn, row)?;
    if let Value::Object(map) = &mut body {
        if let (None, Some(slug)) = (&existing, row.get("slug")) {
            map.insert("slug".to_owned(), Value::String(slug.to_owned()));
        }
        if let Some(cycle) = cycle {
            map.insert("award_cycle".to_owned(), cycle);
        }
        // An empty venue is no venue.
        if map
            .get("venue")
            .and_then(Value::as_object)
            .is_some_and(|v| {
                v.values().all(|x| {
                    x.is_null()
                        || x.as_object()
                            .is_some_and(|o| o.values().all(Value::is_null))
                })
            })
        {
            map.insert("venue".to_owned(), Value::Null);
        }
    }
    let renames = [
        ("series", "series.slug"),
        ("year", "when.year"),
        ("starts_on", "when.starts_on"),
        ("ends_on", "when.ends_on"),
        ("starts_at", "when.starts_at"),
        ("ends_at", "when.ends_at"),
        ("time_zone", "when.time_zone"),
        ("expected_attendance", "attendance.expected"),
        ("reported_attendance", "attendance.reported"),
        ("attendance_note", "attendance.note"),
        ("network", "network.slug"),
        ("award_cycle", "award_cycle.programme"),
        ("initiative", "initiative.slug"),
    ];
    let changes = event::input::read(JsonBody(body), existing.is_none())
        .map_err(|e| failure(e, "slug", &renames))?;
    let (before, after) = match existing {
        None => (
            None,
            event::writes::insert_published(conn, changes)
                .map_err(|e| failure(e, "slug", &renames))?,
        ),
        Some(slug) => {
            let (before, after) = event::writes::change(conn, actor, &slug, changes, None)
                .map_err(|e| failure(e, "slug", &renames))?;
            (Some(json(&before)?), after)
        }
    };
    Ok(Written {
        entity: "event",
        entity_id: after.id.to_string(),
        before,
        after: json(&after)?,
    })
}
