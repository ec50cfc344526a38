//! Creating, updating, archiving and restoring organisations, each in one write transaction with
//! its audit entry.

use diesel::prelude::*;

use super::input::OrganisationChanges;
use super::queries::find_versioned;
use super::types::{Organisation, OrganisationKind};
use crate::archive::Archivable;
use crate::audit;
use crate::auth::User;
use crate::db::schema::{countries, organisations};
use crate::db::{now, write_transaction, DbConnection};
use crate::error::ApiError;
use crate::http::etag;
use crate::provenance::{self, Entity};
use crate::text::{fold, search_text, slugify};

/// Refuses an unknown country and a slug another organisation (possibly archived) has.
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
        let taken: i64 = organisations::table
            .filter(organisations::slug.eq(slug))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(ApiError::conflict(
                "slug_taken",
                format!("an organisation (possibly archived) already has the slug `{slug}`"),
            ));
        }
    }
    Ok(())
}

/// The folded names and abbreviations a search matches.
fn searchable(
    name_en: &str,
    name_th: Option<&str>,
    abbreviation_en: Option<&str>,
    abbreviation_th: Option<&str>,
) -> String {
    search_text(&[Some(name_en), name_th, abbreviation_en, abbreviation_th])
}

/// Creates an organisation, audited.
pub fn create(
    conn: &mut DbConnection,
    actor: &User,
    ch: OrganisationChanges,
) -> Result<Organisation, ApiError> {
    write_transaction(conn, |conn| {
        let created = insert(conn, ch)?;
        audit::record(
            conn,
            Some(actor),
            "create",
            "organisation",
            &created.id.to_string(),
            None,
            Some(&created),
        )?;
        Ok(created)
    })
}

/// Inserts an organisation inside the caller's transaction, without an audit entry (the
/// caller records one).
pub fn insert(conn: &mut DbConnection, ch: OrganisationChanges) -> Result<Organisation, ApiError> {
    let name_en = ch
        .name_en
        .set()
        .ok_or_else(|| ApiError::field("name.en", "is required"))?;
    let kind = ch
        .kind
        .set()
        .ok_or_else(|| ApiError::field("kind", "is required"))?;
    let slug = ch.slug.set().unwrap_or_else(|| slugify(&name_en));
    if slug.is_empty() {
        return Err(ApiError::field(
            "slug",
            "cannot be derived from the English name; give one",
        ));
    }
    let country = ch.country.set();
    check_refs(conn, Some(&slug), country.as_deref())?;
    let (name_th, abbreviation_en, abbreviation_th) = (
        ch.name_th.set(),
        ch.abbreviation_en.set(),
        ch.abbreviation_th.set(),
    );
    let at = now();
    let id: i64 = diesel::insert_into(organisations::table)
        .values((
            organisations::slug.eq(&slug),
            organisations::name_sort.eq(fold(&name_en)),
            organisations::search_text.eq(searchable(
                &name_en,
                name_th.as_deref(),
                abbreviation_en.as_deref(),
                abbreviation_th.as_deref(),
            )),
            organisations::name_en.eq(&name_en),
            organisations::name_th.eq(&name_th),
            organisations::abbreviation_en.eq(&abbreviation_en),
            organisations::abbreviation_th.eq(&abbreviation_th),
            organisations::kind.eq(kind),
            organisations::country_code.eq(country),
            organisations::website.eq(ch.website.set()),
            organisations::description_en.eq(ch.description_en.set()),
            organisations::description_th.eq(ch.description_th.set()),
            organisations::created_at.eq(at),
            organisations::updated_at.eq(at),
        ))
        .returning(organisations::id)
        .get_result(conn)?;
    provenance::writes::apply(conn, Entity::Organisation, id, ch.provenance)?;
    let (created, _) = find_versioned(conn, &slug, false)?;
    Ok(created)
}

