//! Assignments (with conflict-of-interest checks), scoring, the submit / return / finalise /
//! recuse transitions, declared conflicts, monitoring rounds, and framework changes that create
//! a new version once a framework is frozen.

use std::collections::HashMap;

use diesel::prelude::*;

use super::queries::{get_evaluation, tree, Viewer};
use super::types::Evaluation;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{
    audit_log, award_cycles, cities, conflicts, criteria, evaluations, frameworks,
    monitoring_rounds, nominations, scores, users,
};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::{ApiError, FieldError};
use crate::http::etag;
use crate::input::{Fields, JsonBody, Patch};

/// What is being evaluated.
pub enum Target {
    Nomination(i64),
    Round { round: i64, city: String },
}

/// Reads an assignment body.
pub fn read_assignment(body: JsonBody) -> Result<(i64, Target), ApiError> {
    let mut f = Fields::new(body.0)?;
    let evaluator = f.integer("evaluator", 1..=i64::MAX);
    let nomination = f.integer("nomination", 1..=i64::MAX);
    let round = f.integer("round", 1..=i64::MAX);
    let city = f.slug("city");
    f.require("evaluator", &evaluator);
    let target = match (nomination.set(), round.set(), city.set()) {
        (Some(n), None, None) => Some(Target::Nomination(n)),
        (None, Some(round), Some(city)) => Some(Target::Round { round, city }),
        _ => {
            f.fail(
                "nomination",
                "give either `nomination`, or `round` and `city`",
            );
            None
        }
    };
    f.finish()?;
    match (evaluator.set(), target) {
        (Some(e), Some(t)) => Ok((e, t)),
        _ => Err(ApiError::field("evaluator", "is required")),
    }
}

