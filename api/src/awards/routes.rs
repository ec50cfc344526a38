//! Award endpoints: public reads of programmes, cycles, categories and a city's awards; running
//! a cycle (staff); nominating and withdrawing (city editors and staff); decisions (staff).

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};

use super::queries::{self, CycleFilters, NominationFilters, Reader};
use super::rules::{CYCLE_STATUSES, NOMINATION_STATUSES};
use super::types::{
    CategoryListQuery, CategoryPage, CityAwardPage, Cycle, CycleInput, CycleListQuery, CyclePage,
    DecisionInput, Nomination, NominationInput, NominationListQuery, NominationPage, Programme,
    ProgrammePage, PublicPageQuery, StatusInput,
};
use super::types::{CATEGORY_COLUMNS, CITY_AWARD_COLUMNS, CYCLE_COLUMNS, PROGRAMME_COLUMNS};
use super::writes;
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};
use crate::db::{self, Pool, ReadPool};
use crate::error::{ApiError, Problem};
use crate::error::{CreateProblems, ItemListProblems, ItemProblems, ListProblems, UpdateProblems};
use crate::http::etag;
use crate::input::{Fields, JsonBody};
use crate::query::{Checker, NoQuery};

/// How much of the awards data the caller may see.
fn reader(caller: &Caller) -> Reader {
    match caller {
        Caller::User(u) if STAFF.contains(&u.role) => Reader::Staff,
        Caller::User(u) if u.role == Role::CityEditor => {
            u.city_id.map_or(Reader::Public, Reader::Editor)
        }
        _ => Reader::Public,
    }
}

/// List award programmes.
#[utoipa::path(
    tag = "awards",
    params(PublicPageQuery),
    responses((status = 200, description = "Programmes", body = ProgrammePage), ListProblems)
)]
#[get("/award-programmes")]
pub async fn list_programmes(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<PublicPageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), "award-programmes", "name")?;
    let reader = reader(&caller);
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "award-programmes",
            PROGRAMME_COLUMNS,
            crate::open_data::export::Sharing::ByCaller,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "award-programmes", "name"))
                    .transpose()?;
                let (items, next, _) = queries::list_programmes(
                    conn,
                    reader,
                    crate::open_data::export::CHUNK,
                    cursor.as_ref(),
                )?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_programmes(conn, reader, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(ProgrammePage {
        items,
        next_cursor,
        total,
    }))
}

/// Get an award programme.
///
/// With its eligibility rules and the years of its cycles.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "Programme slug", example = "unesco-learning-city-award")),
    responses((status = 200, description = "The programme", body = Programme, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-programmes/{slug}")]
pub async fn get_programme(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let reader = reader(&caller);
    let programme = db::run(&pool, move |conn| {
        queries::get_programme(conn, &slug, reader)
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &programme)
}

/// List award cycles.
///
/// Newest first. Draft cycles are shown to admin and secretariat only.
#[utoipa::path(
    tag = "awards",
    params(CycleListQuery),
    responses((status = 200, description = "Cycles", body = CyclePage), ListProblems)
)]
#[get("/award-cycles")]
pub async fn list_cycles(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<CycleListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let year = check.year("year", q.year.as_deref());
    let filters = CycleFilters {
        programme: check.slug("programme", q.programme.as_deref()),
        year,
        status: check
            .one_of("status", q.status.as_deref(), CYCLE_STATUSES)
            .map(str::to_owned),
    };
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), "award-cycles", "-year")?;
    let reader = reader(&caller);
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "award-cycles",
            CYCLE_COLUMNS,
            crate::open_data::export::Sharing::ByCaller,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "award-cycles", "-year"))
                    .transpose()?;
                let (items, next, _) = queries::list_cycles(
                    conn,
                    reader,
                    &filters,
                    crate::open_data::export::CHUNK,
                    cursor.as_ref(),
                )?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_cycles(conn, reader, &filters, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(CyclePage {
        items,
        next_cursor,
        total,
    }))
}

/// Get an award cycle.
///
/// With its categories and, once published, its results.
#[utoipa::path(
    tag = "awards",
    params(("id" = i64, Path, description = "Cycle id")),
    responses((status = 200, description = "The cycle", body = Cycle, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-cycles/{id}")]
pub async fn get_cycle(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reader = reader(&caller);
    let (cycle, _) = db::run(&pool, move |conn| queries::get_cycle(conn, id, reader)).await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}

/// Create an award cycle.
///
/// Admin and secretariat. The cycle starts as a draft, with its categories.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    request_body(content = CycleInput, content_type = "application/json"),
    responses((status = 201, description = "Created", body = Cycle, headers(("ETag" = String), ("Location" = String))), CreateProblems)
)]
#[post("/award-cycles")]
pub async fn create_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = writes::read_cycle(body, true)?;
    let cycle = db::run(&pool, move |conn| {
        writes::create_cycle(conn, &actor, changes)
    })
    .await?;
    etag::created(&req, &cycle, format!("/api/v1/award-cycles/{}", cycle.id))
}

