//! Aggregates for the public and the secretariat: rankings of a cycle's category, a city's
//! published results, and area averages. Individual scores never leave this module.

use std::collections::{BTreeMap, HashMap, HashSet};

use diesel::prelude::*;

use super::types::{
    AreaAverage, AreaFilters, AreaMean, AwardEvaluation, CityEvaluationSummary, Counted,
    CycleEvaluation, NominatedCity, Ranking, RankingEntry, RoundEvaluation,
};
use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    award_categories, award_cycles, cities, evaluations, frameworks, memberships,
    monitoring_rounds, networks, nominations, scores,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::evaluations::aggregate::{self, Scored};
use crate::evaluations::rounds::types::RoundStatus;
use crate::evaluations::scoring::life_cycle::COUNTED;
use crate::evaluations::tree::{tree, Tree};
use crate::types::Localized;

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

/// Counted evaluations of one framework, scored on its tree; those without an overall score are
/// left out.
fn scored(
    conn: &mut DbConnection,
    tree: &Tree,
    rows: Vec<Counted>,
) -> Result<Vec<Scored>, ApiError> {
    let mut saved = criterion_scores_of(conn, rows.iter().map(|r| r.id).collect())?;
    Ok(rows
        .into_iter()
        .filter_map(
            |Counted {
                 id,
                 evaluator,
                 target,
             }| {
                let by_id = saved.remove(&id).unwrap_or_default();
                let (areas, overall) = tree.score(&by_id);
                overall.map(|overall| Scored {
                    evaluator,
                    target,
                    overall,
                    areas,
                })
            },
        )
        .collect())
}

/// Area means, titled, from area id -> mean.
fn area_means(tree: &Tree, means: &BTreeMap<i64, f64>) -> Vec<AreaMean> {
    tree.areas()
        .filter_map(|a| {
            means.get(&a.id).map(|m| AreaMean {
                area: a.code.clone(),
                title: a.title.clone(),
                mean: *m,
            })
        })
        .collect()
}

/// The tie-break, as documented in every ranking.
pub const TIE_BREAK: &str = "higher mean (or mean z-score when normalized), then more evaluations, then smaller spread, then city name, then nomination id";

