//! Reading public initiatives with their participating public cities.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{Initiative, InitiativeRow, Participant, ParticipantRow};
use crate::db::schema::{cities, initiative_cities, initiatives};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::types::{optional_localized, utc, Localized};

/// One page of public initiatives by name (only those `city` takes part in, when given), the
/// next cursor and the total.
pub fn list(
    conn: &mut DbConnection,
    city: Option<&str>,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Initiative>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = initiatives::table
            .filter(initiatives::archived_at.is_null())
            .into_boxed::<MultiBackend>();
        if let Some(city) = city {
            let taking_part = initiative_cities::table
                .inner_join(cities::table)
                .filter(cities::slug.eq(city.to_owned()))
                .filter(cities::archived_at.is_null())
                .select(initiative_cities::initiative_id);
            q = q.filter(initiatives::id.eq_any(taking_part));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql("initiatives.name_sort", "initiatives.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        query = query.filter(after_cursor(
            "initiatives.name_sort",
            "initiatives.id",
            false,
            c,
        ));
    }
    let rows = query.select(InitiativeRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "initiatives", "name", |r| {
        (SortKey::Text(r.name_sort.clone()), SortKey::Int(r.id))
    });
    Ok((to_initiatives(conn, rows)?, next, total))
}

/// A public initiative by slug.
pub fn get(conn: &mut DbConnection, slug: &str) -> Result<Initiative, ApiError> {
    let row = initiatives::table
        .filter(initiatives::slug.eq(slug))
        .filter(initiatives::archived_at.is_null())
        .select(InitiativeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no initiative with slug `{slug}`")))?;
    to_initiatives(conn, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("initiative vanished while loading".to_owned()))
}

fn to_initiatives(
    conn: &mut DbConnection,
    rows: Vec<InitiativeRow>,
) -> Result<Vec<Initiative>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let participants: Vec<ParticipantRow> = initiative_cities::table
        .inner_join(cities::table)
        .filter(initiative_cities::initiative_id.eq_any(&ids))
        .filter(cities::archived_at.is_null())
        .order_by((cities::name_sort, cities::id))
        .select(ParticipantRow::as_select())
        .load(conn)?;
    let mut by_initiative: HashMap<i64, Vec<Participant>> = HashMap::new();
    for p in participants {
        by_initiative
            .entry(p.initiative_id)
            .or_default()
            .push(Participant {
                city: p.city,
                name: Localized::new(p.name_en, p.name_th),
                province: p.province,
                role: p.role,
                note: p.note,
            });
    }
    let mut list: Vec<Initiative> = rows
        .into_iter()
        .map(|r| Initiative {
            cities: by_initiative.remove(&r.id).unwrap_or_default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            lead: optional_localized(r.lead_en, r.lead_th),
            description: optional_localized(r.description_en, r.description_th),
            website: r.website,
            provenance: Provenance::default(),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        })
        .collect();
    provenance::queries::attach(conn, &mut list)?;
    Ok(list)
}
