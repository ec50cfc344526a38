//! Creating, updating, publishing, returning, archiving and restoring events, each in one
//! write transaction with its audit entry. Staff publish directly; a city editor's event is a
//! proposal for their city that the secretariat publishes or returns with a reason.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use diesel::prelude::*;

use super::input::{EventChanges, ParticipationChanges, SessionChanges, VenueChanges};
use super::queries::find;
use super::types::{Event, EventMode, EventStatus, EventType, PartOfDay};
use super::when::{day_number, instant, parse_time, parse_zone};
use crate::archive::Archivable;
use crate::audit;
use crate::auth::{Role, User};
use crate::db::schema::{
    award_cycles, cities, event_cities, event_details, event_series, event_sessions, events,
    initiatives, networks, organisation_roles, organisations,
};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::Patch;
use crate::organisations::types::{RoleKind, RoleTarget};
use crate::provenance::{self, Entity};
use crate::text::{search_text, slugify};

/// The dates and times of an event once a write is merged with what is stored.
struct Dates {
    year: Option<i32>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    starts_at: Option<NaiveTime>,
    ends_at: Option<NaiveTime>,
    zone: Tz,
}

impl Dates {
    /// The merged dates, or every rule they break.
    fn merge(ch: &EventChanges, before: Option<&Event>) -> Result<Dates, Vec<FieldError>> {
        let was = before.map(|e| &e.when);
        let time_of = |t: Option<&String>| t.and_then(|t| parse_time(t));
        let mut d = Dates {
            year: ch
                .year
                .merged(was.and_then(|w| w.year).map(i64::from))
                .and_then(|y| i32::try_from(y).ok()),
            starts_on: ch.starts_on.merged(was.and_then(|w| w.starts_on)),
            ends_on: ch.ends_on.merged(was.and_then(|w| w.ends_on)),
            starts_at: ch
                .starts_at
                .merged(was.and_then(|w| time_of(w.starts_at.as_ref()))),
            ends_at: ch
                .ends_at
                .merged(was.and_then(|w| time_of(w.ends_at.as_ref()))),
            zone: ch
                .time_zone
                .merged(was.and_then(|w| parse_zone(&w.time_zone)))
                .unwrap_or(Tz::Asia__Bangkok),
        };
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| errors.push(FieldError::new(field, message));
        match d.starts_on {
            Some(start) => {
                if d.year.is_some_and(|y| y != start.year()) && ch.year.is_present() {
                    fail(
                        "year",
                        format!("is not the year of starts_on ({})", start.year()),
                    );
                }
                d.year = Some(start.year());
                if d.ends_on.is_some_and(|end| end < start) {
                    fail("ends_on", "is before starts_on".to_owned());
                }
            }
            None => {
                if d.ends_on.is_some() {
                    fail("ends_on", "needs starts_on".to_owned());
                }
                for (field, time) in [("starts_at", d.starts_at), ("ends_at", d.ends_at)] {
                    if time.is_some() {
                        fail(field, "needs starts_on (a time needs its day)".to_owned());
                    }
                }
            }
        }
        let end_day = d.ends_on.or(d.starts_on);
        if let (Some(a), Some(b)) = (d.starts_at, d.ends_at) {
            if d.ends_on.is_none_or(|end| Some(end) == d.starts_on) && b < a {
                fail("ends_at", "is before starts_at on the same day".to_owned());
            }
        }
        for (field, day, time) in [
            ("starts_at", d.starts_on, d.starts_at),
            ("ends_at", end_day, d.ends_at),
        ] {
            if let (Some(day), Some(time)) = (day, time) {
                if instant(day, time, d.zone).is_none() {
                    fail(
                        field,
                        format!(
                            "{} does not exist in {} on {day} (the clocks skip it)",
                            time.format("%H:%M"),
                            d.zone.name()
                        ),
                    );
                }
            }
        }
        if errors.is_empty() {
            Ok(d)
        } else {
            Err(errors)
        }
    }
}

