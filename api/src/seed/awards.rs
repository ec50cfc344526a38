//! The two award programmes: the Thailand Learning City Awards (2025 cycle and its four
//! categories; its winners are not in the sources, so none are recorded) and the UNESCO
//! Learning City Award (2015-2024 awardees, the 2024 criteria and eligibility rules).

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use serde::Deserialize;

use super::networks::{upsert_city, CoordinateCsv, GNLC};
use super::{read_csv, SeedError};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{award_categories, award_cycles, award_programmes, networks, nominations};
use crate::db::{now, DbConnection};

/// Thai texts here are this project's translations (see SOURCES.md).
const THAI_CATEGORIES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "children-and-youth",
        "Learning City for Children and Youth",
        "เมืองแห่งการเรียนรู้ด้านเด็กและเยาวชน",
        "Safe, nurturing environments for young people's holistic growth.",
        "สภาพแวดล้อมที่ปลอดภัยและเอื้อต่อการเติบโตอย่างรอบด้านของเด็กและเยาวชน",
    ),
    (
        "cultural-identity",
        "Learning City for Cultural Identity",
        "เมืองแห่งการเรียนรู้ด้านอัตลักษณ์ทางวัฒนธรรม",
        "Preserving local wisdom and heritage through lifelong learning.",
        "การอนุรักษ์ภูมิปัญญาท้องถิ่นและมรดกทางวัฒนธรรมผ่านการเรียนรู้ตลอดชีวิต",
    ),
    (
        "equity",
        "Learning City for Equity",
        "เมืองแห่งการเรียนรู้ด้านความเสมอภาค",
        "Equal access to learning, reducing social and economic disparities.",
        "การเข้าถึงการเรียนรู้อย่างเท่าเทียม ลดความเหลื่อมล้ำทางสังคมและเศรษฐกิจ",
    ),
    (
        "economy",
        "Learning City for Economy",
        "เมืองแห่งการเรียนรู้ด้านเศรษฐกิจ",
        "Socio-economic development through lifelong learning for all ages.",
        "การพัฒนาเศรษฐกิจและสังคมผ่านการเรียนรู้ตลอดชีวิตสำหรับทุกช่วงวัย",
    ),
];

#[derive(Deserialize)]
struct AwardeeCsv {
    year: i32,
    city: String,
    country: String,
    ceremony: String,
    source_url: String,
}

#[derive(Deserialize)]
struct Frameworks {
    unesco_learning_city_award_2024_criteria: AwardCriteria,
}

#[derive(Deserialize)]
struct AwardCriteria {
    source: String,
    eligibility: Vec<String>,
    criteria: Vec<String>,
}

