//! Creating, updating, archiving and restoring networks, with their audit entries.

use diesel::prelude::*;

use super::input::NetworkChanges;
use super::queries::{find_network, find_versioned};
use super::types::{Network, NetworkScope, NetworkStatus};
use crate::archive::Archivable;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{countries, networks};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::etag;
use crate::provenance::{self, Entity};
use crate::text::{fold, slugify};

fn check_refs(
    conn: &mut DbConnection,
    slug: Option<&str>,
    country: Option<&str>,
) -> Result<(), ApiError> {
    if let Some(country) = country {
        let known: i64 = countries::table
            .filter(countries::code.eq(country))
            .count()
            .get_result(conn)?;
        if known == 0 {
            return Err(ApiError::field(
                "country",
                format!("`{country}` is not an ISO 3166-1 alpha-2 code"),
            ));
        }
    }
    if let Some(slug) = slug {
        let taken: i64 = networks::table
            .filter(networks::slug.eq(slug))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(ApiError::conflict(
                "slug_taken",
                format!("a network (possibly archived) already has the slug `{slug}`"),
            ));
        }
    }
    Ok(())
}

/// Creates a network.
pub fn create(
    conn: &mut DbConnection,
    actor: &User,
    ch: NetworkChanges,
) -> Result<Network, ApiError> {
    write_transaction(conn, |conn| {
        let name_en = ch
            .name_en
            .set()
            .ok_or_else(|| ApiError::field("name.en", "is required"))?;
        let slug = ch.slug.set().unwrap_or_else(|| slugify(&name_en));
        if slug.is_empty() {
            return Err(ApiError::field(
                "slug",
                "cannot be derived from the English name; give one",
            ));
        }
        let country = ch.country.set();
        let scope = ch
            .scope
            .set()
            .ok_or_else(|| ApiError::field("scope", "is required"))?;
        check_refs(conn, Some(&slug), country.as_deref())?;
        let at = now();
        let id = diesel::insert_into(networks::table)
            .values((
                networks::slug.eq(&slug),
                networks::name_sort.eq(fold(&name_en)),
                networks::name_en.eq(&name_en),
                networks::name_th.eq(ch.name_th.set()),
                networks::scope.eq(scope),
                networks::status.eq(ch.status.set().unwrap_or(NetworkStatus::Active)),
                networks::country_code.eq(country),
                networks::secretariat_en.eq(ch.secretariat_en.set()),
                networks::secretariat_th.eq(ch.secretariat_th.set()),
                networks::founded_year
                    .eq(ch.founded_year.set().and_then(|y| i32::try_from(y).ok())),
                networks::website.eq(ch.website.set()),
                networks::description_en.eq(ch.description_en.set()),
                networks::description_th.eq(ch.description_th.set()),
                networks::created_at.eq(at),
                networks::updated_at.eq(at),
            ))
            .returning(networks::id)
            .get_result::<i64>(conn)?;
        provenance::writes::apply(conn, Entity::Network, id, ch.provenance)?;
        let network = find_network(conn, &slug, false)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "network",
            &network.id.to_string(),
            None,
            Some(&network),
        )?;
        Ok(network)
    })
}

#[derive(AsChangeset)]
#[diesel(table_name = networks)]
struct NetworkChangeset {
    slug: Option<String>,
    name_en: Option<String>,
    name_sort: Option<String>,
    name_th: Option<Option<String>>,
    scope: Option<NetworkScope>,
    status: Option<NetworkStatus>,
    country_code: Option<Option<String>>,
    secretariat_en: Option<Option<String>>,
    secretariat_th: Option<Option<String>>,
    founded_year: Option<Option<i32>>,
    website: Option<Option<String>>,
    description_en: Option<Option<String>>,
    description_th: Option<Option<String>>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// Applies a JSON merge patch to a public network.
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: NetworkChanges,
    if_match: Option<&str>,
) -> Result<Network, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = find_versioned(conn, slug, false)?;
        etag::check(if_match, &etag::of(&before)?)?;
        let new_slug = ch.slug.clone().set().filter(|s| s != slug);
        check_refs(
            conn,
            new_slug.as_deref(),
            ch.country.clone().set().as_deref(),
        )?;
        let changes = NetworkChangeset {
            slug: ch.slug.set(),
            name_sort: ch.name_en.clone().set().map(|n| fold(&n)),
            name_en: ch.name_en.set(),
            name_th: ch.name_th.into_change(),
            scope: ch.scope.set(),
            status: ch.status.set(),
            country_code: ch.country.into_change(),
            secretariat_en: ch.secretariat_en.into_change(),
            secretariat_th: ch.secretariat_th.into_change(),
            founded_year: ch
                .founded_year
                .into_change()
                .map(|y| y.and_then(|y| i32::try_from(y).ok())),
            website: ch.website.into_change(),
            description_en: ch.description_en.into_change(),
            description_th: ch.description_th.into_change(),
            version: version + 1,
            updated_at: now(),
        };
        let updated = diesel::update(
            networks::table
                .filter(networks::id.eq(before.id))
                .filter(networks::version.eq(version)),
        )
        .set(&changes)
        .execute(conn)?;
        if updated == 0 {
            return Err(etag::changed_meanwhile("network"));
        }
        provenance::writes::apply(conn, Entity::Network, before.id, ch.provenance)?;
        let after = find_network(conn, changes.slug.as_deref().unwrap_or(slug), false)?;
        audit::record(
            conn,
            Some(actor),
            "update",
            "network",
            &after.id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

impl Archivable for Network {
    type Key = String;
    const ENTITY: &'static str = "network";

    fn find_versioned(
        conn: &mut DbConnection,
        slug: &String,
        archived: bool,
    ) -> Result<(Network, i32), ApiError> {
        find_versioned(conn, slug, archived)
    }

    fn mark(
        conn: &mut DbConnection,
        network: &Network,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            networks::table
                .filter(networks::id.eq(network.id))
                .filter(networks::version.eq(version)),
        )
        .set((
            networks::archived_at.eq(archived_at),
            networks::version.eq(version + 1),
            networks::updated_at.eq(at),
        ))
        .execute(conn)?)
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }
}
