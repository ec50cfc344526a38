//! The synthetic judging: evaluator accounts, a framework, an award programme with one
//! published cycle, two published monitoring rounds, and final evaluations with their scores,
//! written as the workflow leaves them: a cycle that went through draft, open, judging and
//! closed to published (version 5), nominations decided (winners the best of their category),
//! evaluations assigned, scored, submitted (freezing the framework) and finalised (version 4 or
//! 5, `overall` stored at submission).

use std::collections::HashMap;

use diesel::prelude::*;

use super::places::City;
use super::{numbered, rows_per_insert, width_for, Clock, Rng, SeedError, FRAMEWORK, PROGRAMME};
use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, criteria, evaluations, frameworks,
    monitoring_rounds, nominations, scores, users,
};
use crate::db::DbConnection;
use crate::evaluations::rounds::types::RoundStatus;
use crate::evaluations::scoring::life_cycle::EvaluationStatus;

/// Features per focus area, per area: the shape of the UNESCO Key Features of Learning Cities
/// (3 areas, 12 focus areas, 44 features).
const SHAPE: &[&[usize]] = &[&[4, 5, 3], &[4, 4, 4, 3, 4, 4], &[3, 2, 4]];

/// The scale of every synthetic criterion, as on the seeded frameworks.
const SCALE: (i32, i32) = (1, 5);

/// The synthetic award categories: slug part, English and Thai name.
const CATEGORIES: &[(&str, &str, &str)] = &[
    ("children-and-youth", "Children and Youth", "เด็กและเยาวชน"),
    ("cultural-identity", "Cultural Identity", "อัตลักษณ์ทางวัฒนธรรม"),
    ("equity", "Equity", "ความเสมอภาค"),
    ("economy", "Economy", "เศรษฐกิจ"),
];

/// What [`load`] wrote.
pub struct Judged {
    pub evaluators: usize,
    pub award_cycle: i64,
    pub categories: usize,
    pub nominations: usize,
    pub rounds: usize,
    pub evaluations: usize,
    pub scores: usize,
    pub criteria: usize,
    /// The index of a nominated city that is also monitored, if any.
    pub sample_city: Option<usize>,
}

/// How many evaluations of which kind, from the score rows asked for.
#[derive(Debug, PartialEq, Eq)]
struct Plan {
    /// Award evaluations: 3 per nomination, the rest spread.
    award: usize,
    nominations: usize,
    /// Monitoring evaluations, spread over the rounds and cities.
    monitoring: usize,
    rounds: usize,
    evaluators: usize,
}

impl Plan {
    fn new(scores: usize, cities: usize, leaves: usize) -> Plan {
        let evaluations = (scores + leaves / 2) / leaves.max(1);
        let wanted = evaluations * 3 / 5;
        let nominations = if wanted == 0 || cities == 0 {
            0
        } else {
            (wanted / 3).clamp(1, cities)
        };
        let award = wanted.min(nominations * evaluations.max(1));
        let monitoring = evaluations - award;
        let rounds = monitoring.min(2);
        let panel = award.div_ceil(nominations.max(1));
        let passes = monitoring.div_ceil((rounds * cities).max(1));
        Plan {
            award,
            nominations,
            monitoring,
            rounds,
            evaluators: (evaluations / 40).max(5).max(panel).max(passes),
        }
    }

    /// The panel size of nomination `j`.
    fn panel(&self, j: usize) -> usize {
        let base = self.award / self.nominations.max(1);
        base + usize::from(j < self.award % self.nominations.max(1))
    }
}

/// A scored criterion: its id and its area and focus area (indexes).
struct Leaf {
    id: i64,
    area: usize,
    focus: usize,
}

