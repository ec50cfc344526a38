//! Reading events with their sessions, participating cities and organisers, and the series.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::types::{
    Attendance, CensusLink, CycleLink, DetailsRow, Event, EventRow, EventSeries, EventSort,
    EventStatus, EventType, Link, Participation, ParticipationRole, SeriesRow, Session, SessionRow,
    Venue,
};
use super::when::{day_number, instant, parse_time, parse_zone, StoredWhen};
use crate::auth::{Caller, Role};
use crate::db::schema::{
    award_cycles, award_programmes, cities, event_cities, event_details, event_series,
    event_sessions, events, initiatives, network_census, networks, organisation_roles,
    organisations,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::organisations::queries::links;
use crate::organisations::types::RoleTarget;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::types::{optional_localized, utc, Localized};

/// Which events a caller may read besides the published ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Published events only.
    Public,
    /// Every event (admin and secretariat).
    Staff,
    /// Also the proposals of this city (its editors).
    CityEditor(i64),
}

impl Viewer {
    /// The viewer a caller is.
    pub fn of(caller: &Caller) -> Viewer {
        match caller {
            Caller::User(u) if matches!(u.role, Role::Admin | Role::Secretariat) => Viewer::Staff,
            Caller::User(u) if u.role == Role::CityEditor => {
                u.city_id.map_or(Viewer::Public, Viewer::CityEditor)
            }
            _ => Viewer::Public,
        }
    }

    /// Whether this viewer may read an event of `status` proposed by `city`.
    pub fn may_read(self, status: EventStatus, city: Option<i64>) -> bool {
        match (status, self) {
            (EventStatus::Published, _) | (_, Viewer::Staff) => true,
            (_, Viewer::CityEditor(own)) => city == Some(own),
            (_, Viewer::Public) => false,
        }
    }
}

/// Checked filters of the list.
#[derive(Debug, Clone, Default)]
pub struct EventFilters {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub event_type: Option<EventType>,
    pub series: Option<String>,
    pub city: Option<String>,
    pub organisation: Option<String>,
    pub network: Option<String>,
    pub q: Option<String>,
    pub status: Option<EventStatus>,
}

/// The sort key of `sort` in SQL, for "today" `today` (a day number).
fn key_sql(sort: EventSort, today: i32) -> String {
    match sort {
        EventSort::Upcoming => format!(
            "(CASE WHEN events.first_day IS NULL THEN 900000000 - COALESCE(events.year, 0) \
             WHEN events.last_day >= {today} THEN events.first_day \
             ELSE 400000000 - events.first_day END)"
        ),
        EventSort::Start => "COALESCE(events.first_day, 900000000)".to_owned(),
        EventSort::StartDesc => "COALESCE(events.first_day, -1)".to_owned(),
    }
}

/// The sort key of a row, as [`key_sql`] computes it.
fn key_of(sort: EventSort, today: i32, row: &EventRow) -> i64 {
    let key = match (sort, row.first_day) {
        (EventSort::Upcoming, None) => 900_000_000 - row.year.unwrap_or(0),
        (EventSort::Upcoming, Some(first)) if row.last_day.unwrap_or(first) >= today => first,
        (EventSort::Upcoming, Some(first)) => 400_000_000 - first,
        (EventSort::Start, first) => first.unwrap_or(900_000_000),
        (EventSort::StartDesc, first) => first.unwrap_or(-1),
    };
    i64::from(key)
}

