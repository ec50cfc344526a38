//! `GET /events`, `GET /events/{slug}`, `GET /cities/{slug}/events`, `GET /event-series`, and
//! the writes: create (staff publish, city editors propose), update, publish, return, archive
//! and restore.

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::queries::{self, EventFilters, Viewer};
use super::types::{
    CityEventListQuery, Event, EventInput, EventListQuery, EventPage, EventQuery, EventSeries,
    EventSort, EventStatus, EventType, ReturnInput, EVENT_COLUMNS,
};
use super::{calendar, input, writes};
use crate::archive;
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};
use crate::db::schema::cities;
use crate::db::{self, Pool, ReadPool};
use crate::error::{
    ApiError, CreateProblems, FieldError, ItemListProblems, ItemProblems, ListProblems, Problem,
    UpdateProblems,
};
use crate::http::etag;
use crate::input::JsonBody;
use crate::listing::{Download, Paging};
use crate::open_data::export::Sharing;
use crate::query::{Checker, NoQuery};

/// Reads a `YYYY-MM-DD` parameter.
fn date(check: &mut Checker, field: &str, raw: Option<&str>) -> Option<chrono::NaiveDate> {
    let raw = raw?;
    match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            check.fail(field, format!("must be a date YYYY-MM-DD, got `{raw}`"));
            None
        }
    }
}

/// Who may list proposals: staff, and city editors (their city's).
fn status_for(
    check: &mut Checker,
    caller: &Caller,
    raw: Option<&str>,
) -> Result<Option<EventStatus>, ApiError> {
    let status = check.enumerated::<EventStatus>("status", raw);
    if status.is_some_and(|s| s != EventStatus::Published) {
        caller.require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?;
    }
    Ok(status)
}

/// Whether a request asks for the calendar: `format=ics`, or no `format` and
/// `Accept: text/calendar`.
fn wants_calendar(req: &HttpRequest, format: Option<&str>) -> bool {
    match format {
        Some(format) => format == "ics",
        None => req
            .headers()
            .get(actix_web::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(calendar::wanted),
    }
}

/// The absolute address the API was asked at, for links in the calendar.
fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

/// A calendar file named `file`.
fn calendar_file(text: String, file: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(calendar::MEDIA_TYPE)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}.ics\""),
        ))
        .body(text)
}

/// Answers a list of events for `filters`: a page, a download, or (`calendar` named so) every
/// matching event as an iCalendar feed.
#[allow(clippy::too_many_arguments)]
async fn answer(
    req: &HttpRequest,
    pool: &Pool,
    filters: EventFilters,
    viewer: Viewer,
    sort: EventSort,
    check: Checker,
    paging: Paging,
    calendar_name: Option<String>,
) -> Result<HttpResponse, ApiError> {
    if let Some(name) = calendar_name {
        let label = queries::sort_label(sort);
        check.finish(None, "events", label)?;
        let events = db::run(pool, move |conn| queries::all(conn, &filters, viewer, sort)).await?;
        return Ok(calendar_file(
            calendar::calendar(&name, &events, &base_url(req)),
            "events",
        ));
    }
    let list = paging.pages_or_download(check, "events", queries::sort_label(sort))?;
    let sharing = if filters.status.unwrap_or(EventStatus::Published) == EventStatus::Published {
        Sharing::Everyone
    } else {
        Sharing::ByCaller
    };
    let download = Download::new("events", EVENT_COLUMNS, sharing);
    list.answer::<EventPage, _, _>(req, pool, download, move |conn, limit, cursor| {
        queries::list(conn, &filters, viewer, sort, limit, cursor)
    })
    .await
}

/// List events.
///
/// Conferences, forums, Academy sessions, Learning City Weeks, award ceremonies, network
/// announcements, seminars and webinars. By default those not yet over come first (soonest
/// first), then past ones (latest first), then those whose days are not known. Filters: `from`
/// and `to` (days, inclusive; an event matches when it overlaps them, and one known only by its
/// year when its year does), `type`, `series`, `city` (taking part or hosting), `organisation`,
/// `network` and `q` (titles). `status=proposed` or `returned` lists proposals: staff see every
/// city's, city editors their city's.
#[utoipa::path(
    tag = "events",
    params(EventListQuery),
    responses(
        (status = 200, description = "A page of events, a download, or an iCalendar feed", content(
            (EventPage = "application/json"),
            (String = "text/calendar")
        )),
        (status = 403, description = "Proposals (`status` other than `published`) asked for by a role that does not see them (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/events")]