/// The overall score on 0-100 as the service computes it for this tree (equal weights): the
/// mean over areas of the mean over focus areas of the mean feature position on the scale.
fn overall(leaves: &[Leaf], values: &[u8]) -> f64 {
    let mut focus: Vec<(usize, f64, f64)> = Vec::new();
    for (leaf, value) in leaves.iter().zip(values) {
        let on_scale =
            (f64::from(*value) - f64::from(SCALE.0)) / f64::from(SCALE.1 - SCALE.0) * 100.0;
        match focus.iter_mut().find(|f| f.0 == leaf.focus) {
            Some(f) => {
                f.1 += on_scale;
                f.2 += 1.0;
            }
            None => focus.push((leaf.focus, on_scale, 1.0)),
        }
    }
    let mut areas: Vec<(f64, f64)> = vec![(0.0, 0.0); SHAPE.len()];
    for (focus_index, sum, n) in focus {
        let area = leaves
            .iter()
            .find(|l| l.focus == focus_index)
            .map_or(0, |l| l.area);
        areas[area].0 += sum / n;
        areas[area].1 += 1.0;
    }
    let scored: Vec<f64> = areas
        .into_iter()
        .filter(|a| a.1 > 0.0)
        .map(|a| a.0 / a.1)
        .collect();
    scored.iter().sum::<f64>() / scored.len().max(1) as f64
}

/// Inserts the framework and its criteria tree; returns its id and the leaves in tree order.
fn framework(conn: &mut DbConnection, clock: &Clock) -> Result<(i64, Vec<Leaf>), SeedError> {
    let at = clock.at(0.0);
    let id: i64 = diesel::insert_into(frameworks::table)
        .values((
            frameworks::slug.eq(FRAMEWORK),
            frameworks::family.eq("synthetic-framework"),
            frameworks::version.eq(1),
            frameworks::name_en.eq("Synthetic framework (synthetic data)"),
            frameworks::name_th.eq("กรอบการประเมินสังเคราะห์ (ข้อมูลสังเคราะห์)"),
            frameworks::description_en.eq(
                "A made-up framework for benchmarks with the shape of the UNESCO Key Features of \
                 Learning Cities (3 areas, 12 focus areas, 44 features); not a real framework.",
            ),
            frameworks::verified.eq(false),
            frameworks::created_at.eq(at),
            frameworks::updated_at.eq(at),
        ))
        .returning(frameworks::id)
        .get_result(conn)?;
    let criterion = |conn: &mut DbConnection,
                     parent: Option<i64>,
                     code: &str,
                     level: &str,
                     (en, th): (&str, &str),
                     position: usize|
     -> Result<i64, SeedError> {
        Ok(diesel::insert_into(criteria::table)
            .values((
                criteria::framework_id.eq(id),
                criteria::parent_id.eq(parent),
                criteria::code.eq(code),
                criteria::level.eq(level),
                criteria::title_en.eq(format!("{en} {code}")),
                criteria::title_th.eq(format!("{th} {code}")),
                criteria::weight.eq(1.0),
                criteria::scale_min.eq(SCALE.0),
                criteria::scale_max.eq(SCALE.1),
                criteria::required.eq(true),
                criteria::verified.eq(false),
                criteria::position.eq(i32::try_from(position).unwrap_or_default()),
            ))
            .returning(criteria::id)
            .get_result(conn)?)
    };
    let mut leaves = Vec::new();
    let mut focus_index = 0;
    for (a, focus_areas) in SHAPE.iter().enumerate() {
        let area_code = (a + 1).to_string();
        let area = criterion(
            conn,
            None,
            &area_code,
            "area",
            ("Synthetic area", "ด้านสังเคราะห์"),
            a,
        )?;
        for (f, features) in focus_areas.iter().enumerate() {
            let focus_code = format!("{area_code}.{}", f + 1);
            let focus = criterion(
                conn,
                Some(area),
                &focus_code,
                "focus",
                ("Synthetic focus area", "ประเด็นสังเคราะห์"),
                f,
            )?;
            for k in 0..*features {
                let id = criterion(
                    conn,
                    Some(focus),
                    &format!("{focus_code}.{}", k + 1),
                    "feature",
                    ("Synthetic feature", "ลักษณะสังเคราะห์"),
                    k,
                )?;
                leaves.push(Leaf {
                    id,
                    area: a,
                    focus: focus_index,
                });
            }
            focus_index += 1;
        }
    }
    Ok((id, leaves))
}

