//! Which tables a portable file holds, in which order, and what their columns are.

use diesel::sql_types::Text;
use diesel::{sql_query, QueryableByName, RunQueryDsl};

use super::PortableError;
use crate::db::DbConnection;

/// A table of the file: its name and the columns its rows are ordered by (its primary key).
pub struct Table {
    pub name: &'static str,
    pub order_by: &'static [&'static str],
}

/// Every table that holds data, parents before the tables that refer to them, so that rows can
/// be inserted in file order with foreign keys checked at once. Within `criteria`, which refers
/// to itself, ids grow with insertion order, so a parent's id is below its children's.
pub const TABLES: &[Table] = &[
    Table {
        name: "countries",
        order_by: &["code"],
    },
    Table {
        name: "provinces",
        order_by: &["code"],
    },
    Table {
        name: "cities",
        order_by: &["id"],
    },
    Table {
        name: "networks",
        order_by: &["id"],
    },
    Table {
        name: "memberships",
        order_by: &["id"],
    },
    Table {
        name: "network_census",
        order_by: &["id"],
    },
    Table {
        name: "initiatives",
        order_by: &["id"],
    },
    Table {
        name: "initiative_cities",
        order_by: &["id"],
    },
    Table {
        name: "organisations",
        order_by: &["id"],
    },
    Table {
        name: "organisation_roles",
        order_by: &["id"],
    },
    Table {
        name: "sources",
        order_by: &["id"],
    },
    Table {
        name: "unverified",
        order_by: &["entity", "entity_id"],
    },
    Table {
        name: "seed_parts",
        order_by: &["name"],
    },
    Table {
        name: "users",
        order_by: &["id"],
    },
    Table {
        name: "refresh_tokens",
        order_by: &["id"],
    },
    Table {
        name: "api_keys",
        order_by: &["id"],
    },
    Table {
        name: "api_key_usage",
        order_by: &["key_id", "day"],
    },
    Table {
        name: "audit_log",
        order_by: &["id"],
    },
    Table {
        name: "frameworks",
        order_by: &["id"],
    },
    Table {
        name: "criteria",
        order_by: &["id"],
    },
    Table {
        name: "monitoring_rounds",
        order_by: &["id"],
    },
    Table {
        name: "award_programmes",
        order_by: &["id"],
    },
    Table {
        name: "award_cycles",
        order_by: &["id"],
    },
    Table {
        name: "award_categories",
        order_by: &["id"],
    },
    Table {
        name: "nominations",
        order_by: &["id"],
    },
    Table {
        name: "conflicts",
        order_by: &["id"],
    },
    Table {
        name: "evaluations",
        order_by: &["id"],
    },
    Table {
        name: "scores",
        order_by: &["evaluation_id", "criterion_id"],
    },
    Table {
        name: "event_series",
        order_by: &["id"],
    },
    Table {
        name: "events",
        order_by: &["id"],
    },
    Table {
        name: "event_details",
        order_by: &["event_id"],
    },
    Table {
        name: "event_sessions",
        order_by: &["id"],
    },
    Table {
        name: "event_cities",
        order_by: &["id"],
    },
];

/// Tables left out of the file: diesel's migration record (the target is migrated by its own
/// binary), the change counter that triggers keep (derived from the writes themselves), and the
/// service's own secrets (on SQLite the signing secret is a file beside the database, not a row,
/// so it could not move the same way from both backends; the target makes its own, and access
/// tokens issued before the move are refreshed, since refresh tokens do move).
const NOT_EXPORTED: &[&str] = &[
    "__diesel_schema_migrations",
    "data_version",
    "service_secrets",
];

/// How a column's values are written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Float,
    Text,
    Boolean,
    /// UTC, written as `2026-11-23T10:00:00.123456Z`.
    Timestamp,
    /// Written as `2026-11-23`.
    Date,
}

/// A column of a table as the database declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
}

#[derive(QueryableByName)]
struct NameRow {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    declared: String,
}

/// The database's tables that are neither in [`TABLES`] nor deliberately left out: a table a
/// migration added without the export knowing it. Must be empty before anything is written.
pub fn unknown_tables(conn: &mut DbConnection) -> Result<Vec<String>, PortableError> {
    let names: Vec<NameRow> = match conn {
        DbConnection::Sqlite(c) => sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .load(c)?,
        DbConnection::Postgresql(c) => sql_query(
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        )
        .load(c)?,
    };
    Ok(names
        .into_iter()
        .map(|row| row.name)
        .filter(|name| {
            !NOT_EXPORTED.contains(&name.as_str()) && !TABLES.iter().any(|t| t.name == name)
        })
        .collect())
}

/// The columns of `table` in the database's order, with their kinds.
pub fn columns(conn: &mut DbConnection, table: &str) -> Result<Vec<Column>, PortableError> {
    let rows: Vec<ColumnRow> = match conn {
        DbConnection::Sqlite(c) => {
            sql_query("SELECT name, type AS declared FROM pragma_table_info(?) ORDER BY cid")
                .bind::<Text, _>(table)
                .load(c)?
        }
        DbConnection::Postgresql(c) => sql_query(
            "SELECT column_name::text AS name, data_type::text AS declared \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 \
             ORDER BY ordinal_position",
        )
        .bind::<Text, _>(table)
        .load(c)?,
    };
    if rows.is_empty() {
        return Err(PortableError::Schema(format!(
            "the database has no table `{table}`"
        )));
    }
    rows.into_iter()
        .map(|row| {
            let kind = kind_of(&row.declared).ok_or_else(|| {
                PortableError::Schema(format!(
                    "column {table}.{} has the type `{}`, which the portable file cannot hold",
                    row.name, row.declared
                ))
            })?;
            Ok(Column {
                name: row.name,
                kind,
            })
        })
        .collect()
}

/// The kind of a declared column type, as SQLite (the migrations' spelling) or PostgreSQL
/// (`information_schema`) names it.
fn kind_of(declared: &str) -> Option<Kind> {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" | "smallint" | "bigserial" => Some(Kind::Integer),
        "double" | "double precision" | "real" => Some(Kind::Float),
        "text" | "character varying" => Some(Kind::Text),
        "boolean" => Some(Kind::Boolean),
        "timestamp" | "timestamp without time zone" => Some(Kind::Timestamp),
        "date" => Some(Kind::Date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_spellings_have_kinds() {
        assert_eq!(kind_of("BIGINT"), Some(Kind::Integer));
        assert_eq!(kind_of("double precision"), Some(Kind::Float));
        assert_eq!(
            kind_of("timestamp without time zone"),
            Some(Kind::Timestamp)
        );
        assert_eq!(kind_of("BOOLEAN"), Some(Kind::Boolean));
        assert_eq!(kind_of("jsonb"), None);
    }
}
