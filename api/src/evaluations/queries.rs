//! Reading frameworks, evaluations and their scores, and the aggregates built from them.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::aggregate::{self, Node, Scored};
use super::types::{AreaMean, AreaScore, Criterion, Evaluation, Framework, Score};
use crate::db::schema::{cities, criteria, evaluations, frameworks, scores};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::{optional_localized, utc, Localized};

/// Statuses whose scores count in aggregates.
pub const COUNTED: [&str; 2] = ["submitted", "final"];

/// A framework's criteria, in tree order, with what the aggregation needs.
pub struct Tree {
    pub criteria: Vec<Criterion>,
    pub nodes: Vec<Node>,
    /// Leaf criteria by code: (id, scale min, scale max, required).
    pub leaves: HashMap<String, (i64, i32, i32, bool)>,
}

impl Tree {
    /// The areas (top-level criteria) in order.
    pub fn areas(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(|c| c.parent.is_none())
    }

    /// Area scores on 0-100 and the overall score for scores by criterion id.
    pub fn score(&self, by_id: &HashMap<i64, f64>) -> (BTreeMap<i64, f64>, Option<f64>) {
        let (nodes, overall) = aggregate::score_tree(&self.nodes, by_id);
        let areas = self
            .areas()
            .filter_map(|a| nodes.get(&a.id).map(|s| (a.id, *s)))
            .collect();
        (areas, overall)
    }

    /// Area means, titled, from area id -> mean.
    pub fn area_means(&self, means: &BTreeMap<i64, f64>) -> Vec<AreaMean> {
        self.areas()
            .filter_map(|a| {
                means.get(&a.id).map(|m| AreaMean {
                    area: a.code.clone(),
                    title: a.title.clone(),
                    mean: *m,
                })
            })
            .collect()
    }
}

