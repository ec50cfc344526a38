//! How much of the picture the platform holds: per network, the members recorded here against
//! the size last reported by its organisers; per field, how many public records have it.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{award_cycles, cities, memberships, networks, nominations, sources};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::networks::queries::{list, NetworkFilters};
use crate::networks::types::NetworkSort;
use crate::provenance::Entity;

/// One line of coverage: `have` of `of` (with the share in percent where `of` is known).
#[derive(Debug, Serialize, ToSchema)]
pub struct Coverage {
    /// `network_members` (members recorded here of those reported) or `field` (records that
    /// have a field, of all public records of their kind).
    pub kind: String,
    /// The network's slug, or the field as `kind.field` (`cities.name_th`).
    pub key: String,
    /// What is counted, in English.
    pub label_en: String,
    /// What is counted, in Thai.
    pub label_th: String,
    /// How many are recorded here, or have the field.
    pub have: i64,
    /// Of how many: the reported size, or the public records of the kind; `null` where a
    /// network has no reported size.
    pub of: Option<i64>,
    /// `have` as a percentage of `of`, rounded to one decimal.
    pub percent: Option<f64>,
    /// The date of the reported size.
    pub as_of: Option<NaiveDate>,
    /// Where the reported size comes from.
    pub source_url: Option<String>,
}

/// The CSV columns of the coverage table.
pub const COVERAGE_COLUMNS: &[&str] = &[
    "kind",
    "key",
    "label_en",
    "label_th",
    "have",
    "of",
    "percent",
    "as_of",
    "source_url",
];

/// The rows of the coverage statistic.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageTable {
    pub items: Vec<Coverage>,
}

fn percent(have: i64, of: i64) -> Option<f64> {
    (of > 0).then(|| (have as f64 * 1000.0 / of as f64).round() / 10.0)
}

fn field(key: &str, en: &str, th: &str, have: i64, of: i64) -> Coverage {
    Coverage {
        kind: "field".to_owned(),
        key: key.to_owned(),
        label_en: en.to_owned(),
        label_th: th.to_owned(),
        have,
        of: Some(of),
        percent: percent(have, of),
        as_of: None,
        source_url: None,
    }
}

/// The line of a kind's public records (`public_ids`) that have at least one source.
fn sourced_field(
    conn: &mut DbConnection,
    (key, en, th): (&str, &str, &str),
    entity: Entity,
    public_ids: &[i64],
) -> Result<Coverage, ApiError> {
    let have = sources::table
        .filter(sources::entity.eq(entity))
        .filter(sources::entity_id.eq_any(public_ids))
        .select(sources::entity_id)
        .distinct()
        .load::<i64>(conn)?
        .len() as i64;
    Ok(field(key, en, th, have, public_ids.len() as i64))
}

/// Coverage of every public network's members and of the fields of public records.
pub fn coverage(conn: &mut DbConnection) -> Result<Vec<Coverage>, ApiError> {
    let (networks_list, _, _) = list(
        conn,
        &NetworkFilters::default(),
        NetworkSort::Name,
        200,
        None,
    )?;
    let mut rows: Vec<Coverage> = networks_list
        .iter()
        .map(|n| {
            let reported = n.reported.as_ref();
            let of = reported.and_then(|r| r.members).map(i64::from);
            Coverage {
                kind: "network_members".to_owned(),
                key: n.slug.clone(),
                label_en: format!("Members of {} recorded here", n.name.en),
                label_th: format!(
                    "สมาชิกของ{}ที่บันทึกไว้ในแพลตฟอร์มนี้",
                    n.name.th.as_deref().unwrap_or(&n.name.en)
                ),
                have: n.member_count,
                of,
                percent: of.and_then(|of| percent(n.member_count, of)),
                as_of: reported.map(|r| r.as_of),
                source_url: reported.and_then(|r| r.source_url.clone()),
            }
        })
        .collect();
    let public = || cities::table.filter(cities::archived_at.is_null());
    let total: i64 = public().count().get_result(conn)?;
    let thai: i64 = public()
        .filter(cities::name_th.is_not_null())
        .count()
        .get_result(conn)?;
    let located: i64 = public()
        .filter(cities::lat.is_not_null())
        .count()
        .get_result(conn)?;
    let described: i64 = public()
        .filter(
            cities::description_en
                .is_not_null()
                .or(cities::description_th.is_not_null()),
        )
        .count()
        .get_result(conn)?;
    let counted: i64 = public()
        .filter(cities::population.is_not_null())
        .count()
        .get_result(conn)?;
    let city_ids: Vec<i64> = public().select(cities::id).load(conn)?;
    rows.extend([
        field(
            "cities.name_th",
            "Cities with a Thai name",
            "เมืองที่มีชื่อภาษาไทย",
            thai,
            total,
        ),
        field(
            "cities.coordinates",
            "Cities with coordinates",
            "เมืองที่มีพิกัด",
            located,
            total,
        ),
        field(
            "cities.description",
            "Cities with a description",
            "เมืองที่มีคำอธิบาย",
            described,
            total,
        ),
        field(
            "cities.population",
            "Cities with a population figure",
            "เมืองที่มีข้อมูลประชากร",
            counted,
            total,
        ),
    ]);
    rows.push(sourced_field(
        conn,
        ("cities.sources", "Cities with a source", "เมืองที่มีแหล่งอ้างอิง"),
        Entity::City,
        &city_ids,
    )?);
    let network_ids: Vec<i64> = networks_list.iter().map(|n| n.id).collect();
    rows.push(sourced_field(
        conn,
        (
            "networks.sources",
            "Networks with a source",
            "เครือข่ายที่มีแหล่งอ้างอิง",
        ),
        Entity::Network,
        &network_ids,
    )?);
    let membership_ids: Vec<i64> = memberships::table
        .inner_join(cities::table)
        .inner_join(networks::table)
        .filter(memberships::archived_at.is_null())
        .filter(cities::archived_at.is_null())
        .filter(networks::archived_at.is_null())
        .select(memberships::id)
        .load(conn)?;
    rows.push(sourced_field(
        conn,
        (
            "memberships.sources",
            "Memberships with a source",
            "การเป็นสมาชิกที่มีแหล่งอ้างอิง",
        ),
        Entity::Membership,
        &membership_ids,
    )?);
    let cycle_ids: Vec<i64> = award_cycles::table
        .filter(award_cycles::status.eq(CycleStatus::Published))
        .select(award_cycles::id)
        .load(conn)?;
    rows.push(sourced_field(
        conn,
        (
            "award_cycles.sources",
            "Published award cycles with a source",
            "รอบรางวัลที่เผยแพร่และมีแหล่งอ้างอิง",
        ),
        Entity::AwardCycle,
        &cycle_ids,
    )?);
    let result_ids: Vec<i64> = nominations::table
        .inner_join(cities::table)
        .filter(nominations::cycle_id.eq_any(cycle_ids))
        .filter(nominations::status.eq(NominationStatus::Winner))
        .filter(cities::archived_at.is_null())
        .select(nominations::id)
        .load(conn)?;
    rows.push(sourced_field(
        conn,
        (
            "award_results.sources",
            "Recorded awards with a source",
            "รางวัลที่บันทึกไว้และมีแหล่งอ้างอิง",
        ),
        Entity::AwardResult,
        &result_ids,
    )?);
    Ok(rows)
}
