//! Database access: one connection type over PostgreSQL and SQLite, the pool, migrations and the
//! helper that runs blocking diesel work off the async workers.

mod pool;
mod routing;
pub mod schema;
mod text_enum;

use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub use pool::{build_pool, configure_sqlite, run, Idle, Pool, PooledConnection};
pub use routing::{ReadPool, ReadsOwnWrites, ReplicaPool};
pub use text_enum::TextEnum;

/// A connection to whichever backend `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// The backend a database URL selects: `postgres://` or `postgresql://` is PostgreSQL,
/// anything else is a SQLite file path (an optional `sqlite://` or `sqlite:` prefix is stripped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Postgres(String),
    Sqlite(String),
}

impl Backend {
    /// Parses a database URL into the backend and the string its driver expects.
    pub fn from_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Backend::Postgres(url.to_owned());
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        Backend::Sqlite(path.to_owned())
    }

    /// A short name for logs: `postgres` or `sqlite`.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Postgres(_) => "postgres",
            Backend::Sqlite(_) => "sqlite",
        }
    }

    /// Where the data lives, without credentials: the SQLite path or the PostgreSQL host/database.
    pub fn location(&self) -> String {
        match self {
            Backend::Sqlite(path) => path.clone(),
            Backend::Postgres(url) => match url.rsplit_once('@') {
                Some((_, host_and_db)) => host_and_db.to_owned(),
                None => url.split("://").nth(1).unwrap_or_default().to_owned(),
            },
        }
    }

    /// Opens one connection to this backend.
    pub fn connect(&self) -> diesel::ConnectionResult<DbConnection> {
        match self {
            Backend::Postgres(url) => PgConnection::establish(url).map(DbConnection::Postgresql),
            Backend::Sqlite(path) => SqliteConnection::establish(path).map(DbConnection::Sqlite),
        }
    }
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Applies every pending migration and returns the names of those applied.
pub fn migrate(conn: &mut DbConnection) -> Result<Vec<String>, String> {
    let applied = match conn {
        DbConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
    }
    .map_err(|e| e.to_string())?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// The current time as stored: UTC, to the microsecond (the precision both backends keep).
pub fn now() -> chrono::NaiveDateTime {
    use chrono::Timelike;
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}

/// Runs `work` in a write transaction: `BEGIN IMMEDIATE` on SQLite (the write lock is taken up
/// front, so concurrent writers queue instead of failing on a lock upgrade), an ordinary
/// transaction on PostgreSQL. Rolls back when `work` fails.
pub fn write_transaction<T, E: From<diesel::result::Error>>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    let outcome = work(conn);
    let finish = match (conn, outcome.is_ok()) {
        (DbConnection::Sqlite(c), true) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Postgresql(c), true) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Sqlite(c), false) => AnsiTransactionManager::rollback_transaction(c),
        (DbConnection::Postgresql(c), false) => AnsiTransactionManager::rollback_transaction(c),
    };
    finish?;
    outcome
}

/// Locks one row of `table` until the end of the current write transaction, so that checks
/// made after it (counts, limits) cannot race with another writer. PostgreSQL takes a row
/// lock (`FOR UPDATE`); on SQLite, [`write_transaction`] already serialises writers.
pub fn lock_row(
    conn: &mut DbConnection,
    table: &'static str,
    id: i64,
) -> Result<(), crate::error::ApiError> {
    use diesel::RunQueryDsl;
    if let DbConnection::Postgresql(c) = conn {
        diesel::sql_query(format!("SELECT 1 FROM {table} WHERE id = {id} FOR UPDATE"))
            .execute(c)?;
    }
    Ok(())
}
