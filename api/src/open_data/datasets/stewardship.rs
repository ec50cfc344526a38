//! The dataset's stewardship tables: the sources of every public record, the records marked
//! unverified, and the networks' reported sizes (their census).

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::{cells, col, table, Table};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::nominations::types::NominationStatus;
use crate::db::schema::{
    award_cycles, award_programmes, cities, event_series, initiatives, memberships, network_census,
    networks, nominations, organisations, sources, unverified,
};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::provenance::Entity;

/// The dictionary of the three tables.
pub(super) fn tables() -> Vec<Table> {
    vec![
        table("network_census", "Networks' sizes as their organisers reported them (kept apart from the members recorded here).", vec![
            col("network", "text", "Network slug"),
            col("as_of", "date", "Date of the report"),
            col("members", "integer", "Member cities reported"),
            col("countries", "integer", "Countries reported"),
            col("new_members", "integer", "Cities that joined in that announcement"),
            col("new_countries", "integer", "Countries those cities came from"),
            col("census_id", "integer", "Id of the entry (its sources: record_type network_census)"),
        ]),
        table("sources", "The documents each public record's facts come from, in order.", vec![
            col("record_type", "text", "city, network, membership, award_programme, award_cycle, award_result, network_census, initiative, organisation, organisation_role, event, event_series, event_session or event_city"),
            col("record_id", "integer", "The record's id (awards: the result id; cities, networks, memberships: their ids)"),
            col("position", "integer", "Order among the record's sources, from 0"),
            col("url", "text", "Where the document is, where it has a public address"),
            col("title", "text", "Its title"),
            col("publisher", "text", "Who published it"),
            col("published_on", "date", "When it was published"),
            col("accessed_on", "date", "When it was read for this record"),
            col("excerpt", "text", "The words the fact is taken from, where quoted"),
        ]),
        table("unverified", "Public records marked as not verified, with the reason.", vec![
            col("record_type", "text", "As in sources"),
            col("record_id", "integer", "The record's id"),
            col("reason", "text", "Why it is not verified"),
        ]),
    ]
}

/// The ids of the public records of every kind that carries sources.
fn public_ids(conn: &mut DbConnection) -> Result<HashMap<Entity, HashSet<i64>>, ApiError> {
    let mut ids: HashMap<Entity, HashSet<i64>> = HashMap::new();
    let mut put = |entity: Entity, list: Vec<i64>| {
        ids.insert(entity, list.into_iter().collect());
    };
    put(
        Entity::City,
        cities::table
            .filter(cities::archived_at.is_null())
            .select(cities::id)
            .load(conn)?,
    );
    put(
        Entity::Network,
        networks::table
            .filter(networks::archived_at.is_null())
            .select(networks::id)
            .load(conn)?,
    );
    put(
        Entity::Membership,
        memberships::table
            .inner_join(cities::table)
            .inner_join(networks::table)
            .filter(memberships::archived_at.is_null())
            .filter(cities::archived_at.is_null())
            .filter(networks::archived_at.is_null())
            .select(memberships::id)
            .load(conn)?,
    );
    put(
        Entity::AwardProgramme,
        award_programmes::table
            .select(award_programmes::id)
            .load(conn)?,
    );
    put(
        Entity::AwardCycle,
        award_cycles::table
            .filter(award_cycles::status.ne(CycleStatus::Draft))
            .select(award_cycles::id)
            .load(conn)?,
    );
    put(
        Entity::AwardResult,
        nominations::table
            .inner_join(award_cycles::table)
            .inner_join(cities::table)
            .filter(award_cycles::status.eq(CycleStatus::Published))
            .filter(nominations::status.eq(NominationStatus::Winner))
            .filter(cities::archived_at.is_null())
            .select(nominations::id)
            .load(conn)?,
    );
    put(
        Entity::NetworkCensus,
        network_census::table
            .inner_join(networks::table)
            .filter(networks::archived_at.is_null())
            .select(network_census::id)
            .load(conn)?,
    );
    put(
        Entity::Initiative,
        initiatives::table
            .filter(initiatives::archived_at.is_null())
            .select(initiatives::id)
            .load(conn)?,
    );
    put(
        Entity::Organisation,
        organisations::table
            .filter(organisations::archived_at.is_null())
            .select(organisations::id)
            .load(conn)?,
    );
    put(
        Entity::OrganisationRole,
        super::organisations::public_role_ids(conn)?,
    );
    let events = super::events::published(conn)?;
    put(
        Entity::EventSession,
        events
            .iter()
            .flat_map(|e| e.sessions.iter().map(|s| s.id))
            .collect(),
    );
    put(
        Entity::EventCity,
        events
            .iter()
            .flat_map(|e| e.cities.iter().map(|c| c.id))
            .collect(),
    );
    put(Entity::Event, events.iter().map(|e| e.id).collect());
    put(
        Entity::EventSeries,
        event_series::table.select(event_series::id).load(conn)?,
    );
    Ok(ids)
}

/// A source row as read.
type SourceRow = (
    Entity,
    i64,
    i32,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<chrono::NaiveDate>,
    Option<chrono::NaiveDate>,
    Option<String>,
);

/// The rows of the three tables, in the order of [`tables`].
pub(super) fn rows(conn: &mut DbConnection) -> Result<Vec<Vec<Vec<String>>>, ApiError> {
    let census = cells(
        network_census::table
            .inner_join(networks::table)
            .filter(networks::archived_at.is_null())
            .order_by((networks::slug, network_census::as_of))
            .select((
                networks::slug,
                network_census::as_of,
                network_census::members,
                network_census::countries,
                network_census::new_members,
                network_census::new_countries,
                network_census::id,
            ))
            .load::<(
                String,
                chrono::NaiveDate,
                Option<i32>,
                Option<i32>,
                Option<i32>,
                Option<i32>,
                i64,
            )>(conn)?,
    );
    let public = public_ids(conn)?;
    let is_public =
        |entity: &Entity, id: &i64| public.get(entity).is_some_and(|ids| ids.contains(id));
    let listed: Vec<SourceRow> = sources::table
        .order_by((sources::entity, sources::entity_id, sources::position))
        .select((
            sources::entity,
            sources::entity_id,
            sources::position,
            sources::url,
            sources::title,
            sources::publisher,
            sources::published_on,
            sources::accessed_on,
            sources::excerpt,
        ))
        .load(conn)?;
    let listed: Vec<Vec<String>> = listed
        .into_iter()
        .filter(|r| is_public(&r.0, &r.1))
        .map(
            |(entity, id, position, url, title, publisher, published, accessed, excerpt)| {
                let mut row = vec![entity.as_str().to_owned()];
                row.extend(
                    cells(vec![(
                        id, position, url, title, publisher, published, accessed, excerpt,
                    )])
                    .remove(0),
                );
                row
            },
        )
        .collect();
    let marked: Vec<(Entity, i64, String)> = unverified::table
        .order_by((unverified::entity, unverified::entity_id))
        .select((
            unverified::entity,
            unverified::entity_id,
            unverified::reason,
        ))
        .load(conn)?;
    let marked = marked
        .into_iter()
        .filter(|(entity, id, _)| is_public(entity, id))
        .map(|(entity, id, reason)| vec![entity.as_str().to_owned(), id.to_string(), reason])
        .collect();
    Ok(vec![census, listed, marked])
}