/// One page of events, the next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    f: &EventFilters,
    viewer: Viewer,
    sort: EventSort,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Event>, Option<String>, i64), ApiError> {
    let status = f.status.unwrap_or(EventStatus::Published);
    let filtered = || {
        let mut q = events::table
            .filter(events::archived_at.is_null())
            .filter(events::status.eq(status))
            .into_boxed::<MultiBackend>();
        if let Viewer::CityEditor(city) = viewer {
            if status != EventStatus::Published {
                q = q.filter(events::proposing_city_id.eq(city));
            }
        }
        if let Some(from) = f.from {
            q = q.filter(
                events::last_day.ge(day_number(from)).or(events::first_day
                    .is_null()
                    .and(events::year.ge(chrono::Datelike::year(&from)))),
            );
        }
        if let Some(to) = f.to {
            q = q.filter(
                events::first_day.le(day_number(to)).or(events::first_day
                    .is_null()
                    .and(events::year.le(chrono::Datelike::year(&to)))),
            );
        }
        if let Some(t) = f.event_type {
            q = q.filter(events::event_type.eq(t));
        }
        if let Some(series) = &f.series {
            let ids = event_series::table
                .filter(event_series::slug.eq(series.clone()))
                .select(event_series::id);
            q = q.filter(events::series_id.eq_any(ids.nullable()));
        }
        if let Some(city) = &f.city {
            let city_ids = cities::table
                .filter(cities::slug.eq(city.clone()))
                .select(cities::id);
            let taking_part = event_cities::table
                .filter(event_cities::city_id.eq_any(city_ids))
                .select(event_cities::event_id);
            let city_ids = cities::table
                .filter(cities::slug.eq(city.clone()))
                .select(cities::id);
            let hosting = event_details::table
                .filter(event_details::venue_city_id.eq_any(city_ids.nullable()))
                .select(event_details::event_id);
            q = q.filter(
                events::id
                    .eq_any(taking_part)
                    .or(events::id.eq_any(hosting)),
            );
        }
        if let Some(organisation) = &f.organisation {
            let holding = organisation_roles::table
                .inner_join(organisations::table)
                .filter(organisation_roles::target_kind.eq(RoleTarget::Event))
                .filter(organisations::slug.eq(organisation.clone()))
                .select(organisation_roles::target_id);
            q = q.filter(events::id.eq_any(holding));
        }
        if let Some(network) = &f.network {
            let ids = networks::table
                .filter(networks::slug.eq(network.clone()))
                .select(networks::id);
            q = q.filter(events::network_id.eq_any(ids.nullable()));
        }
        if let Some(term) = &f.q {
            q = q.filter(
                events::search_text
                    .like(crate::text::contains_pattern(term))
                    .escape('\\'),
            );
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let today = day_number(chrono::Utc::now().date_naive());
    let key = key_sql(sort, today);
    let desc = sort == EventSort::StartDesc;
    let mut query = filtered()
        .order_by(order_sql(&key, "events.id", desc))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(&key, "events.id", desc, c));
    }
    let rows: Vec<EventRow> = query.select(EventRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "events", sort_label(sort), |r| {
        (SortKey::Int(key_of(sort, today, r)), SortKey::Int(r.id))
    });
    Ok((to_events(conn, rows)?, next, total))
}

/// Every event matching `f` that `viewer` may read, in the order of `sort` (read a page at a
/// time).
pub fn all(
    conn: &mut DbConnection,
    f: &EventFilters,
    viewer: Viewer,
    sort: EventSort,
) -> Result<Vec<Event>, ApiError> {
    let label = sort_label(sort);
    let mut found = Vec::new();
    let mut cursor: Option<Cursor> = None;
    loop {
        let (page, next, _) = list(conn, f, viewer, sort, 200, cursor.as_ref())?;
        found.extend(page);
        match next {
            Some(raw) => cursor = Some(Cursor::decode(&raw, "events", label)?),
            None => return Ok(found),
        }
    }
}

/// The label a cursor of `sort` carries.
pub fn sort_label(sort: EventSort) -> &'static str {
    crate::query::SortParam::as_str(&sort)
}

/// An event by slug that `viewer` may read.
pub fn get(conn: &mut DbConnection, slug: &str, viewer: Viewer) -> Result<Event, ApiError> {
    let (event, _, city) = find(conn, slug, false)?;
    if viewer.may_read(event.status, city) {
        Ok(event)
    } else {
        Err(not_found(slug))
    }
}

fn not_found(slug: &str) -> ApiError {
    ApiError::NotFound(format!("no event with slug `{slug}`"))
}

