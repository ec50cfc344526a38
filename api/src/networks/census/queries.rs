//! Reading a network's census, and the last reported size of several networks at once.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{CensusEntry, CensusRow, Reported};
use crate::db::schema::{network_census, networks, sources};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Entity};

/// One page of a public network's census, newest first, the next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    slug: &str,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<CensusEntry>, Option<String>, i64), ApiError> {
    let network: i64 = networks::table
        .filter(networks::slug.eq(slug))
        .filter(networks::archived_at.is_null())
        .select(networks::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no network with slug `{slug}`")))?;
    let filtered = || {
        network_census::table
            .filter(network_census::network_id.eq(network))
            .into_boxed::<MultiBackend>()
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let key = "CAST(network_census.as_of AS TEXT)";
    let mut query = filtered()
        .order_by(order_sql(key, "network_census.id", true))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        query = query.filter(after_cursor(key, "network_census.id", true, c));
    }
    let rows = query.select(CensusRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "census", "-as_of", |r| {
        (SortKey::Text(r.as_of.to_string()), SortKey::Int(r.id))
    });
    let mut entries: Vec<CensusEntry> = rows.into_iter().map(CensusEntry::from).collect();
    provenance::queries::attach(conn, &mut entries)?;
    Ok((entries, next, total))
}

/// The last reported size of each of these networks that has a census (two queries).
pub fn reported(
    conn: &mut DbConnection,
    network_ids: &[i64],
) -> Result<HashMap<i64, Reported>, ApiError> {
    let rows: Vec<CensusRow> = network_census::table
        .filter(network_census::network_id.eq_any(network_ids))
        .filter(network_census::members.is_not_null())
        .order_by((
            network_census::network_id,
            network_census::as_of.desc(),
            network_census::id.desc(),
        ))
        .select(CensusRow::as_select())
        .load(conn)?;
    let mut latest: HashMap<i64, CensusRow> = HashMap::new();
    for row in rows {
        latest.entry(row.network_id).or_insert(row);
    }
    let ids: Vec<i64> = latest.values().map(|r| r.id).collect();
    let links: Vec<(i64, Option<String>)> = sources::table
        .filter(sources::entity.eq(Entity::NetworkCensus))
        .filter(sources::entity_id.eq_any(&ids))
        .filter(sources::url.is_not_null())
        .order_by((sources::entity_id, sources::position))
        .select((sources::entity_id, sources::url))
        .load(conn)?;
    let mut first_link: HashMap<i64, String> = HashMap::new();
    for (id, url) in links {
        if let Some(url) = url {
            first_link.entry(id).or_insert(url);
        }
    }
    Ok(latest
        .into_iter()
        .map(|(network, r)| {
            (
                network,
                Reported {
                    members: r.members,
                    countries: r.countries,
                    as_of: r.as_of,
                    source_url: first_link.remove(&r.id),
                },
            )
        })
        .collect())
}
