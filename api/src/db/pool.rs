//! The r2d2 pool, SQLite connection settings, and [`run`], the one way handlers reach the database.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, CustomizeConnection, ManageConnection};
use diesel::RunQueryDsl;

use super::{Backend, DbConnection};
use crate::error::ApiError;

/// The shared connection pool.
pub type Pool = r2d2::Pool<Manager>;
/// A connection checked out of the pool.
pub type PooledConnection = r2d2::PooledConnection<Manager>;

/// Opens connections for the backend chosen from the URL scheme (never by trial and error).
#[derive(Debug)]
pub struct Manager {
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        self.backend.connect().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        diesel::sql_query("SELECT 1")
            .execute(conn)
            .map(|_| ())
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

/// Sets the per-connection SQLite PRAGMAs: foreign keys, a busy timeout and WAL.
#[derive(Debug)]
struct SqliteSettings {
    busy_timeout_ms: u64,
}

impl CustomizeConnection<DbConnection, r2d2::Error> for SqliteSettings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        if let DbConnection::Sqlite(c) = conn {
            c.batch_execute(&format!(
                "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                self.busy_timeout_ms
            ))
            .map_err(r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Configures the SQLite library for a pool of connections each used by one thread at a time:
/// multi-thread mode (no mutex around every call on a connection, which the default serialized
/// mode takes even for reading one column) and no memory statistics (which take a global mutex
/// around every allocation SQLite makes, across all connections). Call first in `main`, before
/// any connection opens; afterwards SQLite refuses, and keeps its defaults.
pub fn configure_sqlite() {
    // SAFETY: sqlite3_config is documented to be called before sqlite3_initialize; MULTITHREAD
    // takes no further argument and MEMSTATUS one int. Misuse is reported by the return value.
    let codes = unsafe {
        [
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MULTITHREAD),
            libsqlite3_sys::sqlite3_config(
                libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
                0 as std::os::raw::c_int,
            ),
        ]
    };
    if let Some(code) = codes.into_iter().find(|&c| c != libsqlite3_sys::SQLITE_OK) {
        // Logging is not set up yet this early.
        eprintln!(
            "learning-city: SQLite keeps (some of) its default settings (sqlite3_config: {code})"
        );
    }
}

/// How many idle connections a pool keeps open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// One, reopened in the background when taken: the server's pools, so that a request
    /// rarely waits for a connection to open.
    KeepOne,
    /// None: a command's pool. A background reopen would race the process's exit, and
    /// OpenSSL's exit-time cleanup under a TLS handshake to PostgreSQL crashed `user add`.
    KeepNone,
}

/// Builds the pool; for SQLite it creates the file's folder first.
pub fn build_pool(
    backend: &Backend,
    max_size: u32,
    timeout: Duration,
    idle: Idle,
) -> Result<Pool, String> {
    if let Backend::Sqlite(path) = backend {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
    }
    let timeout_ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
    r2d2::Pool::builder()
        .max_size(max_size)
        .min_idle(Some(match idle {
            Idle::KeepOne => 1,
            Idle::KeepNone => 0,
        }))
        .connection_timeout(timeout)
        .connection_customizer(Box::new(SqliteSettings {
            busy_timeout_ms: timeout_ms,
        }))
        .build(Manager {
            backend: backend.clone(),
        })
        .map_err(|e| format!("cannot open the {} database: {e}", backend.name()))
}

/// Runs blocking diesel work on a pooled connection off the async workers.
///
/// Checking out a connection that is not available within the pool's timeout becomes a 503
/// problem, so an outage fails fast instead of hanging.
pub async fn run<T, F>(pool: &Pool, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool
            .get()
            .map_err(|e| ApiError::Unavailable(e.to_string()))?;
        work(&mut conn)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}
