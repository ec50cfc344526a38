//! API shapes of events, their series, sessions and participating cities, list parameters, and
//! the rows they are read from.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::{event_details, event_series, event_sessions, events};
use crate::organisations::types::OrganisationLink;
use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

crate::text_enum! {
    /// What kind of gathering an event is.
    pub enum EventType {
        Conference = "conference",
        Forum = "forum",
        AcademySession = "academy_session",
        LearningCityWeek = "learning_city_week",
        AwardCeremony = "award_ceremony",
        NetworkAnnouncement = "network_announcement",
        Seminar = "seminar",
        Webinar = "webinar",
    }
}

crate::text_enum! {
    /// How people attend.
    pub enum EventMode {
        InPerson = "in_person",
        Online = "online",
        Hybrid = "hybrid",
    }
}

crate::text_enum! {
    /// Whether an event is public: `published`, or a city editor's proposal that is waiting for
    /// the secretariat (`proposed`) or was sent back with a reason (`returned`).
    pub enum EventStatus {
        Published = "published",
        Proposed = "proposed",
        Returned = "returned",
    }
}

crate::text_enum! {
    /// How a city takes part in an event.
    pub enum ParticipationRole {
        Presenter = "presenter",
        Panel = "panel",
        Recognised = "recognised",
        Attendee = "attendee",
    }
}

crate::text_enum! {
    /// The part of a day a session is in, where the source gives no times.
    pub enum PartOfDay {
        Morning = "morning",
        Afternoon = "afternoon",
        Evening = "evening",
    }
}

crate::text_enum! {
    /// How much of an event's date is known: the `day`s, only the `year`, or nothing.
    pub enum DatePrecision {
        Day = "day",
        Year = "year",
        Unknown = "unknown",
    }
}

/// A record an event links to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Link {
    #[schema(example = "unesco-gnlc")]
    pub slug: String,
    pub name: Localized,
    /// Where to read it in the API (a series: its editions in the event list).
    pub href: String,
}

/// The award cycle an event belongs to (an award ceremony).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CycleLink {
    pub id: i64,
    /// The award programme's slug.
    #[schema(example = "thailand-learning-city-awards")]
    pub programme: String,
    pub year: i32,
    pub href: String,
}

/// The network size report an announcement published.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CensusLink {
    /// The network's slug.
    pub network: String,
    pub as_of: NaiveDate,
    pub href: String,
}

/// When an event is: dates in its time zone, with times where known. Nothing is invented: a
/// date the sources do not give is `null`, and `precision` says how much is known.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventWhen {
    pub precision: DatePrecision,
    /// The year, where known (also when the days are not).
    pub year: Option<i32>,
    /// The first day, in the event's time zone.
    pub starts_on: Option<NaiveDate>,
    /// The last day, in the event's time zone.
    pub ends_on: Option<NaiveDate>,
    /// Local start time on `starts_on` (`HH:MM`), where known.
    #[schema(example = "09:00")]
    pub starts_at: Option<String>,
    /// Local end time on `ends_on` (`HH:MM`), where known.
    pub ends_at: Option<String>,
    /// IANA time zone of the dates and times.
    #[schema(example = "Asia/Bangkok")]
    pub time_zone: String,
    /// The start as an instant with the zone's offset then (`null` without a start time).
    pub start: Option<DateTime<FixedOffset>>,
    /// The end as an instant with the zone's offset then (`null` without an end time).
    pub end: Option<DateTime<FixedOffset>>,
}

/// Where an in-person event is held.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Venue {
    pub name: Option<Localized>,
    pub address: Option<String>,
    /// The city it is in, where recorded.
    pub city: Option<Link>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// Expected and reported attendance, as the sources give them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Attendance {
    pub expected: Option<i32>,
    pub reported: Option<i32>,
    /// The source's own words, such as "more than 250 participants".
    pub note: Option<String>,
}

/// A speaker as the source names them: people in public roles, no contact details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Speaker {
    pub name: String,
    /// Their role or title, as published.
    pub role: Option<String>,
    /// Their organisation, as published.
    pub organisation: Option<String>,
}

/// One item of an event's agenda.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    pub id: i64,
    pub title: Localized,
    /// The day, in the event's time zone.
    pub on: Option<NaiveDate>,
    /// Local start time (`HH:MM`).
    pub starts_at: Option<String>,
    /// Local end time (`HH:MM`).
    pub ends_at: Option<String>,
    /// The start as an instant with the zone's offset then.
    pub start: Option<DateTime<FixedOffset>>,
    /// The part of the day, where no times are given.
    pub part_of_day: Option<PartOfDay>,
    /// Whether it is streamed live, where the source says.
    pub live_streamed: Option<bool>,
    pub speakers: Vec<Speaker>,
    /// The session's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(Session, Entity::EventSession, id);

