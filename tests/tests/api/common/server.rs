//! The real service, started in-process on port 0 against a fresh database of either backend,
//! and the accounts tests sign in with.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use actix_web::dev::ServerHandle;
use learning_city::config::{AuthConfig, DatabaseConfig, LimitConfig, ServeConfig};
use learning_city::startup::Application;
use reqwest::StatusCode;
use serde_json::Value;

use super::database::{fresh_database, Backend, EmptyDatabase, TestDb};

/// The password of the first admin in tests.
pub const ADMIN_PASSWORD: &str = "admin password for tests";
/// The password of users created in tests.
pub const USER_PASSWORD: &str = "user password for tests";

/// Numbers the users tests create, so that their emails differ.
static USERS: AtomicU32 = AtomicU32::new(0);

/// A running service and an HTTP client for it.
pub struct TestApp {
    pub url: String,
    pub database_url: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    handle: ServerHandle,
    /// Kept so that the database is removed when the app is dropped.
    _db: TestDb,
    /// A bearer token sent by requests made without one (see [`TestApp::sign_in_by_default`]).
    pub(super) default_token: OnceLock<String>,
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
                max_import_bytes: 4_194_304,
            },
            response_cache_mb: 64,
            cors_origins: "*".to_owned(),
            frontend_dir: std::path::PathBuf::from("no-web-app-here"),
            manual_dir: std::path::PathBuf::from("no-manual-here"),
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
            _db: db,
            default_token: OnceLock::new(),
        }
    }

    /// Stops the server (the database is dropped with the app).
    pub async fn stop(self) {
        self.handle.stop(false).await;
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
            USERS.fetch_add(1, Ordering::SeqCst)
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

    /// The id of the account `token` signs in as (from `GET /me`).
    pub async fn user_id(&self, token: &str) -> i64 {
        self.get_as("/api/v1/me", token).await.body["id"]
            .as_i64()
            .expect("id")
    }

    /// From now on, requests made without a token (`get`, `json`, `all_pages`, `request`)
    /// carry this one: for tests of operations that are never anonymous.
    pub fn sign_in_by_default(&self, token: String) {
        self.default_token.set(token).expect("signed in once");
    }
}
