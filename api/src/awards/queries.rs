//! Reading programmes, cycles (with categories and published results), categories,
//! nominations and a city's awards. Drafts are visible to staff only; nominations never to the
//! public except as published results.

use std::collections::HashMap;

use diesel::prelude::*;

use super::types::{
    Category, CategoryResult, CityAward, Cycle, Eligibility, Nomination, Programme, ResultCity,
};
use crate::db::schema::{
    award_categories, award_cycles, award_programmes, cities, frameworks, networks, nominations,
};
use crate::db::{DbConnection, MultiBackend};
use crate::error::ApiError;
use crate::pagination::{after_cursor, order_sql, paginate, Cursor, SortKey};
use crate::types::{optional_localized, utc, Localized};

/// Who is reading, as far as visibility goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Anyone: published and running cycles, results once published.
    Public,
    /// Admin and secretariat: everything.
    Staff,
    /// A city editor: public data plus their own city's nominations.
    Editor(i64),
}

fn lines(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.lines()
            .map(str::to_owned)
            .filter(|l| !l.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

// ---------- programmes

type ProgrammeRow = (
    (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i32>,
        Option<i32>,
        Option<i32>,
    ),
    Option<String>,
);

fn programme_query() -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::LeftJoin<award_programmes::table, networks::table>,
    MultiBackend,
> {
    award_programmes::table
        .left_join(networks::table)
        .into_boxed()
}

macro_rules! programme_columns {
    () => {
        (
            (
                award_programmes::id,
                award_programmes::slug,
                award_programmes::name_en,
                award_programmes::name_th,
                award_programmes::organisers_en,
                award_programmes::organisers_th,
                award_programmes::secretariat_en,
                award_programmes::secretariat_th,
            ),
            (
                award_programmes::description_en,
                award_programmes::description_th,
                award_programmes::website,
                award_programmes::eligible_country,
                networks::slug.nullable(),
                award_programmes::min_membership_months,
                award_programmes::cooldown_years,
                award_programmes::max_winners_per_country,
            ),
            award_programmes::eligibility_notes,
        )
    };
}

fn to_programmes(
    conn: &mut DbConnection,
    rows: Vec<ProgrammeRow>,
    reader: Reader,
) -> Result<Vec<Programme>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.0 .0).collect();
    let mut query = award_cycles::table
        .filter(award_cycles::programme_id.eq_any(ids))
        .into_boxed::<MultiBackend>();
    if reader != Reader::Staff {
        query = query.filter(award_cycles::status.ne("draft"));
    }
    let years: Vec<(i64, i32)> = query
        .order_by(award_cycles::year.desc())
        .select((award_cycles::programme_id, award_cycles::year))
        .load(conn)?;
    let mut by_programme: HashMap<i64, Vec<i32>> = HashMap::new();
    for (id, year) in years {
        by_programme.entry(id).or_default().push(year);
    }
    Ok(rows
        .into_iter()
        .map(|(a, b, notes)| Programme {
            cycle_years: by_programme.remove(&a.0).unwrap_or_default(),
            id: a.0,
            slug: a.1,
            name: Localized::new(a.2, a.3),
            organisers: optional_localized(a.4, a.5),
            secretariat: optional_localized(a.6, a.7),
            description: optional_localized(b.0, b.1),
            website: b.2,
            eligibility: Eligibility {
                country: b.3,
                network: b.4,
                min_membership_months: b.5,
                cooldown_years: b.6,
                max_winners_per_country: b.7,
                notes: lines(notes),
            },
        })
        .collect())
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
    let rows: Vec<ProgrammeRow> = query.select(programme_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-programmes", "name", |r| {
        (SortKey::Text(r.0 .2.clone()), SortKey::Int(r.0 .0))
    });
    Ok((to_programmes(conn, rows, reader)?, next, total))
}

