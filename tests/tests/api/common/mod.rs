//! The test harness: the real server, on port 0, against a fresh database of either backend.

#![allow(dead_code)]

use std::sync::atomic::{AtomicU32, Ordering};

use actix_web::dev::ServerHandle;
use diesel::{Connection, PgConnection, RunQueryDsl};
use learning_city::config::{AuthConfig, DatabaseConfig, LimitConfig, ServeConfig};
use learning_city::startup::Application;
use reqwest::StatusCode;
use serde_json::Value;

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh database that is removed when dropped, or one the test manages itself.
enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
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
pub fn with_database(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("database URL has a path");
    format!("{base}/{name}")
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn fresh_database(backend: Backend) -> (String, TestDb) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = dir.path().join("test.sqlite3").display().to_string();
            (url, TestDb::Sqlite(dir))
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
                COUNTER.fetch_add(1, Ordering::SeqCst),
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
/// app is started on it with [`TestApp::spawn_on`], when that app is).
pub struct EmptyDatabase {
    pub url: String,
    db: TestDb,
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

/// A running service and an HTTP client for it.
pub struct TestApp {
    pub url: String,
    pub database_url: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    handle: ServerHandle,
    db: TestDb,
    /// A bearer token sent by requests made without one (see [`TestApp::sign_in_by_default`]).
    default_token: std::sync::OnceLock<String>,
}

/// A response: status, headers and the body parsed as JSON (`Null` when it is not JSON).
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The `content-type` header.
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// Asserts this is a problem document with `status` and `code`, and returns it.
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.content_type(), "application/problem+json");
        assert_eq!(self.body["status"], status);
        assert_eq!(self.body["code"], code, "body: {}", self.body);
        assert_eq!(
            self.body["type"],
            format!("urn:learning-city:problem:{code}")
        );
        assert!(self.body["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(self.body["detail"].as_str().is_some_and(|t| !t.is_empty()));
        &self.body
    }
}

impl TestApp {
    /// Starts the service on a fresh, migrated and seeded database, with rate limits high
    /// enough not to matter.
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with the configuration adjusted first.
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut ServeConfig)) -> TestApp {
        let (database_url, db) = fresh_database(backend);
        Self::start(backend, database_url, db, adjust).await
    }

    /// Starts the service on a database the test manages (it is not dropped with the app).
    pub async fn spawn_at(
        backend: Backend,
        database_url: &str,
        adjust: impl FnOnce(&mut ServeConfig),
    ) -> TestApp {
        Self::start(backend, database_url.to_owned(), TestDb::External, adjust).await
    }

    /// Starts the service on `database`, which it then owns.
    pub async fn spawn_on(backend: Backend, database: EmptyDatabase) -> TestApp {
        Self::start(backend, database.url, database.db, |_| {}).await
    }

    /// A second instance of the service on this app's database, as behind a load balancer.
    /// Stop it before this app, whose database it shares.
    pub async fn beside(&self, adjust: impl FnOnce(&mut ServeConfig)) -> TestApp {
        Self::spawn_at(self.backend, &self.database_url, adjust).await
    }

    async fn start(
        backend: Backend,
        database_url: String,
        db: TestDb,
        adjust: impl FnOnce(&mut ServeConfig),
    ) -> TestApp {
        let mut config = ServeConfig {
            database: DatabaseConfig {
                database_url: database_url.clone(),
                pool_size: 4,
                database_timeout_secs: 2,
            },
            database_read_url: None,
            bind: "127.0.0.1:0".to_owned(),
            workers: 1,
            auth: AuthConfig {
                jwt_secret: None,
                access_token_ttl_secs: 900,
                refresh_token_ttl_days: 30,
            },
            limits: LimitConfig {
                rate_limits: true,
                anonymous_per_minute: 100_000,
                api_key_per_minute: 100_000,
                login_per_ip_per_minute: 10_000,
                login_per_account_per_minute: 10_000,
                max_body_bytes: 65_536,
            },
            response_cache_mb: 64,
            cors_origins: "*".to_owned(),
            frontend_dir: std::path::PathBuf::from("no-web-app-here"),
        };
        adjust(&mut config);
        let app = tokio::task::spawn_blocking(move || Application::build(&config))
            .await
            .expect("build task")
            .expect("application builds");
        let url = app.url();
        let handle = app.handle();
        tokio::spawn(app.run());
        TestApp {
            url,
            database_url,
            backend,
            client: reqwest::Client::new(),
            handle,
            db,
            default_token: std::sync::OnceLock::new(),
        }
    }

    /// The database configuration of this app (for command-line operations).
    pub fn database(&self) -> DatabaseConfig {
        DatabaseConfig {
            database_url: self.database_url.clone(),
            pool_size: 2,
            database_timeout_secs: 2,
        }
    }

    /// Creates the first admin as `learning-city user add` does and signs in; returns the
    /// access token.
    pub async fn admin_token(&self) -> String {
        let database = self.database();
        tokio::task::spawn_blocking(move || {
            learning_city::cli::add_user(
                &database,
                "admin@example.org",
                "admin",
                None,
                None,
                ADMIN_PASSWORD,
            )
        })
        .await
        .expect("task")
        .expect("admin created");
        self.login("admin@example.org", ADMIN_PASSWORD).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    /// Signs in; returns the token response (asserting 200).
    pub async fn login(&self, email: &str, password: &str) -> Value {
        let reply = self
            .post(
                "/api/v1/auth/login",
                None,
                &serde_json::json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "login {email}: {}",
            reply.body
        );
        reply.body
    }

    /// Creates a user through the API with `admin` and signs them in; returns their token.
    pub async fn user_token(&self, admin: &str, role: &str, city: Option<&str>) -> String {
        let email = format!(
            "{role}-{}@example.org",
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut body = serde_json::json!({
            "email": email, "display_name": role, "role": role, "password": USER_PASSWORD
        });
        if let Some(city) = city {
            body["city"] = Value::String(city.to_owned());
        }
        let reply = self.post("/api/v1/users", Some(admin), &body).await;
        assert_eq!(
            reply.status,
            StatusCode::CREATED,
            "create {role}: {}",
            reply.body
        );
        self.login(&email, USER_PASSWORD).await["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    /// A request with an optional bearer token.
    pub fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let builder = self.client.request(method, format!("{}{path}", self.url));
        match token.or(self.default_token.get().map(String::as_str)) {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    /// From now on, requests made without a token (`get`, `json`, `all_pages`, `request`)
    /// carry this one: for tests of operations that are never anonymous.
    pub fn sign_in_by_default(&self, token: String) {
        self.default_token.set(token).expect("signed in once");
    }

    /// POST a JSON body.
    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.send(self.request(reqwest::Method::POST, path, token).json(body))
            .await
    }

    /// PATCH a JSON merge patch, with an optional `If-Match`.
    pub async fn patch(
        &self,
        path: &str,
        token: Option<&str>,
        body: &Value,
        if_match: Option<&str>,
    ) -> Reply {
        let mut request = self
            .request(reqwest::Method::PATCH, path, token)
            .header("content-type", "application/merge-patch+json")
            .body(body.to_string());
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        self.send(request).await
    }

    /// DELETE, with an optional `If-Match`.
    pub async fn delete(&self, path: &str, token: Option<&str>, if_match: Option<&str>) -> Reply {
        let mut request = self.request(reqwest::Method::DELETE, path, token);
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        self.send(request).await
    }

    /// GET with a bearer token.
    pub async fn get_as(&self, path: &str, token: &str) -> Reply {
        self.send(self.request(reqwest::Method::GET, path, Some(token)))
            .await
    }

    /// Stops the server (the database is dropped with the app).
    pub async fn stop(self) {
        self.handle.stop(false).await;
    }

    /// GET `path` (relative to the server root).
    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(reqwest::Method::GET, path, None))
            .await
    }

    /// GET `path` with `If-None-Match: tag`.
    pub async fn get_if_none_match(&self, path: &str, tag: &str) -> Reply {
        self.send(
            self.request(reqwest::Method::GET, path, None)
                .header("if-none-match", tag),
        )
        .await
    }

    /// Sends a request and reads the reply.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }

    /// GET `path`, asserting 200 with a JSON body.
    pub async fn json(&self, path: &str) -> Value {
        let reply = self.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
        assert!(reply.content_type().starts_with("application/json"));
        reply.body
    }

    /// Follows `next_cursor` from `path` to the last page; returns every item and the `total`
    /// the first page reported.
    pub async fn all_pages(&self, path: &str) -> (Vec<Value>, i64) {
        let sep = if path.contains('?') { '&' } else { '?' };
        let first = self.json(path).await;
        let total = first["total"].as_i64().expect("total");
        let mut items = first["items"].as_array().expect("items").clone();
        let mut next = first["next_cursor"].as_str().map(str::to_owned);
        while let Some(cursor) = next {
            let page = self.json(&format!("{path}{sep}cursor={cursor}")).await;
            assert_eq!(page["total"], total, "total is stable across pages");
            let page_items = page["items"].as_array().expect("items");
            assert!(
                !page_items.is_empty(),
                "a page with a cursor is never empty"
            );
            items.extend(page_items.iter().cloned());
            next = page["next_cursor"].as_str().map(str::to_owned);
        }
        (items, total)
    }
}

/// The password of the first admin in tests.
pub const ADMIN_PASSWORD: &str = "admin password for tests";
/// The password of users created in tests.
pub const USER_PASSWORD: &str = "user password for tests";

impl Reply {
    /// The `etag` header.
    pub fn etag(&self) -> String {
        self.headers
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .expect("etag header")
            .to_owned()
    }
}

/// Percent-encodes a query value (for Thai text and other non-ASCII input).
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `slug` of every item.
pub fn slugs(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|c| c["slug"].as_str().expect("slug").to_owned())
        .collect()
}

/// Declares each named `async fn(&TestApp)` as two tests: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::common::TestApp::spawn($crate::common::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::common::TestApp::spawn($crate::common::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            )+
        }
    };
}

/// The rows of a seed CSV shipped in `api/seed-data/`, as column -> value maps.
pub fn seed_rows(file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = format!("{}/../api/seed-data/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(&path).expect("seed file");
    reader.deserialize().map(|r| r.expect("seed row")).collect()
}
