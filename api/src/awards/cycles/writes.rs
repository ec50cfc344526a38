//! Running a cycle: creating it with its categories, editing it, and moving it through its
//! stages. Every write is one transaction with its audit entry.

use diesel::prelude::*;

use super::input::CycleChanges;
use super::queries::get_cycle;
use super::types::{Cycle, CycleStatus};
use crate::audit;
use crate::auth::User;
use crate::awards::nominations::writes::close_undecided;
use crate::awards::{rules, Reader};
use crate::db::schema::{award_categories, award_cycles, award_programmes, frameworks};
use crate::db::{lock_row, now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::Patch;
use crate::provenance::{self, Entity};
use crate::text::slugify;

/// The id of a framework by slug (422 on `framework` when unknown).
fn framework_id(conn: &mut DbConnection, slug: &str) -> Result<i64, ApiError> {
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
            return Err(ApiError::conflict(
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
                award_cycles::status.eq(CycleStatus::Draft),
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
                award_cycles::announced_winners.eq(ch
                    .announced_winners
                    .set()
                    .and_then(|n| i32::try_from(n).ok())),
                award_cycles::created_at.eq(at),
                award_cycles::updated_at.eq(at),
            ))
            .returning(award_cycles::id)
            .get_result(conn)?;
        provenance::writes::apply(conn, Entity::AwardCycle, id, ch.provenance)?;
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
    announced_winners: Option<Option<i32>>,
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
        if before.status == CycleStatus::Published && ch.edits_the_record() {
            return Err(ApiError::conflict(
                "cycle_published",
                "a published cycle can no longer be edited (only its sources and announced \
                 winners can)",
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
            announced_winners: ch
                .announced_winners
                .into_change()
                .map(|n| n.and_then(|n| i32::try_from(n).ok())),
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
        provenance::writes::apply(conn, Entity::AwardCycle, id, ch.provenance)?;
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
    to: CycleStatus,
    if_match: Option<&str>,
) -> Result<Cycle, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = get_cycle(conn, id, Reader::Staff)?;
        etag::check(if_match, &etag::of(&before)?)?;
        if !rules::transition_allowed(before.status, to) {
            return Err(ApiError::conflict(
                "illegal_transition",
                format!(
                    "a cycle moves one stage at a time ({}); it is `{}`, not ready for `{to}`",
                    CycleStatus::VALUES.join(", "),
                    before.status
                ),
            ));
        }
        if to == CycleStatus::Open && before.categories.is_empty() {
            return Err(ApiError::conflict(
                "illegal_transition",
                "a cycle needs at least one category before it opens",
            ));
        }
        let published = to == CycleStatus::Published;
        let at = now();
        let updated = diesel::update(
            award_cycles::table
                .filter(award_cycles::id.eq(id))
                .filter(award_cycles::version.eq(version)),
        )
        .set((
            award_cycles::status.eq(to),
            award_cycles::published_at.eq(published.then_some(at)),
            award_cycles::version.eq(version + 1),
            award_cycles::updated_at.eq(at),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("cycle"));
        }
        if published {
            close_undecided(conn, actor, id, at)?;
        }
        let (after, _) = get_cycle(conn, id, Reader::Staff)?;
        audit::record(
            conn,
            Some(actor),
            to.as_str(),
            "award_cycle",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
