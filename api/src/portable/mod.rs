//! The portable file of a whole database, for moving between backends (`learning-city export`
//! and `learning-city import`): SQLite -> PostgreSQL when a deployment outgrows the embedded
//! default, and back.
//!
//! The file is UTF-8 JSON lines. The first line is the [`Header`]; then, for every table of
//! [`catalog::TABLES`] in that order, a [`TableStart`] line naming its columns followed by one
//! JSON array per row, ordered by primary key; the last line is the [`End`] with the row count
//! of every table, so that a cut-off file is refused instead of loaded in part. Values have one
//! spelling whichever backend wrote them (see [`values`]), so equal data gives equal lines.
//!
//! The file holds every record: accounts with their password hashes, refresh and API key
//! hashes, the audit log and archived rows. Keep it as safe as the database itself. The service's
//! signing secret stays behind (see [`catalog`]).

mod catalog;
mod values;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::{sql_query, QueryableByName, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::db::DbConnection;
use catalog::{Column, Table, TABLES};

/// What the first line says the file is.
pub const FORMAT: &str = "learning-city-export";
/// The layout of the file this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Rows read from the database per query while exporting.
const READ_BATCH: i64 = 5_000;
/// Bound parameters per INSERT while importing, below both backends' limits (SQLite 32,766,
/// PostgreSQL 65,535).
const BINDS_PER_INSERT: usize = 10_000;

/// Why an export or import failed. An import that fails leaves the target as it was.
#[derive(Debug, thiserror::Error)]
pub enum PortableError {
    #[error("cannot read or write the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("{0}")]
    Schema(String),
    #[error("line {line} of the file: {message}")]
    Format { line: u64, message: String },
    #[error(
        "the target database is not empty ({table} has {rows} rows): import needs a new SQLite \
         file or a new PostgreSQL database"
    )]
    NotEmpty { table: String, rows: i64 },
    #[error(
        "the file was written at schema version {file}, this database is at {database}: export \
         and import with the same release of learning-city"
    )]
    Version { file: String, database: String },
}

/// The first line of the file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub format_version: u32,
    /// The last migration applied to the exported database.
    pub schema_version: String,
    /// `sqlite` or `postgres`.
    pub source: String,
    pub exported_at: String,
}

/// The line that starts a table's rows.
#[derive(Debug, Serialize, Deserialize)]
pub struct TableStart {
    pub table: String,
    pub columns: Vec<String>,
}

/// The last line: how many rows each table has in the file.
#[derive(Debug, Serialize, Deserialize)]
pub struct End {
    pub end: BTreeMap<String, u64>,
}

/// Rows per table written or loaded, in file order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
}

