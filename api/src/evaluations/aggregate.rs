//! Score aggregation, pure and unit-tested: a criteria tree scored on 0-100, the mean over
//! evaluators with its spread, per-evaluator z-score normalisation, and rankings with a
//! documented tie-break.

use std::collections::{BTreeMap, HashMap};

/// A criterion as the aggregation sees it.
#[derive(Debug, Clone)]
pub struct Node {
    pub id: i64,
    pub parent: Option<i64>,
    pub weight: f64,
    pub min: f64,
    pub max: f64,
}

/// Scores of one evaluation on 0-100: every node with a score below it, and the overall score
/// (the weighted mean of the top-level nodes). A leaf's score is its position on its scale;
/// an inner node's is the weighted mean of its scored children.
pub fn score_tree(
    nodes: &[Node],
    leaf_scores: &HashMap<i64, f64>,
) -> (HashMap<i64, f64>, Option<f64>) {
    let mut children: HashMap<Option<i64>, Vec<&Node>> = HashMap::new();
    for node in nodes {
        children.entry(node.parent).or_default().push(node);
    }
    let mut out = HashMap::new();
    fn visit(
        node: &Node,
        children: &HashMap<Option<i64>, Vec<&Node>>,
        leaves: &HashMap<i64, f64>,
        out: &mut HashMap<i64, f64>,
    ) -> Option<f64> {
        let score = match children.get(&Some(node.id)) {
            None => leaves
                .get(&node.id)
                .map(|s| (s - node.min) / (node.max - node.min) * 100.0),
            Some(kids) => weighted(
                kids.iter()
                    .filter_map(|k| visit(k, children, leaves, out).map(|s| (k.weight, s))),
            ),
        };
        if let Some(s) = score {
            out.insert(node.id, s);
        }
        score
    }
    let roots = children.get(&None).cloned().unwrap_or_default();
    let overall = weighted(
        roots
            .iter()
            .filter_map(|r| visit(r, &children, leaf_scores, &mut out).map(|s| (r.weight, s))),
    );
    (out, overall)
}

/// The weighted mean of `(weight, value)` pairs, or `None` when there are none.
fn weighted(pairs: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, total) = pairs.fold((0.0, 0.0), |(s, t), (w, v)| (s + w * v, t + w));
    (total > 0.0).then(|| sum / total)
}

/// The mean and population standard deviation of values.
pub fn mean_sd(values: &[f64]) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    Some((mean, var.sqrt()))
}

/// One counted evaluation: who scored which target (a nomination or a city), the overall score
/// and the top-level area scores.
#[derive(Debug, Clone)]
pub struct Scored {
    pub evaluator: i64,
    pub target: i64,
    pub overall: f64,
    pub areas: BTreeMap<i64, f64>,
}

/// How closely the evaluators of one target agree, from the spread of their overall scores.
pub fn agreement(sd: f64) -> &'static str {
    if sd <= 5.0 {
        "high"
    } else if sd <= 15.0 {
        "medium"
    } else {
        "low"
    }
}

/// The aggregate of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub target: i64,
    pub evaluations: usize,
    pub mean: f64,
    pub sd: f64,
    pub min: f64,
    pub max: f64,
    /// Mean of the evaluators' z-scores, when normalisation was asked for.
    pub z_mean: Option<f64>,
    pub areas: BTreeMap<i64, f64>,
}

/// Aggregates per target. With `normalise`, each evaluator's overall scores are turned into
/// z-scores across all of that evaluator's evaluations in `scored` (an evaluator with a single
/// evaluation or no spread contributes 0), and each target also gets the mean z-score.
pub fn summarise(scored: &[Scored], normalise: bool) -> Vec<Summary> {
    let mut per_evaluator: HashMap<i64, Vec<f64>> = HashMap::new();
    for s in scored {
        per_evaluator
            .entry(s.evaluator)
            .or_default()
            .push(s.overall);
    }
    let stats: HashMap<i64, (f64, f64)> = per_evaluator
        .into_iter()
        .filter_map(|(e, v)| mean_sd(&v).map(|ms| (e, ms)))
        .collect();
    let mut per_target: BTreeMap<i64, Vec<&Scored>> = BTreeMap::new();
    for s in scored {
        per_target.entry(s.target).or_default().push(s);
    }
    per_target
        .into_iter()
        .filter_map(|(target, items)| {
            let overall: Vec<f64> = items.iter().map(|s| s.overall).collect();
            let (mean, sd) = mean_sd(&overall)?;
            let z_mean = normalise.then(|| {
                let z: Vec<f64> = items
                    .iter()
                    .map(|s| match stats.get(&s.evaluator) {
                        Some((m, sd)) if *sd > 0.0 => (s.overall - m) / sd,
                        _ => 0.0,
                    })
                    .collect();
                z.iter().sum::<f64>() / z.len() as f64
            });
            let mut area_values: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
            for s in &items {
                for (area, v) in &s.areas {
                    area_values.entry(*area).or_default().push(*v);
                }
            }
            Some(Summary {
                target,
                evaluations: items.len(),
                mean,
                sd,
                min: overall.iter().copied().fold(f64::INFINITY, f64::min),
                max: overall.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                z_mean,
                areas: area_values
                    .into_iter()
                    .filter_map(|(a, v)| mean_sd(&v).map(|(m, _)| (a, m)))
                    .collect(),
            })
        })
        .collect()
}