/// A programme by slug.
pub fn get_programme(
    conn: &mut DbConnection,
    slug: &str,
    reader: Reader,
) -> Result<Programme, ApiError> {
    let row: ProgrammeRow = programme_query()
        .filter(award_programmes::slug.eq(slug))
        .select(programme_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no award programme `{slug}`")))?;
    to_programmes(conn, vec![row], reader)?
        .pop()
        .ok_or_else(|| ApiError::Internal("programme vanished".to_owned()))
}

// ---------- categories

type CategoryRow = (
    i64,
    String,
    i64,
    String,
    i32,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i32,
);

fn category_query(
    reader: Reader,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        award_categories::table,
        diesel::dsl::InnerJoin<award_cycles::table, award_programmes::table>,
    >,
    MultiBackend,
> {
    let query = award_categories::table
        .inner_join(award_cycles::table.inner_join(award_programmes::table))
        .into_boxed();
    if reader == Reader::Staff {
        query
    } else {
        query.filter(award_cycles::status.ne("draft"))
    }
}

macro_rules! category_columns {
    () => {
        (
            award_categories::id,
            award_categories::slug,
            award_categories::cycle_id,
            award_programmes::slug,
            award_cycles::year,
            award_categories::name_en,
            award_categories::name_th,
            award_categories::description_en,
            award_categories::description_th,
            award_categories::position,
        )
    };
}

fn to_category(r: CategoryRow) -> Category {
    Category {
        id: r.0,
        slug: r.1,
        cycle_id: r.2,
        programme: r.3,
        year: r.4,
        name: Localized::new(r.5, r.6),
        description: optional_localized(r.7, r.8),
        position: r.9,
    }
}

/// Categories, newest cycle first, in their order within a cycle.
pub fn list_categories(
    conn: &mut DbConnection,
    reader: Reader,
    programme: Option<String>,
    cycle: Option<i64>,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Category>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = category_query(reader);
        if let Some(p) = &programme {
            q = q.filter(award_programmes::slug.eq(p.clone()));
        }
        if let Some(c) = cycle {
            q = q.filter(award_categories::cycle_id.eq(c));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    // One integer key: the cycle id descending, then the position, then the id.
    let key = "(award_categories.cycle_id * -1000000 + award_categories.position)";
    let mut query = filtered()
        .order_by(order_sql(key, "award_categories.id", false))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(key, "award_categories.id", false, c));
    }
    let rows: Vec<CategoryRow> = query.select(category_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-categories", "cycle", |r| {
        (
            SortKey::Int(r.2 * -1_000_000 + i64::from(r.9)),
            SortKey::Int(r.0),
        )
    });
    Ok((rows.into_iter().map(to_category).collect(), next, total))
}

/// A category by slug.
pub fn get_category(
    conn: &mut DbConnection,
    slug: &str,
    reader: Reader,
) -> Result<Category, ApiError> {
    category_query(reader)
        .filter(award_categories::slug.eq(slug))
        .select(category_columns!())
        .first::<CategoryRow>(conn)
        .optional()?
        .map(to_category)
        .ok_or_else(|| ApiError::NotFound(format!("no award category `{slug}`")))
}

// ---------- cycles

type CycleRow = (
    (
        i64,
        String,
        i32,
        String,
        Option<String>,
        String,
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
    ),
    (
        Option<chrono::NaiveDate>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    (
        Option<chrono::NaiveDateTime>,
        chrono::NaiveDateTime,
        chrono::NaiveDateTime,
        i32,
    ),
);

macro_rules! cycle_columns {
    () => {
        (
            (
                award_cycles::id,
                award_programmes::slug,
                award_cycles::year,
                award_cycles::title_en,
                award_cycles::title_th,
                award_cycles::status,
                award_cycles::nominations_open_on,
                award_cycles::nominations_close_on,
            ),
            (
                award_cycles::ceremony_on,
                award_cycles::ceremony_en,
                award_cycles::ceremony_th,
                award_cycles::summary_en,
                award_cycles::summary_th,
                award_cycles::criteria,
                award_cycles::source_url,
            ),
            (
                award_cycles::published_at,
                award_cycles::created_at,
                award_cycles::updated_at,
                award_cycles::version,
            ),
        )
    };
}

fn cycle_query(
    reader: Reader,
) -> diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<award_cycles::table, award_programmes::table>,
    MultiBackend,
> {
    let query = award_cycles::table
        .inner_join(award_programmes::table)
        .into_boxed();
    if reader == Reader::Staff {
        query
    } else {
        query.filter(award_cycles::status.ne("draft"))
    }
}

/// Builds cycles with their categories and, for published ones, their winners: three queries.
fn to_cycles(conn: &mut DbConnection, rows: Vec<CycleRow>) -> Result<Vec<Cycle>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.0 .0).collect();
    let categories: Vec<CategoryRow> = category_query(Reader::Staff)
        .filter(award_categories::cycle_id.eq_any(ids.clone()))
        .order_by((award_categories::position.asc(), award_categories::id.asc()))
        .select(category_columns!())
        .load(conn)?;
    let published: Vec<i64> = rows
        .iter()
        .filter(|r| r.0 .5 == "published")
        .map(|r| r.0 .0)
        .collect();
    let winners: Vec<(i64, String, String, String, Option<String>, String)> = nominations::table
        .inner_join(award_categories::table)
        .inner_join(cities::table)
        .filter(nominations::cycle_id.eq_any(published))
        .filter(nominations::status.eq("winner"))
        .filter(cities::archived_at.is_null())
        .order_by((cities::name_sort.asc(), cities::id.asc()))
        .select((
            nominations::cycle_id,
            award_categories::slug,
            cities::slug,
            cities::name_en,
            cities::name_th,
            cities::country_code,
        ))
        .load(conn)?;
    let mut framework_of: HashMap<i64, String> = award_cycles::table
        .inner_join(frameworks::table)
        .filter(award_cycles::id.eq_any(ids))
        .select((award_cycles::id, frameworks::slug))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut categories_by_cycle: HashMap<i64, Vec<Category>> = HashMap::new();
    for row in categories {
        categories_by_cycle
            .entry(row.2)
            .or_default()
            .push(to_category(row));
    }
    let mut winners_by_category: HashMap<String, Vec<ResultCity>> = HashMap::new();
    for (_, category, slug, en, th, country) in winners {
        winners_by_category
            .entry(category)
            .or_default()
            .push(ResultCity {
                slug,
                name: Localized::new(en, th),
                country,
            });
    }
    Ok(rows
        .into_iter()
        .map(|(a, b, c)| {
            let categories = categories_by_cycle.remove(&a.0).unwrap_or_default();
            let results = (a.5 == "published").then(|| {
                categories
                    .iter()
                    .map(|cat| CategoryResult {
                        category: cat.slug.clone(),
                        winners: winners_by_category.remove(&cat.slug).unwrap_or_default(),
                    })
                    .collect()
            });
            Cycle {
                id: a.0,
                programme: a.1,
                year: a.2,
                title: Localized::new(a.3, a.4),
                status: a.5,
                nominations_open_on: a.6,
                nominations_close_on: a.7,
                ceremony_on: b.0,
                ceremony: optional_localized(b.1, b.2),
                summary: optional_localized(b.3, b.4),
                criteria: b
                    .5
                    .and_then(|c| serde_json::from_str(&c).ok())
                    .unwrap_or_default(),
                framework: framework_of.remove(&a.0),
                source_url: b.6,
                published_at: c.0.map(utc),
                categories,
                results,
                created_at: utc(c.1),
                updated_at: utc(c.2),
            }
        })
        .collect())
}

