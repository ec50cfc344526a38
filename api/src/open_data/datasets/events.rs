//! The dataset's event tables: the published events, their agenda sessions, the cities taking
//! part, and the series.

use diesel::prelude::*;

use super::{col, table, Table};
use crate::db::schema::event_series;
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::events::queries::{self, EventFilters, Viewer};
use crate::events::types::{Event, EventSort};

/// The dictionary of the four tables.
pub(super) fn tables() -> Vec<Table> {
    vec![
        table("event_series", "Series of yearly gatherings, whether or not an edition is recorded (their sources: record_type event_series).", vec![
            col("id", "integer", "Stable series id"),
            col("slug", "text", "Stable URL key"),
            col("name_en", "text", "English name"),
            col("name_th", "text", "Thai name, where a source gives it"),
        ]),
        table("events", "Published events (their sources: record_type event). Dates are local to time_zone; a date the sources do not give is empty, never invented.", vec![
            col("id", "integer", "Stable event id"),
            col("slug", "text", "Stable URL key"),
            col("type", "text", "conference, forum, academy_session, learning_city_week, award_ceremony, network_announcement, seminar or webinar"),
            col("series", "text", "Series slug"),
            col("edition", "integer", "Edition (its year) within the series"),
            col("title_en", "text", "English title"),
            col("title_th", "text", "Thai title"),
            col("precision", "text", "day, year or unknown: how much of the date is known"),
            col("year", "integer", "Year, where known"),
            col("starts_on", "date", "First day"),
            col("ends_on", "date", "Last day"),
            col("starts_at", "text", "Local start time HH:MM"),
            col("ends_at", "text", "Local end time HH:MM"),
            col("time_zone", "text", "IANA time zone of the dates and times"),
            col("mode", "text", "in_person, online or hybrid"),
            col("venue", "text", "Venue name"),
            col("venue_address", "text", "Venue address"),
            col("venue_city", "text", "Slug of the city the venue is in"),
            col("languages", "text", "ISO 639-1 codes, separated by |"),
            col("interpretation", "text", "Languages interpreted into, separated by |"),
            col("expected_attendance", "integer", "Expected attendance, as the source gives it"),
            col("reported_attendance", "integer", "Reported attendance, as the source gives it"),
            col("network", "text", "Slug of the network it concerns"),
            col("award_cycle_id", "integer", "Id of the award cycle it belongs to"),
            col("initiative", "text", "Slug of the initiative it belongs to"),
            col("verified", "boolean", "false: marked unverified (see the unverified table)"),
        ]),
        table("event_sessions", "The agenda of each published event, in order (their sources: record_type event_session).", vec![
            col("id", "integer", "Stable session id"),
            col("event", "text", "Event slug"),
            col("position", "integer", "Place in the agenda, from 1"),
            col("title_en", "text", "English title"),
            col("title_th", "text", "Thai title"),
            col("on", "date", "Day, local to the event's time zone"),
            col("starts_at", "text", "Local start time HH:MM"),
            col("ends_at", "text", "Local end time HH:MM"),
            col("part_of_day", "text", "morning, afternoon or evening, where no times are given"),
            col("live_streamed", "boolean", "Whether it was streamed live, where the source says"),
            col("speakers", "text", "Speakers as name (role, organisation), separated by |"),
        ]),
        table("event_cities", "Cities taking part in published events (their sources: record_type event_city).", vec![
            col("id", "integer", "Stable participation id"),
            col("event", "text", "Event slug"),
            col("city", "text", "City slug"),
            col("country", "text", "The city's ISO 3166-1 alpha-2 code"),
            col("role", "text", "presenter, panel, recognised or attendee"),
        ]),
    ]
}

/// Every published event, in order of its first day.
pub(super) fn published(conn: &mut DbConnection) -> Result<Vec<Event>, ApiError> {
    queries::all(
        conn,
        &EventFilters::default(),
        Viewer::Public,
        EventSort::Start,
    )
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The rows of the four tables, in the order of [`tables`].
pub(super) fn rows(conn: &mut DbConnection) -> Result<Vec<Vec<Vec<String>>>, ApiError> {
    let series: Vec<(i64, String, String, Option<String>)> = event_series::table
        .order_by(event_series::id)
        .select((
            event_series::id,
            event_series::slug,
            event_series::name_en,
            event_series::name_th,
        ))
        .load(conn)?;
    let series = series
        .into_iter()
        .map(|(id, slug, en, th)| vec![id.to_string(), slug, en, text(th.as_deref())])
        .collect();
    let events = published(conn)?;
    let mut sessions = Vec::new();
    let mut cities = Vec::new();
    let mut rows = Vec::with_capacity(events.len());
    for e in &events {
        let w = &e.when;
        let venue = e.venue.as_ref();
        rows.push(vec![
            e.id.to_string(),
            e.slug.clone(),
            e.event_type.as_str().to_owned(),
            text(e.series.as_ref().map(|s| s.slug.as_str())),
            number(e.edition),
            e.title.en.clone(),
            text(e.title.th.as_deref()),
            w.precision.as_str().to_owned(),
            number(w.year),
            number(w.starts_on),
            number(w.ends_on),
            text(w.starts_at.as_deref()),
            text(w.ends_at.as_deref()),
            w.time_zone.clone(),
            text(e.mode.map(|m| m.as_str())),
            text(venue.and_then(|v| v.name.as_ref()).map(|n| n.en.as_str())),
            text(venue.and_then(|v| v.address.as_deref())),
            text(venue.and_then(|v| v.city.as_ref()).map(|c| c.slug.as_str())),
            e.languages.join("|"),
            e.interpretation.join("|"),
            number(e.attendance.expected),
            number(e.attendance.reported),
            text(e.network.as_ref().map(|n| n.slug.as_str())),
            number(e.award_cycle.as_ref().map(|c| c.id)),
            text(e.initiative.as_ref().map(|i| i.slug.as_str())),
            e.provenance.verified.to_string(),
        ]);
        for (position, s) in e.sessions.iter().enumerate() {
            let speakers: Vec<String> = s
                .speakers
                .iter()
                .map(|p| {
                    let about: Vec<&str> = [p.role.as_deref(), p.organisation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    if about.is_empty() {
                        p.name.clone()
                    } else {
                        format!("{} ({})", p.name, about.join(", "))
                    }
                })
                .collect();
            sessions.push(vec![
                s.id.to_string(),
                e.slug.clone(),
                (position + 1).to_string(),
                s.title.en.clone(),
                text(s.title.th.as_deref()),
                number(s.on),
                text(s.starts_at.as_deref()),
                text(s.ends_at.as_deref()),
                text(s.part_of_day.map(|p| p.as_str())),
                number(s.live_streamed),
                speakers.join("|"),
            ]);
        }
        for c in &e.cities {
            cities.push(vec![
                c.id.to_string(),
                e.slug.clone(),
                c.city.clone(),
                c.country.clone(),
                c.role.as_str().to_owned(),
            ]);
        }
    }
    Ok(vec![series, rows, sessions, cities])
}
