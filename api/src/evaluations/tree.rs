//! A framework's criteria tree, read once and scored with [`aggregate`](super::aggregate).

use std::collections::{BTreeMap, HashMap, HashSet};

use diesel::prelude::*;

use super::aggregate::{self, Node};
use super::frameworks::types::{Criterion, CriterionRow};
use crate::db::schema::criteria;
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::types::Localized;

/// A leaf criterion: what scoring it needs.
#[derive(Debug, Clone, Copy)]
pub struct Leaf {
    pub id: i64,
    pub scale_min: i32,
    pub scale_max: i32,
    /// Must be scored before the evaluation is submitted.
    pub required: bool,
}

/// A framework's criteria, in tree order, with what the aggregation needs.
pub struct Tree {
    pub criteria: Vec<Criterion>,
    pub nodes: Vec<Node>,
    /// Leaf criteria by code.
    pub leaves: HashMap<String, Leaf>,
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
}

/// The criteria tree of a framework.
pub fn tree(conn: &mut DbConnection, framework_id: i64) -> Result<Tree, ApiError> {
    let rows: Vec<CriterionRow> = criteria::table
        .filter(criteria::framework_id.eq(framework_id))
        .order_by((criteria::position.asc(), criteria::id.asc()))
        .select(CriterionRow::as_select())
        .load(conn)?;
    let code_of: HashMap<i64, String> = rows.iter().map(|r| (r.id, r.code.clone())).collect();
    let parents: HashSet<i64> = rows.iter().filter_map(|r| r.parent_id).collect();
    let mut out = Tree {
        criteria: Vec::new(),
        nodes: Vec::new(),
        leaves: HashMap::new(),
    };
    for r in rows {
        out.nodes.push(Node {
            id: r.id,
            parent: r.parent_id,
            weight: r.weight,
            min: f64::from(r.scale_min),
            max: f64::from(r.scale_max),
        });
        if !parents.contains(&r.id) {
            out.leaves.insert(
                r.code.clone(),
                Leaf {
                    id: r.id,
                    scale_min: r.scale_min,
                    scale_max: r.scale_max,
                    required: r.required,
                },
            );
        }
        out.criteria.push(Criterion {
            id: r.id,
            parent: r.parent_id.and_then(|p| code_of.get(&p).cloned()),
            code: r.code,
            level: r.level,
            title: Localized::new(r.title_en, r.title_th),
            weight: r.weight,
            scale_min: r.scale_min,
            scale_max: r.scale_max,
            required: r.required,
            verified: r.verified,
            position: r.position,
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