/// Inserts both programmes with their cycles, categories and recorded winners; returns the
/// number of cycles and of recorded awards.
pub fn awards(conn: &mut DbConnection) -> Result<(usize, usize), SeedError> {
    let at = now();
    let frameworks: Frameworks = serde_json::from_str(include_str!(
        "../../seed-data/learning_city_frameworks.json"
    ))
    .map_err(|e| SeedError::Data(e.to_string()))?;
    let unesco = frameworks.unesco_learning_city_award_2024_criteria;
    let gnlc: i64 = networks::table
        .filter(networks::slug.eq(GNLC))
        .select(networks::id)
        .first(conn)?;

    let thai: i64 = diesel::insert_into(award_programmes::table)
        .values((
            award_programmes::slug.eq("thailand-learning-city-awards"),
            award_programmes::name_en.eq("Thailand Learning City Awards"),
            award_programmes::name_th.eq("รางวัลเมืองแห่งการเรียนรู้ประเทศไทย"),
            award_programmes::organisers_en.eq("PMU-A, EEF and OKMD, with UNESCO Bangkok"),
            award_programmes::secretariat_en.eq("University of Phayao"),
            award_programmes::secretariat_th.eq("มหาวิทยาลัยพะเยา"),
            award_programmes::eligible_country.eq("TH"),
            award_programmes::eligibility_notes.eq(
                "Open to Thai cities (a rule kept by this platform; the organisers' full rules are not in its sources)",
            ),
            award_programmes::created_at.eq(at),
            award_programmes::updated_at.eq(at),
        ))
        .returning(award_programmes::id)
        .get_result(conn)?;
    let cycle_2025: i64 = diesel::insert_into(award_cycles::table)
        .values((
            award_cycles::programme_id.eq(thai),
            award_cycles::year.eq(2025),
            award_cycles::title_en.eq("Thailand Learning City Awards 2025"),
            award_cycles::title_th.eq("รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ประจำปี 2568"),
            award_cycles::status.eq(CycleStatus::Closed),
            award_cycles::ceremony_on.eq(chrono::NaiveDate::from_ymd_opt(2025, 10, 31)),
            award_cycles::ceremony_en.eq("31 October 2025, TK Park, Bangkok"),
            award_cycles::summary_en.eq(
                "The first cycle. 16 cities were honoured at the ceremony; which cities they were is not \
                 in this platform's sources yet, so no results are recorded.",
            ),
            award_cycles::created_at.eq(at),
            award_cycles::updated_at.eq(at),
        ))
        .returning(award_cycles::id)
        .get_result(conn)?;
    for (position, (key, en, th, den, dth)) in THAI_CATEGORIES.iter().enumerate() {
        diesel::insert_into(award_categories::table)
            .values((
                award_categories::cycle_id.eq(cycle_2025),
                award_categories::slug.eq(format!("thailand-learning-city-awards-2025-{key}")),
                award_categories::name_en.eq(*en),
                award_categories::name_th.eq(*th),
                award_categories::description_en.eq(*den),
                award_categories::description_th.eq(*dth),
                award_categories::position.eq(i32::try_from(position).unwrap_or_default()),
                award_categories::created_at.eq(at),
                award_categories::updated_at.eq(at),
            ))
            .execute(conn)?;
    }

    let programme: i64 = diesel::insert_into(award_programmes::table)
        .values((
            award_programmes::slug.eq("unesco-learning-city-award"),
            award_programmes::name_en.eq("UNESCO Learning City Award"),
            award_programmes::name_th.eq("รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก"),
            award_programmes::organisers_en.eq("UNESCO Institute for Lifelong Learning (UIL)"),
            award_programmes::membership_network_id.eq(gnlc),
            award_programmes::min_membership_months.eq(12),
            award_programmes::cooldown_years.eq(6),
            award_programmes::max_winners_per_country.eq(1),
            award_programmes::eligibility_notes.eq(unesco.eligibility.join("\n")),
            award_programmes::website.eq(&unesco.source),
            award_programmes::created_at.eq(at),
            award_programmes::updated_at.eq(at),
        ))
        .returning(award_programmes::id)
        .get_result(conn)?;

    let awardees: Vec<AwardeeCsv> = read_csv(include_str!(
        "../../seed-data/unesco_learning_city_awardees.csv"
    ))?;
    let coordinates: Vec<CoordinateCsv> =
        read_csv(include_str!("../../seed-data/city_coordinates.csv"))?;
    let places: HashMap<(&str, &str), &CoordinateCsv> = coordinates
        .iter()
        .map(|c| ((c.city.as_str(), c.country.as_str()), c))
        .collect();
    let mut by_year: BTreeMap<i32, Vec<&AwardeeCsv>> = BTreeMap::new();
    for a in &awardees {
        by_year.entry(a.year).or_default().push(a);
    }
    let cycles = by_year.len() + 1;
    for (year, winners) in by_year {
        let first = winners[0];
        let criteria =
            (year == 2024).then(|| serde_json::Value::from(unesco.criteria.clone()).to_string());
        let cycle: i64 = diesel::insert_into(award_cycles::table)
            .values((
                award_cycles::programme_id.eq(programme),
                award_cycles::year.eq(year),
                award_cycles::title_en.eq(format!("UNESCO Learning City Award {year}")),
                award_cycles::title_th.eq(format!("รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก {year}")),
                award_cycles::status.eq(CycleStatus::Published),
                award_cycles::ceremony_en.eq(&first.ceremony),
                award_cycles::criteria.eq(criteria),
                award_cycles::source_url.eq(&first.source_url),
                award_cycles::published_at.eq(at),
                award_cycles::created_at.eq(at),
                award_cycles::updated_at.eq(at),
            ))
            .returning(award_cycles::id)
            .get_result(conn)?;
        let category: i64 = diesel::insert_into(award_categories::table)
            .values((
                award_categories::cycle_id.eq(cycle),
                award_categories::slug.eq(format!("unesco-learning-city-award-{year}")),
                award_categories::name_en.eq(format!("UNESCO Learning City Award {year}")),
                award_categories::name_th.eq(format!("รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก {year}")),
                award_categories::created_at.eq(at),
                award_categories::updated_at.eq(at),
            ))
            .returning(award_categories::id)
            .get_result(conn)?;
        for winner in winners {
            let place = places
                .get(&(winner.city.as_str(), winner.country.as_str()))
                .ok_or_else(|| {
                    SeedError::Data(format!(
                        "{} ({}) has no row in city_coordinates.csv",
                        winner.city, winner.country
                    ))
                })?;
            let city = upsert_city(conn, &winner.city, place, None)?;
            diesel::insert_into(nominations::table)
                .values((
                    nominations::cycle_id.eq(cycle),
                    nominations::category_id.eq(category),
                    nominations::city_id.eq(city),
                    nominations::status.eq(NominationStatus::Winner),
                    nominations::evidence_links.eq("[]"),
                    nominations::source_url.eq(&winner.source_url),
                    nominations::created_at.eq(at),
                    nominations::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok((cycles, awardees.len()))
}
