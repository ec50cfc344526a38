//! The events part of the reference data (`seed-data/events.json`): the series and gatherings
//! the source documents describe, each fact cited, written through the same checks as
//! `POST /events`; then the organisers' roles in them from `seed-data/organisations.json`.
//! A database gets the part once; `seed_parts` records it.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::documents::{Cite, Documents};
use super::SeedError;
use crate::db::schema::{
    award_cycles, award_programmes, event_series, events, network_census, networks,
    organisation_roles, organisations, seed_parts,
};
use crate::db::{now, DbConnection};
use crate::events::{input, writes as event_writes};
use crate::input::JsonBody;
use crate::organisations::types::{RoleKind, RoleTarget};
use crate::provenance::{writes, Entity, Source};

/// The name this part is recorded under in `seed_parts`.
pub const PART: &str = "events";

#[derive(Deserialize)]
struct File {
    series: Vec<SeriesSeed>,
    events: Vec<Value>,
}

#[derive(Deserialize)]
struct SeriesSeed {
    slug: String,
    name_en: String,
    name_th: Option<String>,
    description_en: Option<String>,
    description_th: Option<String>,
    sources: Vec<Cite>,
}

#[derive(Deserialize)]
struct Roles {
    roles: Vec<RoleSeed>,
}

#[derive(Deserialize)]
struct Target {
    kind: String,
    slug: String,
}

#[derive(Deserialize)]
struct RoleSeed {
    organisation: String,
    role: String,
    of: Target,
    from_year: Option<i32>,
    to_year: Option<i32>,
    sources: Vec<Cite>,
}

fn bad(what: String) -> SeedError {
    SeedError::Data(format!("events.json: {what}"))
}

/// The sources of a seeded record.
struct Citer {
    documents: Documents,
}

impl Citer {
    fn source(&self, c: &Cite) -> Result<Source, SeedError> {
        self.documents.source(c)
    }

    /// A `sources` list as the API takes it.
    fn json(&self, list: &Value) -> Result<Value, SeedError> {
        let cites: Vec<Cite> =
            serde_json::from_value(list.clone()).map_err(|e| bad(format!("sources: {e}")))?;
        let sources = cites
            .iter()
            .map(|c| self.source(c))
            .collect::<Result<Vec<_>, _>>()?;
        serde_json::to_value(sources).map_err(|e| bad(e.to_string()))
    }
}

/// The API body of a seeded event.
fn body(conn: &mut DbConnection, e: &Value, citer: &Citer) -> Result<Value, SeedError> {
    let text = |k: &str| e.get(k).cloned().unwrap_or(Value::Null);
    let pair = |en: &str, th: &str| match (text(en), text(th)) {
        (Value::Null, Value::Null) => Value::Null,
        (en, th) => json!({"en": en, "th": th}),
    };
    let award_cycle = match e.get("award_cycle") {
        Some(Value::Object(c)) => {
            let programme = c
                .get("programme")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let year = c
                .get("year")
                .and_then(Value::as_i64)
                .and_then(|y| i32::try_from(y).ok())
                .unwrap_or_default();
            let id: Option<i64> = award_cycles::table
                .inner_join(award_programmes::table)
                .filter(award_programmes::slug.eq(programme))
                .filter(award_cycles::year.eq(year))
                .select(award_cycles::id)
                .first(conn)
                .optional()?;
            json!(id.ok_or_else(|| bad(format!("no award cycle {programme} {year}")))?)
        }
        _ => Value::Null,
    };
    let venue = match e.get("venue") {
        Some(Value::Object(v)) => {
            let name = match (v.get("name_en"), v.get("name_th")) {
                (Some(Value::Null) | None, Some(Value::Null) | None) => Value::Null,
                (en, th) => json!({"en": en, "th": th}),
            };
            json!({
                "name": name,
                "address": v.get("address"),
                "city": v.get("city"),
                "latitude": v.get("latitude"),
                "longitude": v.get("longitude"),
            })
        }
        _ => Value::Null,
    };
    let mut sessions = Vec::new();
    for s in e
        .get("sessions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        sessions.push(json!({
            "title": {"en": s.get("title_en"), "th": s.get("title_th")},
            "on": s.get("on"),
            "starts_at": s.get("starts_at"),
            "ends_at": s.get("ends_at"),
            "part_of_day": s.get("part_of_day"),
            "live_streamed": s.get("live_streamed"),
            "speakers": s.get("speakers"),
            "sources": citer.json(s.get("sources").unwrap_or(&Value::Null))?,
        }));
    }
    let mut cities = Vec::new();
    for c in e
        .get("cities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        cities.push(json!({
            "city": c.get("city"),
            "role": c.get("role"),
            "sources": citer.json(c.get("sources").unwrap_or(&Value::Null))?,
        }));
    }
    let mut body = json!({
        "slug": text("slug"),
        "type": text("type"),
        "series": text("series"),
        "edition": text("edition"),
        "title": pair("title_en", "title_th"),
        "summary": pair("summary_en", "summary_th"),
        "year": text("year"),
        "starts_on": text("starts_on"),
        "ends_on": text("ends_on"),
        "starts_at": text("starts_at"),
        "ends_at": text("ends_at"),
        "time_zone": text("time_zone"),
        "mode": text("mode"),
        "venue": venue,
        "languages": text("languages"),
        "interpretation": text("interpretation"),
        "live_stream_url": text("live_stream_url"),
        "recording_url": text("recording_url"),
        "expected_attendance": text("expected_attendance"),
        "reported_attendance": text("reported_attendance"),
        "attendance_note": text("attendance_note"),
        "network": text("network"),
        "award_cycle": award_cycle,
        "initiative": text("initiative"),
        "sessions": sessions,
        "cities": cities,
        "sources": citer.json(&text("sources"))?,
        "unverified_reason": text("unverified_reason"),
    });
    // Leave out what the file leaves null, as a client would.
    if let Value::Object(map) = &mut body {
        map.retain(|_, v| !v.is_null());
    }
    Ok(body)
}

