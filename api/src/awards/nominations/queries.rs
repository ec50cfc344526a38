//! Reading nominations as the reader may see them, and the facts the nomination rules need:
//! a programme's rules and the winners of a country.

use std::collections::HashSet;

use diesel::prelude::*;

use super::types::{Nomination, NominationRow, NominationStatus, RulesRow};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::rules::{self, Rules};
use crate::awards::Reader;
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, networks, nominations,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};

fn nomination_query(
    reader: Reader,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        diesel::dsl::InnerJoin<nominations::table, award_categories::table>,
        cities::table,
    >,
    MultiBackend,
> {
    let query = nominations::table
        .inner_join(award_categories::table)
        .inner_join(cities::table)
        .into_boxed();
    match reader {
        Reader::Staff => query,
        Reader::Editor(city) => query.filter(nominations::city_id.eq(city)),
        Reader::Public => query.filter(nominations::id.eq(-1)),
    }
}

/// City editors see the secretariat's decisions only once results are published (see
/// [`rules::shown_to_editor`]).
fn hide_undecided(
    conn: &mut DbConnection,
    reader: Reader,
    mut items: Vec<Nomination>,
) -> Result<Vec<Nomination>, ApiError> {
    if !matches!(reader, Reader::Editor(_)) || items.is_empty() {
        return Ok(items);
    }
    let published: HashSet<i64> = award_cycles::table
        .filter(award_cycles::id.eq_any(items.iter().map(|n| n.cycle_id).collect::<Vec<_>>()))
        .filter(award_cycles::status.eq(CycleStatus::Published))
        .select(award_cycles::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    for item in &mut items {
        item.status = rules::shown_to_editor(item.status, published.contains(&item.cycle_id));
    }
    Ok(items)
}

/// Filters of the nomination list.
#[derive(Debug, Default)]
pub struct NominationFilters {
    pub cycle: Option<i64>,
    pub category: Option<String>,
    pub city: Option<String>,
    pub status: Option<NominationStatus>,
}

/// Nominations visible to the reader, oldest first.
pub fn list_nominations(
    conn: &mut DbConnection,
    reader: Reader,
    f: &NominationFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Nomination>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = nomination_query(reader);
        if let Some(c) = f.cycle {
            q = q.filter(nominations::cycle_id.eq(c));
        }
        if let Some(c) = &f.category {
            q = q.filter(award_categories::slug.eq(c.clone()));
        }
        if let Some(c) = &f.city {
            q = q.filter(cities::slug.eq(c.clone()));
        }
        if let Some(s) = f.status {
            q = q.filter(nominations::status.eq(s));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql("nominations.id", "nominations.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor("nominations.id", "nominations.id", false, c));
    }
    let rows = query.select(NominationRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "nominations", "id", |r| {
        (SortKey::Int(r.id), SortKey::Int(r.id))
    });
    let items = rows.into_iter().map(Nomination::from).collect();
    Ok((hide_undecided(conn, reader, items)?, next, total))
}

/// A nomination visible to the reader, with its row version.
pub fn get_nomination(
    conn: &mut DbConnection,
    id: i64,
    reader: Reader,
) -> Result<(Nomination, i32), ApiError> {
    let row = nomination_query(reader)
        .filter(nominations::id.eq(id))
        .select(NominationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no nomination {id}")))?;
    let version = row.version;
    let mut shown = hide_undecided(conn, reader, vec![Nomination::from(row)])?;
    let nomination = shown
        .pop()
        .ok_or_else(|| ApiError::Internal("nomination vanished".to_owned()))?;
    Ok((nomination, version))
}

/// The rules of the programme a cycle belongs to: the programme's id, its rules, and the id of
/// the network whose membership counts.
pub(super) fn programme_rules(
    conn: &mut DbConnection,
    cycle: i64,
) -> Result<(i64, Rules, Option<i64>), ApiError> {
    let r = award_cycles::table
        .inner_join(award_programmes::table.left_join(networks::table))
        .filter(award_cycles::id.eq(cycle))
        .select(RulesRow::as_select())
        .first(conn)?;
    Ok((
        r.id,
        Rules {
            country: r.eligible_country,
            network: r.network,
            min_membership_months: r.min_membership_months,
            cooldown_years: r.cooldown_years,
            max_winners_per_country: r.max_winners_per_country,
        },
        r.membership_network_id,
    ))
}

/// Winners from `country` in `cycle`, not counting nomination `except`.
pub(super) fn country_winners(
    conn: &mut DbConnection,
    cycle: i64,
    country: &str,
    except: i64,
) -> Result<i64, ApiError> {
    Ok(nominations::table
        .inner_join(cities::table)
        .filter(nominations::cycle_id.eq(cycle))
        .filter(nominations::status.eq(NominationStatus::Winner))
        .filter(cities::country_code.eq(country))
        .filter(nominations::id.ne(except))
        .count()
        .get_result(conn)?)
}
