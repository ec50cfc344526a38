//! API shapes of award categories, and the category row they are built from.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{award_categories, award_cycles, award_programmes};
use crate::types::{optional_localized, Localized};

/// A category of a cycle.
#[derive(Debug, Serialize, ToSchema)]
pub struct Category {
    pub id: i64,
    #[schema(example = "thailand-learning-city-awards-2025-equity")]
    pub slug: String,
    /// The cycle it belongs to.
    pub cycle_id: i64,
    /// The programme's slug.
    pub programme: String,
    pub year: i32,
    pub name: Localized,
    pub description: Option<Localized>,
    pub position: i32,
}

crate::page_type!(
    /// A page of categories.
    CategoryPage,
    Category
);

crate::list_query! {
    /// Query parameters of `GET /award-categories`.
    CategoryListQuery {
        /// Programme slug.
        #[param(pattern = "^[a-z0-9-]{1,100}$")]
        pub programme: Option<String>,
        /// Cycle id.
        #[param(value_type = Option<i64>, minimum = 1)]
        pub cycle: Option<String>,
    } downloads
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const CATEGORY_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "cycle_id",
    "programme",
    "year",
    "name.en",
    "name.th",
    "description.en",
    "description.th",
    "position",
];

/// A category as read, with its programme's slug and its cycle's year.
#[derive(Queryable, Selectable)]
#[diesel(table_name = award_categories)]
#[diesel(check_for_backend(diesel::pg::Pg, diesel::sqlite::Sqlite))]
pub(in crate::awards) struct CategoryRow {
    pub id: i64,
    pub slug: String,
    pub cycle_id: i64,
    #[diesel(select_expression = award_programmes::slug)]
    pub programme: String,
    #[diesel(select_expression = award_cycles::year)]
    pub year: i32,
    pub name_en: String,
    pub name_th: Option<String>,
    pub description_en: Option<String>,
    pub description_th: Option<String>,
    pub position: i32,
}

impl From<CategoryRow> for Category {
    fn from(r: CategoryRow) -> Category {
        Category {
            id: r.id,
            slug: r.slug,
            cycle_id: r.cycle_id,
            programme: r.programme,
            year: r.year,
            name: Localized::new(r.name_en, r.name_th),
            description: optional_localized(r.description_en, r.description_th),
            position: r.position,
        }
    }
}