/// Filters of the cycle list.
#[derive(Debug, Default)]
pub struct CycleFilters {
    pub programme: Option<String>,
    pub year: Option<i32>,
    pub status: Option<String>,
}

/// Cycles, newest year first.
pub fn list_cycles(
    conn: &mut DbConnection,
    reader: Reader,
    f: &CycleFilters,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<Cycle>, Option<String>, i64), ApiError> {
    let filtered = || {
        let mut q = cycle_query(reader);
        if let Some(p) = &f.programme {
            q = q.filter(award_programmes::slug.eq(p.clone()));
        }
        if let Some(y) = f.year {
            q = q.filter(award_cycles::year.eq(y));
        }
        if let Some(s) = &f.status {
            q = q.filter(award_cycles::status.eq(s.clone()));
        }
        q
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let mut query = filtered()
        .order_by(order_sql(
            "CAST(award_cycles.year AS BIGINT)",
            "award_cycles.id",
            true,
        ))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(
            "CAST(award_cycles.year AS BIGINT)",
            "award_cycles.id",
            true,
            c,
        ));
    }
    let rows: Vec<CycleRow> = query.select(cycle_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "award-cycles", "-year", |r| {
        (SortKey::Int(i64::from(r.0 .2)), SortKey::Int(r.0 .0))
    });
    Ok((to_cycles(conn, rows)?, next, total))
}