/// The ranking of one category of a cycle; for the public only once the cycle is published.
pub fn ranking(
    conn: &mut DbConnection,
    cycle: i64,
    category: &str,
    normalize: bool,
    staff: bool,
) -> Result<Ranking, ApiError> {
    let (_, framework): (String, Option<i64>) = award_cycles::table
        .find(cycle)
        .select((award_cycles::status, award_cycles::framework_id))
        .first(conn)
        .optional()?
        .filter(|(s, _)| staff || s == "published")
        .ok_or_else(|| ApiError::NotFound(format!("no published award cycle {cycle}")))?;
    let framework = framework
        .ok_or_else(|| ApiError::NotFound(format!("cycle {cycle} has no evaluation framework")))?;
    let category_id: i64 = award_categories::table
        .filter(award_categories::slug.eq(category))
        .filter(award_categories::cycle_id.eq(cycle))
        .select(award_categories::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no category `{category}` in cycle {cycle}")))?;
    let framework_slug: String = frameworks::table
        .find(framework)
        .select(frameworks::slug)
        .first(conn)?;
    let tree = tree(conn, framework)?;
    // Every counted evaluation of the cycle.
    let rows: Vec<CycleEvaluation> = evaluations::table
        .inner_join(nominations::table)
        .filter(nominations::cycle_id.eq(cycle))
        .filter(evaluations::status.eq_any(COUNTED))
        .filter(evaluations::framework_id.eq(framework))
        .select((
            evaluations::id,
            evaluations::evaluator_id,
            nominations::id,
            nominations::category_id,
        ))
        .load(conn)?;
    let in_category: HashSet<i64> = rows
        .iter()
        .filter(|r| r.category == category_id)
        .map(|r| r.nomination)
        .collect();
    // Z-scores need each evaluator's whole cycle; plain means only the category's evaluations.
    let needed = rows
        .into_iter()
        .filter(|r| normalize || r.category == category_id)
        .map(|r| Counted {
            id: r.id,
            evaluator: r.evaluator,
            target: r.nomination,
        })
        .collect();
    let all: Vec<Scored> = scored(conn, &tree, needed)?;
    let summaries: Vec<_> = aggregate::summarise(&all, normalize)
        .into_iter()
        .filter(|s| in_category.contains(&s.target))
        .collect();
    let cities_of: Vec<NominatedCity> = nominations::table
        .inner_join(cities::table)
        .filter(nominations::id.eq_any(in_category.iter().copied().collect::<Vec<_>>()))
        .select((
            nominations::id,
            cities::slug,
            cities::name_en,
            cities::name_th,
            cities::name_sort,
        ))
        .load(conn)?;
    let names: HashMap<i64, String> = cities_of
        .iter()
        .map(|c| (c.nomination, c.name_sort.clone()))
        .collect();
    let city: HashMap<i64, (String, Localized)> = cities_of
        .into_iter()
        .map(|c| (c.nomination, (c.slug, Localized::new(c.name_en, c.name_th))))
        .collect();
    let entries = aggregate::rank(summaries, &names)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let (slug, name) = city
                .get(&s.target)
                .cloned()
                .unwrap_or_else(|| (String::new(), Localized::new("", None)));
            RankingEntry {
                rank: i + 1,
                nomination_id: s.target,
                city: slug,
                city_name: name,
                evaluations: s.evaluations,
                mean: s.mean,
                sd: s.sd,
                min: s.min,
                max: s.max,
                agreement: aggregate::agreement(s.sd).to_owned(),
                z_mean: s.z_mean,
                areas: area_means(&tree, &s.areas),
            }
        })
        .collect();
    Ok(Ranking {
        cycle_id: cycle,
        category: category.to_owned(),
        framework: framework_slug,
        normalized: normalize,
        tie_break: TIE_BREAK.to_owned(),
        entries,
    })
}

/// What a city's results are grouped by, in this order.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Group {
    framework: i64,
    cycle: Option<i64>,
    category: Option<String>,
    round: Option<i64>,
    year: i32,
}