/// An event by slug among the archived ones (`archived`) or the others, whatever its status,
/// its row version and the city that proposed it.
pub fn find(
    conn: &mut DbConnection,
    slug: &str,
    archived: bool,
) -> Result<(Event, i32, Option<i64>), ApiError> {
    let mut query = events::table
        .filter(events::slug.eq(slug))
        .into_boxed::<MultiBackend>();
    query = if archived {
        query.filter(events::archived_at.is_not_null())
    } else {
        query.filter(events::archived_at.is_null())
    };
    let row: EventRow = query
        .select(EventRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(slug))?;
    let (version, city) = (row.version, row.proposing_city_id);
    to_events(conn, vec![row])?
        .pop()
        .map(|event| (event, version, city))
        .ok_or_else(|| ApiError::Internal("event vanished while loading".to_owned()))
}

type Named = HashMap<i64, (String, Localized)>;

/// Slug and name of the public cities among `ids`.
fn city_names(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<HashMap<i64, (String, Localized, String)>, ApiError> {
    let rows: Vec<(i64, String, String, Option<String>, String)> = cities::table
        .filter(cities::id.eq_any(ids))
        .filter(cities::archived_at.is_null())
        .select((
            cities::id,
            cities::slug,
            cities::name_en,
            cities::name_th,
            cities::country_code,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, en, th, country)| (id, (slug, Localized::new(en, th), country)))
        .collect())
}

fn named(rows: Vec<(i64, String, String, Option<String>)>) -> Named {
    rows.into_iter()
        .map(|(id, slug, en, th)| (id, (slug, Localized::new(en, th))))
        .collect()
}

/// A link to the record `id` of `map`, read at `href(slug)`.
fn link(map: &Named, id: Option<i64>, href: impl Fn(&str) -> String) -> Option<Link> {
    let (slug, name) = map.get(&id?)?;
    Some(Link {
        slug: slug.clone(),
        name: name.clone(),
        href: href(slug),
    })
}

