//! The dataset's organisation tables: the bodies behind the networks, programmes, events and
//! initiatives, and their roles.

use diesel::prelude::*;

use super::{cells, col, table, Table};
use crate::db::schema::{events, organisation_roles, organisations};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::events::types::EventStatus;
use crate::organisations::types::{OrganisationKind, RoleKind, RoleTarget};

/// The dictionary of the two tables.
pub(super) fn tables() -> Vec<Table> {
    vec![
        table("organisations", "The organisations behind the networks, award programmes, events and initiatives (their sources: record_type organisation).", vec![
            col("id", "integer", "Stable organisation id"),
            col("slug", "text", "Stable URL key"),
            col("name_en", "text", "English name"),
            col("name_th", "text", "Thai name, where a source gives it"),
            col("abbreviation_en", "text", "English abbreviation"),
            col("abbreviation_th", "text", "Thai abbreviation"),
            col("kind", "text", "un_agency, ministry, government_agency, public_fund, university, learning_centre, ngo, network_body, international_partner or other"),
            col("country", "text", "ISO 3166-1 alpha-2 code; empty for international bodies"),
            col("website", "text", "Website"),
        ]),
        table("organisation_roles", "The roles organisations hold (their sources: record_type organisation_role).", vec![
            col("id", "integer", "Stable role id"),
            col("organisation", "text", "Organisation slug"),
            col("role", "text", "secretariat, coordinator, organiser, co_host, partner, lead, supporter or funder"),
            col("target_type", "text", "network, award_programme, event or initiative"),
            col("target_id", "integer", "The id of the record the role is held in"),
            col("from_year", "integer", "First year of the role, where the source says"),
            col("to_year", "integer", "Last year, where it ended"),
        ]),
    ]
}

macro_rules! enum_cells {
    ($($t:ty),+) => {$(
        impl super::Cell for $t {
            fn cell(self) -> String {
                self.as_str().to_owned()
            }
        }
    )+};
}

enum_cells!(OrganisationKind, RoleKind, RoleTarget);

/// The public roles: of public organisations, and in events only when the event is published.
fn public_roles() -> organisation_roles::BoxedQuery<'static, crate::db::MultiBackend> {
    let public_events = events::table
        .filter(events::archived_at.is_null())
        .filter(events::status.eq(EventStatus::Published))
        .select(events::id);
    organisation_roles::table
        .filter(
            organisation_roles::organisation_id.eq_any(
                organisations::table
                    .filter(organisations::archived_at.is_null())
                    .select(organisations::id),
            ),
        )
        .filter(
            organisation_roles::target_kind
                .ne(RoleTarget::Event)
                .or(organisation_roles::target_id.eq_any(public_events)),
        )
        .into_boxed()
}

/// The ids of the public roles (see [`public_roles`]).
pub(super) fn public_role_ids(conn: &mut DbConnection) -> Result<Vec<i64>, ApiError> {
    Ok(public_roles().select(organisation_roles::id).load(conn)?)
}

/// The rows of the two tables, in the order of [`tables`].
pub(super) fn rows(conn: &mut DbConnection) -> Result<Vec<Vec<Vec<String>>>, ApiError> {
    let bodies = cells(
        organisations::table
            .filter(organisations::archived_at.is_null())
            .order_by(organisations::id)
            .select((
                organisations::id,
                organisations::slug,
                organisations::name_en,
                organisations::name_th,
                organisations::abbreviation_en,
                organisations::abbreviation_th,
                organisations::kind,
                organisations::country_code,
                organisations::website,
            ))
            .load::<(
                i64,
                String,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
                OrganisationKind,
                Option<String>,
                Option<String>,
            )>(conn)?,
    );
    let slugs: std::collections::HashMap<i64, String> = organisations::table
        .select((organisations::id, organisations::slug))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let roles = cells(
        public_roles()
            .order_by(organisation_roles::id)
            .select((
                organisation_roles::id,
                organisation_roles::organisation_id,
                organisation_roles::role,
                organisation_roles::target_kind,
                organisation_roles::target_id,
                organisation_roles::from_year,
                organisation_roles::to_year,
            ))
            .load::<(
                i64,
                i64,
                RoleKind,
                RoleTarget,
                i64,
                Option<i32>,
                Option<i32>,
            )>(conn)?
            .into_iter()
            .map(|(id, organisation, role, kind, target, from, to)| {
                let slug = slugs.get(&organisation).cloned().unwrap_or_default();
                (id, slug, role, kind, target, from, to)
            })
            .collect(),
    );
    Ok(vec![bodies, roles])
}