pub async fn list_events(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<EventListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let status = status_for(&mut check, &caller, q.status.as_deref())?;
    let filters = EventFilters {
        from: date(&mut check, "from", q.from.as_deref()),
        to: date(&mut check, "to", q.to.as_deref()),
        event_type: check.enumerated::<EventType>("type", q.event_type.as_deref()),
        series: check.slug("series", q.series.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        organisation: check.slug("organisation", q.organisation.as_deref()),
        network: check.slug("network", q.network.as_deref()),
        q: check.search("q", q.q.as_deref()),
        status,
    };
    if let (Some(from), Some(to)) = (filters.from, filters.to) {
        if to < from {
            check.fail("to", "is before `from`");
        }
    }
    let sort = check.sort::<EventSort>(q.sort.as_deref());
    let calendar = wants_calendar(&req, q.format.as_deref())
        .then(|| "Thailand Learning City Platform: events".to_owned());
    answer(
        &req,
        &pool,
        filters,
        Viewer::of(&caller),
        sort,
        check,
        paging,
        calendar,
    )
    .await
}

/// List a city's events.
///
/// The published events a city takes part in or hosts, in the order and with the filters of
/// `GET /events`. 404 when there is no public city with the slug.
#[utoipa::path(
    tag = "events",
    params(
        ("slug" = String, Path, description = "The city's slug", example = "khon-kaen"),
        CityEventListQuery
    ),
    responses(
        (status = 200, description = "A page of the city's events, a download, or an iCalendar feed", content(
            (EventPage = "application/json"),
            (String = "text/calendar")
        )),
        ItemListProblems
    )
)]
#[get("/cities/{slug}/events")]
pub async fn list_city_events(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    query: web::Query<CityEventListQuery>,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = EventFilters {
        from: date(&mut check, "from", q.from.as_deref()),
        to: date(&mut check, "to", q.to.as_deref()),
        event_type: check.enumerated::<EventType>("type", q.event_type.as_deref()),
        city: Some(slug.clone()),
        ..EventFilters::default()
    };
    let sort = check.sort::<EventSort>(q.sort.as_deref());
    let known = slug.clone();
    let found: Option<String> = db::run(&pool, move |conn| {
        Ok(cities::table
            .filter(cities::slug.eq(known))
            .filter(cities::archived_at.is_null())
            .select(cities::name_en)
            .first(conn)
            .optional()?)
    })
    .await?;
    let Some(name) = found else {
        return Err(ApiError::NotFound(format!("no city with slug `{slug}`")));
    };
    let calendar = wants_calendar(&req, q.format.as_deref())
        .then(|| format!("Thailand Learning City Platform: events of {name}"));
    answer(
        &req,
        &pool,
        filters,
        Viewer::Public,
        sort,
        check,
        paging,
        calendar,
    )
    .await
}

/// Get an event.
///
/// A published event with its agenda, participating cities, organisers and sources. A proposal
/// is read by staff and by the editors of the city that proposed it (404 for others). Carries
/// an `ETag`; `If-None-Match` with it gives 304.
#[utoipa::path(
    tag = "events",
    params(
        ("slug" = String, Path, description = "The event's slug", example = "asean-plus-3-learning-cities-conference-2024"),
        EventQuery
    ),
    responses(
        (status = 200, description = "The event, or its iCalendar file", headers(("ETag" = String)), content(
            (Event = "application/json"),
            (String = "text/calendar")
        )),
        (status = 304, description = "Not modified since the `If-None-Match` tag"),
        (status = 400, description = "A bad `format` (`invalid_query`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A calendar was asked for an event whose days are not known (`not_dated`)", body = Problem, content_type = "application/problem+json"),
        ItemProblems
    )
)]
#[get("/events/{slug}")]
pub async fn get_event(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    slug: web::Path<String>,
    query: web::Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut check = Checker::default();
    let format = check.one_of("format", query.format.as_deref(), &["json", "ics"]);
    check.finish(None, "events", "")?;
    let slug = slug.into_inner();
    let viewer = Viewer::of(&caller);
    let event = db::run(&pool, move |conn| queries::get(conn, &slug, viewer)).await?;
    if wants_calendar(&req, format) {
        if event.when.starts_on.is_none() {
            return Err(ApiError::Unprocessable {
                code: "not_dated",
                errors: vec![FieldError::new(
                    "format",
                    "the event's days are not known, so it has no calendar entry",
                )],
            });
        }
        let text = calendar::calendar(
            &event.title.en,
            std::slice::from_ref(&event),
            &base_url(&req),
        );
        return Ok(calendar_file(text, &event.slug));
    }
    etag::respond(&req, StatusCode::OK, &event)
}