/// Inserts the inactive synthetic accounts (nobody knows their password): one secretariat
/// account that ran the cycle, and the evaluators. Returns (secretariat, evaluators).
fn accounts(
    conn: &mut DbConnection,
    clock: &Clock,
    evaluators: usize,
    password_hash: &str,
) -> Result<(i64, Vec<i64>), SeedError> {
    let at = clock.at(0.0);
    let width = width_for(evaluators, 3);
    let mut people = vec![(
        "synthetic-secretariat@synthetic.invalid".to_owned(),
        "Synthetic secretariat (synthetic)".to_owned(),
        "secretariat",
    )];
    for n in 1..=evaluators {
        let number = numbered(n, width);
        people.push((
            format!("synthetic-evaluator-{number}@synthetic.invalid"),
            format!("Synthetic evaluator {number} (synthetic)"),
            "evaluator",
        ));
    }
    for chunk in people.chunks(rows_per_insert(7)) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(email, name, role)| {
                (
                    users::email.eq(email),
                    users::display_name.eq(name),
                    users::password_hash.eq(password_hash),
                    users::role.eq(*role),
                    users::active.eq(false),
                    users::created_at.eq(at),
                    users::updated_at.eq(at),
                )
            })
            .collect();
        insert_rows!(conn, users::table, values)?;
    }
    let ids: HashMap<String, i64> = users::table
        .filter(users::email.like("synthetic-%@synthetic.invalid"))
        .select((users::email, users::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let id_of = |email: &str| {
        ids.get(email)
            .copied()
            .ok_or_else(|| SeedError::Data(format!("{email} was not inserted")))
    };
    let staff = id_of(&people[0].0)?;
    let evaluators = people[1..]
        .iter()
        .map(|p| id_of(&p.0))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((staff, evaluators))
}

/// Inserts the programme and its published cycle with categories; returns (cycle, categories).
fn cycle(
    conn: &mut DbConnection,
    clock: &Clock,
    framework: i64,
) -> Result<(i64, Vec<i64>), SeedError> {
    let year = clock.year();
    let programme: i64 = diesel::insert_into(award_programmes::table)
        .values((
            award_programmes::slug.eq(PROGRAMME),
            award_programmes::name_en
                .eq("Synthetic Learning City Award (synthetic data, not a real award)"),
            award_programmes::name_th
                .eq("รางวัลเมืองแห่งการเรียนรู้สังเคราะห์ (ข้อมูลสังเคราะห์ ไม่ใช่รางวัลจริง)"),
            award_programmes::organisers_en.eq("Synthetic organiser (synthetic data)"),
            award_programmes::description_en.eq(
                "Synthetic data for benchmarks: the cities, nominations, evaluators and scores \
                 are made up.",
            ),
            award_programmes::created_at.eq(clock.at(0.0)),
            award_programmes::updated_at.eq(clock.at(0.0)),
        ))
        .returning(award_programmes::id)
        .get_result(conn)?;
    let created = clock.at(0.5);
    let published = clock.at(28.0);
    let cycle: i64 = diesel::insert_into(award_cycles::table)
        .values((
            award_cycles::programme_id.eq(programme),
            award_cycles::year.eq(year),
            award_cycles::title_en.eq(format!("Synthetic cycle {year} (synthetic data)")),
            award_cycles::title_th.eq(format!("รอบสังเคราะห์ {} (ข้อมูลสังเคราะห์)", year + 543)),
            award_cycles::status.eq(CycleStatus::Published),
            award_cycles::nominations_open_on.eq(clock.at(1.0).date()),
            award_cycles::nominations_close_on.eq(clock.at(9.0).date()),
            award_cycles::summary_en
                .eq("Synthetic data for benchmarks; no real city was nominated or scored."),
            award_cycles::summary_th.eq("ข้อมูลสังเคราะห์สำหรับการทดสอบประสิทธิภาพ"),
            award_cycles::framework_id.eq(framework),
            award_cycles::published_at.eq(published),
            award_cycles::version.eq(5),
            award_cycles::created_at.eq(created),
            award_cycles::updated_at.eq(published),
        ))
        .returning(award_cycles::id)
        .get_result(conn)?;
    let mut categories = Vec::new();
    for (position, (slug, en, th)) in CATEGORIES.iter().enumerate() {
        categories.push(
            diesel::insert_into(award_categories::table)
                .values((
                    award_categories::cycle_id.eq(cycle),
                    award_categories::slug.eq(format!("synthetic-{year}-{slug}")),
                    award_categories::name_en.eq(format!("Synthetic category: {en}")),
                    award_categories::name_th.eq(format!("หมวดสังเคราะห์: {th}")),
                    award_categories::position.eq(i32::try_from(position).unwrap_or_default()),
                    award_categories::created_at.eq(created),
                    award_categories::updated_at.eq(created),
                ))
                .returning(award_categories::id)
                .get_result::<i64>(conn)?,
        );
    }
    Ok((cycle, categories))
}

/// Inserts `count` published monitoring rounds (the years before and of the load).
fn rounds(
    conn: &mut DbConnection,
    clock: &Clock,
    framework: i64,
    count: usize,
) -> Result<Vec<i64>, SeedError> {
    let this_year = clock.year();
    let mut ids = Vec::new();
    for back in (0..count).rev() {
        let year = this_year - i32::try_from(back).unwrap_or_default();
        ids.push(
            diesel::insert_into(monitoring_rounds::table)
                .values((
                    monitoring_rounds::framework_id.eq(framework),
                    monitoring_rounds::year.eq(year),
                    monitoring_rounds::title_en.eq(format!(
                        "Synthetic monitoring round {year} (synthetic data)"
                    )),
                    monitoring_rounds::title_th
                        .eq(format!("รอบติดตามผลสังเคราะห์ {} (ข้อมูลสังเคราะห์)", year + 543)),
                    monitoring_rounds::status.eq(RoundStatus::Published),
                    monitoring_rounds::published_at.eq(clock.at(28.0)),
                    monitoring_rounds::created_at.eq(clock.at(1.0)),
                    monitoring_rounds::updated_at.eq(clock.at(28.0)),
                ))
                .returning(monitoring_rounds::id)
                .get_result::<i64>(conn)?,
        );
    }
    Ok(ids)
}

/// What an evaluation judged: a nomination (index) or a city in a round (indexes).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Nomination(usize),
    Round(usize),
}

