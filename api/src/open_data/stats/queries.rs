//! The statistics' reads: published data only.

use std::collections::BTreeMap;

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::types::{Count, EventCount, Growth};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, countries, evaluations, event_cities,
    events, frameworks, memberships, networks, nominations, provinces,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::evaluations::scoring::life_cycle::COUNTED;
use crate::events::types::{EventStatus, EventType};
use crate::networks::types::MembershipStatus;

fn count(key: impl Into<String>, en: impl Into<String>, th: Option<String>, count: i64) -> Count {
    Count {
        key: key.into(),
        label_en: en.into(),
        label_th: th,
        count,
    }
}

/// The overview counts.
pub fn overview(conn: &mut DbConnection) -> Result<Vec<Count>, ApiError> {
    let public_cities = cities::table.filter(cities::archived_at.is_null());
    let published = award_cycles::table.filter(award_cycles::status.eq(CycleStatus::Published));
    Ok(vec![
        count(
            "cities",
            "Cities",
            Some("เมือง".to_owned()),
            public_cities.count().get_result(conn)?,
        ),
        count(
            "countries",
            "Countries with a city",
            Some("ประเทศที่มีเมือง".to_owned()),
            i64::try_from(
                cities::table
                    .filter(cities::archived_at.is_null())
                    .select(cities::country_code)
                    .distinct()
                    .load::<String>(conn)?
                    .len(),
            )
            .unwrap_or_default(),
        ),
        count(
            "networks",
            "Networks",
            Some("เครือข่าย".to_owned()),
            networks::table
                .filter(networks::archived_at.is_null())
                .count()
                .get_result(conn)?,
        ),
        count(
            "active_memberships",
            "Active memberships",
            Some("สมาชิกภาพ".to_owned()),
            memberships::table
                .inner_join(cities::table)
                .inner_join(networks::table)
                .filter(memberships::archived_at.is_null())
                .filter(cities::archived_at.is_null())
                .filter(networks::archived_at.is_null())
                .filter(memberships::status.eq(MembershipStatus::Active))
                .count()
                .get_result(conn)?,
        ),
        count(
            "award_programmes",
            "Award programmes",
            Some("โครงการรางวัล".to_owned()),
            award_programmes::table.count().get_result(conn)?,
        ),
        count(
            "published_cycles",
            "Published award cycles",
            Some("รอบรางวัลที่ประกาศผลแล้ว".to_owned()),
            published.count().get_result(conn)?,
        ),
        count(
            "awards",
            "Awards (published winners)",
            Some("รางวัลที่ได้รับ".to_owned()),
            nominations::table
                .inner_join(award_cycles::table)
                .inner_join(cities::table)
                .filter(award_cycles::status.eq(CycleStatus::Published))
                .filter(nominations::status.eq(NominationStatus::Winner))
                .filter(cities::archived_at.is_null())
                .count()
                .get_result(conn)?,
        ),
        count(
            "frameworks",
            "Evaluation frameworks",
            Some("กรอบการประเมิน".to_owned()),
            frameworks::table.count().get_result(conn)?,
        ),
        count(
            "published_evaluations",
            "Counted evaluations of published cycles",
            Some("ผลการประเมินที่เผยแพร่".to_owned()),
            evaluations::table
                .inner_join(nominations::table.inner_join(award_cycles::table))
                .filter(award_cycles::status.eq(CycleStatus::Published))
                .filter(evaluations::status.eq_any(COUNTED))
                .count()
                .get_result(conn)?,
        ),
    ])
}