type CriterionRow = (
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

/// The criteria tree of a framework.
pub fn tree(conn: &mut DbConnection, framework_id: i64) -> Result<Tree, ApiError> {
    let rows: Vec<CriterionRow> = criteria::table
        .filter(criteria::framework_id.eq(framework_id))
        .order_by((criteria::position.asc(), criteria::id.asc()))
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
    let code_of: HashMap<i64, String> = rows.iter().map(|r| (r.0, r.2.clone())).collect();
    let parents: std::collections::HashSet<i64> = rows.iter().filter_map(|r| r.1).collect();
    let mut out = Tree {
        criteria: Vec::new(),
        nodes: Vec::new(),
        leaves: HashMap::new(),
    };
    for r in rows {
        out.nodes.push(Node {
            id: r.0,
            parent: r.1,
            weight: r.6,
            min: f64::from(r.7),
            max: f64::from(r.8),
        });
        if !parents.contains(&r.0) {
            out.leaves.insert(r.2.clone(), (r.0, r.7, r.8, r.9));
        }
        out.criteria.push(Criterion {
            id: r.0,
            parent: r.1.and_then(|p| code_of.get(&p).cloned()),
            code: r.2,
            level: r.3,
            title: Localized::new(r.4, r.5),
            weight: r.6,
            scale_min: r.7,
            scale_max: r.8,
            required: r.9,
            verified: r.10,
            position: r.11,
        });
    }
    // Areas first, then each level in code order, so that a tree can be built in one pass.
    out.criteria.sort_by(|a, b| {
        let depth = |c: &Criterion| c.code.matches('.').count();
        depth(a)
            .cmp(&depth(b))
            .then(a.position.cmp(&b.position))
            .then(a.id.cmp(&b.id))
    });
    Ok(out)
}

type FrameworkRow = (
    i64,
    String,
    String,
    i32,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    Option<chrono::NaiveDateTime>,
);

macro_rules! framework_columns {
    () => {
        (
            frameworks::id,
            frameworks::slug,
            frameworks::family,
            frameworks::version,
            frameworks::name_en,
            frameworks::name_th,
            frameworks::description_en,
            frameworks::description_th,
            frameworks::source_url,
            frameworks::verified,
            frameworks::frozen_at,
        )
    };
}

fn to_framework(r: FrameworkRow, criteria: Option<Vec<Criterion>>) -> Framework {
    Framework {
        id: r.0,
        slug: r.1,
        family: r.2,
        version: r.3,
        name: Localized::new(r.4, r.5),
        description: optional_localized(r.6, r.7),
        source_url: r.8,
        verified: r.9,
        frozen: r.10.is_some(),
        criteria,
    }
}

/// Frameworks by family and version.
pub fn list_frameworks(
    conn: &mut DbConnection,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Framework>, Option<String>, i64), ApiError> {
    let total: i64 = frameworks::table.count().get_result(conn)?;
    let mut q = frameworks::table
        .into_boxed::<MultiBackend>()
        .order_by(order_sql("frameworks.slug", "frameworks.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        q = q.filter(after_cursor("frameworks.slug", "frameworks.id", false, c));
    }
    let rows: Vec<FrameworkRow> = q.select(framework_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "frameworks", "slug", |r| {
        (SortKey::Text(r.1.clone()), SortKey::Int(r.0))
    });
    Ok((
        rows.into_iter().map(|r| to_framework(r, None)).collect(),
        next,
        total,
    ))
}

/// A framework with its criteria.
pub fn get_framework(conn: &mut DbConnection, slug: &str) -> Result<Framework, ApiError> {
    let row: FrameworkRow = frameworks::table
        .filter(frameworks::slug.eq(slug))
        .select(framework_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no framework `{slug}`")))?;
    let tree = tree(conn, row.0)?;
    Ok(to_framework(row, Some(tree.criteria)))
}

/// Who may see which evaluations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Staff,
    Evaluator(i64),
}

type EvaluationRow = (
    (
        i64,
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
    ),
    (
        Option<i64>,
        String,
        Option<String>,
        Option<String>,
        Option<chrono::NaiveDateTime>,
        chrono::NaiveDateTime,
        chrono::NaiveDateTime,
        i32,
    ),
);

macro_rules! evaluation_columns {
    () => {
        (
            (
                evaluations::id,
                evaluations::evaluator_id,
                evaluations::framework_id,
                frameworks::slug,
                cities::slug,
                cities::name_en,
                cities::name_th,
                evaluations::nomination_id,
            ),
            (
                evaluations::round_id,
                evaluations::status,
                evaluations::recusal_reason,
                evaluations::return_reason,
                evaluations::submitted_at,
                evaluations::created_at,
                evaluations::updated_at,
                evaluations::version,
            ),
        )
    };
}

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

/// A saved score: criterion id, score, comment, evidence links (JSON).
pub type SavedScore = (i64, f64, Option<String>, String);

/// The saved scores of evaluations, by evaluation id.
pub fn scores_of(
    conn: &mut DbConnection,
    ids: Vec<i64>,
) -> Result<HashMap<i64, Vec<SavedScore>>, ApiError> {
    let rows: Vec<(i64, i64, f64, Option<String>, String)> = scores::table
        .filter(scores::evaluation_id.eq_any(ids))
        .select((
            scores::evaluation_id,
            scores::criterion_id,
            scores::score,
            scores::comment,
            scores::evidence_links,
        ))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<SavedScore>> = HashMap::new();
    for (e, c, s, comment, links) in rows {
        out.entry(e).or_default().push((c, s, comment, links));
    }
    Ok(out)
}

/// Evaluations per query of [`criterion_scores_of`]: far below the bind-parameter limits of
/// SQLite (32,766) and PostgreSQL (65,535) however many evaluations a cycle has.
const IDS_PER_QUERY: usize = 2_000;

/// Only the numbers of the saved scores (criterion id to score), by evaluation id, read in
/// batches of [`IDS_PER_QUERY`] evaluations.
fn criterion_scores_of(
    conn: &mut DbConnection,
    ids: Vec<i64>,
) -> Result<HashMap<i64, HashMap<i64, f64>>, ApiError> {
    let mut out: HashMap<i64, HashMap<i64, f64>> = HashMap::with_capacity(ids.len());
    for batch in ids.chunks(IDS_PER_QUERY) {
        let rows: Vec<(i64, i64, f64)> = scores::table
            .filter(scores::evaluation_id.eq_any(batch))
            .select((scores::evaluation_id, scores::criterion_id, scores::score))
            .load(conn)?;
        for (evaluation, criterion, score) in rows {
            out.entry(evaluation).or_default().insert(criterion, score);
        }
    }
    Ok(out)
}

fn to_evaluations(
    conn: &mut DbConnection,
    rows: Vec<EvaluationRow>,
) -> Result<Vec<Evaluation>, ApiError> {
    let mut trees: HashMap<i64, Tree> = HashMap::new();
    for r in &rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = trees.entry(r.0 .2) {
            slot.insert(tree(conn, r.0 .2)?);
        }
    }
    let mut saved = scores_of(conn, rows.iter().map(|r| r.0 .0).collect())?;
    Ok(rows
        .into_iter()
        .map(|(a, b)| {
            let tree = &trees[&a.2];
            let code_of: HashMap<i64, &str> = tree
                .criteria
                .iter()
                .map(|c| (c.id, c.code.as_str()))
                .collect();
            let own = saved.remove(&a.0).unwrap_or_default();
            let by_id: HashMap<i64, f64> = own.iter().map(|s| (s.0, s.1)).collect();
            let (areas, overall) = tree.score(&by_id);
            let mut scores: Vec<Score> = own
                .into_iter()
                .map(|(c, s, comment, links)| Score {
                    criterion: code_of.get(&c).map(|c| (*c).to_owned()).unwrap_or_default(),
                    score: s,
                    comment,
                    evidence_links: serde_json::from_str(&links).unwrap_or_default(),
                })
                .collect();
            scores.sort_by(|x, y| x.criterion.cmp(&y.criterion));
            Evaluation {
                id: a.0,
                evaluator_id: a.1,
                framework: a.3,
                city: a.4,
                city_name: Localized::new(a.5, a.6),
                nomination_id: a.7,
                round_id: b.0,
                status: b.1,
                recusal_reason: b.2,
                return_reason: b.3,
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
                submitted_at: b.4.map(utc),
                created_at: utc(b.5),
                updated_at: utc(b.6),
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
    pub status: Option<String>,
}

/// Evaluations the viewer may see, oldest first.
pub fn list_evaluations(
    conn: &mut DbConnection,
    viewer: Viewer,
    f: &EvaluationFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Evaluation>, Option<String>, i64), ApiError> {
    use crate::db::schema::nominations;
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
        if let Some(status) = &f.status {
            q = q.filter(evaluations::status.eq(status.clone()));
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
    let rows: Vec<EvaluationRow> = q.select(evaluation_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "evaluations", "id", |r| {
        (SortKey::Int(r.0 .0), SortKey::Int(r.0 .0))
    });
    Ok((to_evaluations(conn, rows)?, next, total))
}

/// An evaluation the viewer may see, with its row version.
pub fn get_evaluation(
    conn: &mut DbConnection,
    viewer: Viewer,
    id: i64,
) -> Result<(Evaluation, i32), ApiError> {
    let row: EvaluationRow = evaluation_query(viewer)
        .filter(evaluations::id.eq(id))
        .select(evaluation_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no evaluation {id}")))?;
    let version = row.1 .7;
    let evaluation = to_evaluations(conn, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("evaluation vanished".to_owned()))?;
    Ok((evaluation, version))
}

/// The counted evaluations matching `filter` of one framework, scored: (evaluation target
/// chosen by `target_of`, evaluator, areas, overall).
pub fn scored(
    conn: &mut DbConnection,
    tree: &Tree,
    rows: Vec<(i64, i64, i64)>,
) -> Result<Vec<Scored>, ApiError> {
    let mut saved = criterion_scores_of(conn, rows.iter().map(|r| r.0).collect())?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, evaluator, target)| {
            let by_id = saved.remove(&id).unwrap_or_default();
            let (areas, overall) = tree.score(&by_id);
            overall.map(|overall| Scored {
                evaluator,
                target,
                overall,
                areas,
            })
        })
        .collect())
}
