//! `learning-city seed --demo`: a complete, judged and published award cycle made of synthetic
//! data, labelled as such everywhere it shows (programme, cycle, categories, framework and
//! evaluator names), so that the SPA and the docs can show rankings. The default seed never
//! loads it.

use diesel::prelude::*;

use super::evaluation_frameworks::{insert_criterion, insert_framework, NewCriterion};
use super::SeedError;
use crate::auth::Role;
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, evaluations, frameworks, nominations,
    scores, users,
};
use crate::db::{now, DbConnection};
use crate::evaluations::scoring::life_cycle::EvaluationStatus;

/// The demo programme's slug.
pub const DEMO_PROGRAMME: &str = "demo-learning-city-award";

/// The nominated cities (real cities; the nominations and scores are synthetic).
const CITIES: &[&str] = &[
    "phayao",
    "chiang-mai",
    "chiang-rai",
    "sukhothai",
    "khon-kaen",
    "yala",
];

/// A small deterministic generator, so that every demo database holds the same scores.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Loads the demo cycle unless it is there; returns the number of evaluations created.
pub fn demo(conn: &mut DbConnection, password_hash: &str) -> Result<usize, SeedError> {
    let present: i64 = award_programmes::table
        .filter(award_programmes::slug.eq(DEMO_PROGRAMME))
        .count()
        .get_result(conn)?;
    if present > 0 {
        return Ok(0);
    }
    let at = now();
    let framework = insert_framework(
        conn,
        "demo-criteria-v1",
        "demo-criteria",
        "DEMO criteria (synthetic data)",
        "A copy of the 2024 UNESCO Learning City Award criteria for the synthetic demo cycle.",
        None,
        true,
    )?;
    let titles = [
        "Advancement of learning city plan",
        "Advances in stakeholder coordination and partnerships",
        "Progress in mobilizing and utilizing resources",
        "Progress in monitoring and evaluation of learning city development",
    ];
    let mut criteria_ids = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let code = (i + 1).to_string();
        criteria_ids.push(insert_criterion(
            conn,
            NewCriterion {
                framework,
                parent: None,
                code: &code,
                level: "area",
                title,
                verified: true,
                position: i,
            },
        )?);
    }
    // Final evaluations use it, so it is frozen like any framework in use.
    diesel::update(frameworks::table.find(framework))
        .set(frameworks::frozen_at.eq(at))
        .execute(conn)?;
    let programme: i64 = diesel::insert_into(award_programmes::table)
        .values((
            award_programmes::slug.eq(DEMO_PROGRAMME),
            award_programmes::name_en
                .eq("DEMO Learning City Award (synthetic data, not a real award)"),
            award_programmes::name_th.eq("รางวัลสาธิต (ข้อมูลสมมติ ไม่ใช่รางวัลจริง)"),
            award_programmes::description_en.eq(
                "Synthetic demonstration data: the nominations, evaluators and scores are made up.",
            ),
            award_programmes::created_at.eq(at),
            award_programmes::updated_at.eq(at),
        ))
        .returning(award_programmes::id)
        .get_result(conn)?;
    let cycle: i64 = diesel::insert_into(award_cycles::table)
        .values((
            award_cycles::programme_id.eq(programme),
            award_cycles::year.eq(2026),
            award_cycles::title_en.eq("DEMO cycle 2026 (synthetic data)"),
            award_cycles::title_th.eq("รอบสาธิต 2569 (ข้อมูลสมมติ)"),
            award_cycles::status.eq(CycleStatus::Published),
            award_cycles::summary_en
                .eq("Synthetic demonstration data; no real city was nominated or scored."),
            award_cycles::framework_id.eq(framework),
            award_cycles::published_at.eq(at),
            award_cycles::created_at.eq(at),
            award_cycles::updated_at.eq(at),
        ))
        .returning(award_cycles::id)
        .get_result(conn)?;
    let mut categories = Vec::new();
    for (i, (slug, name)) in [
        ("demo-2026-children-and-youth", "DEMO: Children and Youth"),
        ("demo-2026-equity", "DEMO: Equity"),
    ]
    .iter()
    .enumerate()
    {
        categories.push(
            diesel::insert_into(award_categories::table)
                .values((
                    award_categories::cycle_id.eq(cycle),
                    award_categories::slug.eq(*slug),
                    award_categories::name_en.eq(*name),
                    award_categories::position.eq(i32::try_from(i).unwrap_or_default()),
                    award_categories::created_at.eq(at),
                    award_categories::updated_at.eq(at),
                ))
                .returning(award_categories::id)
                .get_result::<i64>(conn)?,
        );
    }
    let mut evaluators = Vec::new();
    for n in 1..=3 {
        evaluators.push(
            diesel::insert_into(users::table)
                .values((
                    users::email.eq(format!("demo-evaluator-{n}@demo.invalid")),
                    users::display_name.eq(format!("DEMO evaluator {n} (synthetic)")),
                    users::password_hash.eq(password_hash),
                    users::role.eq(Role::Evaluator),
                    users::active.eq(false),
                    users::created_at.eq(at),
                    users::updated_at.eq(at),
                ))
                .returning(users::id)
                .get_result::<i64>(conn)?,
        );
    }
    let mut random = Lcg(2026);
    let mut created = 0;
    for (i, slug) in CITIES.iter().enumerate() {
        let city: Option<i64> = cities::table
            .filter(cities::slug.eq(*slug))
            .select(cities::id)
            .first(conn)
            .optional()?;
        let Some(city) = city else { continue };
        let category = categories[i % categories.len()];
        let nomination: i64 = diesel::insert_into(nominations::table)
            .values((
                nominations::cycle_id.eq(cycle),
                nominations::category_id.eq(category),
                nominations::city_id.eq(city),
                nominations::status.eq(if i < 2 {
                    NominationStatus::Winner
                } else {
                    NominationStatus::NotAwarded
                }),
                nominations::statement.eq("DEMO nomination (synthetic data)"),
                nominations::evidence_links.eq("[]"),
                nominations::created_at.eq(at),
                nominations::updated_at.eq(at),
            ))
            .returning(nominations::id)
            .get_result(conn)?;
        for evaluator in &evaluators {
            let evaluation: i64 = diesel::insert_into(evaluations::table)
                .values((
                    evaluations::evaluator_id.eq(evaluator),
                    evaluations::framework_id.eq(framework),
                    evaluations::city_id.eq(city),
                    evaluations::nomination_id.eq(nomination),
                    evaluations::status.eq(EvaluationStatus::Final),
                    evaluations::submitted_at.eq(at),
                    evaluations::assigned_by.eq(evaluator),
                    evaluations::created_at.eq(at),
                    evaluations::updated_at.eq(at),
                ))
                .returning(evaluations::id)
                .get_result(conn)?;
            for criterion in &criteria_ids {
                let score = 1.0 + f64::from(u32::try_from(random.next() % 5).unwrap_or_default());
                diesel::insert_into(scores::table)
                    .values((
                        scores::evaluation_id.eq(evaluation),
                        scores::criterion_id.eq(criterion),
                        scores::score.eq(score),
                        scores::comment.eq("DEMO score (synthetic)"),
                        scores::evidence_links.eq("[]"),
                        scores::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            created += 1;
        }
    }
    Ok(created)
}