/// Applies the part and records it; returns the number of events added.
pub fn apply(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let file: File = serde_json::from_str(include_str!("../../seed-data/events.json"))
        .map_err(|e| bad(e.to_string()))?;
    let roles: Roles = serde_json::from_str(include_str!("../../seed-data/organisations.json"))
        .map_err(|e| SeedError::Data(format!("organisations.json: {e}")))?;
    let citer = Citer {
        documents: Documents::load()?,
    };
    let at = now();
    for s in &file.series {
        let id: i64 = diesel::insert_into(event_series::table)
            .values((
                event_series::slug.eq(&s.slug),
                event_series::name_en.eq(&s.name_en),
                event_series::name_th.eq(&s.name_th),
                event_series::description_en.eq(&s.description_en),
                event_series::description_th.eq(&s.description_th),
                event_series::created_at.eq(at),
                event_series::updated_at.eq(at),
            ))
            .returning(event_series::id)
            .get_result(conn)?;
        for c in &s.sources {
            writes::append(conn, Entity::EventSeries, id, &citer.source(c)?)?;
        }
    }
    for e in &file.events {
        let slug = e.get("slug").and_then(Value::as_str).unwrap_or_default();
        let changes = input::read(JsonBody(body(conn, e, &citer)?), true)
            .map_err(|err| bad(format!("{slug}: {err:?}")))?;
        let created = event_writes::insert_published(conn, changes)
            .map_err(|err| bad(format!("{slug}: {err:?}")))?;
        if let Some(as_of) = e.get("census_as_of").and_then(Value::as_str) {
            let network = e.get("network").and_then(Value::as_str).unwrap_or_default();
            let day = NaiveDate::parse_from_str(as_of, "%Y-%m-%d")
                .map_err(|err| bad(format!("{slug}: census_as_of: {err}")))?;
            let census: i64 = network_census::table
                .inner_join(networks::table)
                .filter(networks::slug.eq(network))
                .filter(network_census::as_of.eq(day))
                .select(network_census::id)
                .first(conn)
                .optional()?
                .ok_or_else(|| bad(format!("{slug}: no census of {network} as of {as_of}")))?;
            diesel::update(events::table.find(created.id))
                .set(events::census_id.eq(census))
                .execute(conn)?;
        }
    }
    for r in roles.roles.iter().filter(|r| r.of.kind == "event") {
        let role =
            RoleKind::parse(&r.role).ok_or_else(|| bad(format!("unknown role `{}`", r.role)))?;
        let event: i64 = events::table
            .filter(events::slug.eq(&r.of.slug))
            .select(events::id)
            .first(conn)
            .optional()?
            .ok_or_else(|| {
                bad(format!(
                    "organisations.json names no seeded event `{}`",
                    r.of.slug
                ))
            })?;
        let organisation: i64 = organisations::table
            .filter(organisations::slug.eq(&r.organisation))
            .select(organisations::id)
            .first(conn)?;
        let id: i64 = diesel::insert_into(organisation_roles::table)
            .values((
                organisation_roles::organisation_id.eq(organisation),
                organisation_roles::role.eq(role),
                organisation_roles::target_kind.eq(RoleTarget::Event),
                organisation_roles::target_id.eq(event),
                organisation_roles::from_year.eq(r.from_year),
                organisation_roles::to_year.eq(r.to_year),
                organisation_roles::created_at.eq(at),
                organisation_roles::updated_at.eq(at),
            ))
            .returning(organisation_roles::id)
            .get_result(conn)?;
        for c in &r.sources {
            writes::append(conn, Entity::OrganisationRole, id, &citer.source(c)?)?;
        }
    }
    diesel::insert_into(seed_parts::table)
        .values((seed_parts::name.eq(PART), seed_parts::applied_at.eq(now())))
        .execute(conn)?;
    Ok(file.events.len())
}
