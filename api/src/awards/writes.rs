//! Running a cycle: creating and editing cycles, moving them through their stages, nominating,
//! withdrawing and deciding. Every write is one transaction with its audit entry.

use diesel::prelude::*;

use super::queries::{get_cycle, get_nomination, Reader};
use super::rules::{self, Facts, Rules, Window};
use super::types::{Cycle, Nomination};
use crate::audit;
use crate::auth::{Role, User};
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, memberships, networks, nominations,
};
use crate::db::{lock_row, now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::{Fields, JsonBody, Patch};
use crate::text::slugify;

fn conflict(code: &'static str, detail: impl Into<String>) -> ApiError {
    ApiError::conflict(code, detail)
}

/// A category to create with a cycle.
struct NewCategory {
    slug: Option<String>,
    name_en: String,
    name_th: Option<String>,
    description_en: Option<String>,
    description_th: Option<String>,
}

/// Checked fields of a cycle write.
pub struct CycleChanges {
    programme: Patch<String>,
    year: Patch<i64>,
    title_en: Patch<String>,
    title_th: Patch<String>,
    opens: Patch<chrono::NaiveDate>,
    closes: Patch<chrono::NaiveDate>,
    ceremony_on: Patch<chrono::NaiveDate>,
    ceremony_en: Patch<String>,
    ceremony_th: Patch<String>,
    summary_en: Patch<String>,
    summary_th: Patch<String>,
    criteria: Patch<Vec<String>>,
    source_url: Patch<String>,
    framework: Patch<String>,
    categories: Vec<NewCategory>,
}

/// Reads a cycle body; on create `programme`, `year`, `title.en` and at least one category.
pub fn read_cycle(body: JsonBody, creating: bool) -> Result<CycleChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&[
        "id",
        "status",
        "published_at",
        "results",
        "created_at",
        "updated_at",
    ]);
    if !creating {
        f.read_only(&["programme", "year", "categories"]);
    }
    let programme = f.slug("programme");
    let year = f.integer("year", 1900..=2200);
    let (title_en, title_th) = f.localized_parts("title", 300);
    let opens = f.date("nominations_open_on");
    let closes = f.date("nominations_close_on");
    let ceremony_on = f.date("ceremony_on");
    let (ceremony_en, ceremony_th) = f.localized_parts("ceremony", 500);
    let (summary_en, summary_th) = f.localized_parts("summary", 5000);
    let criteria = f.strings("criteria", 500);
    let source_url = f.url("source_url");
    let framework = f.slug("framework");
    let mut categories = Vec::new();
    if creating {
        match f.array("categories") {
            Some(items) if !items.is_empty() && items.len() <= 50 => {
                for (i, item) in items.into_iter().enumerate() {
                    let mut c = match Fields::nested(item, &format!("categories[{i}].")) {
                        Ok(c) => c,
                        Err(message) => {
                            f.fail(&format!("categories[{i}]"), message);
                            continue;
                        }
                    };
                    let slug = c.slug("slug").set();
                    let (en, th) = c.localized_parts("name", 200);
                    let (den, dth) = c.localized_parts("description", 2000);
                    c.require("name.en", &en);
                    f.absorb(c);
                    if let Some(name_en) = en.set() {
                        categories.push(NewCategory {
                            slug,
                            name_en,
                            name_th: th.set(),
                            description_en: den.set(),
                            description_th: dth.set(),
                        });
                    }
                }
            }
            _ => f.fail("categories", "must be a list of 1 to 50 categories"),
        }
        f.require("programme", &programme);
        f.require("year", &year);
        f.require("title.en", &title_en);
    }
    if matches!(title_en, Patch::Null) {
        f.fail("title.en", "cannot be cleared");
    }
    if let (Patch::Set(o), Patch::Set(c)) = (&opens, &closes) {
        if c < o {
            f.fail(
                "nominations_close_on",
                "must not be before nominations_open_on",
            );
        }
    }
    f.finish()?;
    Ok(CycleChanges {
        programme,
        year,
        title_en,
        title_th,
        opens,
        closes,
        ceremony_on,
        ceremony_en,
        ceremony_th,
        summary_en,
        summary_th,
        criteria,
        source_url,
        framework,
        categories,
    })
}