fn to_events(conn: &mut DbConnection, rows: Vec<EventRow>) -> Result<Vec<Event>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let pick =
        |f: fn(&EventRow) -> Option<i64>| -> Vec<i64> { rows.iter().filter_map(f).collect() };
    let series = named(
        event_series::table
            .filter(event_series::id.eq_any(pick(|r| r.series_id)))
            .select((
                event_series::id,
                event_series::slug,
                event_series::name_en,
                event_series::name_th,
            ))
            .load(conn)?,
    );
    let network_names = named(
        networks::table
            .filter(networks::id.eq_any(pick(|r| r.network_id)))
            .filter(networks::archived_at.is_null())
            .select((
                networks::id,
                networks::slug,
                networks::name_en,
                networks::name_th,
            ))
            .load(conn)?,
    );
    let initiative_names = named(
        initiatives::table
            .filter(initiatives::id.eq_any(pick(|r| r.initiative_id)))
            .filter(initiatives::archived_at.is_null())
            .select((
                initiatives::id,
                initiatives::slug,
                initiatives::name_en,
                initiatives::name_th,
            ))
            .load(conn)?,
    );
    let cycles: HashMap<i64, (String, i32)> = award_cycles::table
        .inner_join(award_programmes::table)
        .filter(award_cycles::id.eq_any(pick(|r| r.award_cycle_id)))
        .select((award_cycles::id, award_programmes::slug, award_cycles::year))
        .load::<(i64, String, i32)>(conn)?
        .into_iter()
        .map(|(id, programme, year)| (id, (programme, year)))
        .collect();
    let censuses: HashMap<i64, (String, NaiveDate)> = network_census::table
        .inner_join(networks::table)
        .filter(network_census::id.eq_any(pick(|r| r.census_id)))
        .select((network_census::id, networks::slug, network_census::as_of))
        .load::<(i64, String, NaiveDate)>(conn)?
        .into_iter()
        .map(|(id, network, as_of)| (id, (network, as_of)))
        .collect();
    let mut details: HashMap<i64, DetailsRow> = event_details::table
        .filter(event_details::event_id.eq_any(&ids))
        .select(DetailsRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|d: DetailsRow| (d.event_id, d))
        .collect();
    let session_rows: Vec<SessionRow> = event_sessions::table
        .filter(event_sessions::event_id.eq_any(&ids))
        .order_by((event_sessions::event_id, event_sessions::position))
        .select(SessionRow::as_select())
        .load(conn)?;
    let taking_part: Vec<(i64, i64, i64, ParticipationRole)> = event_cities::table
        .filter(event_cities::event_id.eq_any(&ids))
        .order_by((event_cities::event_id, event_cities::id))
        .select((
            event_cities::id,
            event_cities::event_id,
            event_cities::city_id,
            event_cities::role,
        ))
        .load(conn)?;
    let mut city_ids: Vec<i64> = taking_part.iter().map(|(_, _, c, _)| *c).collect();
    city_ids.extend(details.values().filter_map(|d| d.venue_city_id));
    let places = city_names(conn, &city_ids)?;
    let mut organisers = links(conn, RoleTarget::Event, &ids)?;

    let zone_of: HashMap<i64, String> = rows.iter().map(|r| (r.id, r.time_zone.clone())).collect();
    let mut session_owner = Vec::with_capacity(session_rows.len());
    let mut sessions = Vec::with_capacity(session_rows.len());
    for s in session_rows {
        let zone = zone_of
            .get(&s.event_id)
            .and_then(|z| parse_zone(z))
            .unwrap_or(chrono_tz::Tz::Asia__Bangkok);
        let start = s
            .on_date
            .zip(s.starts_at.as_deref().and_then(parse_time))
            .and_then(|(d, t)| instant(d, t, zone));
        session_owner.push(s.event_id);
        sessions.push(Session {
            id: s.id,
            title: Localized::new(s.title_en, s.title_th),
            on: s.on_date,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            start,
            part_of_day: s.part_of_day,
            live_streamed: s.live_streamed,
            speakers: serde_json::from_str(&s.speakers).unwrap_or_default(),
            provenance: Provenance::default(),
        });
    }
    provenance::queries::attach(conn, &mut sessions)?;
    let mut sessions_of: HashMap<i64, Vec<Session>> = HashMap::new();
    for (owner, session) in session_owner.into_iter().zip(sessions) {
        sessions_of.entry(owner).or_default().push(session);
    }
    let mut participation_owner = Vec::new();
    let mut participations = Vec::new();
    for (id, event, city, role) in taking_part {
        let Some((slug, name, country)) = places.get(&city) else {
            continue;
        };
        participation_owner.push(event);
        participations.push(Participation {
            id,
            city: slug.clone(),
            name: name.clone(),
            country: country.clone(),
            role,
            href: format!("/api/v1/cities/{slug}"),
            provenance: Provenance::default(),
        });
    }
    provenance::queries::attach(conn, &mut participations)?;
    let mut cities_of: HashMap<i64, Vec<Participation>> = HashMap::new();
    for (owner, p) in participation_owner.into_iter().zip(participations) {
        cities_of.entry(owner).or_default().push(p);
    }
    for list in cities_of.values_mut() {
        list.sort_by(|a, b| a.name.en.cmp(&b.name.en));
    }

    let mut list: Vec<Event> = rows
        .into_iter()
        .map(|r| {
            let d = details
                .remove(&r.id)
                .unwrap_or_else(|| DetailsRow::empty(r.id));
            let when = StoredWhen {
                year: r.year,
                starts_on: r.starts_on,
                ends_on: r.ends_on,
                starts_at: r.starts_at.as_deref(),
                ends_at: r.ends_at.as_deref(),
                time_zone: &r.time_zone,
            }
            .to_api();
            let venue_city =
                d.venue_city_id
                    .and_then(|id| places.get(&id))
                    .map(|(slug, name, _)| Link {
                        slug: slug.clone(),
                        name: name.clone(),
                        href: format!("/api/v1/cities/{slug}"),
                    });
            let has_venue = d.venue_name_en.is_some()
                || d.venue_name_th.is_some()
                || d.venue_address.is_some()
                || venue_city.is_some()
                || d.venue_latitude.is_some();
            Event {
                series: link(&series, r.series_id, |s| {
                    format!("/api/v1/events?series={s}")
                }),
                network: link(&network_names, r.network_id, |s| {
                    format!("/api/v1/networks/{s}")
                }),
                initiative: link(&initiative_names, r.initiative_id, |s| {
                    format!("/api/v1/initiatives/{s}")
                }),
                award_cycle: r.award_cycle_id.and_then(|id| {
                    cycles.get(&id).map(|(programme, year)| CycleLink {
                        id,
                        programme: programme.clone(),
                        year: *year,
                        href: format!("/api/v1/award-cycles/{id}"),
                    })
                }),
                census: r
                    .census_id
                    .and_then(|id| censuses.get(&id))
                    .map(|(network, as_of)| CensusLink {
                        network: network.clone(),
                        as_of: *as_of,
                        href: format!("/api/v1/networks/{network}/census"),
                    }),
                sessions: sessions_of.remove(&r.id).unwrap_or_default(),
                cities: cities_of.remove(&r.id).unwrap_or_default(),
                organisers: organisers.remove(&r.id).unwrap_or_default(),
                venue: has_venue.then(|| Venue {
                    name: optional_localized(d.venue_name_en, d.venue_name_th),
                    address: d.venue_address,
                    city: venue_city,
                    latitude: d.venue_latitude,
                    longitude: d.venue_longitude,
                }),
                id: r.id,
                slug: r.slug,
                event_type: r.event_type,
                edition: r.edition,
                title: Localized::new(r.title_en, r.title_th),
                summary: optional_localized(r.summary_en, r.summary_th),
                when,
                mode: d.mode,
                languages: split_codes(&d.languages),
                interpretation: split_codes(&d.interpretation),
                live_stream_url: d.live_stream_url,
                recording_url: d.recording_url,
                attendance: Attendance {
                    expected: d.expected_attendance,
                    reported: d.reported_attendance,
                    note: d.attendance_note,
                },
                status: r.status,
                review_note: r.review_note,
                sequence: r.version,
                provenance: Provenance::default(),
                created_at: utc(r.created_at),
                updated_at: utc(r.updated_at),
            }
        })
        .collect();
    provenance::queries::attach(conn, &mut list)?;
    Ok(list)
}

