//! Reading programmes with the years of the cycles the reader may see.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{Eligibility, Programme, ProgrammeRow};
use crate::awards::cycles::types::CycleStatus;
use crate::awards::Reader;
use crate::db::schema::{award_cycles, award_programmes, networks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::provenance::{self, Provenance};
use crate::types::{optional_localized, Localized};

/// The non-empty lines of a text.
fn lines(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.lines()
            .map(str::to_owned)
            .filter(|l| !l.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn programme_query() -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::LeftJoin<award_programmes::table, networks::table>,
    MultiBackend,
> {
    award_programmes::table
        .left_join(networks::table)
        .into_boxed()
}

fn to_programmes(
    conn: &mut DbConnection,
    rows: Vec<ProgrammeRow>,
    reader: Reader,
) -> Result<Vec<Programme>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut organisations = crate::organisations::queries::links(
        conn,
        crate::organisations::types::RoleTarget::AwardProgramme,
        &ids,
    )?;
    let mut query = award_cycles::table
        .filter(award_cycles::programme_id.eq_any(ids))
        .into_boxed::<MultiBackend>();
    if reader != Reader::Staff {
        query = query.filter(award_cycles::status.ne(CycleStatus::Draft));
    }
    let years: Vec<(i64, i32)> = query
        .order_by(award_cycles::year.desc())
        .select((award_cycles::programme_id, award_cycles::year))
        .load(conn)?;
    let mut by_programme: HashMap<i64, Vec<i32>> = HashMap::new();
    for (id, year) in years {
        by_programme.entry(id).or_default().push(year);
    }
    let mut programmes: Vec<Programme> = rows
        .into_iter()
        .map(|r| Programme {
            cycle_years: by_programme.remove(&r.id).unwrap_or_default(),
            organisations: organisations.remove(&r.id).unwrap_or_default(),
            provenance: Provenance::default(),
            id: r.id,
            slug: r.slug,
            name: Localized::new(r.name_en, r.name_th),
            organisers: optional_localized(r.organisers_en, r.organisers_th),
            secretariat: optional_localized(r.secretariat_en, r.secretariat_th),
            description: optional_localized(r.description_en, r.description_th),
            website: r.website,
            eligibility: Eligibility {
                country: r.eligible_country,
                network: r.network,
                min_membership_months: r.min_membership_months,
                cooldown_years: r.cooldown_years,
                max_winners_per_country: r.max_winners_per_country,
                notes: lines(r.eligibility_notes),
            },
        })
        .collect();
    provenance::queries::attach(conn, &mut programmes)?;
    Ok(programmes)
}

/// Every programme (there are few), by name.
pub fn list_programmes(
    conn: &mut DbConnection,
    reader: Reader,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Programme>, Option<String>, i64), ApiError> {
    let total: i64 = award_programmes::table.count().get_result(conn)?;
    let mut query = programme_query()
        .order_by(order_sql(
            "award_programmes.name_en",
            "award_programmes.id",
            false,
        ))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(true, false)?;
        query = query.filter(after_cursor(
            "award_programmes.name_en",
            "award_programmes.id",
            false,
            c,
        ));
    }
    let rows = query.select(ProgrammeRow::as_select()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-programmes", "name", |r| {
        (SortKey::Text(r.name_en.clone()), SortKey::Int(r.id))
    });
    Ok((to_programmes(conn, rows, reader)?, next, total))
}

/// A programme by slug.
pub fn get_programme(
    conn: &mut DbConnection,
    slug: &str,
    reader: Reader,
) -> Result<Programme, ApiError> {
    let row = programme_query()
        .filter(award_programmes::slug.eq(slug))
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no award programme `{slug}`")))?;
    to_programmes(conn, vec![row], reader)?
        .pop()
        .ok_or_else(|| ApiError::Internal("programme vanished".to_owned()))
}