/// A city taking part in an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Participation {
    pub id: i64,
    /// The city's slug.
    #[schema(example = "phayao")]
    pub city: String,
    pub name: Localized,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    pub role: ParticipationRole,
    pub href: String,
    /// The participation's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(Participation, Entity::EventCity, id);

/// A gathering: a conference, forum, Academy session, Learning City Week, award ceremony,
/// network announcement, seminar or webinar.
#[derive(Debug, Serialize, ToSchema)]
pub struct Event {
    pub id: i64,
    #[schema(example = "asean-plus-3-learning-cities-conference-2024")]
    pub slug: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The series it is an edition of.
    pub series: Option<Link>,
    /// The edition (its year), within the series.
    pub edition: Option<i32>,
    pub title: Localized,
    pub summary: Option<Localized>,
    pub when: EventWhen,
    pub mode: Option<EventMode>,
    pub venue: Option<Venue>,
    /// Languages it is held in (ISO 639-1).
    pub languages: Vec<String>,
    /// Languages it is interpreted into (ISO 639-1).
    pub interpretation: Vec<String>,
    pub live_stream_url: Option<String>,
    pub recording_url: Option<String>,
    pub attendance: Attendance,
    /// The network it concerns.
    pub network: Option<Link>,
    /// The award cycle it belongs to.
    pub award_cycle: Option<CycleLink>,
    /// The initiative it belongs to.
    pub initiative: Option<Link>,
    /// The network size report it announced.
    pub census: Option<CensusLink>,
    /// The agenda, in order.
    pub sessions: Vec<Session>,
    /// Participating cities, by name.
    pub cities: Vec<Participation>,
    /// Organisers, co-hosts and partners.
    pub organisers: Vec<OrganisationLink>,
    pub status: EventStatus,
    /// Why the secretariat returned a proposal.
    pub review_note: Option<String>,
    /// Grows by one with every change (the calendar feed's `SEQUENCE`).
    pub sequence: i32,
    /// The event's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::sourced!(Event, Entity::Event, id);

/// A series of yearly gatherings (Learning City Week, the ASEAN+3 conference), whether or not
/// an edition is recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventSeries {
    pub id: i64,
    #[schema(example = "learning-city-week")]
    pub slug: String,
    pub name: Localized,
    pub description: Option<Localized>,
    /// Its public editions, newest first.
    pub editions: Vec<Link>,
    /// The series' sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(EventSeries, Entity::EventSeries, id);

crate::page_type!(
    /// A page of events: by default those not yet over first (soonest first), then past ones
    /// (latest first), then those whose dates are not known.
    EventPage,
    Event
);

/// The answers of the event lists, as documented for their `format` parameter.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventFormat {
    Json,
    Csv,
    Ndjson,
    Ics,
}

/// The answers of one event, as documented for its `format` parameter.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventItemFormat {
    Json,
    Ics,
}

/// Query parameters of `GET /events/{slug}`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// `ics`: the event as an iCalendar file (also chosen by `Accept: text/calendar`; 422
    /// `not_dated` when its days are not known). Default `json`.
    #[param(value_type = Option<EventItemFormat>)]
    pub format: Option<String>,
}

crate::sort_param!(
    /// Orders of the event list: `upcoming` (the default) puts events not yet over first,
    /// soonest first, then past ones, latest first; `start` and `-start` order by the first day.
    /// Events without a known day come last. Ties are broken by id.
    EventSort default Upcoming {
        Upcoming => "upcoming",
        Start => "start",
        StartDesc => "-start",
    }
);

crate::list_query! {
    /// Query parameters of `GET /events`.
    EventListQuery {
        /// Only events not over before this day (`YYYY-MM-DD`).
        #[param(example = "2024-01-01", format = Date)]
        pub from: Option<String>,
        /// Only events begun by this day (`YYYY-MM-DD`).
        #[param(example = "2024-12-31", format = Date)]
        pub to: Option<String>,
        /// Only this type.
        #[serde(rename = "type")]
        #[param(rename = "type", value_type = Option<EventType>)]
        pub event_type: Option<String>,
        /// Only editions of this series (slug).
        #[param(example = "learning-city-week", pattern = "^[a-z0-9-]{1,100}$")]
        pub series: Option<String>,
        /// Only events this city (slug) takes part in or hosts.
        #[param(example = "phayao", pattern = "^[a-z0-9-]{1,100}$")]
        pub city: Option<String>,
        /// Only events this organisation (slug) organises, co-hosts or partners.
        #[param(example = "unesco-bangkok", pattern = "^[a-z0-9-]{1,100}$")]
        pub organisation: Option<String>,
        /// Only events of this network (slug).
        #[param(example = "unesco-gnlc", pattern = "^[a-z0-9-]{1,100}$")]
        pub network: Option<String>,
        /// Titles containing this text, English or Thai.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
        /// `published` (the default, for everyone), or `proposed` or `returned`: proposals,
        /// for staff (every city) and city editors (their city's).
        #[param(value_type = Option<EventStatus>)]
        pub status: Option<String>,
        /// Order (default `upcoming`).
        #[param(value_type = Option<EventSort>)]
        pub sort: Option<String>,
        /// `csv` or `ndjson`: download every matching row, streamed, without the page limit
        /// (`limit` and `cursor` are then ignored); `ics`: every matching event with known days
        /// as an iCalendar feed. Also chosen by `Accept: text/csv`, `application/x-ndjson` or
        /// `text/calendar`. Default `json`: one page.
        #[param(value_type = Option<EventFormat>)]
        pub format: Option<String>,
        /// With CSV, `true` starts the file with a UTF-8 byte-order mark so that spreadsheet
        /// programs show Thai text correctly.
        #[param(value_type = Option<bool>)]
        pub bom: Option<String>,
    }
}