/// One planned evaluation with its scores and moments.
struct Planned {
    evaluator: usize,
    city: usize,
    target: Target,
    values: Vec<u8>,
    overall: f64,
    /// Moments, in days after the start of the [`Clock`].
    assigned: f64,
    scored: f64,
    submitted: f64,
    finalised: f64,
    version: i32,
}

/// Draws scores: a city's level, an evaluator's leniency, a criterion's difficulty and noise.
struct Scorer {
    city: Vec<f64>,
    evaluator: Vec<f64>,
    criterion: Vec<f64>,
}

impl Scorer {
    fn new(rng: &mut Rng, cities: usize, evaluators: usize, leaves: usize) -> Scorer {
        let mut draw = |n: usize, sd: f64| (0..n).map(|_| rng.normal() * sd).collect::<Vec<_>>();
        Scorer {
            city: draw(cities, 0.7),
            evaluator: draw(evaluators, 0.35),
            criterion: draw(leaves, 0.35),
        }
    }

    fn plan(
        &self,
        rng: &mut Rng,
        leaves: &[Leaf],
        evaluator: usize,
        city: usize,
        target: Target,
    ) -> Planned {
        let values: Vec<u8> = (0..leaves.len())
            .map(|l| {
                let raw = 3.0
                    + self.city[city]
                    + self.evaluator[evaluator]
                    + self.criterion[l]
                    + 0.6 * rng.normal();
                // Clamped to 1..=5 first: the cast is exact.
                raw.round().clamp(f64::from(SCALE.0), f64::from(SCALE.1)) as u8
            })
            .collect();
        let scored = 11.0 + 9.0 * rng.unit();
        Planned {
            evaluator,
            city,
            target,
            overall: overall(leaves, &values),
            values,
            assigned: 10.0 + rng.unit(),
            scored,
            submitted: scored + 0.5 * rng.unit(),
            finalised: 21.0 + 4.0 * rng.unit(),
            version: if rng.chance(0.3) { 5 } else { 4 },
        }
    }
}