#[derive(AsChangeset)]
#[diesel(table_name = organisations)]
struct OrganisationChangeset {
    slug: Option<String>,
    name_en: Option<String>,
    name_sort: Option<String>,
    name_th: Option<Option<String>>,
    abbreviation_en: Option<Option<String>>,
    abbreviation_th: Option<Option<String>>,
    search_text: String,
    kind: Option<OrganisationKind>,
    country_code: Option<Option<String>>,
    website: Option<Option<String>>,
    description_en: Option<Option<String>>,
    description_th: Option<Option<String>>,
    version: i32,
    updated_at: chrono::NaiveDateTime,
}

/// Applies a JSON merge patch to a public organisation, audited.
pub fn update(
    conn: &mut DbConnection,
    actor: &User,
    slug: &str,
    ch: OrganisationChanges,
    if_match: Option<&str>,
) -> Result<Organisation, ApiError> {
    write_transaction(conn, |conn| {
        let (before, after) = change(conn, slug, ch, if_match)?;
        audit::record(
            conn,
            Some(actor),
            "update",
            "organisation",
            &after.id.to_string(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Applies a JSON merge patch to a public organisation inside the caller's transaction,
/// without an audit entry; answers the organisation before and after.
pub fn change(
    conn: &mut DbConnection,
    slug: &str,
    ch: OrganisationChanges,
    if_match: Option<&str>,
) -> Result<(Organisation, Organisation), ApiError> {
    let (before, version) = find_versioned(conn, slug, false)?;
    etag::check(if_match, &etag::of(&before)?)?;
    let new_slug = ch.slug.clone().set().filter(|s| s != slug);
    check_refs(
        conn,
        new_slug.as_deref(),
        ch.country.clone().set().as_deref(),
    )?;
    let abbreviation = before.abbreviation.clone();
    let name_en = ch.name_en.clone().set().unwrap_or(before.name.en.clone());
    let name_th = ch.name_th.merged(before.name.th.clone());
    let abbreviation_en = ch
        .abbreviation_en
        .merged(abbreviation.as_ref().and_then(|a| a.en.clone()));
    let abbreviation_th = ch.abbreviation_th.merged(abbreviation.and_then(|a| a.th));
    let changes = OrganisationChangeset {
        slug: ch.slug.set(),
        name_sort: ch.name_en.clone().set().map(|n| fold(&n)),
        search_text: searchable(
            &name_en,
            name_th.as_deref(),
            abbreviation_en.as_deref(),
            abbreviation_th.as_deref(),
        ),
        name_en: ch.name_en.set(),
        name_th: ch.name_th.into_change(),
        abbreviation_en: ch.abbreviation_en.into_change(),
        abbreviation_th: ch.abbreviation_th.into_change(),
        kind: ch.kind.set(),
        country_code: ch.country.into_change(),
        website: ch.website.into_change(),
        description_en: ch.description_en.into_change(),
        description_th: ch.description_th.into_change(),
        version: version + 1,
        updated_at: now(),
    };
    let updated = diesel::update(
        organisations::table
            .filter(organisations::id.eq(before.id))
            .filter(organisations::version.eq(version)),
    )
    .set(&changes)
    .execute(conn)?;
    if updated == 0 {
        return Err(etag::changed_meanwhile("organisation"));
    }
    provenance::writes::apply(conn, Entity::Organisation, before.id, ch.provenance)?;
    let (after, _) = find_versioned(conn, changes.slug.as_deref().unwrap_or(slug), false)?;
    Ok((before, after))
}

impl Archivable for Organisation {
    type Key = String;
    const ENTITY: &'static str = "organisation";

    fn find_versioned(
        conn: &mut DbConnection,
        slug: &String,
        archived: bool,
    ) -> Result<(Organisation, i32), ApiError> {
        find_versioned(conn, slug, archived)
    }

    fn mark(
        conn: &mut DbConnection,
        organisation: &Organisation,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            organisations::table
                .filter(organisations::id.eq(organisation.id))
                .filter(organisations::version.eq(version)),
        )
        .set((
            organisations::archived_at.eq(archived_at),
            organisations::version.eq(version + 1),
            organisations::updated_at.eq(at),
        ))
        .execute(conn)?)
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }
}
