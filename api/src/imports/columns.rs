//! The columns of each kind of import (those of the kind's CSV export), and turning a row's
//! cells into the JSON body the single-record write reads.

use serde_json::{Map, Value};

use super::types::{CellError, ImportColumn, ImportKind};

/// The type of a column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellType {
    Text,
    Integer,
    Number,
    Date,
    /// A JSON value, as the export writes nested lists (`sources`).
    Json,
}

impl CellType {
    fn as_str(self) -> &'static str {
        match self {
            CellType::Text => "text",
            CellType::Integer => "integer",
            CellType::Number => "number",
            CellType::Date => "date",
            CellType::Json => "json",
        }
    }
}

/// How an import uses a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// Names the record a row updates.
    Key,
    /// Written to the record.
    Write,
    /// Read-only in the export (ids, timestamps, nested lists); ignored.
    Ignored,
}

/// One column.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    /// Where the cell goes in the body the single-record write reads (a dotted path): the
    /// column's name, unless the export and the write name the field differently.
    pub field: &'static str,
    pub cell: CellType,
    pub usage: Usage,
    pub description: &'static str,
    /// The template's example value.
    pub example: &'static str,
    /// Whether an empty cell clears the field; when not (names, country, role, status), an
    /// empty cell leaves the field as it is.
    pub clearable: bool,
}

const fn column(
    name: &'static str,
    cell: CellType,
    usage: Usage,
    description: &'static str,
    example: &'static str,
) -> Column {
    Column {
        name,
        field: name,
        cell,
        usage,
        description,
        example,
        clearable: true,
    }
}

/// A written column that cannot be emptied.
const fn kept(name: &'static str, description: &'static str, example: &'static str) -> Column {
    Column {
        clearable: false,
        ..column(name, Text, Write, description, example)
    }
}

/// `c`, written to the body's `field` rather than to its name.
const fn into(field: &'static str, c: Column) -> Column {
    Column { field, ..c }
}

use CellType::{Date, Integer, Json, Number, Text};
use Usage::{Ignored, Key, Write};

const SOURCES: Column = column(
    "sources",
    Json,
    Write,
    "The record's sources as a JSON list of {url, title, publisher, published_on, accessed_on, excerpt} \
     (as the export writes it); replaces the list; empty clears it",
    r#"[{"url":"https://example.org/source","publisher":"Example publisher"}]"#,
);
const VERIFIED: Column = column("verified", Text, Ignored, "Answered, not written", "");
const UNVERIFIED: Column = column(
    "unverified_reason",
    Text,
    Write,
    "Why the record is not verified; empty clears the mark",
    "",
);

/// The columns of the cities import: those of `GET /cities?format=csv`.
pub const CITIES: &[Column] = &[
    column("id", Integer, Ignored, "Read-only", ""),
    column("slug", Text, Key, "The city's URL key; names the city to update. Empty: the city is found by English name and country, or created with a slug made from the name", "example-town"),
    kept("name.en", "English name (required)", "Example Town"),
    column("name.th", Text, Write, "Thai name", "เมืองตัวอย่าง"),
    kept("country", "ISO 3166-1 alpha-2 code (required)", "TH"),
    column("province", Text, Write, "ISO 3166-2:TH province code, Thai cities only", "TH-56"),
    column("lat", Number, Write, "Latitude, -90 to 90, with lon", "19.17"),
    column("lon", Number, Write, "Longitude, -180 to 180, with lat", "99.9"),
    column("population", Integer, Write, "Population", ""),
    column("population_year", Integer, Write, "The year of the population figure", ""),
    column("population_source", Text, Write, "What the population figure is and where it comes from", ""),
    column("area_km2", Number, Write, "Area in km², more than 0", ""),
    column("website", Text, Write, "An http(s) address", ""),
    column("description.en", Text, Write, "Description in English", "An example row: replace it."),
    column("description.th", Text, Write, "Description in Thai", ""),
    column("geonames_id", Integer, Write, "GeoNames id", ""),
    column("memberships", Json, Ignored, "Read-only: memberships are imported on their own", ""),
    SOURCES,
    VERIFIED,
    UNVERIFIED,
    column("created_at", Text, Ignored, "Read-only", ""),
    column("updated_at", Text, Ignored, "Read-only", ""),
];

