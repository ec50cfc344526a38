//! Framework changes: a change to a frozen framework goes into a new version.

use std::collections::HashMap;

use diesel::prelude::*;

use super::input::CriterionChange;
use super::types::{CriterionRow, FrameworkRow};
use crate::audit;
use crate::auth::User;
use crate::db::schema::{criteria, frameworks};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;

/// Copies a framework and its criteria into the next version; returns the new id and slug.
fn new_version(conn: &mut DbConnection, framework: i64) -> Result<(i64, String), ApiError> {
    let old = frameworks::table
        .find(framework)
        .select(FrameworkRow::as_select())
        .first(conn)?;
    let latest: Option<i32> = frameworks::table
        .filter(frameworks::family.eq(&old.family))
        .select(diesel::dsl::max(frameworks::version))
        .first(conn)?;
    let version = latest.unwrap_or(0) + 1;
    let slug = format!("{}-v{version}", old.family);
    let at = now();
    let id: i64 = diesel::insert_into(frameworks::table)
        .values((
            frameworks::slug.eq(&slug),
            frameworks::family.eq(&old.family),
            frameworks::version.eq(version),
            frameworks::name_en.eq(old.name_en),
            frameworks::name_th.eq(old.name_th),
            frameworks::description_en.eq(old.description_en),
            frameworks::description_th.eq(old.description_th),
            frameworks::source_url.eq(old.source_url),
            frameworks::verified.eq(old.verified),
            frameworks::created_at.eq(at),
            frameworks::updated_at.eq(at),
        ))
        .returning(frameworks::id)
        .get_result(conn)?;
    // In id order, so that every parent is copied before its children.
    let rows: Vec<CriterionRow> = criteria::table
        .filter(criteria::framework_id.eq(framework))
        .order_by(criteria::id.asc())
        .select(CriterionRow::as_select())
        .load(conn)?;
    let mut new_ids: HashMap<i64, i64> = HashMap::new();
    for r in rows {
        let new_id: i64 = diesel::insert_into(criteria::table)
            .values((
                criteria::framework_id.eq(id),
                criteria::parent_id.eq(r.parent_id.and_then(|p| new_ids.get(&p).copied())),
                criteria::code.eq(r.code),
                criteria::level.eq(r.level),
                criteria::title_en.eq(r.title_en),
                criteria::title_th.eq(r.title_th),
                criteria::weight.eq(r.weight),
                criteria::scale_min.eq(r.scale_min),
                criteria::scale_max.eq(r.scale_max),
                criteria::required.eq(r.required),
                criteria::verified.eq(r.verified),
                criteria::position.eq(r.position),
            ))
            .returning(criteria::id)
            .get_result(conn)?;
        new_ids.insert(r.id, new_id);
    }
    Ok((id, slug))
}

/// Changes a criterion. On a frozen framework the change goes into a new version (returned with
/// `true`); evaluations keep the version they were scored against.
pub fn change_criterion(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    code: &str,
    ch: CriterionChange,
) -> Result<(String, bool), ApiError> {
    write_transaction(conn, |conn| {
        let (framework, frozen): (i64, Option<chrono::NaiveDateTime>) = frameworks::table
            .filter(frameworks::slug.eq(slug))
            .select((frameworks::id, frameworks::frozen_at))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::NotFound(format!("no framework `{slug}`")))?;
        let (target, target_slug, versioned) = if frozen.is_some() {
            let (id, s) = new_version(conn, framework)?;
            (id, s, true)
        } else {
            (framework, slug.to_owned(), false)
        };
        let (criterion, min, max): (i64, i32, i32) = criteria::table
            .filter(criteria::framework_id.eq(target))
            .filter(criteria::code.eq(code))
            .select((criteria::id, criteria::scale_min, criteria::scale_max))
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::NotFound(format!("no criterion `{code}` in `{slug}`")))?;
        let new_min = ch
            .scale_min
            .set()
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(min);
        let new_max = ch
            .scale_max
            .set()
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(max);
        if new_max <= new_min {
            return Err(ApiError::field("scale_max", "must be more than scale_min"));
        }
        diesel::update(criteria::table.find(criterion))
            .set((
                ch.title_en.set().map(|t| criteria::title_en.eq(t)),
                ch.title_th.into_change().map(|t| criteria::title_th.eq(t)),
                ch.weight.set().map(|w| criteria::weight.eq(w)),
                criteria::scale_min.eq(new_min),
                criteria::scale_max.eq(new_max),
                ch.required.set().map(|r| criteria::required.eq(r)),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            Some(actor),
            if versioned { "new_version" } else { "update" },
            "framework",
            &target_slug,
            Some(&serde_json::json!({"framework": slug, "criterion": code})),
            Some(&serde_json::json!({"framework": target_slug, "criterion": code})),
        )?;
        Ok((target_slug, versioned))
    })
}
