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

    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// HTTP worker threads (0: one per CPU core).
    #[arg(long, env = "WORKERS", default_value_t = 0)]
    pub workers: usize,
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