/// The columns of the memberships import: those of `GET /networks/{slug}/members?format=csv`
/// and a `network` column.
pub const MEMBERSHIPS: &[Column] = &[
    column(
        "network",
        Text,
        Key,
        "The network's slug (or give `?network=` for the whole file)",
        "example-network",
    ),
    column("membership_id", Integer, Ignored, "Read-only", ""),
    column("city.id", Integer, Ignored, "Read-only", ""),
    column(
        "city.slug",
        Text,
        Key,
        "The member city's slug (required)",
        "example-town",
    ),
    column("city.name.en", Text, Ignored, "Read-only", ""),
    column("city.name.th", Text, Ignored, "Read-only", ""),
    column("city.country", Text, Ignored, "Read-only", ""),
    column("city.province", Text, Ignored, "Read-only", ""),
    column("city.lat", Number, Ignored, "Read-only", ""),
    column("city.lon", Number, Ignored, "Read-only", ""),
    kept(
        "role",
        "`member`, `secretariat` or `mentor` (default member)",
        "member",
    ),
    kept(
        "status",
        "`active`, `former` or `suspended` (default active)",
        "active",
    ),
    column("joined_year", Integer, Write, "Year joined", ""),
    column(
        "joined_on",
        Date,
        Write,
        "Date joined, YYYY-MM-DD, in joined_year",
        "",
    ),
    column("left_year", Integer, Write, "Year left", ""),
    column(
        "source_url",
        Text,
        Write,
        "An http(s) address for the membership",
        "",
    ),
    column("note", Text, Write, "Remarks", ""),
    SOURCES,
    VERIFIED,
    UNVERIFIED,
];

/// The columns of the network census import: those of `GET /networks/{slug}/census?format=csv`
/// and a `network` column.
pub const NETWORK_CENSUS: &[Column] = &[
    column(
        "network",
        Text,
        Key,
        "The network's slug (or give `?network=` for the whole file)",
        "example-network",
    ),
    column("id", Integer, Ignored, "Read-only", ""),
    column(
        "as_of",
        Date,
        Key,
        "The date the figures were reported for, YYYY-MM-DD (required)",
        "2000-01-01",
    ),
    column("members", Integer, Write, "Member cities reported", ""),
    column("countries", Integer, Write, "Countries of the members", ""),
    column(
        "new_members",
        Integer,
        Write,
        "Cities that joined in the announcement",
        "",
    ),
    column(
        "new_countries",
        Integer,
        Write,
        "Countries those new members came from",
        "",
    ),
    column(
        "note",
        Text,
        Write,
        "Remarks",
        "An example row: replace it.",
    ),
    SOURCES,
    VERIFIED,
    UNVERIFIED,
];

/// The columns of the organisations import: those of `GET /organisations?format=csv`.
pub const ORGANISATIONS: &[Column] = &[
    column("id", Integer, Ignored, "Read-only", ""),
    column("slug", Text, Key, "The organisation's URL key; names the organisation to update. Empty: the organisation is found by English name, or created with a slug made from it", "example-foundation"),
    kept("name.en", "English name (required)", "Example Foundation"),
    column("name.th", Text, Write, "Thai name", ""),
    column("abbreviation.en", Text, Write, "English abbreviation", ""),
    column("abbreviation.th", Text, Write, "Thai abbreviation", ""),
    kept("kind", "un_agency, ministry, government_agency, public_fund, university, learning_centre, ngo, network_body, international_partner or other (required)", "ngo"),
    column("country", Text, Write, "ISO 3166-1 alpha-2 code; empty for international bodies", "TH"),
    column("website", Text, Write, "An http(s) address", ""),
    column("description.en", Text, Write, "Description in English", "An example row: replace it."),
    column("description.th", Text, Write, "Description in Thai", ""),
    column("roles", Json, Ignored, "Read-only: roles are kept with the records they are held in", ""),
    SOURCES,
    VERIFIED,
    UNVERIFIED,
    column("created_at", Text, Ignored, "Read-only", ""),
    column("updated_at", Text, Ignored, "Read-only", ""),
];