/// Language codes stored as `en,th`.
fn split_codes(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every series with its public editions, by name.
pub fn series(conn: &mut DbConnection) -> Result<Vec<EventSeries>, ApiError> {
    let rows: Vec<SeriesRow> = event_series::table
        .order_by((event_series::name_en, event_series::id))
        .select(SeriesRow::as_select())
        .load(conn)?;
    let editions: Vec<(i64, String, String, Option<String>)> = events::table
        .filter(events::archived_at.is_null())
        .filter(events::status.eq(EventStatus::Published))
        .filter(events::series_id.is_not_null())
        .order_by((events::first_day.desc(), events::id.desc()))
        .select((
            events::series_id.assume_not_null(),
            events::slug,
            events::title_en,
            events::title_th,
        ))
        .load(conn)?;
    let mut by_series: HashMap<i64, Vec<Link>> = HashMap::new();
    for (series, slug, en, th) in editions {
        by_series.entry(series).or_default().push(Link {
            href: format!("/api/v1/events/{slug}"),
            slug,
            name: Localized::new(en, th),
        });
    }
    let mut list: Vec<EventSeries> = rows
        .into_iter()
        .map(|r| EventSeries {
            editions: by_series.remove(&r.id).unwrap_or_default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            description: optional_localized(r.description_en, r.description_th),
            provenance: Provenance::default(),
        })
        .collect();
    provenance::queries::attach(conn, &mut list)?;
    Ok(list)
}
