//! Test databases: a fresh one per app, a temporary SQLite file or a new PostgreSQL database
//! created through `TEST_DATABASE_URL`, removed again when the test is done with it.

use std::sync::atomic::{AtomicU32, Ordering};

use diesel::{Connection, PgConnection, RunQueryDsl};
use learning_city::config::DatabaseConfig;

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh database that is removed when dropped, or one the test manages itself.
pub(super) enum TestDb {
    /// The file's folder, removed when dropped.
    Sqlite {
        _dir: tempfile::TempDir,
    },
    Postgres {
        admin_url: String,
        name: String,
    },
    External,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut conn);
            }
        }
    }
}

/// The PostgreSQL URL tests create their databases through.
pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").expect(
        "TEST_DATABASE_URL must name a PostgreSQL database whose role may CREATE DATABASE \
         (scripts/test sets it; scripts/ensure-postgres creates the role)",
    )
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("database URL has a path");
    format!("{base}/{name}")
}

/// Numbers the PostgreSQL databases of this process, so that concurrent tests never share one.
static DATABASES: AtomicU32 = AtomicU32::new(0);

/// A new, empty database of `backend` and its URL.
pub(super) fn fresh_database(backend: Backend) -> (String, TestDb) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = dir.path().join("test.sqlite3").display().to_string();
            (url, TestDb::Sqlite { _dir: dir })
        }
        Backend::Postgres => {
            let admin = admin_url();
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or_default();
            let name = format!(
                "lc_test_{}_{}_{}",
                std::process::id(),
                DATABASES.fetch_add(1, Ordering::SeqCst),
                nanos
            );
            let mut conn = PgConnection::establish(&admin).expect("connect to TEST_DATABASE_URL");
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .expect("create test database");
            let url = with_database(&admin, &name);
            (
                url,
                TestDb::Postgres {
                    admin_url: admin,
                    name,
                },
            )
        }
    }
}

/// A new database with nothing in it, not even migrations, removed when dropped (or, once an
/// app is started on it with [`TestApp::spawn_on`](super::TestApp::spawn_on), when that app is).
pub struct EmptyDatabase {
    pub url: String,
    pub(super) db: TestDb,
}

impl EmptyDatabase {
    pub fn new(backend: Backend) -> EmptyDatabase {
        let (url, db) = fresh_database(backend);
        EmptyDatabase { url, db }
    }

    /// Its configuration for command-line operations.
    pub fn database(&self) -> DatabaseConfig {
        DatabaseConfig {
            database_url: self.url.clone(),
            pool_size: 2,
            database_timeout_secs: 2,
        }
    }
}
