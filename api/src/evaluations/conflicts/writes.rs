//! Declaring a conflict of interest.

use diesel::prelude::*;

use super::input::NewConflict;
use super::types::Conflict;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{cities, conflicts, users};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;

/// Records a conflict of interest between an evaluator and a city.
pub fn declare_conflict(
    conn: &mut DbConnection,
    actor: &User,
    new: NewConflict,
) -> Result<Conflict, ApiError> {
    let NewConflict {
        evaluator,
        city,
        reason,
    } = new;
    write_transaction(conn, |conn| {
        let city_id: i64 = cities::table
            .filter(cities::slug.eq(&city))
            .select(cities::id)
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::field("city", format!("no city with slug `{city}`")))?;
        let known: i64 = users::table
            .filter(users::id.eq(evaluator))
            .count()
            .get_result(conn)?;
        if known == 0 {
            return Err(ApiError::field("evaluator", format!("no user {evaluator}")));
        }
        let existing: i64 = conflicts::table
            .filter(conflicts::evaluator_id.eq(evaluator))
            .filter(conflicts::city_id.eq(city_id))
            .count()
            .get_result(conn)?;
        if existing > 0 {
            return Err(ApiError::conflict(
                "duplicate",
                "this conflict is already declared",
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(conflicts::table)
            .values((
                conflicts::evaluator_id.eq(evaluator),
                conflicts::city_id.eq(city_id),
                conflicts::reason.eq(&reason),
                conflicts::declared_by.eq(actor.id),
                conflicts::created_at.eq(at),
            ))
            .returning(conflicts::id)
            .get_result(conn)?;
        let conflict = Conflict {
            id,
            evaluator_id: evaluator,
            city: city.clone(),
            reason: reason.clone(),
            declared_by: actor.id,
            created_at: at.and_utc(),
        };
        audit::record(
            conn,
            Some(actor),
            "declare",
            "conflict",
            &id.to_string(),
            None,
            Some(&conflict),
        )?;
        Ok(conflict)
    })
}