/// New and cumulative members per network and year; only `network` when given.
pub fn membership_growth(
    conn: &mut DbConnection,
    network: Option<&str>,
) -> Result<Vec<Growth>, ApiError> {
    let slugs: std::collections::HashMap<i64, String> = networks::table
        .filter(networks::archived_at.is_null())
        .select((networks::id, networks::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let counts: Vec<(i64, Option<i32>, i64)> = memberships::table
        .inner_join(networks::table)
        .inner_join(cities::table)
        .filter(memberships::archived_at.is_null())
        .filter(networks::archived_at.is_null())
        .filter(cities::archived_at.is_null())
        .filter(memberships::joined_year.is_not_null())
        .group_by((memberships::network_id, memberships::joined_year))
        .select((
            memberships::network_id,
            memberships::joined_year,
            count_star(),
        ))
        .load(conn)?;
    let mut counts: Vec<(String, Option<i32>, i64)> = counts
        .into_iter()
        .filter_map(|(id, year, n)| slugs.get(&id).map(|s| (s.clone(), year, n)))
        .collect();
    counts.sort();
    let mut running: BTreeMap<String, i64> = BTreeMap::new();
    Ok(counts
        .into_iter()
        .filter(|(slug, _, _)| network.is_none_or(|n| n == slug))
        .filter_map(|(network, year, n)| {
            let total = running.entry(network.clone()).or_default();
            *total += n;
            year.map(|year| Growth {
                network,
                year,
                new_members: n,
                cumulative: *total,
            })
        })
        .collect::<Vec<_>>())
}

/// Public cities per country.
pub fn cities_by_country(conn: &mut DbConnection) -> Result<Vec<Count>, ApiError> {
    let counts: Vec<(String, String, String, i64)> = cities::table
        .inner_join(countries::table)
        .filter(cities::archived_at.is_null())
        .group_by((countries::code, countries::name_en, countries::name_th))
        .select((
            countries::code,
            countries::name_en,
            countries::name_th,
            count_star(),
        ))
        .order_by(countries::code)
        .load(conn)?;
    Ok(counts
        .into_iter()
        .map(|(code, en, th, n)| count(code, en, Some(th), n))
        .collect::<Vec<_>>())
}

/// Public Thai cities per region.
pub fn cities_by_region(conn: &mut DbConnection) -> Result<Vec<Count>, ApiError> {
    let counts: Vec<(String, String, String, i64)> = cities::table
        .inner_join(provinces::table)
        .filter(cities::archived_at.is_null())
        .group_by((
            provinces::region,
            provinces::region_name_en,
            provinces::region_name_th,
        ))
        .select((
            provinces::region,
            provinces::region_name_en,
            provinces::region_name_th,
            count_star(),
        ))
        .order_by(provinces::region)
        .load(conn)?;
    Ok(counts
        .into_iter()
        .map(|(key, en, th, n)| count(key, en, Some(th), n))
        .collect::<Vec<_>>())
}

/// Published winners counted by country, `programme` or `category`.
pub fn awards(conn: &mut DbConnection, by: &str) -> Result<Vec<Count>, ApiError> {
    let base = || {
        nominations::table
            .inner_join(award_categories::table)
            .inner_join(award_cycles::table.inner_join(award_programmes::table))
            .inner_join(cities::table.inner_join(countries::table))
            .filter(award_cycles::status.eq(CycleStatus::Published))
            .filter(nominations::status.eq(NominationStatus::Winner))
            .filter(cities::archived_at.is_null())
    };
    let counts: Vec<(String, String, Option<String>, i64)> = match by {
        "programme" => base()
            .group_by((
                award_programmes::slug,
                award_programmes::name_en,
                award_programmes::name_th,
            ))
            .select((
                award_programmes::slug,
                award_programmes::name_en,
                award_programmes::name_th,
                count_star(),
            ))
            .order_by(award_programmes::slug)
            .load(conn)?,
        "category" => base()
            .group_by((
                award_categories::slug,
                award_categories::name_en,
                award_categories::name_th,
            ))
            .select((
                award_categories::slug,
                award_categories::name_en,
                award_categories::name_th,
                count_star(),
            ))
            .order_by(award_categories::slug)
            .load(conn)?,
        _ => base()
            .group_by((countries::code, countries::name_en, countries::name_th))
            .select((
                countries::code,
                countries::name_en,
                countries::name_th.nullable(),
                count_star(),
            ))
            .order_by(countries::code)
            .load(conn)?,
    };
    Ok(counts
        .into_iter()
        .map(|(key, en, th, n)| count(key, en, th, n))
        .collect::<Vec<_>>())
}

/// Published events per year and type, newest year first (events without a known year last).
pub fn events(conn: &mut DbConnection) -> Result<Vec<EventCount>, ApiError> {
    let rows: Vec<(Option<i32>, EventType, i64)> = events::table
        .filter(events::archived_at.is_null())
        .filter(events::status.eq(EventStatus::Published))
        .group_by((events::year, events::event_type))
        .select((events::year, events::event_type, count_star()))
        .load(conn)?;
    let mut rows: Vec<EventCount> = rows
        .into_iter()
        .map(|(year, event_type, count)| EventCount {
            year,
            event_type,
            count,
        })
        .collect();
    rows.sort_by(|a, b| {
        (b.year.is_some(), b.year, a.event_type.as_str()).cmp(&(
            a.year.is_some(),
            a.year,
            b.event_type.as_str(),
        ))
    });
    Ok(rows)
}

/// Public cities by the published events they take part in, most first, then by name.
pub fn cities_by_event_participation(conn: &mut DbConnection) -> Result<Vec<Count>, ApiError> {
    let rows: Vec<(String, String, Option<String>, i64)> = event_cities::table
        .inner_join(events::table)
        .inner_join(cities::table)
        .filter(events::archived_at.is_null())
        .filter(events::status.eq(EventStatus::Published))
        .filter(cities::archived_at.is_null())
        .group_by((cities::slug, cities::name_en, cities::name_th))
        .select((cities::slug, cities::name_en, cities::name_th, count_star()))
        .load(conn)?;
    let mut rows: Vec<Count> = rows
        .into_iter()
        .map(|(key, label_en, label_th, count)| Count {
            key,
            label_en,
            label_th,
            count,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label_en.cmp(&b.label_en))
    });
    Ok(rows)
}
