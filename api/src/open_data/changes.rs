//! `GET /changes`: the public changes in the order they happened, so that a portal can mirror
//! the data incrementally: download once, then ask for what changed since the last change seen.

use std::collections::HashMap;

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::awards::cycles::types::CycleStatus;
use crate::db::schema::{
    audit_log, award_cycles, cities, events, memberships, network_census, networks, organisations,
};
use crate::db::{self, DbConnection, ReadPool};
use crate::error::ApiError;
use crate::error::ListProblems;
use crate::events::types::EventStatus;
use crate::query::Checker;

/// Kinds of records in the feed.
pub const PUBLIC_ENTITIES: &[&str] = &[
    "city",
    "network",
    "membership",
    "network_census",
    "organisation",
    "event",
    "award_cycle",
    "framework",
];

/// Event actions on proposals, which are not public: a city editor's proposal and revisions,
/// and the secretariat returning it.
const PROPOSAL_ACTIONS: &[&str] = &["propose", "revise", "return"];

/// One change to a public record.
#[derive(Debug, Serialize, ToSchema)]
pub struct Change {
    /// Position in the feed; pass the last one seen as `since`.
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `city`, `network`, `membership`, `network_census`, `organisation`, `event`,
    /// `award_cycle` or `framework`.
    pub entity: String,
    /// The record's id (a slug for frameworks).
    pub entity_id: String,
    /// `created`, `updated`, `archived` or `restored`.
    pub action: String,
    /// Where to read the record now (`null` once it is archived); for a census entry, its
    /// network's census.
    pub href: Option<String>,
    /// The bulk import that made the change (its audit entry), when one did.
    pub import_id: Option<i64>,
}

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangePage {
    pub items: Vec<Change>,
    /// Pass as `since` next time: the last change on this page, or `since` when there was none.
    pub next_since: i64,
    /// Whether more changes follow right away.
    pub more: bool,
}

/// Query parameters of `GET /changes`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangeQuery {
    /// Only changes after this position (0 or absent: from the start).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub since: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
}

fn action(raw: &str) -> &'static str {
    match raw {
        "create" | "publish" => "created",
        "archive" => "archived",
        "restore" => "restored",
        _ => "updated",
    }
}