/// The id of a framework by slug (422 on `framework` when unknown).
fn framework_id(conn: &mut DbConnection, slug: &str) -> Result<i64, ApiError> {
    use crate::db::schema::frameworks;
    frameworks::table
        .filter(frameworks::slug.eq(slug))
        .select(frameworks::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::field("framework", format!("no framework `{slug}`")))
}

/// Creates a draft cycle with its categories.
pub fn create_cycle(
    conn: &mut DbConnection,
    actor: &User,
    ch: CycleChanges,
) -> Result<Cycle, ApiError> {
    write_transaction(conn, |conn| {
        let programme_slug = ch.programme.set().unwrap_or_default();
        let year = ch
            .year
            .set()
            .and_then(|y| i32::try_from(y).ok())
            .unwrap_or_default();
        let programme: i64 = award_programmes::table
            .filter(award_programmes::slug.eq(&programme_slug))
            .select(award_programmes::id)
            .first(conn)
            .optional()?
            .ok_or_else(|| {
                ApiError::field(
                    "programme",
                    format!("no award programme `{programme_slug}`"),
                )
            })?;
        lock_row(conn, "award_programmes", programme)?;
        let taken: i64 = award_cycles::table
            .filter(award_cycles::programme_id.eq(programme))
            .filter(award_cycles::year.eq(year))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(conflict(
                "duplicate",
                format!("{programme_slug} already has a {year} cycle"),
            ));
        }
        let framework = ch
            .framework
            .set()
            .map(|slug| framework_id(conn, &slug))
            .transpose()?;
        let at = now();
        let id: i64 = diesel::insert_into(award_cycles::table)
            .values((
                award_cycles::framework_id.eq(framework),
                award_cycles::programme_id.eq(programme),
                award_cycles::year.eq(year),
                award_cycles::title_en.eq(ch.title_en.set().unwrap_or_default()),
                award_cycles::title_th.eq(ch.title_th.set()),
                award_cycles::status.eq("draft"),
                award_cycles::nominations_open_on.eq(ch.opens.set()),
                award_cycles::nominations_close_on.eq(ch.closes.set()),
                award_cycles::ceremony_on.eq(ch.ceremony_on.set()),
                award_cycles::ceremony_en.eq(ch.ceremony_en.set()),
                award_cycles::ceremony_th.eq(ch.ceremony_th.set()),
                award_cycles::summary_en.eq(ch.summary_en.set()),
                award_cycles::summary_th.eq(ch.summary_th.set()),
                award_cycles::criteria.eq(ch
                    .criteria
                    .set()
                    .map(|c| serde_json::Value::from(c).to_string())),
                award_cycles::source_url.eq(ch.source_url.set()),
                award_cycles::created_at.eq(at),
                award_cycles::updated_at.eq(at),
            ))
            .returning(award_cycles::id)
            .get_result(conn)?;
        let mut errors = Vec::new();
        for (position, category) in ch.categories.into_iter().enumerate() {
            let slug = category.slug.unwrap_or_else(|| {
                slugify(&format!("{programme_slug} {year} {}", category.name_en))
            });
            let used: i64 = award_categories::table
                .filter(award_categories::slug.eq(&slug))
                .count()
                .get_result(conn)?;
            if used > 0 {
                errors.push(FieldError::new(
                    format!("categories[{position}].slug"),
                    format!("`{slug}` is taken"),
                ));
                continue;
            }
            diesel::insert_into(award_categories::table)
                .values((
                    award_categories::cycle_id.eq(id),
                    award_categories::slug.eq(&slug),
                    award_categories::name_en.eq(&category.name_en),
                    award_categories::name_th.eq(&category.name_th),
                    award_categories::description_en.eq(&category.description_en),
                    award_categories::description_th.eq(&category.description_th),
                    award_categories::position.eq(i32::try_from(position).unwrap_or_default()),
                    award_categories::created_at.eq(at),
                    award_categories::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let (cycle, _) = get_cycle(conn, id, Reader::Staff)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "award_cycle",
            &id.to_string(),
            None,
            Some(&cycle),
        )?;
        Ok(cycle)
    })
}

#[derive(AsChangeset)]
#[diesel(table_name = award_cycles)]
struct CycleChangeset {
    title_en: Option<String>,
    title_th: Option<Option<String>>,
    nominations_open_on: Option<Option<chrono::NaiveDate>>,
    nominations_close_on: Option<Option<chrono::NaiveDate>>,
    ceremony_on: Option<Option<chrono::NaiveDate>>,
    ceremony_en: Option<Option<String>>,
    ceremony_th: Option<Option<String>>,
    summary_en: Option<Option<String>>,
    summary_th: Option<Option<String>>,
    criteria: Option<Option<String>>,
    source_url: Option<Option<String>>,
    framework_id: Option<Option<i64>>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// Edits a cycle's texts and dates (any stage before publication).
pub fn update_cycle(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    ch: CycleChanges,
    if_match: Option<&str>,
) -> Result<Cycle, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = get_cycle(conn, id, Reader::Staff)?;
        etag::check(if_match, &etag::of(&before)?)?;
        if before.status == "published" {
            return Err(conflict(
                "cycle_published",
                "a published cycle can no longer be edited",
            ));
        }
        let opens = ch.opens.merged(before.nominations_open_on);
        let closes = ch.closes.merged(before.nominations_close_on);
        if let (Some(o), Some(c)) = (opens, closes) {
            if c < o {
                return Err(ApiError::field(
                    "nominations_close_on",
                    "must not be before nominations_open_on",
                ));
            }
        }
        let changes = CycleChangeset {
            title_en: ch.title_en.set(),
            title_th: ch.title_th.into_change(),
            nominations_open_on: ch.opens.into_change(),
            nominations_close_on: ch.closes.into_change(),
            ceremony_on: ch.ceremony_on.into_change(),
            ceremony_en: ch.ceremony_en.into_change(),
            ceremony_th: ch.ceremony_th.into_change(),
            summary_en: ch.summary_en.into_change(),
            summary_th: ch.summary_th.into_change(),
            criteria: ch
                .criteria
                .into_change()
                .map(|c| c.map(|c| serde_json::Value::from(c).to_string())),
            source_url: ch.source_url.into_change(),
            framework_id: match ch.framework {
                Patch::Set(slug) => Some(Some(framework_id(conn, &slug)?)),
                Patch::Null => Some(None),
                Patch::Absent => None,
            },
            version: version + 1,
            updated_at: now(),
        };
        let updated = diesel::update(
            award_cycles::table
                .filter(award_cycles::id.eq(id))
                .filter(award_cycles::version.eq(version)),
        )
        .set(&changes)
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("cycle"));
        }
        let (after, _) = get_cycle(conn, id, Reader::Staff)?;
        audit::record(
            conn,
            Some(actor),
            "update",
            "award_cycle",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Moves a cycle one stage forward. Publishing turns undecided nominations into `not_awarded`.
pub fn transition(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    to: &str,
    if_match: Option<&str>,
) -> Result<Cycle, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = get_cycle(conn, id, Reader::Staff)?;
        etag::check(if_match, &etag::of(&before)?)?;
        if !rules::transition_allowed(&before.status, to) {
            return Err(conflict(
                "illegal_transition",
                format!("a cycle moves one stage at a time (draft, open, judging, closed, published); it is `{}`, not ready for `{to}`", before.status),
            ));
        }
        if to == "open" && before.categories.is_empty() {
            return Err(conflict(
                "illegal_transition",
                "a cycle needs at least one category before it opens",
            ));
        }
        let at = now();
        let updated = diesel::update(
            award_cycles::table
                .filter(award_cycles::id.eq(id))
                .filter(award_cycles::version.eq(version)),
        )
        .set((
            award_cycles::status.eq(to),
            award_cycles::published_at.eq((to == "published").then_some(at)),
            award_cycles::version.eq(version + 1),
            award_cycles::updated_at.eq(at),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("cycle"));
        }
        if to == "published" {
            let undecided: Vec<i64> = nominations::table
                .filter(nominations::cycle_id.eq(id))
                .filter(nominations::status.eq_any(["submitted", "shortlisted"]))
                .select(nominations::id)
                .load(conn)?;
            for nomination in undecided {
                let (before, _) = get_nomination(conn, nomination, Reader::Staff)?;
                diesel::update(nominations::table.find(nomination))
                    .set((
                        nominations::status.eq("not_awarded"),
                        nominations::version.eq(nominations::version + 1),
                        nominations::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                let (after, _) = get_nomination(conn, nomination, Reader::Staff)?;
                audit::record(
                    conn,
                    Some(actor),
                    "close_undecided",
                    "nomination",
                    &nomination.to_string(),
                    Some(&before),
                    Some(&after),
                )?;
            }
        }
        let (after, _) = get_cycle(conn, id, Reader::Staff)?;
        audit::record(
            conn,
            Some(actor),
            to,
            "award_cycle",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Checked fields of a nomination.
pub struct NominationChanges {
    category: String,
    city: Option<String>,
    statement: Option<String>,
    evidence_links: Vec<String>,
}

/// Reads a nomination body.
pub fn read_nomination(body: JsonBody) -> Result<NominationChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    let category = f.slug("category");
    let city = f.slug("city");
    let statement = f.text("statement", 10_000);
    let links = f.strings("evidence_links", 500);
    f.require("category", &category);
    let links = links.set().unwrap_or_default();
    if links.len() > 20 {
        f.fail("evidence_links", "at most 20 links");
    }
    for (i, link) in links.iter().enumerate() {
        if !(link.starts_with("https://") || link.starts_with("http://"))
            || link.contains(char::is_whitespace)
        {
            f.fail(
                &format!("evidence_links[{i}]"),
                "must be an http:// or https:// URL",
            );
        }
    }
    f.finish()?;
    Ok(NominationChanges {
        category: category.set().unwrap_or_default(),
        city: city.set(),
        statement: statement.set(),
        evidence_links: links,
    })
}

/// The rules of the programme a cycle belongs to.
fn programme_rules(
    conn: &mut DbConnection,
    cycle: i64,
) -> Result<(i64, Rules, Option<i64>), ApiError> {
    type Row = (
        i64,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<i32>,
        Option<i32>,
        Option<i32>,
    );
    let r: Row = award_cycles::table
        .inner_join(award_programmes::table.left_join(networks::table))
        .filter(award_cycles::id.eq(cycle))
        .select((
            award_programmes::id,
            award_programmes::eligible_country,
            award_programmes::membership_network_id,
            networks::slug.nullable(),
            award_programmes::min_membership_months,
            award_programmes::cooldown_years,
            award_programmes::max_winners_per_country,
        ))
        .first(conn)?;
    Ok((
        r.0,
        Rules {
            country: r.1,
            network: r.3,
            min_membership_months: r.4,
            cooldown_years: r.5,
            max_winners_per_country: r.6,
        },
        r.2,
    ))
}

/// Winners from `country` in `cycle`, not counting nomination `except`.
fn country_winners(
    conn: &mut DbConnection,
    cycle: i64,
    country: &str,
    except: i64,
) -> Result<i64, ApiError> {
    Ok(nominations::table
        .inner_join(cities::table)
        .filter(nominations::cycle_id.eq(cycle))
        .filter(nominations::status.eq("winner"))
        .filter(cities::country_code.eq(country))
        .filter(nominations::id.ne(except))
        .count()
        .get_result(conn)?)
}

/// Nominates a city into a category of an open cycle, before its deadline, at most once, when
/// the programme's rules allow it. A city editor nominates their own city.
pub fn nominate(
    conn: &mut DbConnection,
    actor: &User,
    ch: NominationChanges,
) -> Result<Nomination, ApiError> {
    write_transaction(conn, |conn| {
        let (category, cycle, cycle_year, cycle_status, opens, closes): (
            i64,
            i64,
            i32,
            String,
            Option<chrono::NaiveDate>,
            Option<chrono::NaiveDate>,
        ) = award_categories::table
            .inner_join(award_cycles::table)
            .filter(award_categories::slug.eq(&ch.category))
            .filter(award_cycles::status.ne("draft"))
            .select((
                award_categories::id,
                award_cycles::id,
                award_cycles::year,
                award_cycles::status,
                award_cycles::nominations_open_on,
                award_cycles::nominations_close_on,
            ))
            .first(conn)
            .optional()?
            .ok_or_else(|| {
                ApiError::field("category", format!("no award category `{}`", ch.category))
            })?;
        lock_row(conn, "award_categories", category)?;
        let city_filter = match (&ch.city, actor.role, actor.city_id) {
            (_, Role::CityEditor, Some(own)) => {
                let own_slug: String = cities::table.find(own).select(cities::slug).first(conn)?;
                if ch.city.as_ref().is_some_and(|c| *c != own_slug) {
                    return Err(ApiError::forbidden(
                        "forbidden",
                        "a city editor nominates only their own city",
                    ));
                }
                own_slug
            }
            (Some(slug), _, _) => slug.clone(),
            (None, _, _) => return Err(ApiError::field("city", "is required")),
        };
        let (city, country): (i64, String) = cities::table
            .filter(cities::slug.eq(&city_filter))
            .filter(cities::archived_at.is_null())
            .select((cities::id, cities::country_code))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::field("city", format!("no city with slug `{city_filter}`")))?;
        if cycle_status != "open" {
            return Err(conflict(
                "cycle_not_open",
                format!(
                    "the cycle is `{cycle_status}`; nominations are taken only while it is open"
                ),
            ));
        }
        let today = chrono::Utc::now().date_naive();
        match rules::window(today, opens, closes) {
            Window::Open => {}
            Window::NotYetOpen => {
                return Err(conflict(
                    "nomination_window_closed",
                    format!("nominations open on {}", opens.unwrap_or(today)),
                ));
            }
            Window::Closed => {
                return Err(conflict(
                    "nomination_window_closed",
                    format!("the deadline was {}", closes.unwrap_or(today)),
                ));
            }
        }
        let existing: i64 = nominations::table
            .filter(nominations::category_id.eq(category))
            .filter(nominations::city_id.eq(city))
            .filter(nominations::status.ne("withdrawn"))
            .count()
            .get_result(conn)?;
        if existing > 0 {
            return Err(conflict(
                "duplicate_nomination",
                "the city is already nominated in this category of this cycle",
            ));
        }
        let (programme, rules, network) = programme_rules(conn, cycle)?;
        let member_since = match network {
            Some(network) => memberships::table
                .filter(memberships::city_id.eq(city))
                .filter(memberships::network_id.eq(network))
                .filter(memberships::archived_at.is_null())
                .filter(memberships::status.eq("active"))
                .select((memberships::joined_on, memberships::joined_year))
                .load::<(Option<chrono::NaiveDate>, Option<i32>)>(conn)?
                .into_iter()
                .filter_map(|(on, year)| rules::membership_start(on, year))
                .min(),
            None => None,
        };
        let past_wins: Vec<i32> = nominations::table
            .inner_join(award_cycles::table)
            .filter(nominations::city_id.eq(city))
            .filter(nominations::status.eq("winner"))
            .filter(award_cycles::programme_id.eq(programme))
            .filter(award_cycles::status.eq("published"))
            .filter(award_cycles::year.lt(cycle_year))
            .select(award_cycles::year)
            .load(conn)?;
        let facts = Facts {
            country_winners: country_winners(conn, cycle, &country, -1)?,
            country,
            member_since,
            past_wins,
            cycle_year,
            today,
        };
        let refused = rules::refusals(&rules, &facts);
        if !refused.is_empty() {
            return Err(ApiError::refused(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                "not_eligible",
                refused
                    .iter()
                    .map(|r| r.reason.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(nominations::table)
            .values((
                nominations::cycle_id.eq(cycle),
                nominations::category_id.eq(category),
                nominations::city_id.eq(city),
                nominations::status.eq("submitted"),
                nominations::statement.eq(&ch.statement),
                nominations::evidence_links
                    .eq(serde_json::to_string(&ch.evidence_links).unwrap_or_else(|_| "[]".into())),
                nominations::submitted_by.eq(actor.id),
                nominations::created_at.eq(at),
                nominations::updated_at.eq(at),
            ))
            .returning(nominations::id)
            .get_result(conn)?;
        let (created, _) = get_nomination(conn, id, Reader::Staff)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "nomination",
            &id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

/// Withdraws a nomination (its city's editor or staff), until judging starts.
pub fn withdraw(
    conn: &mut DbConnection,
    actor: &User,
    reader: Reader,
    id: i64,
) -> Result<Nomination, ApiError> {
    decide(conn, actor, reader, id, "withdrawn", None)
}

/// Sets a nomination's status. Staff decide (`submitted`, `shortlisted`, `winner`,
/// `not_awarded`) while the cycle is judging or closed; `withdrawn` is the withdrawal.
pub fn decide(
    conn: &mut DbConnection,
    actor: &User,
    reader: Reader,
    id: i64,
    to: &str,
    if_match: Option<&str>,
) -> Result<Nomination, ApiError> {
    write_transaction(conn, |conn| {
        let (before, _) = get_nomination(conn, id, reader)?;
        // Decisions of one cycle queue up, so the limit per country sees every winner; the
        // nomination is read again under the lock.
        lock_row(conn, "award_cycles", before.cycle_id)?;
        let (before, version) = get_nomination(conn, id, reader)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let (cycle_status, country): (String, String) = nominations::table
            .inner_join(award_cycles::table)
            .inner_join(cities::table)
            .filter(nominations::id.eq(id))
            .select((award_cycles::status, cities::country_code))
            .first(conn)?;
        if to == "withdrawn" {
            if !rules::withdrawal_allowed(&cycle_status, &before.status) {
                return Err(conflict(
                    "withdrawal_closed",
                    format!("a submitted nomination can be withdrawn only while the cycle is open (it is `{cycle_status}`, the nomination `{}`)", before.status),
                ));
            }
        } else if !rules::decision_allowed(&cycle_status, &before.status, to) {
            return Err(conflict(
                "illegal_decision",
                format!("decisions are made while the cycle is judging or closed (it is `{cycle_status}`); withdrawn nominations are final"),
            ));
        }
        if to == "winner" {
            let (_, rules, _) = programme_rules(conn, before.cycle_id)?;
            if let Some(max) = rules.max_winners_per_country {
                if country_winners(conn, before.cycle_id, &country, id)? >= i64::from(max) {
                    return Err(conflict(
                        "country_winner_limit",
                        format!("at most {max} winner(s) per country per cycle; {country} has that many"),
                    ));
                }
            }
        }
        let updated = diesel::update(
            nominations::table
                .filter(nominations::id.eq(id))
                .filter(nominations::version.eq(version)),
        )
        .set((
            nominations::status.eq(to),
            nominations::version.eq(version + 1),
            nominations::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("nomination"));
        }
        let (after, _) = get_nomination(conn, id, Reader::Staff)?;
        let action = if to == "withdrawn" {
            "withdraw"
        } else {
            "decide"
        };
        audit::record(
            conn,
            Some(actor),
            action,
            "nomination",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