/// The published results of a public city: per published cycle category and per published
/// monitoring round, the mean over its counted evaluations.
pub fn city_results(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<Vec<CityEvaluationSummary>, ApiError> {
    let city: i64 = cities::table
        .filter(cities::slug.eq(slug))
        .filter(cities::archived_at.is_null())
        .select(cities::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no city with slug `{slug}`")))?;
    let mut out = Vec::new();
    let award_rows: Vec<AwardEvaluation> = evaluations::table
        .inner_join(
            nominations::table
                .inner_join(award_cycles::table)
                .inner_join(award_categories::table),
        )
        .filter(evaluations::city_id.eq(city))
        .filter(evaluations::status.eq_any(COUNTED))
        .filter(award_cycles::status.eq(CycleStatus::Published))
        .select((
            evaluations::id,
            evaluations::evaluator_id,
            evaluations::framework_id,
            award_cycles::id,
            award_cycles::year,
            award_categories::slug,
        ))
        .load(conn)?;
    let round_rows: Vec<RoundEvaluation> = evaluations::table
        .inner_join(monitoring_rounds::table)
        .filter(evaluations::city_id.eq(city))
        .filter(evaluations::status.eq_any(COUNTED))
        .filter(monitoring_rounds::status.eq(RoundStatus::Published))
        .select((
            evaluations::id,
            evaluations::evaluator_id,
            evaluations::framework_id,
            monitoring_rounds::id,
            monitoring_rounds::year,
        ))
        .load(conn)?;
    let counted = |id, evaluator| Counted {
        id,
        evaluator,
        target: city,
    };
    let mut groups: BTreeMap<Group, Vec<Counted>> = BTreeMap::new();
    for r in award_rows {
        let group = Group {
            framework: r.framework,
            cycle: Some(r.cycle),
            category: Some(r.category),
            round: None,
            year: r.year,
        };
        groups
            .entry(group)
            .or_default()
            .push(counted(r.id, r.evaluator));
    }
    for r in round_rows {
        let group = Group {
            framework: r.framework,
            cycle: None,
            category: None,
            round: Some(r.round),
            year: r.year,
        };
        groups
            .entry(group)
            .or_default()
            .push(counted(r.id, r.evaluator));
    }
    for (group, evals) in groups {
        let Group {
            framework,
            cycle,
            category,
            round,
            year,
        } = group;
        let tree = tree(conn, framework)?;
        let framework_slug: String = frameworks::table
            .find(framework)
            .select(frameworks::slug)
            .first(conn)?;
        let all = scored(conn, &tree, evals)?;
        if let Some(s) = aggregate::summarise(&all, false).pop() {
            out.push(CityEvaluationSummary {
                context: if cycle.is_some() {
                    "award"
                } else {
                    "monitoring"
                }
                .to_owned(),
                cycle_id: cycle,
                category,
                round_id: round,
                year,
                framework: framework_slug,
                evaluations: s.evaluations,
                mean: s.mean,
                areas: area_means(&tree, &s.areas),
            });
        }
    }
    out.sort_by(|a, b| b.year.cmp(&a.year).then(a.framework.cmp(&b.framework)));
    Ok(out)
}

/// The mean score per area of a framework over published evaluations (of published cycles and
/// monitoring rounds), optionally for one network's members, one country or one year.
pub fn area_averages(
    conn: &mut DbConnection,
    framework_slug: &str,
    f: &AreaFilters,
) -> Result<Vec<AreaAverage>, ApiError> {
    let framework: i64 = frameworks::table
        .filter(frameworks::slug.eq(framework_slug))
        .select(frameworks::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no framework `{framework_slug}`")))?;
    let tree = tree(conn, framework)?;
    let mut query = evaluations::table
        .inner_join(cities::table)
        .left_join(nominations::table.inner_join(award_cycles::table))
        .left_join(monitoring_rounds::table)
        .filter(evaluations::framework_id.eq(framework))
        .filter(evaluations::status.eq_any(COUNTED))
        .filter(
            award_cycles::status
                .eq(CycleStatus::Published)
                .or(monitoring_rounds::status.eq(RoundStatus::Published)),
        )
        .into_boxed::<MultiBackend>();
    if let Some(country) = &f.country {
        query = query.filter(cities::country_code.eq(country.clone()));
    }
    if let Some(year) = f.year {
        query = query.filter(
            award_cycles::year
                .eq(year)
                .or(monitoring_rounds::year.eq(year)),
        );
    }
    if let Some(network) = &f.network {
        let members = memberships::table
            .inner_join(networks::table)
            .filter(networks::slug.eq(network.clone()))
            .filter(memberships::archived_at.is_null())
            .select(memberships::city_id);
        query = query.filter(evaluations::city_id.eq_any(members));
    }
    let rows: Vec<Counted> = query
        .select((
            evaluations::id,
            evaluations::evaluator_id,
            evaluations::city_id,
        ))
        .load(conn)?;
    let all = scored(conn, &tree, rows)?;
    let mut per_area: BTreeMap<i64, (Vec<f64>, HashSet<i64>)> = BTreeMap::new();
    for s in &all {
        for (area, v) in &s.areas {
            let entry = per_area.entry(*area).or_default();
            entry.0.push(*v);
            entry.1.insert(s.target);
        }
    }
    Ok(tree
        .areas()
        .filter_map(|area| {
            let (values, cities) = per_area.get(&area.id)?;
            let (mean, _) = aggregate::mean_sd(values)?;
            Some(AreaAverage {
                framework: framework_slug.to_owned(),
                area: area.code.clone(),
                title: area.title.clone(),
                mean,
                cities: cities.len(),
                evaluations: values.len(),
            })
        })
        .collect())
}