/// Orders summaries for a ranking: by mean z-score when normalised, else by mean score, higher
/// first; ties go to more evaluations, then to the smaller spread, then to the lower sort name
/// (`names` by target), then to the lower target id.
pub fn rank(mut summaries: Vec<Summary>, names: &HashMap<i64, String>) -> Vec<Summary> {
    let key = |s: &Summary| s.z_mean.unwrap_or(s.mean);
    summaries.sort_by(|a, b| {
        key(b)
            .total_cmp(&key(a))
            .then(b.evaluations.cmp(&a.evaluations))
            .then(a.sd.total_cmp(&b.sd))
            .then(names.get(&a.target).cmp(&names.get(&b.target)))
            .then(a.target.cmp(&b.target))
    });
    summaries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn tree() -> Vec<Node> {
        // Area 1 (weight 2) with leaves 11 (w1, 0-4) and 12 (w3, 0-4); area 2 (weight 1) with
        // leaf 21 (w1, 1-5).
        vec![
            Node {
                id: 1,
                parent: None,
                weight: 2.0,
                min: 0.0,
                max: 4.0,
            },
            Node {
                id: 11,
                parent: Some(1),
                weight: 1.0,
                min: 0.0,
                max: 4.0,
            },
            Node {
                id: 12,
                parent: Some(1),
                weight: 3.0,
                min: 0.0,
                max: 4.0,
            },
            Node {
                id: 2,
                parent: None,
                weight: 1.0,
                min: 1.0,
                max: 5.0,
            },
            Node {
                id: 21,
                parent: Some(2),
                weight: 1.0,
                min: 1.0,
                max: 5.0,
            },
        ]
    }

    #[test]
    fn weighted_tree_on_zero_to_hundred() {
        let scores = HashMap::from([(11, 4.0), (12, 2.0), (21, 2.0)]);
        let (nodes, overall) = score_tree(&tree(), &scores);
        // Leaves: 100, 50, 25. Area 1: (1*100 + 3*50)/4 = 62.5. Area 2: 25.
        assert!(close(nodes[&1], 62.5));
        assert!(close(nodes[&2], 25.0));
        // Overall: (2*62.5 + 1*25)/3 = 50.
        assert!(overall.is_some_and(|o| close(o, 50.0)));
    }

    #[test]
    fn unscored_branches_do_not_count() {
        let (nodes, overall) = score_tree(&tree(), &HashMap::from([(21, 5.0)]));
        assert!(!nodes.contains_key(&1));
        assert!(overall.is_some_and(|o| close(o, 100.0)));
        assert_eq!(score_tree(&tree(), &HashMap::new()).1, None);
    }

    fn scored(evaluator: i64, target: i64, overall: f64) -> Scored {
        Scored {
            evaluator,
            target,
            overall,
            areas: BTreeMap::from([(1, overall)]),
        }
    }

    #[test]
    fn means_spreads_and_z_scores() {
        // Evaluator 1 is harsh (40, 60), evaluator 2 generous (80, 100).
        let all = vec![
            scored(1, 10, 40.0),
            scored(1, 20, 60.0),
            scored(2, 10, 80.0),
            scored(2, 20, 100.0),
        ];
        let s = summarise(&all, true);
        assert_eq!(s.len(), 2);
        assert!(close(s[0].mean, 60.0) && close(s[0].sd, 20.0));
        assert!(close(s[0].min, 40.0) && close(s[0].max, 80.0));
        // z: each evaluator's lower score is -1, higher +1.
        assert!(s[0].z_mean.is_some_and(|z| close(z, -1.0)));
        assert!(s[1].z_mean.is_some_and(|z| close(z, 1.0)));
        assert_eq!(summarise(&all, false)[0].z_mean, None);
        assert_eq!(agreement(s[0].sd), "low");
        assert_eq!(agreement(4.0), "high");
    }

    #[test]
    fn rankings_break_ties_deterministically() {
        let names = HashMap::from([
            (1, "b".to_owned()),
            (2, "a".to_owned()),
            (3, "c".to_owned()),
            (4, "d".to_owned()),
        ]);
        let summaries = vec![
            Summary {
                target: 1,
                evaluations: 2,
                mean: 70.0,
                sd: 5.0,
                min: 0.0,
                max: 0.0,
                z_mean: None,
                areas: BTreeMap::new(),
            },
            Summary {
                target: 2,
                evaluations: 2,
                mean: 70.0,
                sd: 5.0,
                min: 0.0,
                max: 0.0,
                z_mean: None,
                areas: BTreeMap::new(),
            },
            Summary {
                target: 3,
                evaluations: 3,
                mean: 70.0,
                sd: 9.0,
                min: 0.0,
                max: 0.0,
                z_mean: None,
                areas: BTreeMap::new(),
            },
            Summary {
                target: 4,
                evaluations: 2,
                mean: 70.0,
                sd: 1.0,
                min: 0.0,
                max: 0.0,
                z_mean: None,
                areas: BTreeMap::new(),
            },
        ];
        let order: Vec<i64> = rank(summaries, &names).iter().map(|s| s.target).collect();
        // More evaluations first (3); then smaller spread (4); then name a (2) before b (1).
        assert_eq!(order, vec![3, 4, 2, 1]);
    }
}