/// Edit an award cycle.
///
/// JSON merge patch of its texts and dates, until it is published. Admin and secretariat.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Cycle id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = CycleInput, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "Updated", body = Cycle, headers(("ETag" = String))), UpdateProblems)
)]
#[patch("/award-cycles/{id}")]
pub async fn update_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let changes = writes::read_cycle(body, false)?;
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let cycle = db::run(&pool, move |conn| {
        writes::update_cycle(conn, &actor, id, changes, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}

/// Move an award cycle to its next stage.
///
/// draft -> open -> judging -> closed -> published, one step at a time (409
/// `illegal_transition` otherwise). Publishing makes the results public and marks undecided
/// nominations `not_awarded`. Admin and secretariat.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Cycle id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = StatusInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Moved", body = Cycle, headers(("ETag" = String))),
        (status = 409, description = "Not the next stage (`illegal_transition`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/award-cycles/{id}/status")]
pub async fn transition_cycle(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let mut f = Fields::new(body.0)?;
    let to = f.choice("status", CYCLE_STATUSES);
    f.require("status", &to);
    f.finish()?;
    let to = to.set().unwrap_or_default();
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let cycle = db::run(&pool, move |conn| {
        writes::transition(conn, &actor, id, &to, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &cycle)
}

/// List award categories.
#[utoipa::path(
    tag = "awards",
    params(CategoryListQuery),
    responses((status = 200, description = "Categories", body = CategoryPage), ListProblems)
)]
#[get("/award-categories")]
pub async fn list_categories(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    query: web::Query<CategoryListQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let programme = check.slug("programme", q.programme.as_deref());
    let cycle = check.id("cycle", q.cycle.as_deref());
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), "award-categories", "cycle")?;
    let reader = reader(&caller);
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "award-categories",
            CATEGORY_COLUMNS,
            crate::open_data::export::Sharing::ByCaller,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "award-categories", "cycle"))
                    .transpose()?;
                let (items, next, _) = queries::list_categories(
                    conn,
                    reader,
                    programme.clone(),
                    cycle,
                    crate::open_data::export::CHUNK,
                    cursor.as_ref(),
                )?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_categories(conn, reader, programme, cycle, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(CategoryPage {
        items,
        next_cursor,
        total,
    }))
}

/// Get an award category.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "Category slug")),
    responses((status = 200, description = "The category", body = super::types::Category, headers(("ETag" = String))), (status = 304, description = "Not modified"), ItemProblems)
)]
#[get("/award-categories/{slug}")]
pub async fn get_category(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    slug: web::Path<String>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let reader = reader(&caller);
    let category = db::run(&pool, move |conn| {
        queries::get_category(conn, &slug, reader)
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &category)
}

/// A city's awards.
///
/// The published awards the city won, newest first.
#[utoipa::path(
    tag = "awards",
    params(("slug" = String, Path, description = "City slug", example = "cork"), PublicPageQuery),
    responses((status = 200, description = "Awards", body = CityAwardPage), ItemListProblems)
)]
#[get("/cities/{slug}/awards")]
pub async fn city_awards(
    req: HttpRequest,
    pool: ReadPool,
    slug: web::Path<String>,
    query: web::Query<PublicPageQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let limit = check.limit(q.limit.as_deref());
    let format = crate::open_data::export::negotiate(
        &req,
        &mut check,
        q.format.as_deref(),
        q.bom.as_deref(),
    );
    let cursor = check.finish(q.cursor.as_deref(), "city-awards", "-year")?;
    let slug = slug.into_inner();
    if format.is_export() {
        // An unknown city is a 404 before any byte is streamed.
        let probe = slug.clone();
        db::run(&pool, move |conn| {
            queries::city_awards(conn, &probe, 1, None)
        })
        .await?;
    }
    if format.is_export() {
        return Ok(crate::open_data::export::stream(
            &req,
            &pool,
            format,
            "city-awards",
            CITY_AWARD_COLUMNS,
            crate::open_data::export::Sharing::Everyone,
            Box::new(move |conn, raw| {
                let cursor = raw
                    .map(|r| crate::pagination::Cursor::decode(r, "city-awards", "-year"))
                    .transpose()?;
                let (items, next, _) = queries::city_awards(
                    conn,
                    &slug,
                    crate::open_data::export::CHUNK,
                    cursor.as_ref(),
                )?;
                Ok((items, next))
            }),
        ));
    }
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::city_awards(conn, &slug, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok().json(CityAwardPage {
        items,
        next_cursor,
        total,
    }))
}