crate::list_query! {
    /// Query parameters of `GET /cities/{slug}/events`.
    CityEventListQuery {
        /// Only events not over before this day (`YYYY-MM-DD`).
        #[param(example = "2024-01-01", format = Date)]
        pub from: Option<String>,
        /// Only events begun by this day (`YYYY-MM-DD`).
        #[param(example = "2024-12-31", format = Date)]
        pub to: Option<String>,
        /// Only this type.
        #[serde(rename = "type")]
        #[param(rename = "type", value_type = Option<EventType>)]
        pub event_type: Option<String>,
        /// Order (default `upcoming`).
        #[param(value_type = Option<EventSort>)]
        pub sort: Option<String>,
        /// `csv` or `ndjson`: download every matching row, streamed, without the page limit
        /// (`limit` and `cursor` are then ignored); `ics`: every matching event with known days
        /// as an iCalendar feed. Also chosen by `Accept: text/csv`, `application/x-ndjson` or
        /// `text/calendar`. Default `json`: one page.
        #[param(value_type = Option<EventFormat>)]
        pub format: Option<String>,
        /// With CSV, `true` starts the file with a UTF-8 byte-order mark so that spreadsheet
        /// programs show Thai text correctly.
        #[param(value_type = Option<bool>)]
        pub bom: Option<String>,
    }
}

/// The CSV columns of the list.
pub const EVENT_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "type",
    "series.slug",
    "edition",
    "title.en",
    "title.th",
    "summary.en",
    "summary.th",
    "when.precision",
    "when.year",
    "when.starts_on",
    "when.ends_on",
    "when.starts_at",
    "when.ends_at",
    "when.time_zone",
    "mode",
    "venue.name.en",
    "venue.name.th",
    "venue.address",
    "venue.city.slug",
    "venue.latitude",
    "venue.longitude",
    "languages",
    "interpretation",
    "live_stream_url",
    "recording_url",
    "attendance.expected",
    "attendance.reported",
    "attendance.note",
    "network.slug",
    "award_cycle.programme",
    "award_cycle.year",
    "initiative.slug",
    "census.as_of",
    "sessions",
    "cities",
    "organisers",
    "status",
    "sequence",
    "sources",
    "verified",
    "unverified_reason",
    "created_at",
    "updated_at",
];

/// An event as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = events)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct EventRow {
    pub id: i64,
    pub slug: String,
    pub event_type: EventType,
    pub series_id: Option<i64>,
    pub edition: Option<i32>,
    pub title_en: String,
    pub title_th: Option<String>,
    pub summary_en: Option<String>,
    pub summary_th: Option<String>,
    pub year: Option<i32>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub time_zone: String,
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
    pub network_id: Option<i64>,
    pub award_cycle_id: Option<i64>,
    pub initiative_id: Option<i64>,
    pub census_id: Option<i64>,
    pub status: EventStatus,
    pub proposing_city_id: Option<i64>,
    pub review_note: Option<String>,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// How an event is held and attended, as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = event_details)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct DetailsRow {
    pub event_id: i64,
    pub mode: Option<EventMode>,
    pub venue_name_en: Option<String>,
    pub venue_name_th: Option<String>,
    pub venue_address: Option<String>,
    pub venue_city_id: Option<i64>,
    pub venue_latitude: Option<f64>,
    pub venue_longitude: Option<f64>,
    pub languages: String,
    pub interpretation: String,
    pub live_stream_url: Option<String>,
    pub recording_url: Option<String>,
    pub expected_attendance: Option<i32>,
    pub reported_attendance: Option<i32>,
    pub attendance_note: Option<String>,
}