/// Ids of the records an event write names: checked to exist, each unknown one an error.
#[derive(Default)]
struct Refs {
    series: Option<Option<i64>>,
    network: Option<Option<i64>>,
    initiative: Option<Option<i64>>,
    award_cycle: Option<Option<i64>>,
    venue_city: Option<i64>,
    cities: HashMap<String, i64>,
    organisations: HashMap<String, i64>,
}

/// The id of the record with `slug` in a slug column, or an error for `field`.
macro_rules! by_slug {
    ($conn:expr, $errors:expr, $table:ident, $field:expr, $patch:expr, $what:expr) => {
        match $patch {
            Patch::Set(slug) => {
                let id: Option<i64> = $table::table
                    .filter($table::slug.eq(slug))
                    .select($table::id)
                    .first($conn)
                    .optional()?;
                if id.is_none() {
                    $errors.push(FieldError::new(
                        $field,
                        format!("no {} with slug `{slug}`", $what),
                    ));
                }
                Some(id)
            }
            Patch::Null => Some(None),
            Patch::Absent => None,
        }
    };
}

impl Refs {
    fn resolve(conn: &mut DbConnection, ch: &EventChanges) -> Result<Refs, ApiError> {
        let mut errors = Vec::new();
        let series = by_slug!(
            conn,
            errors,
            event_series,
            "series",
            &ch.series,
            "event series"
        );
        let network = by_slug!(conn, errors, networks, "network", &ch.network, "network");
        let initiative = by_slug!(
            conn,
            errors,
            initiatives,
            "initiative",
            &ch.initiative,
            "initiative"
        );
        let award_cycle = match ch.award_cycle {
            Patch::Set(id) => {
                let found: i64 = award_cycles::table
                    .filter(award_cycles::id.eq(id))
                    .count()
                    .get_result(conn)?;
                if found == 0 {
                    errors.push(FieldError::new(
                        "award_cycle",
                        format!("no award cycle {id}"),
                    ));
                }
                Some(Some(id))
            }
            Patch::Null => Some(None),
            Patch::Absent => None,
        };
        let mut wanted: Vec<String> = ch.cities.iter().flatten().map(|c| c.city.clone()).collect();
        if let Patch::Set(VenueChanges {
            city: Some(city), ..
        }) = &ch.venue
        {
            wanted.push(city.clone());
        }
        let cities: HashMap<String, i64> = cities::table
            .filter(cities::slug.eq_any(&wanted))
            .filter(cities::archived_at.is_null())
            .select((cities::slug, cities::id))
            .load::<(String, i64)>(conn)?
            .into_iter()
            .collect();
        for (i, c) in ch.cities.iter().flatten().enumerate() {
            if !cities.contains_key(&c.city) {
                errors.push(FieldError::new(
                    format!("cities[{i}].city"),
                    format!("no public city with slug `{}`", c.city),
                ));
            }
        }
        let mut venue_city = None;
        if let Patch::Set(VenueChanges {
            city: Some(city), ..
        }) = &ch.venue
        {
            venue_city = cities.get(city).copied();
            if venue_city.is_none() {
                errors.push(FieldError::new(
                    "venue.city",
                    format!("no public city with slug `{city}`"),
                ));
            }
        }
        let named: Vec<&String> = ch.organisers.iter().flatten().map(|(o, _)| o).collect();
        let organisations: HashMap<String, i64> = organisations::table
            .filter(organisations::slug.eq_any(&named))
            .filter(organisations::archived_at.is_null())
            .select((organisations::slug, organisations::id))
            .load::<(String, i64)>(conn)?
            .into_iter()
            .collect();
        for (i, (slug, _)) in ch.organisers.iter().flatten().enumerate() {
            if !organisations.contains_key(slug) {
                errors.push(FieldError::new(
                    format!("organisers[{i}].organisation"),
                    format!("no public organisation with slug `{slug}`"),
                ));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in ch.cities.iter().flatten().enumerate() {
            if !seen.insert(&c.city) {
                errors.push(FieldError::new(
                    format!("cities[{i}].city"),
                    format!("`{}` is listed twice", c.city),
                ));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (i, pair) in ch.organisers.iter().flatten().enumerate() {
            if !seen.insert(pair) {
                errors.push(FieldError::new(
                    format!("organisers[{i}]"),
                    "this organisation and role are listed twice",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        Ok(Refs {
            series,
            network,
            initiative,
            award_cycle,
            venue_city,
            cities,
            organisations,
        })
    }
}

/// Sessions must fall within the event's days, where both are known.
fn check_sessions(sessions: &[SessionChanges], d: &Dates) -> Vec<FieldError> {
    let (Some(start), end) = (d.starts_on, d.ends_on.or(d.starts_on)) else {
        return Vec::new();
    };
    sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.on.is_some_and(|on| on < start || end.is_some_and(|e| on > e))
        })
        .map(|(i, _)| FieldError::new(format!("sessions[{i}].on"), "is outside the event's days"))
        .collect()
}

/// The folded titles a search matches.
fn searchable(title_en: &str, title_th: Option<&str>) -> String {
    search_text(&[Some(title_en), title_th])
}

/// Refuses a slug another event (possibly archived) has.
fn check_slug_free(conn: &mut DbConnection, slug: &str) -> Result<(), ApiError> {
    let taken: i64 = events::table
        .filter(events::slug.eq(slug))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(ApiError::conflict(
            "slug_taken",
            format!("an event (possibly archived) already has the slug `{slug}`"),
        ));
    }
    Ok(())
}

/// A city editor's event must name their city (as a participating city or the venue's).
fn check_own_city(
    actor: &User,
    ch: &EventChanges,
    refs: &Refs,
    before: Option<&Event>,
) -> Result<Option<i64>, ApiError> {
    if actor.role != Role::CityEditor {
        return Ok(None);
    }
    let own = actor
        .city_id
        .ok_or_else(|| ApiError::forbidden("no_city", "this city editor keeps no city"))?;
    let listed = match &ch.cities {
        Some(list) => list.iter().any(|c| refs.cities.get(&c.city) == Some(&own)),
        // Without a new list, an existing proposal is already the editor's city's (`change`
        // checked it); a new event must list the city.
        None => before.is_some(),
    };
    if listed || refs.venue_city == Some(own) {
        Ok(Some(own))
    } else {
        Err(ApiError::field(
            "cities",
            "a city editor's event must list their own city among its cities",
        ))
    }
}

/// Creates an event, audited: published when staff create it, a proposal for their city when
/// a city editor does.
pub fn create(conn: &mut DbConnection, actor: &User, ch: EventChanges) -> Result<Event, ApiError> {
    write_transaction(conn, |conn| {
        let refs = Refs::resolve(conn, &ch)?;
        let proposing = check_own_city(actor, &ch, &refs, None)?;
        let status = if proposing.is_some() {
            EventStatus::Proposed
        } else {
            EventStatus::Published
        };
        let created = insert(conn, ch, refs, status, proposing.map(|c| (actor.id, c)))?;
        audit::record(
            conn,
            Some(actor),
            if status == EventStatus::Proposed {
                "propose"
            } else {
                "create"
            },
            "event",
            &created.id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

/// Inserts a published event inside the caller's transaction, without an audit entry (the
/// reference data's events).
pub fn insert_published(conn: &mut DbConnection, ch: EventChanges) -> Result<Event, ApiError> {
    let refs = Refs::resolve(conn, &ch)?;
    insert(conn, ch, refs, EventStatus::Published, None)
}

/// Inserts an event inside the caller's transaction, without an audit entry.
fn insert(
    conn: &mut DbConnection,
    ch: EventChanges,
    refs: Refs,
    status: EventStatus,
    proposer: Option<(i64, i64)>,
) -> Result<Event, ApiError> {
    let dates = Dates::merge(&ch, None).map_err(ApiError::Validation)?;
    if let Some(sessions) = &ch.sessions {
        let errors = check_sessions(sessions, &dates);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
    }
    let title_en = ch
        .title_en
        .clone()
        .set()
        .ok_or_else(|| ApiError::field("title.en", "is required"))?;
    let event_type: EventType = ch
        .event_type
        .clone()
        .set()
        .ok_or_else(|| ApiError::field("type", "is required"))?;
    let slug = ch.slug.clone().set().unwrap_or_else(|| slugify(&title_en));
    if slug.is_empty() {
        return Err(ApiError::field(
            "slug",
            "cannot be derived from the English title; give one",
        ));
    }
    check_slug_free(conn, &slug)?;
    let title_th = ch.title_th.clone().set();
    let venue = ch.venue.clone().set().unwrap_or_default();
    let at = now();
    let id: i64 = diesel::insert_into(events::table)
        .values((
            (
                events::slug.eq(&slug),
                events::event_type.eq(event_type),
                events::series_id.eq(refs.series.flatten()),
                events::edition.eq(ch.edition.clone().set().and_then(|e| i32::try_from(e).ok())),
                events::search_text.eq(searchable(&title_en, title_th.as_deref())),
                events::title_en.eq(&title_en),
                events::title_th.eq(&title_th),
                events::summary_en.eq(ch.summary_en.clone().set()),
                events::summary_th.eq(ch.summary_th.clone().set()),
                events::year.eq(dates.year),
                events::starts_on.eq(dates.starts_on),
                events::ends_on.eq(dates.ends_on),
                events::starts_at.eq(dates.starts_at.map(|t| t.format("%H:%M").to_string())),
                events::ends_at.eq(dates.ends_at.map(|t| t.format("%H:%M").to_string())),
                events::time_zone.eq(dates.zone.name()),
                events::first_day.eq(dates.starts_on.map(day_number)),
                events::last_day.eq(dates.ends_on.or(dates.starts_on).map(day_number)),
            ),
            (
                events::network_id.eq(refs.network.flatten()),
                events::award_cycle_id.eq(refs.award_cycle.flatten()),
                events::initiative_id.eq(refs.initiative.flatten()),
                events::status.eq(status),
                events::proposed_by.eq(proposer.map(|(user, _)| user)),
                events::proposing_city_id.eq(proposer.map(|(_, city)| city)),
                events::created_at.eq(at),
                events::updated_at.eq(at),
            ),
        ))
        .returning(events::id)
        .get_result(conn)?;
    diesel::insert_into(event_details::table)
        .values((
            event_details::event_id.eq(id),
            event_details::mode.eq(ch.mode.clone().set()),
            event_details::venue_name_en.eq(venue.name_en),
            event_details::venue_name_th.eq(venue.name_th),
            event_details::venue_address.eq(venue.address),
            event_details::venue_city_id.eq(refs.venue_city),
            event_details::venue_latitude.eq(venue.latitude),
            event_details::venue_longitude.eq(venue.longitude),
            event_details::languages.eq(ch.languages.clone().set().unwrap_or_default().join(",")),
            event_details::interpretation.eq(ch
                .interpretation
                .clone()
                .set()
                .unwrap_or_default()
                .join(",")),
            event_details::live_stream_url.eq(ch.live_stream_url.clone().set()),
            event_details::recording_url.eq(ch.recording_url.clone().set()),
            event_details::expected_attendance.eq(count(&ch.expected_attendance)),
            event_details::reported_attendance.eq(count(&ch.reported_attendance)),
            event_details::attendance_note.eq(ch.attendance_note.clone().set()),
        ))
        .execute(conn)?;
    write_lists(conn, id, ch, &refs)?;
    let (created, _, _) = find(conn, &slug, false)?;
    Ok(created)
}

fn count(patch: &Patch<i64>) -> Option<i32> {
    patch.clone().set().and_then(|n| i32::try_from(n).ok())
}

/// Writes the sessions, cities, organisers and sources a write gives (each list replaces the
/// event's; a city or organiser kept keeps its sources unless new ones are given).
fn write_lists(
    conn: &mut DbConnection,
    id: i64,
    ch: EventChanges,
    refs: &Refs,
) -> Result<(), ApiError> {
    if let Some(sessions) = ch.sessions {
        replace_sessions(conn, id, sessions)?;
    }
    if let Some(list) = ch.cities {
        replace_cities(conn, id, list, refs)?;
    }
    if let Some(list) = ch.organisers {
        replace_organisers(conn, id, list, refs)?;
    }
    provenance::writes::apply(conn, Entity::Event, id, ch.provenance)
}

/// Removes the sources and unverified mark of a record that is deleted.
fn forget(conn: &mut DbConnection, entity: Entity, id: i64) -> Result<(), ApiError> {
    provenance::writes::replace_sources(conn, entity, id, &[])?;
    provenance::writes::mark(conn, entity, id, None)
}

fn replace_sessions(
    conn: &mut DbConnection,
    event: i64,
    sessions: Vec<SessionChanges>,
) -> Result<(), ApiError> {
    let old: Vec<i64> = event_sessions::table
        .filter(event_sessions::event_id.eq(event))
        .select(event_sessions::id)
        .load(conn)?;
    for id in &old {
        forget(conn, Entity::EventSession, *id)?;
    }
    diesel::delete(event_sessions::table.filter(event_sessions::event_id.eq(event)))
        .execute(conn)?;
    for (position, s) in sessions.into_iter().enumerate() {
        let speakers = serde_json::to_string(&s.speakers)
            .map_err(|e| ApiError::Internal(format!("speakers: {e}")))?;
        let id: i64 = diesel::insert_into(event_sessions::table)
            .values((
                event_sessions::event_id.eq(event),
                event_sessions::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                event_sessions::title_en.eq(&s.title_en),
                event_sessions::title_th.eq(&s.title_th),
                event_sessions::on_date.eq(s.on),
                event_sessions::starts_at.eq(s.starts_at.map(|t| t.format("%H:%M").to_string())),
                event_sessions::ends_at.eq(s.ends_at.map(|t| t.format("%H:%M").to_string())),
                event_sessions::part_of_day.eq(s.part_of_day.map(PartOfDay::as_str)),
                event_sessions::live_streamed.eq(s.live_streamed),
                event_sessions::speakers.eq(speakers),
            ))
            .returning(event_sessions::id)
            .get_result(conn)?;
        provenance::writes::apply(conn, Entity::EventSession, id, s.provenance)?;
    }
    Ok(())
}

fn replace_cities(
    conn: &mut DbConnection,
    event: i64,
    list: Vec<ParticipationChanges>,
    refs: &Refs,
) -> Result<(), ApiError> {
    let existing: HashMap<i64, i64> = event_cities::table
        .filter(event_cities::event_id.eq(event))
        .select((event_cities::city_id, event_cities::id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mut kept = Vec::new();
    for p in list {
        let Some(&city) = refs.cities.get(&p.city) else {
            continue;
        };
        let id = match existing.get(&city) {
            Some(&id) => {
                diesel::update(event_cities::table.find(id))
                    .set(event_cities::role.eq(p.role))
                    .execute(conn)?;
                id
            }
            None => diesel::insert_into(event_cities::table)
                .values((
                    event_cities::event_id.eq(event),
                    event_cities::city_id.eq(city),
                    event_cities::role.eq(p.role),
                ))
                .returning(event_cities::id)
                .get_result(conn)?,
        };
        kept.push(id);
        provenance::writes::apply(conn, Entity::EventCity, id, p.provenance)?;
    }
    for (_, id) in existing {
        if !kept.contains(&id) {
            forget(conn, Entity::EventCity, id)?;
            diesel::delete(event_cities::table.find(id)).execute(conn)?;
        }
    }
    Ok(())
}

fn replace_organisers(
    conn: &mut DbConnection,
    event: i64,
    list: Vec<(String, RoleKind)>,
    refs: &Refs,
) -> Result<(), ApiError> {
    let existing: Vec<(i64, i64, RoleKind)> = organisation_roles::table
        .filter(organisation_roles::target_kind.eq(RoleTarget::Event))
        .filter(organisation_roles::target_id.eq(event))
        .select((
            organisation_roles::id,
            organisation_roles::organisation_id,
            organisation_roles::role,
        ))
        .load(conn)?;
    let wanted: Vec<(i64, RoleKind)> = list
        .iter()
        .filter_map(|(slug, role)| refs.organisations.get(slug).map(|&id| (id, *role)))
        .collect();
    for (id, organisation, role) in &existing {
        if !wanted.contains(&(*organisation, *role)) {
            forget(conn, Entity::OrganisationRole, *id)?;
            diesel::delete(organisation_roles::table.find(*id)).execute(conn)?;
        }
    }
    let at = now();
    for (organisation, role) in wanted {
        if existing
            .iter()
            .any(|(_, o, r)| *o == organisation && *r == role)
        {
            continue;
        }
        diesel::insert_into(organisation_roles::table)
            .values((
                organisation_roles::organisation_id.eq(organisation),
                organisation_roles::role.eq(role),
                organisation_roles::target_kind.eq(RoleTarget::Event),
                organisation_roles::target_id.eq(event),
                organisation_roles::created_at.eq(at),
                organisation_roles::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(AsChangeset)]
#[diesel(table_name = events)]
struct EventChangeset {
    slug: Option<String>,
    event_type: Option<EventType>,
    series_id: Option<Option<i64>>,
    edition: Option<Option<i32>>,
    title_en: Option<String>,
    title_th: Option<Option<String>>,
    summary_en: Option<Option<String>>,
    summary_th: Option<Option<String>>,
    search_text: String,
    year: Option<i32>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    starts_at: Option<String>,
    ends_at: Option<String>,
    time_zone: String,
    first_day: Option<i32>,
    last_day: Option<i32>,
    network_id: Option<Option<i64>>,
    award_cycle_id: Option<Option<i64>>,
    initiative_id: Option<Option<i64>>,
    status: Option<EventStatus>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// The detail columns a write changes.
#[derive(AsChangeset)]
#[diesel(table_name = event_details)]
struct DetailsChangeset {
    mode: Option<Option<EventMode>>,
    languages: Option<String>,
    interpretation: Option<String>,
    live_stream_url: Option<Option<String>>,
    recording_url: Option<Option<String>>,
    expected_attendance: Option<Option<i32>>,
    reported_attendance: Option<Option<i32>>,
    attendance_note: Option<Option<String>>,
}

impl DetailsChangeset {
    /// Whether any column is set (diesel refuses an update that sets none).
    fn changes_anything(&self) -> bool {
        self.mode.is_some()
            || self.languages.is_some()
            || self.interpretation.is_some()
            || self.live_stream_url.is_some()
            || self.recording_url.is_some()
            || self.expected_attendance.is_some()
            || self.reported_attendance.is_some()
            || self.attendance_note.is_some()
    }
}

/// The venue columns of a write that gives `venue` (`null` clears it).
#[derive(AsChangeset)]
#[diesel(table_name = event_details, treat_none_as_null = true)]
struct VenueChangeset {
    venue_name_en: Option<String>,
    venue_name_th: Option<String>,
    venue_address: Option<String>,
    venue_city_id: Option<i64>,
    venue_latitude: Option<f64>,
    venue_longitude: Option<f64>,
}

/// The dates of an event as whole columns: they are always written together.
#[derive(AsChangeset)]
#[diesel(table_name = events, treat_none_as_null = true)]
struct DatesChangeset {
    year: Option<i32>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    starts_at: Option<String>,
    ends_at: Option<String>,
    first_day: Option<i32>,
    last_day: Option<i32>,
}

/// Applies a JSON merge patch to an event, audited. Staff may change any event; a city editor
/// only their city's proposals (a returned one goes back to the secretariat).
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: EventChanges,
    if_match: Option<&str>,
) -> Result<Event, ApiError> {
    write_transaction(conn, |conn| {
        let (before, after) = change(conn, actor, slug, ch, if_match)?;
        // Changes to a proposal are not public changes (the changes feed leaves them out).
        audit::record(
            conn,
            Some(actor),
            if before.status == EventStatus::Published {
                "update"
            } else {
                "revise"
            },
            "event",
            &after.id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Applies a JSON merge patch to an event as `actor` may, inside the caller's transaction,
/// without an audit entry; answers the event before and after.
pub fn change(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: EventChanges,
    if_match: Option<&str>,
) -> Result<(Event, Event), ApiError> {
    let (before, version, proposing) = find(conn, slug, false)?;
    if actor.role == Role::CityEditor
        && (before.status == EventStatus::Published || proposing != actor.city_id)
    {
        return Err(
            if before.status == EventStatus::Published && proposing == actor.city_id {
                ApiError::forbidden(
                    "forbidden",
                    "a published event is changed by the secretariat",
                )
            } else {
                ApiError::NotFound(format!("no event with slug `{slug}`"))
            },
        );
    }
    etag::check(if_match, &etag::of(&before)?)?;
    let refs = Refs::resolve(conn, &ch)?;
    check_own_city(actor, &ch, &refs, Some(&before))?;
    let dates = Dates::merge(&ch, Some(&before)).map_err(ApiError::Validation)?;
    if let Some(sessions) = &ch.sessions {
        let errors = check_sessions(sessions, &dates);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
    }
    let new_slug = ch.slug.clone().set().filter(|s| s != slug);
    if let Some(s) = &new_slug {
        check_slug_free(conn, s)?;
    }
    let title_en = ch.title_en.clone().set().unwrap_or(before.title.en.clone());
    let title_th = ch.title_th.merged(before.title.th.clone());
    let resubmitted = (actor.role == Role::CityEditor && before.status == EventStatus::Returned)
        .then_some(EventStatus::Proposed);
    let changes = EventChangeset {
        slug: new_slug.clone(),
        event_type: ch.event_type.clone().set(),
        series_id: refs.series,
        edition: ch
            .edition
            .clone()
            .into_change()
            .map(|e| e.and_then(|e| i32::try_from(e).ok())),
        search_text: searchable(&title_en, title_th.as_deref()),
        title_en: ch.title_en.clone().set(),
        title_th: ch.title_th.clone().into_change(),
        summary_en: ch.summary_en.clone().into_change(),
        summary_th: ch.summary_th.clone().into_change(),
        year: None,
        starts_on: None,
        ends_on: None,
        starts_at: None,
        ends_at: None,
        time_zone: dates.zone.name().to_owned(),
        first_day: None,
        last_day: None,
        network_id: refs.network,
        award_cycle_id: refs.award_cycle,
        initiative_id: refs.initiative,
        status: resubmitted,
        version: version + 1,
        updated_at: now(),
    };
    let updated = diesel::update(
        events::table
            .filter(events::id.eq(before.id))
            .filter(events::version.eq(version)),
    )
    .set(&changes)
    .execute(conn)?;
    if updated == 0 {
        return Err(etag::changed_meanwhile("event"));
    }
    diesel::update(events::table.find(before.id))
        .set(&DatesChangeset {
            year: dates.year,
            starts_on: dates.starts_on,
            ends_on: dates.ends_on,
            starts_at: dates.starts_at.map(|t| t.format("%H:%M").to_string()),
            ends_at: dates.ends_at.map(|t| t.format("%H:%M").to_string()),
            first_day: dates.starts_on.map(day_number),
            last_day: dates.ends_on.or(dates.starts_on).map(day_number),
        })
        .execute(conn)?;
    let details = DetailsChangeset {
        mode: ch.mode.clone().into_change(),
        languages: ch.languages.clone().set().map(|l| l.join(",")),
        interpretation: ch.interpretation.clone().set().map(|l| l.join(",")),
        live_stream_url: ch.live_stream_url.clone().into_change(),
        recording_url: ch.recording_url.clone().into_change(),
        expected_attendance: ch
            .expected_attendance
            .clone()
            .into_change()
            .map(|n| n.and_then(|n| i32::try_from(n).ok())),
        reported_attendance: ch
            .reported_attendance
            .clone()
            .into_change()
            .map(|n| n.and_then(|n| i32::try_from(n).ok())),
        attendance_note: ch.attendance_note.clone().into_change(),
    };
    if details.changes_anything() {
        diesel::update(event_details::table.find(before.id))
            .set(&details)
            .execute(conn)?;
    }
    match ch.venue.clone() {
        Patch::Set(v) => {
            diesel::update(event_details::table.find(before.id))
                .set(&VenueChangeset {
                    venue_name_en: v.name_en,
                    venue_name_th: v.name_th,
                    venue_address: v.address,
                    venue_city_id: refs.venue_city,
                    venue_latitude: v.latitude,
                    venue_longitude: v.longitude,
                })
                .execute(conn)?;
        }
        Patch::Null => {
            diesel::update(event_details::table.find(before.id))
                .set(&VenueChangeset {
                    venue_name_en: None,
                    venue_name_th: None,
                    venue_address: None,
                    venue_city_id: None,
                    venue_latitude: None,
                    venue_longitude: None,
                })
                .execute(conn)?;
        }
        Patch::Absent => {}
    }
    write_lists(conn, before.id, ch, &refs)?;
    let (after, _, _) = find(conn, new_slug.as_deref().unwrap_or(slug), false)?;
    Ok((before, after))
}

/// Publishes a proposal, or returns it to its city with `reason` (staff), audited.
pub fn review(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    reason: Option<String>,
    if_match: Option<&str>,
) -> Result<Event, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version, _) = find(conn, slug, false)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let (status, action) = match (&reason, before.status) {
            (_, EventStatus::Published) => {
                return Err(ApiError::conflict(
                    "already_published",
                    format!("the event `{slug}` is already published"),
                ))
            }
            (Some(_), EventStatus::Returned) => {
                return Err(ApiError::conflict(
                    "already_returned",
                    format!("the event `{slug}` was already returned to its city"),
                ))
            }
            (None, _) => (EventStatus::Published, "publish"),
            (Some(_), _) => (EventStatus::Returned, "return"),
        };
        let updated = diesel::update(
            events::table
                .filter(events::id.eq(before.id))
                .filter(events::version.eq(version)),
        )
        .set((
            events::status.eq(status),
            events::review_note.eq(&reason),
            events::version.eq(version + 1),
            events::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("event"));
        }
        let (after, _, _) = find(conn, slug, false)?;
        audit::record(
            conn,
            Some(actor),
            action,
            "event",
            &after.id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

impl Archivable for Event {
    type Key = String;
    const ENTITY: &'static str = "event";

    fn find_versioned(
        conn: &mut DbConnection,
        slug: &String,
        archived: bool,
    ) -> Result<(Event, i32), ApiError> {
        find(conn, slug, archived).map(|(event, version, _)| (event, version))
    }

    fn mark(
        conn: &mut DbConnection,
        event: &Event,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            events::table
                .filter(events::id.eq(event.id))
                .filter(events::version.eq(version)),
        )
        .set((
            events::archived_at.eq(archived_at),
            events::version.eq(version + 1),
            events::updated_at.eq(at),
        ))
        .execute(conn)?)
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }
}
