//! Nominating, withdrawing and deciding, and closing the undecided nominations of a cycle being
//! published. Every write is one transaction with its audit entry.

use diesel::prelude::*;

use super::input::NominationChanges;
use super::queries::{country_winners, get_nomination, programme_rules};
use super::types::{Nomination, NominationStatus, TargetRow};
use crate::audit;
use crate::auth::{Role, User};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::rules::{self, Facts, Window};
use crate::awards::Reader;
use crate::db::schema::{award_categories, award_cycles, cities, memberships, nominations};
use crate::db::{lock_row, now, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::etag;
use crate::networks::types::MembershipStatus;

/// Nominates a city into a category of an open cycle, before its deadline, at most once, when
/// the programme's rules allow it. A city editor nominates their own city.
pub fn nominate(
    conn: &mut DbConnection,
    actor: &User,
    ch: NominationChanges,
) -> Result<Nomination, ApiError> {
    write_transaction(conn, |conn| {
        let target = award_categories::table
            .inner_join(award_cycles::table)
            .filter(award_categories::slug.eq(&ch.category))
            .filter(award_cycles::status.ne(CycleStatus::Draft))
            .select(TargetRow::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| {
                ApiError::field("category", format!("no award category `{}`", ch.category))
            })?;
        let TargetRow {
            id: category,
            cycle,
            year: cycle_year,
            status: cycle_status,
            opens,
            closes,
        } = target;
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
        if cycle_status != CycleStatus::Open {
            return Err(ApiError::conflict(
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
                return Err(ApiError::conflict(
                    "nomination_window_closed",
                    format!("nominations open on {}", opens.unwrap_or(today)),
                ));
            }
            Window::Closed => {
                return Err(ApiError::conflict(
                    "nomination_window_closed",
                    format!("the deadline was {}", closes.unwrap_or(today)),
                ));
            }
        }
        let existing: i64 = nominations::table
            .filter(nominations::category_id.eq(category))
            .filter(nominations::city_id.eq(city))
            .filter(nominations::status.ne(NominationStatus::Withdrawn))
            .count()
            .get_result(conn)?;
        if existing > 0 {
            return Err(ApiError::conflict(
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
                .filter(memberships::status.eq(MembershipStatus::Active))
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
            .filter(nominations::status.eq(NominationStatus::Winner))
            .filter(award_cycles::programme_id.eq(programme))
            .filter(award_cycles::status.eq(CycleStatus::Published))
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
                nominations::status.eq(NominationStatus::Submitted),
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
    decide(conn, actor, reader, id, NominationStatus::Withdrawn, None)
}

/// Sets a nomination's status. Staff decide (`submitted`, `shortlisted`, `winner`,
/// `not_awarded`) while the cycle is judging or closed; `withdrawn` is the withdrawal.
pub fn decide(
    conn: &mut DbConnection,
    actor: &User,
    reader: Reader,
    id: i64,
    to: NominationStatus,
    if_match: Option<&str>,
) -> Result<Nomination, ApiError> {
    write_transaction(conn, |conn| {
        let (before, _) = get_nomination(conn, id, reader)?;
        // Decisions of one cycle queue up, so the limit per country sees every winner; the
        // nomination is read again under the lock.
        lock_row(conn, "award_cycles", before.cycle_id)?;
        let (before, version) = get_nomination(conn, id, reader)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let (cycle_status, country): (CycleStatus, String) = nominations::table
            .inner_join(award_cycles::table)
            .inner_join(cities::table)
            .filter(nominations::id.eq(id))
            .select((award_cycles::status, cities::country_code))
            .first(conn)?;
        if to == NominationStatus::Withdrawn {
            if !rules::withdrawal_allowed(cycle_status, before.status) {
                return Err(ApiError::conflict(
                    "withdrawal_closed",
                    format!("a submitted nomination can be withdrawn only while the cycle is open (it is `{cycle_status}`, the nomination `{}`)", before.status),
                ));
            }
        } else if !rules::decision_allowed(cycle_status, before.status, to) {
            return Err(ApiError::conflict(
                "illegal_decision",
                format!("decisions are made while the cycle is judging or closed (it is `{cycle_status}`); withdrawn nominations are final"),
            ));
        }
        if to == NominationStatus::Winner {
            let (_, rules, _) = programme_rules(conn, before.cycle_id)?;
            if let Some(max) = rules.max_winners_per_country {
                if country_winners(conn, before.cycle_id, &country, id)? >= i64::from(max) {
                    return Err(ApiError::conflict(
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
        let action = if to == NominationStatus::Withdrawn {
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

/// Marks the undecided nominations of a cycle being published `not_awarded`, each with its
/// audit entry. Runs inside the publishing transaction.
pub(in crate::awards) fn close_undecided(
    conn: &mut DbConnection,
    actor: &User,
    cycle: i64,
    at: chrono::NaiveDateTime,
) -> Result<(), ApiError> {
    let undecided: Vec<i64> = nominations::table
        .filter(nominations::cycle_id.eq(cycle))
        .filter(nominations::status.eq_any(rules::UNDECIDED))
        .select(nominations::id)
        .load(conn)?;
    for nomination in undecided {
        let (before, _) = get_nomination(conn, nomination, Reader::Staff)?;
        diesel::update(nominations::table.find(nomination))
            .set((
                nominations::status.eq(NominationStatus::NotAwarded),
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
    Ok(())
}
