//! The two evaluation frameworks: the UNESCO Key Features of Learning Cities (3 areas and 12
//! focus areas verified; the feature texts are an unverified reconstruction and are marked so)
//! and the 2024 UNESCO Learning City Award criteria. Scales (1-5) and equal weights are this
//! platform's defaults, not part of the sources.

use diesel::prelude::*;
use serde::Deserialize;

use super::SeedError;
use crate::db::schema::{award_cycles, award_programmes, criteria, frameworks};
use crate::db::{now, DbConnection};

#[derive(Deserialize)]
struct Source {
    kflc: Kflc,
    unesco_learning_city_award_2024_criteria: AwardCriteria,
}

#[derive(Deserialize)]
struct Kflc {
    name: String,
    adopted: String,
    areas: Vec<Area>,
}

#[derive(Deserialize)]
struct Area {
    id: String,
    name: String,
    focus_areas: Vec<Focus>,
}

#[derive(Deserialize)]
struct Focus {
    id: String,
    name: String,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    id: String,
    text: String,
    verified: bool,
}

#[derive(Deserialize)]
struct AwardCriteria {
    source: String,
    criteria: Vec<String>,
}

/// Scores run from 1 to 5 on every seeded criterion.
const SCALE: (i32, i32) = (1, 5);

/// A criterion to insert.
pub(super) struct NewCriterion<'a> {
    pub framework: i64,
    pub parent: Option<i64>,
    pub code: &'a str,
    pub level: &'a str,
    pub title: &'a str,
    pub verified: bool,
    pub position: usize,
}

pub(super) fn insert_criterion(conn: &mut DbConnection, c: NewCriterion) -> Result<i64, SeedError> {
    Ok(diesel::insert_into(criteria::table)
        .values((
            criteria::framework_id.eq(c.framework),
            criteria::parent_id.eq(c.parent),
            criteria::code.eq(c.code),
            criteria::level.eq(c.level),
            criteria::title_en.eq(c.title),
            criteria::weight.eq(1.0),
            criteria::scale_min.eq(SCALE.0),
            criteria::scale_max.eq(SCALE.1),
            criteria::required.eq(true),
            criteria::verified.eq(c.verified),
            criteria::position.eq(i32::try_from(c.position).unwrap_or_default()),
        ))
        .returning(criteria::id)
        .get_result(conn)?)
}

pub(super) fn insert_framework(
    conn: &mut DbConnection,
    slug: &str,
    family: &str,
    name: &str,
    description: &str,
    source: Option<&str>,
    verified: bool,
) -> Result<i64, SeedError> {
    let at = now();
    Ok(diesel::insert_into(frameworks::table)
        .values((
            frameworks::slug.eq(slug),
            frameworks::family.eq(family),
            frameworks::version.eq(1),
            frameworks::name_en.eq(name),
            frameworks::description_en.eq(description),
            frameworks::source_url.eq(source),
            frameworks::verified.eq(verified),
            frameworks::created_at.eq(at),
            frameworks::updated_at.eq(at),
        ))
        .returning(frameworks::id)
        .get_result(conn)?)
}

/// Inserts both frameworks and sets the 2024 award criteria on the UNESCO 2024 cycle; returns
/// the number of criteria inserted.
pub fn frameworks(conn: &mut DbConnection) -> Result<usize, SeedError> {
    let source: Source = serde_json::from_str(include_str!(
        "../../seed-data/learning_city_frameworks.json"
    ))
    .map_err(|e| SeedError::Data(e.to_string()))?;
    let mut count = 0;
    let kflc = insert_framework(
        conn,
        "kflc-v1",
        "kflc",
        &source.kflc.name,
        &format!(
            "Adopted at the {}. The 3 areas and 12 focus areas are verified; the feature texts are \
             an unverified reconstruction (draft) until replaced with the official wording.",
            source.kflc.adopted
        ),
        Some("https://learningcities.uil.unesco.org/key-features/key-features-of-learning-cities"),
        false,
    )?;
    for (i, area) in source.kflc.areas.iter().enumerate() {
        let area_id = insert_criterion(
            conn,
            NewCriterion {
                framework: kflc,
                parent: None,
                code: &area.id,
                level: "area",
                title: &area.name,
                verified: true,
                position: i,
            },
        )?;
        count += 1;
        for (j, focus) in area.focus_areas.iter().enumerate() {
            let focus_id = insert_criterion(
                conn,
                NewCriterion {
                    framework: kflc,
                    parent: Some(area_id),
                    code: &focus.id,
                    level: "focus",
                    title: &focus.name,
                    verified: true,
                    position: j,
                },
            )?;
            count += 1;
            for (k, feature) in focus.features.iter().enumerate() {
                insert_criterion(
                    conn,
                    NewCriterion {
                        framework: kflc,
                        parent: Some(focus_id),
                        code: &feature.id,
                        level: "feature",
                        title: &feature.text,
                        verified: feature.verified,
                        position: k,
                    },
                )?;
                count += 1;
            }
        }
    }
    let award = source.unesco_learning_city_award_2024_criteria;
    let lca = insert_framework(
        conn,
        "unesco-lca-2024-v1",
        "unesco-lca-2024",
        "UNESCO Learning City Award 2024 criteria",
        "The eight criteria of the 2024 call for the UNESCO Learning City Award.",
        Some(&award.source),
        true,
    )?;
    for (i, title) in award.criteria.iter().enumerate() {
        let code = (i + 1).to_string();
        insert_criterion(
            conn,
            NewCriterion {
                framework: lca,
                parent: None,
                code: &code,
                level: "area",
                title,
                verified: true,
                position: i,
            },
        )?;
        count += 1;
    }
    let unesco: Option<i64> = award_programmes::table
        .filter(award_programmes::slug.eq("unesco-learning-city-award"))
        .select(award_programmes::id)
        .first(conn)
        .optional()?;
    if let Some(programme) = unesco {
        diesel::update(
            award_cycles::table
                .filter(award_cycles::programme_id.eq(programme))
                .filter(award_cycles::year.eq(2024)),
        )
        .set(award_cycles::framework_id.eq(lca))
        .execute(conn)?;
    }
    Ok(count)
}