impl Summary {
    /// Rows in all tables.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

#[derive(QueryableByName)]
struct RowText {
    #[diesel(sql_type = Text)]
    row: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct SchemaVersion {
    #[diesel(sql_type = Nullable<Text>)]
    version: Option<String>,
}

/// Writes the whole of a migrated database to `out`, from one consistent snapshot (the service
/// may keep running).
pub fn export(conn: &mut DbConnection, out: &mut dyn Write) -> Result<Summary, PortableError> {
    diesel::Connection::transaction(conn, |conn| {
        if let DbConnection::Postgresql(c) = conn {
            sql_query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(c)?;
            // Doubles as the shortest text that reads back exactly (a server or role may set
            // fewer digits, which would round them).
            sql_query("SET LOCAL extra_float_digits = 3").execute(c)?;
        }
        export_snapshot(conn, out)
    })
}

fn export_snapshot(conn: &mut DbConnection, out: &mut dyn Write) -> Result<Summary, PortableError> {
    let unknown = catalog::unknown_tables(conn)?;
    if !unknown.is_empty() {
        return Err(PortableError::Schema(format!(
            "tables unknown to the export: {} (a release whose migrations add a table must \
             list it in portable::catalog::TABLES)",
            unknown.join(", ")
        )));
    }
    let header = Header {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema_version: schema_version(conn)?,
        source: backend_name(conn).to_owned(),
        exported_at: crate::db::now()
            .format("%Y-%m-%dT%H:%M:%S%.6fZ")
            .to_string(),
    };
    write_line(out, &header)?;
    let mut summary = Summary::default();
    for table in TABLES {
        let columns = catalog::columns(conn, table.name)?;
        write_line(
            out,
            &TableStart {
                table: table.name.to_owned(),
                columns: columns.iter().map(|c| c.name.clone()).collect(),
            },
        )?;
        let rows = export_table(conn, table, &columns, out)?;
        summary.tables.push((table.name.to_owned(), rows));
    }
    write_line(
        out,
        &End {
            end: summary.tables.iter().cloned().collect(),
        },
    )?;
    out.flush()?;
    Ok(summary)
}

/// Writes the rows of `table`, in primary-key order, read in batches; returns how many.
fn export_table(
    conn: &mut DbConnection,
    table: &Table,
    columns: &[Column],
    out: &mut dyn Write,
) -> Result<u64, PortableError> {
    let order: Vec<String> = table.order_by.iter().map(|c| values::quoted(c)).collect();
    let select = match conn {
        DbConnection::Sqlite(_) => format!(
            "SELECT json_array({}) AS row FROM {} ORDER BY {}",
            columns
                .iter()
                .map(values::sqlite_read)
                .collect::<Vec<_>>()
                .join(", "),
            values::quoted(table.name),
            order.join(", ")
        ),
        DbConnection::Postgresql(_) => format!(
            "SELECT json_build_array({})::text AS row FROM {} ORDER BY {}",
            columns
                .iter()
                .map(|c| values::quoted(&c.name))
                .collect::<Vec<_>>()
                .join(", "),
            values::quoted(table.name),
            order.join(", ")
        ),
    };
    let mut written = 0u64;
    let mut offset = 0i64;
    loop {
        let page = format!("{select} LIMIT {READ_BATCH} OFFSET {offset}");
        let rows: Vec<RowText> = match conn {
            DbConnection::Sqlite(c) => sql_query(page).load(c)?,
            DbConnection::Postgresql(c) => sql_query(page).load(c)?,
        };
        for row in &rows {
            let cells: Vec<Value> = serde_json::from_str(&row.row).map_err(|e| {
                PortableError::Schema(format!(
                    "{}: the database's row is not JSON: {e}",
                    table.name
                ))
            })?;
            let cells = columns
                .iter()
                .zip(cells)
                .map(|(column, cell)| {
                    values::canonical(column.kind, cell).map_err(|e| {
                        PortableError::Schema(format!("{}.{}: {e}", table.name, column.name))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            write_line(out, &cells)?;
        }
        written += rows.len() as u64;
        if (rows.len() as i64) < READ_BATCH {
            return Ok(written);
        }
        offset += READ_BATCH;
    }
}

fn write_line(out: &mut dyn Write, value: &impl Serialize) -> Result<(), PortableError> {
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn backend_name(conn: &DbConnection) -> &'static str {
    match conn {
        DbConnection::Postgresql(_) => "postgres",
        DbConnection::Sqlite(_) => "sqlite",
    }
}

/// The last migration applied to the database.
fn schema_version(conn: &mut DbConnection) -> Result<String, PortableError> {
    const LAST: &str = "SELECT MAX(version) AS version FROM __diesel_schema_migrations";
    let rows: Vec<SchemaVersion> = match conn {
        DbConnection::Sqlite(c) => sql_query(LAST).load(c)?,
        DbConnection::Postgresql(c) => sql_query(LAST).load(c)?,
    };
    rows.into_iter()
        .next()
        .and_then(|row| row.version)
        .ok_or_else(|| PortableError::Schema("the database has no migrations applied".into()))
}

/// Loads a file written by [`export`] into a migrated, empty database, in one transaction: a
/// file that is cut off, malformed or of another schema version leaves the target unchanged.
pub fn import(conn: &mut DbConnection, input: &mut dyn BufRead) -> Result<Summary, PortableError> {
    let database_version = schema_version(conn)?;
    let unknown = catalog::unknown_tables(conn)?;
    if !unknown.is_empty() {
        return Err(PortableError::Schema(format!(
            "the target has tables unknown to this release: {}",
            unknown.join(", ")
        )));
    }
    let mut lines = Lines {
        input,
        number: 0,
        text: String::new(),
    };
    let header: Header = lines
        .object("the header")?
        .ok_or_else(|| lines.error("the file is empty"))?;
    if header.format != FORMAT || header.format_version != FORMAT_VERSION {
        return Err(lines.error(format!(
            "not a {FORMAT} file of version {FORMAT_VERSION} (format `{}`, version {})",
            header.format, header.format_version
        )));
    }
    if header.schema_version != database_version {
        return Err(PortableError::Version {
            file: header.schema_version,
            database: database_version,
        });
    }
    crate::db::write_transaction(conn, |conn| {
        for table in TABLES {
            let rows = count(conn, table.name)?;
            if rows > 0 {
                return Err(PortableError::NotEmpty {
                    table: table.name.to_owned(),
                    rows,
                });
            }
        }
        let mut summary = Summary::default();
        for table in TABLES {
            let rows = import_table(conn, table, &mut lines)?;
            summary.tables.push((table.name.to_owned(), rows));
        }
        let end: End = lines
            .object("the end line")?
            .ok_or_else(|| lines.error("the file is cut off: no end line"))?;
        let expected: BTreeMap<String, u64> = summary.tables.iter().cloned().collect();
        if end.end != expected {
            return Err(lines.error(format!(
                "the end line counts {:?}, the file held {:?}",
                end.end, expected
            )));
        }
        if lines.next()?.is_some() {
            return Err(lines.error("text after the end line"));
        }
        restart_sequences(conn)?;
        Ok(summary)
    })
}

fn count(conn: &mut DbConnection, table: &str) -> Result<i64, PortableError> {
    let query = format!("SELECT COUNT(*) AS n FROM {}", values::quoted(table));
    let rows: Vec<Count> = match conn {
        DbConnection::Sqlite(c) => sql_query(query).load(c)?,
        DbConnection::Postgresql(c) => sql_query(query).load(c)?,
    };
    Ok(rows.first().map_or(0, |row| row.n))
}

/// Reads one table's section and inserts its rows; returns how many.
fn import_table(
    conn: &mut DbConnection,
    table: &Table,
    lines: &mut Lines<'_>,
) -> Result<u64, PortableError> {
    let start: TableStart = lines
        .object("a table line")?
        .ok_or_else(|| lines.error(format!("the file is cut off before table {}", table.name)))?;
    if start.table != table.name {
        return Err(lines.error(format!(
            "expected table {}, found {}",
            table.name, start.table
        )));
    }
    let columns = catalog::columns(conn, table.name)?;
    let mut kinds = Vec::with_capacity(start.columns.len());
    for name in &start.columns {
        let column = columns.iter().find(|c| &c.name == name).ok_or_else(|| {
            lines.error(format!(
                "{} has no column {name} in this database",
                table.name
            ))
        })?;
        kinds.push(column.kind);
    }
    if kinds.len() != columns.len() {
        return Err(lines.error(format!(
            "{} has {} columns here, the file names {}",
            table.name,
            columns.len(),
            kinds.len()
        )));
    }
    let per_insert = (BINDS_PER_INSERT / kinds.len().max(1)).max(1);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_insert);
    let mut loaded = 0u64;
    while lines.peek_is_row()? {
        let Some(Value::Array(cells)) = lines.next()? else {
            unreachable!("peeked a row");
        };
        if cells.len() != kinds.len() {
            return Err(lines.error(format!(
                "a row of {} has {} values for {} columns",
                table.name,
                cells.len(),
                kinds.len()
            )));
        }
        batch.push(cells);
        if batch.len() == per_insert {
            insert(conn, table.name, &start.columns, &kinds, &batch)
                .map_err(|e| lines.wrap(table.name, e))?;
            loaded += batch.len() as u64;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        insert(conn, table.name, &start.columns, &kinds, &batch)
            .map_err(|e| lines.wrap(table.name, e))?;
        loaded += batch.len() as u64;
    }
    Ok(loaded)
}

/// One multi-row INSERT of `rows`.
fn insert(
    conn: &mut DbConnection,
    table: &str,
    names: &[String],
    kinds: &[catalog::Kind],
    rows: &[Vec<Value>],
) -> Result<(), PortableError> {
    let columns = names
        .iter()
        .map(|n| values::quoted(n))
        .collect::<Vec<_>>()
        .join(", ");
    let postgres = matches!(conn, DbConnection::Postgresql(_));
    let mut number = 0usize;
    let mut mark = || {
        number += 1;
        if postgres {
            format!("${number}")
        } else {
            "?".to_owned()
        }
    };
    let tuples: Vec<String> = rows
        .iter()
        .map(|_| {
            format!(
                "({})",
                kinds.iter().map(|_| mark()).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let sql = format!(
        "INSERT INTO {} ({columns}) VALUES {}",
        values::quoted(table),
        tuples.join(", ")
    );
    match conn {
        DbConnection::Sqlite(c) => values::bind_rows(sql_query(sql).into_boxed(), kinds, rows)
            .map_err(PortableError::Schema)?
            .execute(c)?,
        DbConnection::Postgresql(c) => values::bind_rows(sql_query(sql).into_boxed(), kinds, rows)
            .map_err(PortableError::Schema)?
            .execute(c)?,
    };
    Ok(())
}

/// On PostgreSQL, moves every id sequence past the largest imported id, so that the next
/// record created through the API does not collide with an imported one. (SQLite's
/// AUTOINCREMENT follows explicit ids by itself.)
fn restart_sequences(conn: &mut DbConnection) -> Result<(), PortableError> {
    let DbConnection::Postgresql(c) = conn else {
        return Ok(());
    };
    for table in TABLES.iter().filter(|t| t.order_by == ["id"]) {
        let name = values::quoted(table.name);
        sql_query(format!(
            "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE((SELECT MAX(id) FROM \
             {name}), 0) + 1, false)",
            table.name
        ))
        .execute(c)?;
    }
    Ok(())
}

/// The file's lines, read one at a time, with the number of the last one read.
struct Lines<'a> {
    input: &'a mut dyn BufRead,
    number: u64,
    /// A line read ahead by [`Lines::peek_is_row`] and not yet taken.
    text: String,
}

impl Lines<'_> {
    fn error(&self, message: impl Into<String>) -> PortableError {
        PortableError::Format {
            line: self.number,
            message: message.into(),
        }
    }

    /// A database failure while loading rows of `table` up to the current line.
    fn wrap(&self, table: &str, error: PortableError) -> PortableError {
        match error {
            PortableError::Database(e) => {
                self.error(format!("the database refused a row of {table}: {e}"))
            }
            PortableError::Schema(message) => self.error(message),
            other => other,
        }
    }

    /// Fills `text` with the next non-empty line unless it holds one; false at the end.
    fn fill(&mut self) -> Result<bool, PortableError> {
        while self.text.is_empty() {
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Ok(false);
            }
            self.number += 1;
            if !line.ends_with('\n') {
                return Err(self.error("the file is cut off in the middle of a line"));
            }
            self.text = line.trim_end().to_owned();
        }
        Ok(true)
    }

    /// The next line as JSON, or `None` at the end of the file.
    fn next(&mut self) -> Result<Option<Value>, PortableError> {
        if !self.fill()? {
            return Ok(None);
        }
        let text = std::mem::take(&mut self.text);
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| self.error(format!("not JSON: {e}")))
    }

    /// Whether the next line is a row (a JSON array) rather than a table or end line.
    fn peek_is_row(&mut self) -> Result<bool, PortableError> {
        Ok(self.fill()? && self.text.starts_with('['))
    }

    /// The next line as the object `what`, or `None` at the end of the file.
    fn object<T: serde::de::DeserializeOwned>(
        &mut self,
        what: &str,
    ) -> Result<Option<T>, PortableError> {
        match self.next()? {
            None => Ok(None),
            Some(value) => serde_json::from_value(value)
                .map(Some)
                .map_err(|e| self.error(format!("expected {what}: {e}"))),
        }
    }
}