/// A cycle by id with its row version.
pub fn get_cycle(
    conn: &mut DbConnection,
    id: i64,
    reader: Reader,
) -> Result<(Cycle, i32), ApiError> {
    let row: CycleRow = cycle_query(reader)
        .filter(award_cycles::id.eq(id))
        .select(cycle_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no award cycle {id}")))?;
    let version = row.2 .3;
    let cycle = to_cycles(conn, vec![row])?
        .pop()
        .ok_or_else(|| ApiError::Internal("cycle vanished".to_owned()))?;
    Ok((cycle, version))
}

// ---------- nominations

type NominationRow = (
    (
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        String,
        Option<String>,
    ),
    (
        String,
        Option<i64>,
        Option<String>,
        chrono::NaiveDateTime,
        chrono::NaiveDateTime,
        i32,
    ),
);

macro_rules! nomination_columns {
    () => {
        (
            (
                nominations::id,
                nominations::cycle_id,
                award_categories::slug,
                cities::slug,
                cities::name_en,
                cities::name_th,
                nominations::status,
                nominations::statement,
            ),
            (
                nominations::evidence_links,
                nominations::submitted_by,
                nominations::source_url,
                nominations::created_at,
                nominations::updated_at,
                nominations::version,
            ),
        )
    };
}

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

fn to_nomination(r: NominationRow) -> Nomination {
    let (
        (id, cycle_id, category, city, en, th, status, statement),
        (links, by, source, created, updated, _),
    ) = r;
    Nomination {
        id,
        cycle_id,
        category,
        city,
        city_name: Localized::new(en, th),
        status,
        statement,
        evidence_links: serde_json::from_str(&links).unwrap_or_default(),
        submitted_by: by,
        source_url: source,
        created_at: utc(created),
        updated_at: utc(updated),
    }
}

/// City editors see the secretariat's decisions only once results are published: until then a
/// shortlisted, winning or not awarded nomination shows as `submitted`.
fn hide_undecided(
    conn: &mut DbConnection,
    reader: Reader,
    mut items: Vec<Nomination>,
) -> Result<Vec<Nomination>, ApiError> {
    if !matches!(reader, Reader::Editor(_)) || items.is_empty() {
        return Ok(items);
    }
    let published: std::collections::HashSet<i64> = award_cycles::table
        .filter(award_cycles::id.eq_any(items.iter().map(|n| n.cycle_id).collect::<Vec<_>>()))
        .filter(award_cycles::status.eq("published"))
        .select(award_cycles::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    for item in &mut items {
        if !published.contains(&item.cycle_id)
            && matches!(
                item.status.as_str(),
                "shortlisted" | "winner" | "not_awarded"
            )
        {
            item.status = "submitted".to_owned();
        }
    }
    Ok(items)
}

/// Filters of the nomination list.
#[derive(Debug, Default)]
pub struct NominationFilters {
    pub cycle: Option<i64>,
    pub category: Option<String>,
    pub city: Option<String>,
    pub status: Option<String>,
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
        if let Some(s) = &f.status {
            q = q.filter(nominations::status.eq(s.clone()));
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
    let rows: Vec<NominationRow> = query.select(nomination_columns!()).load(conn)?;
    let (rows, next) = paginate(rows, limit, "nominations", "id", |r| {
        (SortKey::Int(r.0 .0), SortKey::Int(r.0 .0))
    });
    let items = rows.into_iter().map(to_nomination).collect();
    Ok((hide_undecided(conn, reader, items)?, next, total))
}

/// A nomination visible to the reader, with its row version.
pub fn get_nomination(
    conn: &mut DbConnection,
    id: i64,
    reader: Reader,
) -> Result<(Nomination, i32), ApiError> {
    let row: NominationRow = nomination_query(reader)
        .filter(nominations::id.eq(id))
        .select(nomination_columns!())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no nomination {id}")))?;
    let version = row.1 .5;
    let mut shown = hide_undecided(conn, reader, vec![to_nomination(row)])?;
    let nomination = shown
        .pop()
        .ok_or_else(|| ApiError::Internal("nomination vanished".to_owned()))?;
    Ok((nomination, version))
}

// ---------- a city's awards

/// The published awards of a public city, newest first.
pub fn city_awards(
    conn: &mut DbConnection,
    slug: &str,
    limit: i64,
    cursor: Option<&Cursor>,
) -> Result<(Vec<CityAward>, Option<String>, i64), ApiError> {
    let city: i64 = cities::table
        .filter(cities::slug.eq(slug))
        .filter(cities::archived_at.is_null())
        .select(cities::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("no city with slug `{slug}`")))?;
    let filtered = || {
        nominations::table
            .inner_join(award_categories::table)
            .inner_join(award_cycles::table.inner_join(award_programmes::table))
            .filter(nominations::city_id.eq(city))
            .filter(nominations::status.eq("winner"))
            .filter(award_cycles::status.eq("published"))
            .into_boxed::<MultiBackend>()
    };
    let total = filtered().count().get_result::<i64>(conn)?;
    let key = "CAST(award_cycles.year AS BIGINT)";
    let mut query = filtered()
        .order_by(order_sql(key, "nominations.id", true))
        .limit(limit + 1);
    if let Some(c) = cursor {
        c.expect(false, false)?;
        query = query.filter(after_cursor(key, "nominations.id", true, c));
    }
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        i64,
        i32,
        String,
        String,
        Option<String>,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = query
        .select((
            nominations::id,
            award_programmes::slug,
            award_programmes::name_en,
            award_programmes::name_th,
            award_cycles::id,
            award_cycles::year,
            award_categories::slug,
            award_categories::name_en,
            award_categories::name_th,
            nominations::status,
            nominations::source_url,
        ))
        .load(conn)?;
    let (rows, next) = paginate(rows, limit, "city-awards", "-year", |r| {
        (SortKey::Int(i64::from(r.5)), SortKey::Int(r.0))
    });
    let items = rows
        .into_iter()
        .map(|r| CityAward {
            programme: r.1,
            programme_name: Localized::new(r.2, r.3),
            cycle_id: r.4,
            year: r.5,
            category: r.6,
            category_name: Localized::new(r.7, r.8),
            status: r.9,
            source_url: r.10,
        })
        .collect();
    Ok((items, next, total))
}