/// The columns of the events import: those of `GET /events?format=csv`. The agenda, cities
/// and organisers are kept in the API or the web app's event editor.
pub const EVENTS: &[Column] = &[
    column("id", Integer, Ignored, "Read-only", ""),
    column("slug", Text, Key, "The event's URL key; names the event to update. Empty: the event is found by English title and first day, or created with a slug made from the title", "example-learning-city-week-2027"),
    kept("type", "conference, forum, academy_session, learning_city_week, award_ceremony, network_announcement, seminar or webinar (required)", "learning_city_week"),
    into("series", column("series.slug", Text, Write, "The series' slug", "learning-city-week")),
    column("edition", Integer, Write, "The edition (its year) within the series", "2027"),
    kept("title.en", "English title (required)", "Example Learning City Week 2027"),
    column("title.th", Text, Write, "Thai title", ""),
    column("summary.en", Text, Write, "Summary in English", "An example row: replace it."),
    column("summary.th", Text, Write, "Summary in Thai", ""),
    column("when.precision", Text, Ignored, "Read-only: follows from the dates", ""),
    into("year", column("when.year", Integer, Write, "The year, when the days are not known", "")),
    into("starts_on", column("when.starts_on", Date, Write, "First day (YYYY-MM-DD), in the event's time zone", "2027-11-15")),
    into("ends_on", column("when.ends_on", Date, Write, "Last day (YYYY-MM-DD)", "2027-11-19")),
    into("starts_at", column("when.starts_at", Text, Write, "Local start time HH:MM", "")),
    into("ends_at", column("when.ends_at", Text, Write, "Local end time HH:MM", "")),
    into("time_zone", Column { clearable: false, ..column("when.time_zone", Text, Write, "IANA time zone (empty: Asia/Bangkok on create, unchanged on update)", "Asia/Bangkok") }),
    column("mode", Text, Write, "in_person, online or hybrid", "in_person"),
    column("venue.name.en", Text, Write, "Venue name in English", ""),
    column("venue.name.th", Text, Write, "Venue name in Thai", ""),
    column("venue.address", Text, Write, "Venue address", ""),
    into("venue.city", column("venue.city.slug", Text, Write, "Slug of the city the venue is in", "")),
    column("venue.latitude", Number, Write, "Latitude, with venue.longitude", ""),
    column("venue.longitude", Number, Write, "Longitude, with venue.latitude", ""),
    column("languages", Json, Write, "ISO 639-1 codes as a JSON list, as the export writes it", r#"["th"]"#),
    column("interpretation", Json, Write, "Languages interpreted into, as a JSON list", "[]"),
    column("live_stream_url", Text, Write, "Live stream address", ""),
    column("recording_url", Text, Write, "Recording address", ""),
    into("expected_attendance", column("attendance.expected", Integer, Write, "Expected attendance", "")),
    into("reported_attendance", column("attendance.reported", Integer, Write, "Reported attendance", "")),
    into("attendance_note", column("attendance.note", Text, Write, "Attendance as the source words it", "")),
    into("network", column("network.slug", Text, Write, "Slug of the network it concerns", "")),
    column("award_cycle.programme", Text, Ignored, "With award_cycle.year: the award cycle it belongs to (an award programme's slug)", ""),
    column("award_cycle.year", Integer, Ignored, "With award_cycle.programme: the award cycle's year", ""),
    into("initiative", column("initiative.slug", Text, Write, "Slug of the initiative it belongs to", "")),
    column("census.as_of", Date, Ignored, "Read-only", ""),
    column("sessions", Json, Ignored, "Read-only: the agenda is kept in the event editor or the API", ""),
    column("cities", Json, Ignored, "Read-only: participating cities are kept in the event editor or the API", ""),
    column("organisers", Json, Ignored, "Read-only: organisers are kept in the event editor or the API", ""),
    column("status", Text, Ignored, "Read-only: imported events are published", ""),
    column("sequence", Integer, Ignored, "Read-only", ""),
    SOURCES,
    VERIFIED,
    UNVERIFIED,
    column("created_at", Text, Ignored, "Read-only", ""),
    column("updated_at", Text, Ignored, "Read-only", ""),
];

/// The columns of `kind`.
pub fn of(kind: ImportKind) -> &'static [Column] {
    match kind {
        ImportKind::Cities => CITIES,
        ImportKind::Memberships => MEMBERSHIPS,
        ImportKind::NetworkCensus => NETWORK_CENSUS,
        ImportKind::Organisations => ORGANISATIONS,
        ImportKind::Events => EVENTS,
    }
}

