//! Reads and checks the body of an event create or update. Checks that need the event as it is
//! (dates against each other, references to other records) are made by the writes.

use super::types::{EventMode, EventType, PartOfDay, ParticipationRole, Speaker};
use super::when::{parse_time, parse_zone};
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::organisations::types::RoleKind;
use crate::provenance::input::{self as provenance, ProvenanceChanges};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

/// The most sessions an event may list.
const MAX_SESSIONS: usize = 100;
/// The most participating cities an event may list.
const MAX_CITIES: usize = 500;
/// The most organisers an event may list.
const MAX_ORGANISERS: usize = 50;
/// The most speakers a session may list.
const MAX_SPEAKERS: usize = 50;

/// A venue as written: the whole venue is replaced.
#[derive(Debug, Clone, Default)]
pub struct VenueChanges {
    pub name_en: Option<String>,
    pub name_th: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A session as written.
#[derive(Debug)]
pub struct SessionChanges {
    pub title_en: String,
    pub title_th: Option<String>,
    pub on: Option<NaiveDate>,
    pub starts_at: Option<NaiveTime>,
    pub ends_at: Option<NaiveTime>,
    pub part_of_day: Option<PartOfDay>,
    pub live_streamed: Option<bool>,
    pub speakers: Vec<Speaker>,
    pub provenance: ProvenanceChanges,
}

/// A participating city as written.
#[derive(Debug)]
pub struct ParticipationChanges {
    pub city: String,
    pub role: ParticipationRole,
    pub provenance: ProvenanceChanges,
}

/// Checked fields of an event write; `Absent` means unchanged, and a given list replaces the
/// event's list.
pub struct EventChanges {
    pub slug: Patch<String>,
    pub event_type: Patch<EventType>,
    pub series: Patch<String>,
    pub edition: Patch<i64>,
    pub title_en: Patch<String>,
    pub title_th: Patch<String>,
    pub summary_en: Patch<String>,
    pub summary_th: Patch<String>,
    pub year: Patch<i64>,
    pub starts_on: Patch<NaiveDate>,
    pub ends_on: Patch<NaiveDate>,
    pub starts_at: Patch<NaiveTime>,
    pub ends_at: Patch<NaiveTime>,
    pub time_zone: Patch<Tz>,
    pub mode: Patch<EventMode>,
    pub venue: Patch<VenueChanges>,
    pub languages: Patch<Vec<String>>,
    pub interpretation: Patch<Vec<String>>,
    pub live_stream_url: Patch<String>,
    pub recording_url: Patch<String>,
    pub expected_attendance: Patch<i64>,
    pub reported_attendance: Patch<i64>,
    pub attendance_note: Patch<String>,
    pub network: Patch<String>,
    pub award_cycle: Patch<i64>,
    pub initiative: Patch<String>,
    pub sessions: Option<Vec<SessionChanges>>,
    pub cities: Option<Vec<ParticipationChanges>>,
    pub organisers: Option<Vec<(String, RoleKind)>>,
    pub provenance: ProvenanceChanges,
}

/// A local time `HH:MM`.
fn time(f: &mut Fields, name: &str) -> Patch<NaiveTime> {
    match f.text(name, 5) {
        Patch::Set(text) => match parse_time(&text) {
            Some(t) => Patch::Set(t),
            None => {
                f.fail(name, "must be a local time HH:MM (00:00 to 23:59)");
                Patch::Absent
            }
        },
        Patch::Null => Patch::Null,
        Patch::Absent => Patch::Absent,
    }
}

/// A list of ISO 639-1 language codes.
fn languages(f: &mut Fields, name: &str) -> Patch<Vec<String>> {
    match f.strings(name, 2) {
        Patch::Set(codes) => {
            if codes.len() > 20
                || !codes
                    .iter()
                    .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()))
            {
                f.fail(
                    name,
                    "must list at most 20 ISO 639-1 codes such as `en` and `th`",
                );
                Patch::Absent
            } else {
                let mut codes = codes;
                codes.dedup();
                Patch::Set(codes)
            }
        }
        other => other,
    }
}

/// Reads a list of nested objects with `read`, naming errors `name[i].field`.
fn items<T>(
    f: &mut Fields,
    name: &str,
    max: usize,
    mut read: impl FnMut(&mut Fields) -> Option<T>,
) -> Option<Vec<T>> {
    let list = f.array(name)?;
    if list.len() > max {
        f.fail(name, format!("lists at most {max} items"));
        return None;
    }
    let mut out = Vec::with_capacity(list.len());
    let mut bad = false;
    for (i, item) in list.into_iter().enumerate() {
        match Fields::nested(item, &format!("{name}[{i}].")) {
            Ok(mut nested) => {
                let value = read(&mut nested);
                let before = f.error_count();
                f.absorb(nested);
                bad |= f.error_count() > before || value.is_none();
                if let Some(value) = value {
                    out.push(value);
                }
            }
            Err(message) => {
                f.fail(&format!("{name}[{i}]"), message);
                bad = true;
            }
        }
    }
    (!bad).then_some(out)
}

fn read_venue(f: &mut Fields) -> Patch<VenueChanges> {
    let mut v = match f.object("venue") {
        Patch::Set(v) => v,
        Patch::Null => return Patch::Null,
        Patch::Absent => return Patch::Absent,
    };
    let (name_en, name_th) = v.localized_parts("name", 300);
    let venue = VenueChanges {
        name_en: name_en.set(),
        name_th: name_th.set(),
        address: v.text("address", 500).set(),
        city: v.slug("city").set(),
        latitude: v.number("latitude", -90.0..=90.0).set(),
        longitude: v.number("longitude", -180.0..=180.0).set(),
    };
    if venue.latitude.is_some() != venue.longitude.is_some() {
        v.fail("latitude", "latitude and longitude go together");
    }
    f.absorb(v);
    Patch::Set(venue)
}