/// Whether `evaluator` has a conflict with `city`: a declared one, or having written to the
/// city's record (as its editor, for example). Returns the reason.
fn conflict_with(
    conn: &mut DbConnection,
    evaluator: i64,
    city: i64,
) -> Result<Option<String>, ApiError> {
    let declared: Option<String> = conflicts::table
        .filter(conflicts::evaluator_id.eq(evaluator))
        .filter(conflicts::city_id.eq(city))
        .select(conflicts::reason)
        .first(conn)
        .optional()?;
    if let Some(reason) = declared {
        return Ok(Some(format!("declared conflict: {reason}")));
    }
    let edits: i64 = audit_log::table
        .filter(audit_log::actor_user_id.eq(evaluator))
        .filter(audit_log::entity.eq("city"))
        .filter(audit_log::entity_id.eq(city.to_string()))
        .count()
        .get_result(conn)?;
    let editor: i64 = users::table
        .filter(users::id.eq(evaluator))
        .filter(users::city_id.eq(city))
        .count()
        .get_result(conn)?;
    Ok((edits > 0 || editor > 0).then(|| "the evaluator edits this city's record".to_owned()))
}

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
                let row: Option<(i64, String)> = monitoring_rounds::table
                    .find(round)
                    .select((monitoring_rounds::framework_id, monitoring_rounds::status))
                    .first(conn)
                    .optional()?;
                let (framework, status) = row.ok_or_else(|| {
                    ApiError::field("round", format!("no monitoring round {round}"))
                })?;
                if status == "published" {
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
                evaluations::status.eq("draft"),
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

/// One checked score to save.
pub struct ScoreChange {
    criterion: String,
    score: Option<f64>,
    comment: Option<String>,
    links: Vec<String>,
}

/// Reads a bulk score body.
pub fn read_scores(body: JsonBody) -> Result<Vec<ScoreChange>, ApiError> {
    let mut f = Fields::new(body.0)?;
    let items = f.array("scores");
    let mut out = Vec::new();
    match items {
        Some(items) if items.len() <= 500 => {
            for (i, item) in items.into_iter().enumerate() {
                let mut s = match Fields::nested(item, &format!("scores[{i}].")) {
                    Ok(s) => s,
                    Err(message) => {
                        f.fail(&format!("scores[{i}]"), message);
                        continue;
                    }
                };
                let criterion = s.text("criterion", 50);
                let score = s.number("score", -1e6..=1e6);
                let comment = s.text("comment", 5000);
                let links = s.strings("evidence_links", 500);
                s.require("criterion", &criterion);
                if matches!(score, Patch::Absent) {
                    s.fail("score", "is required (null removes the score)");
                }
                f.absorb(s);
                if let Some(criterion) = criterion.set() {
                    out.push(ScoreChange {
                        criterion,
                        score: score.set(),
                        comment: comment.set(),
                        links: links.set().unwrap_or_default(),
                    });
                }
            }
        }
        Some(_) => f.fail("scores", "at most 500 scores at a time"),
        None => f.fail("scores", "is required"),
    }
    f.finish()?;
    Ok(out)
}

fn not_editable(status: &str) -> ApiError {
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
        if !matches!(before.status.as_str(), "draft" | "returned") {
            return Err(not_editable(&before.status));
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
                Some((_, min, max, _)) => {
                    if let Some(score) = change.score {
                        if score < f64::from(*min) || score > f64::from(*max) {
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
            let (criterion, _, _, _) = tree.leaves[&change.criterion];
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

/// The transitions of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The evaluator submits a complete draft or returned evaluation.
    Submit,
    /// The evaluator recuses from a draft or returned evaluation.
    Recuse,
    /// The secretariat sends a submitted evaluation back.
    Return,
    /// The secretariat accepts a submitted evaluation as final.
    Finalise,
}

impl Step {
    fn allowed_from(self) -> &'static [&'static str] {
        match self {
            Step::Submit | Step::Recuse => &["draft", "returned"],
            Step::Return | Step::Finalise => &["submitted"],
        }
    }

    fn to(self) -> &'static str {
        match self {
            Step::Submit => "submitted",
            Step::Recuse => "recused",
            Step::Return => "returned",
            Step::Finalise => "final",
        }
    }

    fn action(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::Recuse => "recuse",
            Step::Return => "return",
            Step::Finalise => "finalise",
        }
    }
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
        let viewer = match step {
            Step::Submit | Step::Recuse => Viewer::Evaluator(actor.id),
            Step::Return | Step::Finalise => Viewer::Staff,
        };
        let (before, version) = get_evaluation(conn, viewer, id)?;
        etag::check(if_match, &etag::of(&before)?)?;
        if !step.allowed_from().contains(&before.status.as_str()) {
            return Err(ApiError::conflict(
                "illegal_transition",
                format!(
                    "cannot {} an evaluation that is `{}`",
                    step.action(),
                    before.status
                ),
            ));
        }
        let framework: i64 = evaluations::table
            .find(id)
            .select(evaluations::framework_id)
            .first(conn)?;
        let at = now();
        if step == Step::Submit {
            let tree = tree(conn, framework)?;
            let scored: std::collections::HashSet<&str> =
                before.scores.iter().map(|s| s.criterion.as_str()).collect();
            let mut missing: Vec<&String> = tree
                .leaves
                .iter()
                .filter(|(code, (_, _, _, required))| *required && !scored.contains(code.as_str()))
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
            evaluations::status.eq(step.to()),
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

/// Records a conflict of interest between an evaluator and a city.
pub fn declare_conflict(
    conn: &mut DbConnection,
    actor: &User,
    evaluator: i64,
    city: &str,
    reason: &str,
) -> Result<super::types::Conflict, ApiError> {
    write_transaction(conn, |conn| {
        let city_id: i64 = cities::table
            .filter(cities::slug.eq(city))
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
                conflicts::reason.eq(reason),
                conflicts::declared_by.eq(actor.id),
                conflicts::created_at.eq(at),
            ))
            .returning(conflicts::id)
            .get_result(conn)?;
        let conflict = super::types::Conflict {
            id,
            evaluator_id: evaluator,
            city: city.to_owned(),
            reason: reason.to_owned(),
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

/// Creates a monitoring round.
pub fn create_round(
    conn: &mut DbConnection,
    actor: &User,
    framework: &str,
    year: i32,
    title_en: &str,
    title_th: Option<String>,
) -> Result<i64, ApiError> {
    write_transaction(conn, |conn| {
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
                monitoring_rounds::title_en.eq(title_en),
                monitoring_rounds::title_th.eq(title_th),
                monitoring_rounds::status.eq("open"),
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
            Some(&serde_json::json!({"framework": framework, "year": year, "title": title_en})),
        )?;
        Ok(id)
    })
}

/// Publishes a monitoring round: its aggregates become public.
pub fn publish_round(conn: &mut DbConnection, actor: &User, id: i64) -> Result<(), ApiError> {
    write_transaction(conn, |conn| {
        let status: String = monitoring_rounds::table
            .find(id)
            .select(monitoring_rounds::status)
            .first(conn)
            .optional()?
            .ok_or_else(|| ApiError::NotFound(format!("no monitoring round {id}")))?;
        if status == "published" {
            return Err(ApiError::conflict(
                "illegal_transition",
                "the round is already published",
            ));
        }
        let at = now();
        diesel::update(monitoring_rounds::table.find(id))
            .set((
                monitoring_rounds::status.eq("published"),
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
            Some(&serde_json::json!({"status": status})),
            Some(&serde_json::json!({"status": "published"})),
        )
    })
}

/// A checked change of one criterion.
pub struct CriterionChange {
    title_en: Patch<String>,
    title_th: Patch<String>,
    weight: Patch<f64>,
    scale_min: Patch<i64>,
    scale_max: Patch<i64>,
    required: Patch<bool>,
}

/// Reads a criterion change.
pub fn read_criterion(body: JsonBody) -> Result<CriterionChange, ApiError> {
    let mut f = Fields::new(body.0)?;
    let (title_en, title_th) = match f.localized("title", 500) {
        Patch::Set(p) => p,
        _ => (Patch::Absent, Patch::Absent),
    };
    let weight = f.number("weight", 0.0..=1000.0);
    let scale_min = f.integer("scale_min", -100..=100);
    let scale_max = f.integer("scale_max", -100..=100);
    let required = f.boolean("required");
    if matches!(weight, Patch::Set(w) if w <= 0.0) {
        f.fail("weight", "must be more than 0");
    }
    f.finish()?;
    Ok(CriterionChange {
        title_en,
        title_th,
        weight,
        scale_min,
        scale_max,
        required,
    })
}

/// The copied fields of a framework version.
type FrameworkCopy = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);

/// Copies a framework and its criteria into the next version; returns the new id and slug.
fn new_version(conn: &mut DbConnection, framework: i64) -> Result<(i64, String), ApiError> {
    let (family, name_en, name_th, den, dth, source, verified): FrameworkCopy = frameworks::table
        .find(framework)
        .select((
            frameworks::family,
            frameworks::name_en,
            frameworks::name_th,
            frameworks::description_en,
            frameworks::description_th,
            frameworks::source_url,
            frameworks::verified,
        ))
        .first(conn)?;
    let latest: Option<i32> = frameworks::table
        .filter(frameworks::family.eq(&family))
        .select(diesel::dsl::max(frameworks::version))
        .first(conn)?;
    let version = latest.unwrap_or(0) + 1;
    let slug = format!("{family}-v{version}");
    let at = now();
    let id: i64 = diesel::insert_into(frameworks::table)
        .values((
            frameworks::slug.eq(&slug),
            frameworks::family.eq(&family),
            frameworks::version.eq(version),
            frameworks::name_en.eq(name_en),
            frameworks::name_th.eq(name_th),
            frameworks::description_en.eq(den),
            frameworks::description_th.eq(dth),
            frameworks::source_url.eq(source),
            frameworks::verified.eq(verified),
            frameworks::created_at.eq(at),
            frameworks::updated_at.eq(at),
        ))
        .returning(frameworks::id)
        .get_result(conn)?;
    type Row = (
        i64,
        Option<i64>,
        String,
        String,
        String,
        Option<String>,
        f64,
        i32,
        i32,
        bool,
        bool,
        i32,
    );
    let rows: Vec<Row> = criteria::table
        .filter(criteria::framework_id.eq(framework))
        .order_by(criteria::id.asc())
        .select((
            criteria::id,
            criteria::parent_id,
            criteria::code,
            criteria::level,
            criteria::title_en,
            criteria::title_th,
            criteria::weight,
            criteria::scale_min,
            criteria::scale_max,
            criteria::required,
            criteria::verified,
            criteria::position,
        ))
        .load(conn)?;
    let mut new_ids: HashMap<i64, i64> = HashMap::new();
    for r in rows {
        let new_id: i64 = diesel::insert_into(criteria::table)
            .values((
                criteria::framework_id.eq(id),
                criteria::parent_id.eq(r.1.and_then(|p| new_ids.get(&p).copied())),
                criteria::code.eq(r.2),
                criteria::level.eq(r.3),
                criteria::title_en.eq(r.4),
                criteria::title_th.eq(r.5),
                criteria::weight.eq(r.6),
                criteria::scale_min.eq(r.7),
                criteria::scale_max.eq(r.8),
                criteria::required.eq(r.9),
                criteria::verified.eq(r.10),
                criteria::position.eq(r.11),
            ))
            .returning(criteria::id)
            .get_result(conn)?;
        new_ids.insert(r.0, new_id);
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