/// List event series.
///
/// The series of yearly gatherings (Learning City Week, the ASEAN+3 conference, ...), each with
/// its published editions, newest first, whether or not an edition is recorded yet.
#[utoipa::path(
    tag = "events",
    responses((status = 200, description = "Every series", body = [EventSeries]), ListProblems)
)]
#[get("/event-series")]
pub async fn list_event_series(
    pool: ReadPool,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let list = db::run(&pool, queries::series).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Create an event.
///
/// Admin and secretariat create published events. A city editor proposes one for their city
/// (it must list their city among `cities` or as the venue's): it stays unpublished until the
/// secretariat publishes it. The smallest body is `{slug, type, title: {en, th}, starts_on,
/// ends_on}`; dates are in the event's `time_zone` (default Asia/Bangkok), and `starts_at` and
/// `ends_at` (`HH:MM`) add times.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    request_body(content = EventInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = Event, headers(("ETag" = String), ("Location" = String))),
        CreateProblems
    )
)]
#[post("/events")]
pub async fn create_event(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let changes = input::read(body, true)?;
    let event = db::run(&pool, move |conn| writes::create(conn, &actor, changes)).await?;
    etag::created(&req, &event, format!("/api/v1/events/{}", event.slug))
}

/// Update an event.
///
/// JSON merge patch; a given list (`sessions`, `cities`, `organisers`, `sources`) replaces the
/// event's. Admin and secretariat change any event; a city editor changes their city's
/// proposals (a returned one goes back to the secretariat). Honours `If-Match` (412 when
/// stale).
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The event's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = EventInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Event, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/events/{slug}")]
pub async fn update_event(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let changes = input::read(body, false)?;
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let event = db::run(&pool, move |conn| {
        writes::update(conn, &actor, &slug, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &event)
}

/// Publish a proposed event.
///
/// Admin and secretariat; 409 when it is already published. Honours `If-Match`.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The event's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    responses((status = 200, description = "Published", body = Event, headers(("ETag" = String))), UpdateProblems)
)]
#[post("/events/{slug}/publish")]
pub async fn publish_event(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let event = db::run(&pool, move |conn| {
        writes::review(conn, &actor, &slug, None, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &event)
}

/// Return a proposed event to its city.
///
/// Admin and secretariat, with the reason; the city's editors see it and may change the event,
/// which sends it back. 409 when it is published or already returned. Honours `If-Match`.
#[utoipa::path(
    tag = "events",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The event's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
    ),
    request_body(content = ReturnInput, content_type = "application/json"),
    responses((status = 200, description = "Returned", body = Event, headers(("ETag" = String))), UpdateProblems)
)]
#[post("/events/{slug}/return")]
pub async fn return_event(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    slug: web::Path<String>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let reason = input::read_reason(body)?;
    let if_match = etag::if_match(&req);
    let slug = slug.into_inner();
    let event = db::run(&pool, move |conn| {
        writes::review(conn, &actor, &slug, Some(reason), if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &event)
}

archive::routes! {
    Event, tag = "events", key = "slug": String;
    /// Archive an event.
    ///
    /// Admin and secretariat; hides it from every read. Honours `If-Match`.
    archive_event = "/events/{slug}", "The event's slug";
    /// Restore an archived event.
    ///
    /// Admin only.
    restore_event = "/events/{slug}/restore", "The archived event's slug", [];
}