fn read_session(s: &mut Fields) -> Option<SessionChanges> {
    let (title_en, title_th) = s.localized_parts("title", 500);
    s.require("title.en", &title_en);
    let on = s.date("on").set();
    let starts_at = time(s, "starts_at").set();
    let ends_at = time(s, "ends_at").set();
    let part_of_day = s.enumerated::<PartOfDay>("part_of_day").set();
    let live_streamed = s.boolean("live_streamed").set();
    let speakers = items(s, "speakers", MAX_SPEAKERS, |p| {
        let name = p.text("name", 200);
        p.require("name", &name);
        Some(Speaker {
            name: name.set()?,
            role: p.text("role", 300).set(),
            organisation: p.text("organisation", 300).set(),
        })
    })
    .unwrap_or_default();
    if (starts_at.is_some() || ends_at.is_some()) && on.is_none() {
        s.fail("on", "is required with a start or end time");
    }
    if let (Some(a), Some(b)) = (starts_at, ends_at) {
        if b < a {
            s.fail("ends_at", "is before starts_at");
        }
    }
    let provenance = provenance::read(s);
    Some(SessionChanges {
        title_en: title_en.set()?,
        title_th: title_th.set(),
        on,
        starts_at,
        ends_at,
        part_of_day,
        live_streamed,
        speakers,
        provenance,
    })
}

/// Reads and checks an event body; on create `type` and `title.en` are required.
pub fn read(body: JsonBody, creating: bool) -> Result<EventChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&[
        "id",
        "when",
        "attendance",
        "census",
        "status",
        "review_note",
        "sequence",
        "created_at",
        "updated_at",
    ]);
    let slug = f.slug("slug");
    let event_type = f.enumerated::<EventType>("type");
    let series = f.slug("series");
    let edition = f.integer("edition", 1900..=2200);
    let (title_en, title_th) = f.localized_parts("title", 500);
    let (summary_en, summary_th) = f.localized_parts("summary", 5000);
    let year = f.integer("year", 1900..=2200);
    let starts_on = f.date("starts_on");
    let ends_on = f.date("ends_on");
    let starts_at = time(&mut f, "starts_at");
    let ends_at = time(&mut f, "ends_at");
    let time_zone = match f.text("time_zone", 64) {
        Patch::Set(name) => match parse_zone(&name) {
            Some(zone) => Patch::Set(zone),
            None => {
                f.fail(
                    "time_zone",
                    format!("`{name}` is not an IANA time zone such as Asia/Bangkok"),
                );
                Patch::Absent
            }
        },
        Patch::Null => Patch::Null,
        Patch::Absent => Patch::Absent,
    };
    let mode = f.enumerated::<EventMode>("mode");
    let venue = read_venue(&mut f);
    let languages_ = languages(&mut f, "languages");
    let interpretation = languages(&mut f, "interpretation");
    let live_stream_url = f.url("live_stream_url");
    let recording_url = f.url("recording_url");
    let expected_attendance = f.integer("expected_attendance", 0..=10_000_000);
    let reported_attendance = f.integer("reported_attendance", 0..=10_000_000);
    let attendance_note = f.text("attendance_note", 500);
    let network = f.slug("network");
    let award_cycle = f.integer("award_cycle", 1..=i64::MAX);
    let initiative = f.slug("initiative");
    let sessions = items(&mut f, "sessions", MAX_SESSIONS, read_session);
    let cities = items(&mut f, "cities", MAX_CITIES, |c| {
        let city = c.slug("city");
        let role = c.enumerated::<ParticipationRole>("role");
        c.require("city", &city);
        c.require("role", &role);
        let provenance = provenance::read(c);
        Some(ParticipationChanges {
            city: city.set()?,
            role: role.set()?,
            provenance,
        })
    });
    let organisers = items(&mut f, "organisers", MAX_ORGANISERS, |o| {
        let organisation = o.slug("organisation");
        let role = o.enumerated::<RoleKind>("role");
        o.require("organisation", &organisation);
        o.require("role", &role);
        Some((organisation.set()?, role.set()?))
    });
    let provenance = provenance::read(&mut f);
    for (name, cleared) in [
        ("slug", matches!(slug, Patch::Null)),
        ("type", matches!(event_type, Patch::Null)),
        ("title.en", matches!(title_en, Patch::Null)),
        ("languages", matches!(languages_, Patch::Null)),
        ("interpretation", matches!(interpretation, Patch::Null)),
    ] {
        if cleared {
            f.fail(name, "cannot be cleared");
        }
    }
    if creating {
        f.require("type", &event_type);
        f.require("title.en", &title_en);
    }
    f.finish()?;
    Ok(EventChanges {
        slug,
        event_type,
        series,
        edition,
        title_en,
        title_th,
        summary_en,
        summary_th,
        year,
        starts_on,
        ends_on,
        starts_at,
        ends_at,
        time_zone,
        mode,
        venue,
        languages: languages_,
        interpretation,
        live_stream_url,
        recording_url,
        expected_attendance,
        reported_attendance,
        attendance_note,
        network,
        award_cycle,
        initiative,
        sessions,
        cities,
        organisers,
        provenance,
    })
}

/// Reads the body of `POST /events/{slug}/return`: the reason.
pub fn read_reason(body: JsonBody) -> Result<String, ApiError> {
    let mut f = Fields::new(body.0)?;
    let reason = f.text("reason", 2000);
    f.require("reason", &reason);
    f.finish()?;
    reason
        .set()
        .ok_or_else(|| ApiError::field("reason", "is required"))
}
