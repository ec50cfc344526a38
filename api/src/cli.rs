//! The `learning-city` command line: `serve`, `migrate`, `seed` and `openapi`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{DatabaseConfig, LogConfig, LogFormat, ServeConfig};
use crate::startup::{self, Application};

/// Thailand Learning City Platform: open data on learning cities, networks, awards and
/// evaluations.
#[derive(Debug, Parser)]
#[command(name = "learning-city", version)]
pub struct Cli {
    #[command(flatten)]
    log: LogConfig,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate, load the reference data on first start, and serve the API.
    Serve(ServeConfig),
    /// Apply pending database migrations.
    Migrate(DatabaseConfig),
    /// Migrate and load the reference data if the database has none (idempotent).
    Seed(DatabaseConfig),
    /// Print the OpenAPI document (YAML), or write it to a file.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn init_logging(log: &LogConfig) {
    let filter = tracing_subscriber::EnvFilter::try_new(&log.log_level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match log.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

/// Parses the command line and runs the command.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.log);
    let result = match cli.command {
        Command::Serve(config) => serve(config).await,
        Command::Migrate(config) => migrate(&config),
        Command::Seed(config) => seed(&config),
        Command::Openapi { output } => openapi(output),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("learning-city: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: ServeConfig) -> Result<(), String> {
    let app = actix_web::rt::task::spawn_blocking(move || Application::build(&config))
        .await
        .map_err(|e| e.to_string())??;
    println!(
        "Thailand Learning City Platform on {} ({}): {}/  API docs: {}/api/docs/",
        app.backend().name(),
        app.backend().location(),
        app.url(),
        app.url()
    );
    app.run().await.map_err(|e| e.to_string())
}

fn migrate(config: &DatabaseConfig) -> Result<(), String> {
    let (_, pool) = startup::open_pool(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let applied = crate::db::migrate(&mut conn)?;
    println!("applied {} migration(s)", applied.len());
    for name in applied {
        println!("  {name}");
    }
    Ok(())
}

fn seed(config: &DatabaseConfig) -> Result<(), String> {
    let (_, pool) = startup::open_pool(config)?;
    let (_, report) = startup::prepare(&pool)?;
    if report.is_empty() {
        println!("reference data already present; nothing loaded");
    } else {
        println!(
            "loaded {} countries, {} provinces, {} networks, {} cities, {} memberships",
            report.countries, report.provinces, report.networks, report.cities, report.memberships
        );
    }
    Ok(())
}

fn openapi(output: Option<PathBuf>) -> Result<(), String> {
    let yaml = crate::openapi::yaml()?;
    match output {
        Some(path) => {
            std::fs::write(&path, yaml).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            print!("{yaml}");
            Ok(())
        }
    }
}