/// A session as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = event_sessions)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct SessionRow {
    pub id: i64,
    pub event_id: i64,
    pub title_en: String,
    pub title_th: Option<String>,
    pub on_date: Option<NaiveDate>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub part_of_day: Option<PartOfDay>,
    pub live_streamed: Option<bool>,
    pub speakers: String,
}

/// A series as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = event_series)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(super) struct SeriesRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_th: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
}

/// The body of `POST /events` and `PATCH /events/{slug}` (JSON merge patch). The smallest
/// create body is `{slug, type, title: {en, th}, starts_on, ends_on}`; lists replace the
/// event's list.
#[derive(Debug, ToSchema)]
pub struct EventInput {
    /// URL key; derived from the English title when left out on create.
    #[schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100)]
    pub slug: Option<String>,
    /// Required on create.
    #[schema(rename = "type")]
    pub event_type: Option<EventType>,
    /// The series' slug.
    pub series: Option<String>,
    pub edition: Option<i32>,
    /// `en` is required on create.
    pub title: Option<crate::types::LocalizedInput>,
    pub summary: Option<crate::types::LocalizedInput>,
    /// The year, when the days are not known (it must agree with `starts_on`).
    pub year: Option<i32>,
    /// First day in the event's time zone.
    pub starts_on: Option<NaiveDate>,
    /// Last day in the event's time zone; needs `starts_on`, and not before it.
    pub ends_on: Option<NaiveDate>,
    /// Local start time (`HH:MM`) on `starts_on`.
    #[schema(example = "09:00")]
    pub starts_at: Option<String>,
    /// Local end time (`HH:MM`) on `ends_on` (or `starts_on`).
    pub ends_at: Option<String>,
    /// IANA time zone (default `Asia/Bangkok`).
    pub time_zone: Option<String>,
    pub mode: Option<EventMode>,
    pub venue: Option<VenueInput>,
    /// ISO 639-1 codes.
    pub languages: Option<Vec<String>>,
    /// ISO 639-1 codes.
    pub interpretation: Option<Vec<String>>,
    pub live_stream_url: Option<String>,
    pub recording_url: Option<String>,
    pub expected_attendance: Option<i32>,
    pub reported_attendance: Option<i32>,
    pub attendance_note: Option<String>,
    /// The network's slug.
    pub network: Option<String>,
    /// The award cycle's id.
    pub award_cycle: Option<i64>,
    /// The initiative's slug.
    pub initiative: Option<String>,
    /// The agenda, in order (at most 100 sessions).
    pub sessions: Option<Vec<SessionInput>>,
    /// Participating cities (at most 500).
    pub cities: Option<Vec<ParticipationInput>>,
    /// Organisers, co-hosts and partners (at most 50).
    pub organisers: Option<Vec<OrganiserInput>>,
    /// The event's sources (at most 20); replaces the list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the event as not verified, with the reason; `null` clears it.
    pub unverified_reason: Option<String>,
}

/// A venue in an event body.
#[derive(Debug, ToSchema)]
pub struct VenueInput {
    pub name: Option<crate::types::LocalizedInput>,
    pub address: Option<String>,
    /// The city's slug.
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A session in an event body.
#[derive(Debug, ToSchema)]
pub struct SessionInput {
    /// `en` is required.
    pub title: crate::types::LocalizedInput,
    pub on: Option<NaiveDate>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub part_of_day: Option<PartOfDay>,
    pub live_streamed: Option<bool>,
    /// At most 50.
    pub speakers: Option<Vec<Speaker>>,
    pub sources: Option<Vec<crate::provenance::Source>>,
}

/// A participating city in an event body.
#[derive(Debug, ToSchema)]
pub struct ParticipationInput {
    /// The city's slug.
    pub city: String,
    pub role: ParticipationRole,
    pub sources: Option<Vec<crate::provenance::Source>>,
}

/// An organiser in an event body.
#[derive(Debug, ToSchema)]
pub struct OrganiserInput {
    /// The organisation's slug.
    pub organisation: String,
    pub role: crate::organisations::types::RoleKind,
}

/// The body of `POST /events/{slug}/return`.
#[derive(Debug, ToSchema)]
pub struct ReturnInput {
    /// Why the proposal goes back to its city (1 to 2,000 characters).
    pub reason: String,
}

impl DetailsRow {
    /// No details recorded (an event always has a row; this covers one being written).
    pub fn empty(event_id: i64) -> DetailsRow {
        DetailsRow {
            event_id,
            mode: None,
            venue_name_en: None,
            venue_name_th: None,
            venue_address: None,
            venue_city_id: None,
            venue_latitude: None,
            venue_longitude: None,
            languages: String::new(),
            interpretation: String::new(),
            live_stream_url: None,
            recording_url: None,
            expected_attendance: None,
            reported_attendance: None,
            attendance_note: None,
        }
    }
}