/// The public changes.
///
/// Creations, updates, archivals and restorations of cities, networks, memberships, network
/// census entries, organisations, events (a proposal once published: its publication is its
/// creation), award cycles (once out of draft) and frameworks, oldest first. Changes made by
/// one bulk import carry its `import_id`.
#[utoipa::path(tag = "open data", params(ChangeQuery), responses((status = 200, description = "A page of changes", body = ChangePage), ListProblems))]
#[get("/changes")]
pub async fn list_changes(
    pool: ReadPool,
    query: web::Query<ChangeQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let mut check = Checker::default();
    let since = match q.since.as_deref() {
        None => 0,
        Some(raw) => raw
            .parse::<i64>()
            .ok()
            .filter(|s| *s >= 0)
            .unwrap_or_else(|| {
                check.fail(
                    "since",
                    format!("must be a change id (0 or more), got `{raw}`"),
                );
                0
            }),
    };
    let limit = check.limit(q.limit.as_deref());
    check.finish(None, "changes", "id")?;
    let page = db::run(&pool, move |conn| read(conn, since, limit)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// One recorded write, as the feed reads it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct ChangeRow {
    id: i64,
    at: chrono::NaiveDateTime,
    entity: String,
    entity_id: String,
    action: String,
    import_id: Option<i64>,
}

/// Up to `limit` public changes after change `since`, oldest first.
fn read(conn: &mut DbConnection, since: i64, limit: i64) -> Result<ChangePage, ApiError> {
    // Draft cycles are not public: their changes are left out until they open.
    let drafts: Vec<String> = award_cycles::table
        .filter(award_cycles::status.eq(CycleStatus::Draft))
        .select(award_cycles::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(|id| id.to_string())
        .collect();
    let rows: Vec<ChangeRow> = audit_log::table
        .filter(audit_log::id.gt(since))
        .filter(audit_log::entity.eq_any(PUBLIC_ENTITIES))
        .filter(diesel::dsl::not(
            audit_log::entity
                .eq("award_cycle")
                .and(audit_log::entity_id.eq_any(drafts)),
        ))
        .filter(diesel::dsl::not(
            audit_log::entity
                .eq("event")
                .and(audit_log::action.eq_any(PROPOSAL_ACTIONS)),
        ))
        .order_by(audit_log::id.asc())
        .limit(limit + 1)
        .select(ChangeRow::as_select())
        .load(conn)?;
    let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    let rows: Vec<_> = rows
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    let ids = |entity: &str| -> Vec<i64> {
        rows.iter()
            .filter(|r| r.entity == entity)
            .filter_map(|r| r.entity_id.parse().ok())
            .collect()
    };
    let city_slugs: HashMap<i64, String> = cities::table
        .filter(cities::id.eq_any(ids("city")))
        .filter(cities::archived_at.is_null())
        .select((cities::id, cities::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let network_slugs: HashMap<i64, String> = networks::table
        .filter(networks::id.eq_any(ids("network")))
        .filter(networks::archived_at.is_null())
        .select((networks::id, networks::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let live_memberships: Vec<i64> = memberships::table
        .filter(memberships::id.eq_any(ids("membership")))
        .filter(memberships::archived_at.is_null())
        .select(memberships::id)
        .load(conn)?;
    let organisation_slugs: HashMap<i64, String> = organisations::table
        .filter(organisations::id.eq_any(ids("organisation")))
        .filter(organisations::archived_at.is_null())
        .select((organisations::id, organisations::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let event_slugs: HashMap<i64, String> = events::table
        .filter(events::id.eq_any(ids("event")))
        .filter(events::archived_at.is_null())
        .filter(events::status.eq(EventStatus::Published))
        .select((events::id, events::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let census_networks: HashMap<i64, String> = network_census::table
        .inner_join(networks::table)
        .filter(network_census::id.eq_any(ids("network_census")))
        .filter(networks::archived_at.is_null())
        .select((network_census::id, networks::slug))
        .load(conn)?
        .into_iter()
        .collect();
    let next_since = rows.last().map_or(since, |r| r.id);
    let items = rows
        .into_iter()
        .map(|row| {
            let ChangeRow {
                id,
                at,
                entity,
                entity_id,
                action: raw,
                import_id,
            } = row;
            let numeric = entity_id.parse::<i64>().ok();
            let href = match entity.as_str() {
                "city" => numeric
                    .and_then(|n| city_slugs.get(&n))
                    .map(|s| format!("/api/v1/cities/{s}")),
                "network" => numeric
                    .and_then(|n| network_slugs.get(&n))
                    .map(|s| format!("/api/v1/networks/{s}")),
                "membership" => numeric
                    .filter(|n| live_memberships.contains(n))
                    .map(|n| format!("/api/v1/memberships/{n}")),
                "network_census" => numeric
                    .and_then(|n| census_networks.get(&n))
                    .map(|s| format!("/api/v1/networks/{s}/census")),
                "organisation" => numeric
                    .and_then(|n| organisation_slugs.get(&n))
                    .map(|s| format!("/api/v1/organisations/{s}")),
                "event" => numeric
                    .and_then(|n| event_slugs.get(&n))
                    .map(|s| format!("/api/v1/events/{s}")),
                "award_cycle" => Some(format!("/api/v1/award-cycles/{entity_id}")),
                _ => Some(format!("/api/v1/frameworks/{entity_id}")),
            };
            Change {
                id,
                at: at.and_utc(),
                action: action(&raw).to_owned(),
                entity,
                entity_id,
                href,
                import_id,
            }
        })
        .collect();
    Ok(ChangePage {
        items,
        next_since,
        more,
    })
}
