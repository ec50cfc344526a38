//! Assigning evaluators (with conflict-of-interest checks), saving scores, and the steps of an
//! evaluation's life cycle.

use std::collections::HashSet;

use diesel::prelude::*;

use super::input::{ScoreChange, Target};
use super::life_cycle::{EvaluationStatus, Step};
use super::queries::get_evaluation;
use super::types::Evaluation;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{
    award_cycles, cities, evaluations, frameworks, monitoring_rounds, nominations, scores, users,
};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::evaluations::conflicts::queries::conflict_with;
use crate::evaluations::rounds::types::RoundStatus;
use crate::evaluations::tree::tree;
use crate::evaluations::Viewer;
use crate::http::etag;

/// Assigns an evaluator to a nomination or to a city of a monitoring round: a draft evaluation.
pub fn assign(
    conn: &mut DbConnection,
    actor: &User,
    evaluator: i64,
    target: Target,
) -> Result<Evaluation, ApiError> {
    write_transaction(conn, |conn| {
        let role: Option<(String, bool)> = users::table
            .find(evaluator)
            .select((users::role, users::active))
            .first(conn)
            .optional()?;
        if !matches!(role, Some((ref r, true)) if r == "evaluator") {
            return Err(ApiError::field(
                "evaluator",
                "must be the id of an active user with the evaluator role",
            ));
        }
        let (framework, city, nomination, round) = match target {
            Target::Nomination(id) => {
                let row: Option<(i64, String, Option<i64>, String)> = nominations::table
                    .inner_join(award_cycles::table)
                    .filter(nominations::id.eq(id))
                    .select((
                        nominations::city_id,
                        award_cycles::status,
                        award_cycles::framework_id,
                        nominations::status,
                    ))
                    .first(conn)
                    .optional()?;
                let (city, cycle_status, framework, status) = row
                    .ok_or_else(|| ApiError::field("nomination", format!("no nomination {id}")))?;
                if cycle_status == "published" || status == "withdrawn" {
                    return Err(ApiError::conflict(
                        "not_assignable",
                        "the nomination is withdrawn or its cycle is published",
                    ));
                }
                let framework = framework.ok_or_else(|| {
                    ApiError::conflict(
                        "no_framework",
                        "the cycle has no evaluation framework; set one on the cycle first",
                    )
                })?;
                (framework, city, Some(id), None)
            }
            Target::Round { round, city } => {
                let row: Option<(i64, RoundStatus)> = monitoring_rounds::table
                    .find(round)
                    .select((monitoring_rounds::framework_id, monitoring_rounds::status))
                    .first(conn)
                    .optional()?;
                let (framework, status) = row.ok_or_else(|| {
                    ApiError::field("round", format!("no monitoring round {round}"))
                })?;
                if status == RoundStatus::Published {
                    return Err(ApiError::conflict(
                        "not_assignable",
                        "the monitoring round is published",
                    ));
                }
                let city: i64 = cities::table
                    .filter(cities::slug.eq(&city))
                    .filter(cities::archived_at.is_null())
                    .select(cities::id)
                    .first(conn)
                    .optional()?
                    .ok_or_else(|| {
                        ApiError::field("city", format!("no city with slug `{city}`"))
                    })?;
                (framework, city, None, Some(round))
            }
        };
        if let Some(reason) = conflict_with(conn, evaluator, city)? {
            return Err(ApiError::conflict(
                "conflict_of_interest",
                format!("the evaluator may not score this city: {reason}"),
            ));
        }
        let same = evaluations::table
            .filter(evaluations::evaluator_id.eq(evaluator))
            .filter(evaluations::city_id.eq(city))
            .into_boxed::<crate::db::MultiBackend>();
        let same = match (nomination, round) {
            (Some(n), _) => same.filter(evaluations::nomination_id.eq(n)),
            (_, Some(r)) => same.filter(evaluations::round_id.eq(r)),
            _ => same,
        };
        let existing: i64 = same.count().get_result(conn)?;
        if existing > 0 {
            return Err(ApiError::conflict(
                "duplicate",
                "this evaluator is already assigned to it",
            ));
        }
        let at = now();
        let id: i64 = diesel::insert_into(evaluations::table)
            .values((
                evaluations::evaluator_id.eq(evaluator),
                evaluations::framework_id.eq(framework),
                evaluations::city_id.eq(city),
                evaluations::nomination_id.eq(nomination),
                evaluations::round_id.eq(round),
                evaluations::status.eq(EvaluationStatus::Draft),
                evaluations::assigned_by.eq(actor.id),
                evaluations::created_at.eq(at),
                evaluations::updated_at.eq(at),
            ))
            .returning(evaluations::id)
            .get_result(conn)?;
        let (created, _) = get_evaluation(conn, Viewer::Staff, id)?;
        audit::record(
            conn,
            Some(actor),
            "assign",
            "evaluation",
            &id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

fn not_editable(status: EvaluationStatus) -> ApiError {
    ApiError::conflict(
        "evaluation_locked",
        format!(
            "the evaluation is `{status}`; scores can change only while it is a draft or returned"
        ),
    )
}

/// Saves scores of the evaluator's own draft or returned evaluation (all or nothing).
pub fn save_scores(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    changes: Vec<ScoreChange>,
) -> Result<Evaluation, ApiError> {
    write_transaction(conn, |conn| {
        let (before, _) = get_evaluation(conn, Viewer::Evaluator(actor.id), id)?;
        if !before.status.editable() {
            return Err(not_editable(before.status));
        }
        let framework: i64 = evaluations::table
            .find(id)
            .select(evaluations::framework_id)
            .first(conn)?;
        let tree = tree(conn, framework)?;
        let mut errors = Vec::new();
        for (i, change) in changes.iter().enumerate() {
            match tree.leaves.get(&change.criterion) {
                None => errors.push(FieldError::new(
                    format!("scores[{i}].criterion"),
                    format!(
                        "`{}` is not a scorable criterion of this framework",
                        change.criterion
                    ),
                )),
                Some(leaf) => {
                    if let Some(score) = change.score {
                        let (min, max) = (leaf.scale_min, leaf.scale_max);
                        if score < f64::from(min) || score > f64::from(max) {
                            errors.push(FieldError::new(
                                format!("scores[{i}].score"),
                                format!("must be from {min} to {max}"),
                            ));
                        }
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let at = now();
        for change in changes {
            let criterion = tree.leaves[&change.criterion].id;
            diesel::delete(
                scores::table
                    .filter(scores::evaluation_id.eq(id))
                    .filter(scores::criterion_id.eq(criterion)),
            )
            .execute(conn)?;
            if let Some(score) = change.score {
                diesel::insert_into(scores::table)
                    .values((
                        scores::evaluation_id.eq(id),
                        scores::criterion_id.eq(criterion),
                        scores::score.eq(score),
                        scores::comment.eq(change.comment),
                        scores::evidence_links
                            .eq(serde_json::to_string(&change.links)
                                .unwrap_or_else(|_| "[]".into())),
                        scores::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
        }
        diesel::update(evaluations::table.find(id))
            .set((
                evaluations::updated_at.eq(at),
                evaluations::version.eq(evaluations::version + 1),
            ))
            .execute(conn)?;
        let (after, _) = get_evaluation(conn, Viewer::Staff, id)?;
        audit::record(
            conn,
            Some(actor),
            "score",
            "evaluation",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Moves an evaluation on. Evaluators submit and recuse their own; staff return and finalise.
/// Submitting freezes the framework version.
pub fn step(
    conn: &mut DbConnection,
    actor: &User,
    id: i64,
    step: Step,
    reason: Option<String>,
    if_match: Option<&str>,
) -> Result<Evaluation, ApiError> {
    write_transaction(conn, |conn| {
        let viewer = if step.by_evaluator() {
            Viewer::Evaluator(actor.id)
        } else {
            Viewer::Staff
        };
        let (before, version) = get_evaluation(conn, viewer, id)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let Some(next) = step.leads_to(before.status) else {
            return Err(ApiError::conflict(
                "illegal_transition",
                format!(
                    "cannot {} an evaluation that is `{}`",
                    step.action(),
                    before.status
                ),
            ));
        };
        let framework: i64 = evaluations::table
            .find(id)
            .select(evaluations::framework_id)
            .first(conn)?;
        let at = now();
        if step == Step::Submit {
            let tree = tree(conn, framework)?;
            let scored: HashSet<&str> =
                before.scores.iter().map(|s| s.criterion.as_str()).collect();
            let mut missing: Vec<&String> = tree
                .leaves
                .iter()
                .filter(|(code, leaf)| leaf.required && !scored.contains(code.as_str()))
                .map(|(code, _)| code)
                .collect();
            missing.sort();
            if !missing.is_empty() {
                return Err(ApiError::refused(
                    actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "incomplete_evaluation",
                    format!(
                        "score every required criterion first; missing: {}",
                        missing
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            diesel::update(
                frameworks::table
                    .find(framework)
                    .filter(frameworks::frozen_at.is_null()),
            )
            .set(frameworks::frozen_at.eq(at))
            .execute(conn)?;
        }
        let updated = diesel::update(
            evaluations::table
                .filter(evaluations::id.eq(id))
                .filter(evaluations::version.eq(version)),
        )
        .set((
            evaluations::status.eq(next),
            (step == Step::Submit).then(|| {
                (
                    evaluations::overall.eq(before.overall),
                    evaluations::submitted_at.eq(Some(at)),
                    evaluations::return_reason.eq(None::<String>),
                )
            }),
            (step == Step::Recuse).then(|| evaluations::recusal_reason.eq(reason.clone())),
            (step == Step::Return).then(|| evaluations::return_reason.eq(reason.clone())),
            evaluations::version.eq(version + 1),
            evaluations::updated_at.eq(at),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("evaluation"));
        }
        let (after, _) = get_evaluation(conn, Viewer::Staff, id)?;
        audit::record(
            conn,
            Some(actor),
            step.action(),
            "evaluation",
            &id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