/// List nominations.
///
/// Admin and secretariat see all; a city editor sees their own city's. Never public: the
/// public sees winners in published results.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(NominationListQuery),
    responses(
        (status = 200, description = "Nominations", body = NominationPage),
        (status = 403, description = "Role without access to nominations", body = Problem, content_type = "application/problem+json"),
        ListProblems
    )
)]
#[get("/nominations")]
pub async fn list_nominations(
    pool: ReadPool,
    caller: Caller,
    query: web::Query<NominationListQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?;
    let q = query.into_inner();
    let mut check = Checker::default();
    let filters = NominationFilters {
        cycle: check.id("cycle", q.cycle.as_deref()),
        category: check.slug("category", q.category.as_deref()),
        city: check.slug("city", q.city.as_deref()),
        status: check
            .one_of("status", q.status.as_deref(), NOMINATION_STATUSES)
            .map(str::to_owned),
    };
    let limit = check.limit(q.limit.as_deref());
    let cursor = check.finish(q.cursor.as_deref(), "nominations", "id")?;
    let reader = reader(&caller);
    let (items, next_cursor, total) = db::run(&pool, move |conn| {
        queries::list_nominations(conn, reader, &filters, limit, cursor.as_ref())
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(NominationPage {
            items,
            next_cursor,
            total,
        }))
}

/// Get a nomination.
///
/// Admin and secretariat, or the editor of the nominated city.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "The nomination", body = Nomination, headers(("ETag" = String))),
        (status = 304, description = "Not modified"),
        (status = 403, description = "Role without access to nominations", body = Problem, content_type = "application/problem+json"),
        ItemProblems
    )
)]
#[get("/nominations/{id}")]
pub async fn get_nomination(
    req: HttpRequest,
    pool: ReadPool,
    caller: Caller,
    id: web::Path<i64>,
    _q: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?;
    let id = id.into_inner();
    let reader = reader(&caller);
    let (nomination, _) =
        db::run(&pool, move |conn| queries::get_nomination(conn, id, reader)).await?;
    etag::respond(&req, StatusCode::OK, &nomination)
}

/// Nominate a city.
///
/// A city editor nominates their own city (staff may nominate any) into a category of an open
/// cycle, before its deadline, once per category. The programme's eligibility rules apply; a
/// refusal (422 `not_eligible`) explains which rule failed.
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    request_body(content = NominationInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Submitted", body = Nomination, headers(("ETag" = String), ("Location" = String))),
        (status = 409, description = "Cycle not open, window closed or duplicate (`cycle_not_open`, `nomination_window_closed`, `duplicate_nomination`)", body = Problem, content_type = "application/problem+json"),
        CreateProblems
    )
)]
#[post("/nominations")]
pub async fn create_nomination(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let changes = writes::read_nomination(body)?;
    let nomination = db::run(&pool, move |conn| writes::nominate(conn, &actor, changes)).await?;
    etag::created(
        &req,
        &nomination,
        format!("/api/v1/nominations/{}", nomination.id),
    )
}

/// Withdraw a nomination.
///
/// The nominated city's editor or staff, while the cycle is still open (409
/// `withdrawal_closed` after).
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id")),
    responses(
        (status = 200, description = "Withdrawn", body = Nomination),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such nomination", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Too late (`withdrawal_closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Database unavailable", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/nominations/{id}/withdraw")]
pub async fn withdraw_nomination(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = caller
        .require(&[Role::Admin, Role::Secretariat, Role::CityEditor])?
        .clone();
    let reader = reader(&caller);
    let id = id.into_inner();
    let nomination = db::run(&pool, move |conn| {
        writes::withdraw(conn, &actor, reader, id)
    })
    .await?;
    Ok(HttpResponse::Ok().json(nomination))
}

/// Decide on a nomination.
///
/// Admin and secretariat, while the cycle is judging or closed: `shortlisted`, `winner`,
/// `not_awarded` or back to `submitted`. The programme's limit of winners per country applies
/// (409 `country_winner_limit`).
#[utoipa::path(
    tag = "awards",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Nomination id"), ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")),
    request_body(content = DecisionInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Decided", body = Nomination, headers(("ETag" = String))),
        (status = 409, description = "Wrong stage or limit reached (`illegal_decision`, `country_winner_limit`)", body = Problem, content_type = "application/problem+json"),
        UpdateProblems
    )
)]
#[post("/nominations/{id}/decision")]
pub async fn decide_nomination(
    req: HttpRequest,
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<i64>,
    body: JsonBody,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let mut f = Fields::new(body.0)?;
    let to = f.choice(
        "status",
        &["submitted", "shortlisted", "winner", "not_awarded"],
    );
    f.require("status", &to);
    f.finish()?;
    let to = to.set().unwrap_or_default();
    let if_match = etag::if_match(&req);
    let id = id.into_inner();
    let nomination = db::run(&pool, move |conn| {
        writes::decide(conn, &actor, Reader::Staff, id, &to, if_match.as_deref())
    })
    .await?;
    etag::respond(&req, StatusCode::OK, &nomination)
}
