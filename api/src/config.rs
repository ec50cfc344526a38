//! Service configuration: defaults, overridden by environment variables, overridden by flags.

use std::time::Duration;

use clap::{Args, ValueEnum};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Where the database is.
#[derive(Debug, Clone, Args)]
pub struct DatabaseConfig {
    /// `postgres://user:pass@host/db` for PostgreSQL; otherwise a SQLite file path.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "data/learning-city.sqlite3"
    )]
    pub database_url: String,

    /// Maximum connections in the pool.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 8)]
    pub pool_size: u32,

    /// Seconds to wait for a database connection before answering 503.
    #[arg(long, env = "DATABASE_TIMEOUT_SECS", default_value_t = 5)]
    pub database_timeout_secs: u64,
}

impl DatabaseConfig {
    /// The connection wait as a duration.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.database_timeout_secs.max(1))
    }
}

/// Everything `serve` needs.
#[derive(Debug, Clone, Args)]
pub struct ServeConfig {
    #[command(flatten)]
    pub database: DatabaseConfig,

    /// A streaming replica of `DATABASE_URL` (PostgreSQL) that serves public reads; writes and
    /// signed-in users' reads stay on the primary. Unset: everything uses `DATABASE_URL`.
    #[arg(long, env = "DATABASE_READ_URL")]
    pub database_read_url: Option<String>,

    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// HTTP worker threads (0: one per CPU core).
    #[arg(long, env = "WORKERS", default_value_t = 0)]
    pub workers: usize,

    #[command(flatten)]
    pub auth: AuthConfig,

    #[command(flatten)]
    pub limits: LimitConfig,

    /// Memory for the cache of public JSON answers, in MiB (0 turns it off).
    #[arg(long, env = "RESPONSE_CACHE_MB", default_value_t = 64)]
    pub response_cache_mb: u64,

    /// Origins allowed to call the API from a browser: `*` or a comma-separated list.
    #[arg(long, env = "CORS_ORIGINS", default_value = "*")]
    pub cors_origins: String,

    /// Folder of the built web app (`npm run build` in `frontend/`), served at every path
    /// outside the API; without an `index.html` there, `/` shows a short placeholder page.
    #[arg(long, env = "FRONTEND_DIR", default_value = "frontend/dist")]
    pub frontend_dir: std::path::PathBuf,

    /// Folder of the built manual (`mdbook build docs`), served at `/docs/`; without an
    /// `index.html` there, `/docs/` answers 404.
    #[arg(long, env = "MANUAL_DIR", default_value = "docs/book")]
    pub manual_dir: std::path::PathBuf,
}

/// Sessions and tokens.
#[derive(Debug, Clone, Args)]
pub struct AuthConfig {
    /// Secret that signs access tokens (32 bytes or more). Unset: one is generated once and
    /// kept in `jwt-secret` beside the SQLite file, or in the PostgreSQL database.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Lifetime of an access token, in seconds.
    #[arg(long, env = "ACCESS_TOKEN_TTL_SECS", default_value_t = 900)]
    pub access_token_ttl_secs: i64,

    /// Lifetime of a refresh token, in days.
    #[arg(long, env = "REFRESH_TOKEN_TTL_DAYS", default_value_t = 30)]
    pub refresh_token_ttl_days: i64,
}

/// Abuse limits. Per-minute figures allow that many requests at once, refilled evenly.
#[derive(Debug, Clone, Args)]
pub struct LimitConfig {
    /// Turn every rate limit on or off (off for benchmarks).
    #[arg(long, env = "RATE_LIMITS", default_value_t = true, action = clap::ArgAction::Set)]
    pub rate_limits: bool,

    /// Requests per minute from one IP address without credentials.
    #[arg(long, env = "ANONYMOUS_REQUESTS_PER_MINUTE", default_value_t = 600)]
    pub anonymous_per_minute: u32,

    /// Requests per minute for one API key without a limit of its own.
    #[arg(long, env = "API_KEY_REQUESTS_PER_MINUTE", default_value_t = 6000)]
    pub api_key_per_minute: u32,

    /// Login attempts per minute from one IP address.
    #[arg(long, env = "LOGIN_ATTEMPTS_PER_IP_PER_MINUTE", default_value_t = 20)]
    pub login_per_ip_per_minute: u32,

    /// Login attempts per minute for one account.
    #[arg(
        long,
        env = "LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE",
        default_value_t = 5
    )]
    pub login_per_account_per_minute: u32,

    /// Largest accepted request body, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 1_048_576)]
    pub max_body_bytes: usize,

    /// Largest accepted bulk-import file (`POST /imports/{kind}`), in bytes.
    #[arg(long, env = "MAX_IMPORT_BYTES", default_value_t = 16_777_216)]
    pub max_import_bytes: usize,
}

/// Logging settings, shared by every command.
#[derive(Debug, Clone, Args)]
pub struct LogConfig {
    /// Log filter: `error`, `warn`, `info`, `debug`, `trace`, or a tracing filter directive.
    #[arg(long, env = "LOG_LEVEL", default_value = "info", global = true)]
    pub log_level: String,

    /// Log line format.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}