/// Plans every evaluation: award panels on shuffled cities, then monitoring over the rounds.
fn plan_evaluations(
    rng: &mut Rng,
    plan: &Plan,
    leaves: &[Leaf],
    cities: usize,
) -> (Vec<usize>, Vec<Planned>) {
    let scorer = Scorer::new(rng, cities, plan.evaluators, leaves.len());
    let nominated: Vec<usize> = rng
        .shuffled(cities)
        .into_iter()
        .take(plan.nominations)
        .collect();
    let mut out = Vec::with_capacity(plan.award + plan.monitoring);
    for (j, &city) in nominated.iter().enumerate() {
        let first = rng.below(plan.evaluators);
        for k in 0..plan.panel(j) {
            out.push(scorer.plan(
                rng,
                leaves,
                (first + k) % plan.evaluators,
                city,
                Target::Nomination(j),
            ));
        }
    }
    let mut monitored = rng.shuffled(cities);
    // The first nominee is monitored too, so that one city shows both kinds of results.
    if let Some(at) = nominated
        .first()
        .and_then(|c| monitored.iter().position(|m| m == c))
    {
        monitored.swap(0, at);
    }
    for i in 0..plan.monitoring {
        let round = i % plan.rounds.max(1);
        let slot = i / plan.rounds.max(1);
        let position = slot % cities.max(1);
        let pass = slot / cities.max(1);
        let evaluator = (position * 7 + round * 13 + pass) % plan.evaluators;
        out.push(scorer.plan(
            rng,
            leaves,
            evaluator,
            monitored[position],
            Target::Round(round),
        ));
    }
    (nominated, out)
}

/// The nominations' statuses: the best `ceil(n / 20)` (at most 3) of each category win.
fn decide(nominations: usize, categories: usize, planned: &[Planned]) -> Vec<&'static str> {
    let mut sums = vec![(0.0, 0usize); nominations];
    for p in planned {
        if let Target::Nomination(j) = p.target {
            sums[j].0 += p.overall;
            sums[j].1 += 1;
        }
    }
    let mean = |j: usize| sums[j].0 / sums[j].1.max(1) as f64;
    let mut status = vec!["not_awarded"; nominations];
    for category in 0..categories {
        let mut members: Vec<usize> = (0..nominations)
            .filter(|j| j % categories == category)
            .collect();
        members.sort_by(|a, b| mean(*b).total_cmp(&mean(*a)).then(a.cmp(b)));
        let winners = members.len().div_ceil(20).min(3);
        for &j in members.iter().take(winners) {
            status[j] = "winner";
        }
    }
    status
}