/// The columns as documented.
pub fn documented(kind: ImportKind) -> Vec<ImportColumn> {
    of(kind)
        .iter()
        .map(|c| ImportColumn {
            name: c.name,
            kind: c.cell.as_str(),
            usage: match c.usage {
                Key => "key",
                Write => "write",
                Ignored => "ignored",
            },
            description: c.description,
        })
        .collect()
}

/// The template of `kind`: the key and written columns, and one example line (CSV, UTF-8).
pub fn template(kind: ImportKind) -> String {
    let used: Vec<&Column> = of(kind).iter().filter(|c| c.usage != Ignored).collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let written = writer
        .write_record(used.iter().map(|c| c.name))
        .and_then(|()| writer.write_record(used.iter().map(|c| c.example)));
    let bytes = match written {
        Ok(()) => writer.into_inner().unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    String::from_utf8(bytes).unwrap_or_default()
}

/// The JSON value of a non-empty cell, or why it is refused.
fn value(column: &Column, raw: &str) -> Result<Value, CellError> {
    let refuse = |message: &str| CellError {
        column: column.name.to_owned(),
        code: "invalid_value".to_owned(),
        message: format!("`{raw}` {message}"),
    };
    match column.cell {
        Text | Date => Ok(Value::String(raw.to_owned())),
        Integer => raw
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| refuse("is not a whole number")),
        Number => raw
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(Value::from)
            .ok_or_else(|| refuse("is not a number")),
        Json => serde_json::from_str(raw)
            .map_err(|_| refuse("is not JSON (a list of sources, as the export writes it)")),
    }
}

/// Puts `value` at the dotted `path` of `body`.
fn put(body: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            body.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = body
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = inner {
                put(map, rest, value);
            }
        }
    }
}

/// The JSON body of a row's written columns: an empty cell is `null` (an empty list for
/// `sources`). `cells` pairs each written column of the file with its cell.
pub fn body(cells: &[(&Column, &str)]) -> Result<Value, Vec<CellError>> {
    let mut body = Map::new();
    let mut errors = Vec::new();
    for (column, raw) in cells {
        let raw = raw.trim();
        let value = if raw.is_empty() {
            Ok(if column.cell == Json {
                Value::Array(Vec::new())
            } else {
                Value::Null
            })
        } else {
            value(column, raw)
        };
        match value {
            Ok(v) => put(&mut body, column.field, v),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(body))
    } else {
        Err(errors)
    }
}

/// The value at the dotted `path` of a record as JSON (`null` where absent).
pub fn at(record: &Value, path: &str) -> Value {
    path.split('.')
        .try_fold(record, |v, key| v.get(key))
        .cloned()
        .unwrap_or(Value::Null)
}
