//! Creating and publishing monitoring rounds.

use diesel::prelude::*;

use super::input::NewRound;
use super::types::{Round, RoundStatus};
use crate::audit;
use crate::auth::User;
use crate::db::schema::{frameworks, monitoring_rounds};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::types::Localized;

/// Creates an open monitoring round.
pub fn create_round(
    conn: &mut DbConnection,
    actor: &User,
    new: NewRound,
) -> Result<Round, ApiError> {
    write_transaction(conn, |conn| {
        let framework = new.framework.as_str();
        let year = new.year;
        let framework_id: i64 = frameworks::table
            .filter(frameworks::slug.eq(framework))
            .select(frameworks::id)
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::field("framework", format!("no framework `{framework}`")))?;
        let taken: i64 = monitoring_rounds::table
            .filter(monitoring_rounds::framework_id.eq(framework_id))
            .filter(monitoring_rounds::year.eq(year))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(ApiError::conflict(
                "duplicate",
                format!("{framework} already has a {year} round"),
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(monitoring_rounds::table)
            .values((
                monitoring_rounds::framework_id.eq(framework_id),
                monitoring_rounds::year.eq(year),
                monitoring_rounds::title_en.eq(&new.title_en),
                monitoring_rounds::title_th.eq(&new.title_th),
                monitoring_rounds::status.eq(RoundStatus::Open),
                monitoring_rounds::created_at.eq(at),
                monitoring_rounds::updated_at.eq(at),
            ))
            .returning(monitoring_rounds::id)
            .get_result(conn)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "monitoring_round",
            &id.to_string(),
            None,
            Some(&serde_json::json!({"framework": framework, "year": year, "title": new.title_en})),
        )?;
        Ok(Round {
            id,
            framework: new.framework.clone(),
            year,
            title: Localized::new(new.title_en.clone(), new.title_th.clone()),
            status: RoundStatus::Open,
            published_at: None,
        })
    })
}

/// Publishes a monitoring round: its aggregates become public.
pub fn publish_round(conn: &mut DbConnection, actor: &User, id: i64) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let status: RoundStatus = monitoring_rounds::table
            .find(id)
            .select(monitoring_rounds::status)
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::NotFound(format!("no monitoring round {id}")))?;
        if status == RoundStatus::Published {
            return Err(ApiError::conflict(
                "illegal_transition",
                "the round is already published",
            ));
        }
        let at = now();
        diesel::update(monitoring_rounds::table.find(id))
            .set((
                monitoring_rounds::status.eq(RoundStatus::Published),
                monitoring_rounds::published_at.eq(at),
                monitoring_rounds::updated_at.eq(at),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            Some(actor),
            "publish",
            "monitoring_round",
            &id.to_string(),
            Some(&serde_json::json!({ "status": status })),
            Some(&serde_json::json!({ "status": RoundStatus::Published })),
        )
    })
}