/// Loads the judging part of the data set.
pub fn load(
    conn: &mut DbConnection,
    rng: &mut Rng,
    clock: &Clock,
    cities: &[City],
    scores_wanted: usize,
    password_hash: &str,
) -> Result<Judged, SeedError> {
    let (framework_id, leaves) = framework(conn, clock)?;
    let plan = Plan::new(scores_wanted, cities.len(), leaves.len());
    let (staff, evaluator_ids) = accounts(conn, clock, plan.evaluators, password_hash)?;
    let (cycle_id, category_ids) = cycle(conn, clock, framework_id)?;
    let round_ids = rounds(conn, clock, framework_id, plan.rounds)?;
    let (nominated, planned) = plan_evaluations(rng, &plan, &leaves, cities.len());
    let statuses = decide(nominated.len(), category_ids.len(), &planned);

    for chunk in (0..nominated.len())
        .collect::<Vec<_>>()
        .chunks(rows_per_insert(11))
    {
        let values: Vec<_> = chunk
            .iter()
            .map(|&j| {
                (
                    nominations::cycle_id.eq(cycle_id),
                    nominations::category_id.eq(category_ids[j % category_ids.len()]),
                    nominations::city_id.eq(cities[nominated[j]].id),
                    nominations::status.eq(statuses[j]),
                    nominations::statement.eq(Some("Synthetic nomination (synthetic data)")),
                    nominations::evidence_links.eq("[]"),
                    nominations::submitted_by.eq(Some(staff)),
                    nominations::version.eq(2),
                    nominations::created_at
                        .eq(clock.at(1.0 + 8.0 * (j as f64) / (nominated.len() as f64))),
                    nominations::updated_at.eq(clock.at(if statuses[j] == "winner" {
                        26.0
                    } else {
                        28.0
                    })),
                )
            })
            .collect();
        insert_rows!(conn, nominations::table, values)?;
    }
    let nomination_of_city: HashMap<i64, i64> = nominations::table
        .filter(nominations::cycle_id.eq(cycle_id))
        .select((nominations::city_id, nominations::id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let nomination_ids: Vec<i64> = nominated
        .iter()
        .map(|&c| {
            nomination_of_city
                .get(&cities[c].id)
                .copied()
                .ok_or_else(|| SeedError::Data("a nomination was not inserted".to_owned()))
        })
        .collect::<Result<_, _>>()?;

    let key = |p: &Planned| -> (i64, Option<i64>, Option<i64>, i64) {
        let (nomination, round) = match p.target {
            Target::Nomination(j) => (Some(nomination_ids[j]), None),
            Target::Round(r) => (None, Some(round_ids[r])),
        };
        (
            evaluator_ids[p.evaluator],
            nomination,
            round,
            cities[p.city].id,
        )
    };
    for chunk in planned.chunks(rows_per_insert(12)) {
        let values: Vec<_> = chunk
            .iter()
            .map(|p| {
                let (evaluator, nomination, round, city) = key(p);
                (
                    evaluations::evaluator_id.eq(evaluator),
                    evaluations::framework_id.eq(framework_id),
                    evaluations::city_id.eq(city),
                    evaluations::nomination_id.eq(nomination),
                    evaluations::round_id.eq(round),
                    evaluations::status.eq(EvaluationStatus::Final),
                    evaluations::overall.eq(Some(p.overall)),
                    evaluations::submitted_at.eq(Some(clock.at(p.submitted))),
                    evaluations::assigned_by.eq(staff),
                    evaluations::version.eq(p.version),
                    evaluations::created_at.eq(clock.at(p.assigned)),
                    evaluations::updated_at.eq(clock.at(p.finalised)),
                )
            })
            .collect();
        insert_rows!(conn, evaluations::table, values)?;
    }
    let evaluation_ids: HashMap<(i64, Option<i64>, Option<i64>, i64), i64> = evaluations::table
        .filter(evaluations::framework_id.eq(framework_id))
        .select((
            evaluations::id,
            evaluations::evaluator_id,
            evaluations::nomination_id,
            evaluations::round_id,
            evaluations::city_id,
        ))
        .load::<(i64, i64, Option<i64>, Option<i64>, i64)>(conn)?
        .into_iter()
        .map(|(id, e, n, r, c)| ((e, n, r, c), id))
        .collect();

    let mut rows = Vec::with_capacity(planned.len() * leaves.len());
    for p in &planned {
        let id = *evaluation_ids
            .get(&key(p))
            .ok_or_else(|| SeedError::Data("an evaluation was not inserted".to_owned()))?;
        for (leaf, value) in leaves.iter().zip(&p.values) {
            rows.push((id, leaf.id, *value, p.scored));
        }
    }
    for (n, chunk) in rows.chunks(rows_per_insert(6)).enumerate() {
        let values: Vec<_> = chunk
            .iter()
            .enumerate()
            .map(|(i, (evaluation, criterion, value, scored))| {
                (
                    scores::evaluation_id.eq(*evaluation),
                    scores::criterion_id.eq(*criterion),
                    scores::score.eq(f64::from(*value)),
                    scores::comment
                        .eq(((n + i) % 20 == 0).then_some("Synthetic comment (synthetic data)")),
                    scores::evidence_links.eq("[]"),
                    scores::updated_at.eq(clock.at(*scored)),
                )
            })
            .collect();
        insert_rows!(conn, scores::table, values)?;
    }
    if let Some(first) = planned.iter().map(|p| p.submitted).reduce(f64::min) {
        // The first submission froze the framework.
        diesel::update(frameworks::table.find(framework_id))
            .set(frameworks::frozen_at.eq(clock.at(first)))
            .execute(conn)?;
    }
    let monitored: std::collections::HashSet<usize> = planned
        .iter()
        .filter(|p| matches!(p.target, Target::Round(_)))
        .map(|p| p.city)
        .collect();
    let sample_city = nominated
        .iter()
        .copied()
        .find(|c| monitored.contains(c))
        .or_else(|| nominated.first().copied());
    Ok(Judged {
        evaluators: evaluator_ids.len(),
        award_cycle: cycle_id,
        categories: category_ids.len(),
        nominations: nominated.len(),
        rounds: round_ids.len(),
        evaluations: planned.len(),
        scores: rows.len(),
        criteria: leaves.len(),
        sample_city,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_the_nearest_score_count() {
        let default = Plan::new(200_000, 10_000, 44);
        assert_eq!(default.award + default.monitoring, 4545, "199,980 scores");
        assert_eq!(default.nominations, 909);
        assert_eq!(default.award, 2727);
        assert_eq!(default.rounds, 2);
        assert_eq!(default.evaluators, 113);
        let small = Plan::new(2_000, 120, 44);
        assert_eq!(
            (small.award, small.nominations, small.monitoring),
            (27, 9, 18)
        );
        assert!((0..small.nominations).all(|j| small.panel(j) == 3));
        let crowded = Plan::new(44 * 100, 3, 44);
        assert_eq!(crowded.nominations, 3);
        assert_eq!(
            (0..3).map(|j| crowded.panel(j)).sum::<usize>(),
            crowded.award
        );
        assert!(crowded.evaluators >= crowded.panel(0));
        assert!(crowded.evaluators * crowded.rounds * 3 >= crowded.monitoring);
        assert_eq!(
            Plan::new(0, 10, 44).award + Plan::new(0, 10, 44).monitoring,
            0
        );
    }

    fn leaves() -> Vec<Leaf> {
        let mut out = Vec::new();
        let mut focus = 0;
        for (a, features) in SHAPE.iter().enumerate() {
            for n in features.iter() {
                for _ in 0..*n {
                    out.push(Leaf {
                        id: out.len() as i64,
                        area: a,
                        focus,
                    });
                }
                focus += 1;
            }
        }
        out
    }

    #[test]
    fn overall_follows_the_tree() {
        let leaves = leaves();
        assert_eq!(leaves.len(), 44);
        assert_eq!(overall(&leaves, &[5; 44]), 100.0);
        assert_eq!(overall(&leaves, &[1; 44]), 0.0);
        // Area 1 all 5, the rest 1: one area of three at 100.
        let values: Vec<u8> = leaves
            .iter()
            .map(|l| if l.area == 0 { 5 } else { 1 })
            .collect();
        assert!((overall(&leaves, &values) - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn winners_are_the_best_of_each_category() {
        let leaves = leaves();
        let planned: Vec<Planned> = (0..8)
            .map(|j| {
                let values = vec![u8::try_from(1 + j % 5).unwrap_or(1); 44];
                Planned {
                    evaluator: 0,
                    city: j,
                    target: Target::Nomination(j),
                    overall: overall(&leaves, &values),
                    values,
                    assigned: 10.0,
                    scored: 11.0,
                    submitted: 12.0,
                    finalised: 21.0,
                    version: 4,
                }
            })
            .collect();
        let status = decide(8, 4, &planned);
        // Category 0 holds nominations 0 and 4 (values 1 and 5): 4 wins.
        assert_eq!(status[4], "winner");
        assert_eq!(status[0], "not_awarded");
        assert_eq!(status.iter().filter(|s| **s == "winner").count(), 4);
    }
}
