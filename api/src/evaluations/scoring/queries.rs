//! Reading evaluations with their saved scores, scored on their framework's tree.

use std::collections::HashMap;

use diesel::prelude::*;

use super::life_cycle::EvaluationStatus;
use super::types::{AreaScore, Evaluation, EvaluationRow, SavedScore, Score};
use crate::db::schema::{cities, evaluations, frameworks, nominations, scores};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::evaluations::tree::{tree, Tree};
use crate::evaluations::Viewer;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::{utc, Localized};

fn evaluation_query(
    viewer: Viewer,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        diesel::dsl::InnerJoin<evaluations::table, frameworks::table>,
        cities::table,
    >,
    MultiBackend,
> {
    let q = evaluations::table
        .inner_join(frameworks::table)
        .inner_join(cities::table)
        .into_boxed();
    match viewer {
        Viewer::Staff => q,
        Viewer::Evaluator(id) => q.filter(evaluations::evaluator_id.eq(id)),
    }
}

/// The saved scores of evaluations, by evaluation id.
fn scores_of(
    conn: &mut DbConnection,
    ids: Vec<i64>,
) -> Result<HashMap<i64, Vec<SavedScore>>, ApiError> {
    let rows: Vec<SavedScore> = scores::table
        .filter(scores::evaluation_id.eq_any(ids))
        .select(SavedScore::as_select())
        .load(conn)?;
    let mut out: HashMap<i64, Vec<SavedScore>> = HashMap::new();
    for row in rows {
        out.entry(row.evaluation_id).or_default().push(row);
    }
    Ok(out)
}

fn to_evaluations(
    conn: &mut DbConnection,
    rows: Vec<EvaluationRow>,
) -> Result<Vec<Evaluation>, ApiError> {
    let mut trees: HashMap<i64, Tree> = HashMap::new();
    for r in &rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = trees.entry(r.framework_id) {
            slot.insert(tree(conn, r.framework_id)?);
        }
    }
    let mut saved = scores_of(conn, rows.iter().map(|r| r.id).collect())?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let tree = &trees[&r.framework_id];
            let code_of: HashMap<i64, &str> = tree
                .criteria
                .iter()
                .map(|c| (c.id, c.code.as_str()))
                .collect();
            let own = saved.remove(&r.id).unwrap_or_default();
            let by_id: HashMap<i64, f64> = own.iter().map(|s| (s.criterion_id, s.score)).collect();
            let (areas, overall) = tree.score(&by_id);
            let mut scores: Vec<Score> = own
                .into_iter()
                .map(|s| Score {
                    criterion: code_of
                        .get(&s.criterion_id)
                        .map(|c| (*c).to_owned())
                        .unwrap_or_default(),
                    score: s.score,
                    comment: s.comment,
                    evidence_links: serde_json::from_str(&s.evidence_links).unwrap_or_default(),
                })
                .collect();
            scores.sort_by(|x, y| x.criterion.cmp(&y.criterion));
            Evaluation {
                id: r.id,
                evaluator_id: r.evaluator_id,
                framework: r.framework,
                city: r.city,
                city_name: Localized::new(r.city_name_en, r.city_name_th),
                nomination_id: r.nomination_id,
                round_id: r.round_id,
                status: r.status,
                recusal_reason: r.recusal_reason,
                return_reason: r.return_reason,
                overall,
                areas: tree
                    .areas()
                    .filter_map(|area| {
                        areas.get(&area.id).map(|s| AreaScore {
                            area: area.code.clone(),
                            title: area.title.clone(),
                            score: *s,
                        })
                    })
                    .collect(),
                scores,
                submitted_at: r.submitted_at.map(utc),
                created_at: utc(r.created_at),
                updated_at: utc(r.updated_at),
            }
        })
        .collect())
}

/// Filters of the evaluation list.
#[derive(Debug, Default)]
pub struct EvaluationFilters {
    pub cycle: Option<i64>,
    pub round: Option<i64>,
    pub city: Option<String>,
    pub status: Option<EvaluationStatus>,
}

/// Evaluations the viewer may see, oldest first.
pub fn list_evaluations(
    conn: &mut DbConnection,
    viewer: Viewer,
    f: &EvaluationFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Evaluation>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = evaluation_query(viewer);
        if let Some(cycle) = f.cycle {
            q = q.filter(
                evaluations::nomination_id.eq_any(
                    nominations::table
                        .filter(nominations::cycle_id.eq(cycle))
                        .select(nominations::id.nullable()),
                ),
            );
        }
        if let Some(round) = f.round {
            q = q.filter(evaluations::round_id.eq(round));
        }
        if let Some(city) = &f.city {
            q = q.filter(cities::slug.eq(city.clone()));
        }
        if let Some(status) = f.status {
            q = q.filter(evaluations::status.eq(status));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut q = filtered()
        .order_by(order_sql("evaluations.id", "evaluations.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        q = q.filter(after_cursor("evaluations.id", "evaluations.id", false, c));
    }
    let rows: Vec<EvaluationRow> = q.select(EvaluationRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "evaluations", "id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    Ok((to_evaluations(conn, rows)?, next, total))
}

/// An evaluation the viewer may see, with its row version.
pub fn get_evaluation(
    conn: &mut DbConnection,
    viewer: Viewer,
    id: i64,
) -> Result<(Evaluation, i32), ApiError> {
    let row = evaluation_query(viewer)
        .filter(evaluations::id.eq(id))
        .select(EvaluationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no evaluation {id}")))?;
    let version = row.version;
    let evaluation = to_evaluations(conn, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("evaluation vanished".to_owned()))?;
    Ok((evaluation, version))
}
