//! The `learning-city` command line: `serve`, `migrate`, `seed`, `user`, `export`, `import` and
//! `openapi`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{DatabaseConfig, LogConfig, LogFormat, ServeConfig};
use crate::seed::synthetic::{Outcome, Sizes};
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
    Seed {
        #[command(flatten)]
        database: DatabaseConfig,
        /// Also load a clearly labelled demo award cycle with synthetic evaluators and scores.
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        synthetic: SyntheticArgs,
    },
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write the whole database to a portable file: every record, accounts (with password
    /// hashes), API keys, the audit log and archived rows. The file is as sensitive as the
    /// database.
    Export {
        #[command(flatten)]
        database: DatabaseConfig,
        /// The file to write (`-`: standard output).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Load a file written by `export` into an empty database of either backend (migrated
    /// first). All or nothing: a failed import leaves the database empty.
    Import {
        #[command(flatten)]
        database: DatabaseConfig,
        /// The file to read (`-`: standard input).
        #[arg(long, short)]
        input: PathBuf,
    },
    /// Print the OpenAPI document (YAML), or write it to a file.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// The benchmark data set of `seed --synthetic`.
#[derive(Debug, clap::Args)]
struct SyntheticArgs {
    /// Also load a large synthetic data set for benchmarks, every name marked synthetic
    /// (once: a database that has it is left as it is).
    #[arg(long)]
    synthetic: bool,
    /// Synthetic cities [default: 10000].
    #[arg(long, requires = "synthetic", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    cities: Option<u32>,
    /// Synthetic networks [default: 50].
    #[arg(long, requires = "synthetic", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    networks: Option<u32>,
    /// Evaluation score rows; the nearest multiple of the 44 scored criteria is loaded
    /// [default: 200000].
    #[arg(long, requires = "synthetic", value_parser = clap::value_parser!(u32).range(0..=20_000_000))]
    scores: Option<u32>,
}

impl SyntheticArgs {
    /// The sizes asked for, when `--synthetic` is given.
    fn sizes(&self) -> Option<Sizes> {
        let default = Sizes::default();
        let size = |v: Option<u32>, d: usize| v.map_or(d, |v| usize::try_from(v).unwrap_or(d));
        self.synthetic.then(|| Sizes {
            cities: size(self.cities, default.cities),
            networks: size(self.networks, default.networks),
            scores: size(self.scores, default.scores),
        })
    }
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from standard input (one line); when standard
    /// input is a terminal or empty, a strong password is generated and printed once.
    Add {
        #[command(flatten)]
        database: DatabaseConfig,
        /// The sign-in email.
        #[arg(long)]
        email: String,
        /// `admin`, `secretariat`, `evaluator`, `city_editor` or `analyst`.
        #[arg(long)]
        role: String,
        /// Display name (default: the email).
        #[arg(long)]
        name: Option<String>,
        /// The city slug of a `city_editor`.
        #[arg(long)]
        city: Option<String>,
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
        Command::Seed {
            database,
            demo,
            synthetic,
        } => seed(&database, demo, synthetic.sizes()),
        Command::Export { database, output } => {
            export_database(&database, &output).map(|summary| report("exported", &summary))
        }
        Command::Import { database, input } => {
            import_database(&database, &input).map(|summary| report("imported", &summary))
        }
        Command::User(UserCommand::Add {
            database,
            email,
            role,
            name,
            city,
        }) => password_from_stdin().and_then(|(password, generated)| {
            let account = add_user(&database, &email, &role, name, city, &password)?;
            println!(
                "created {} ({}) with id {}",
                account.email,
                account.role.as_str(),
                account.id
            );
            if generated {
                println!("password (shown once): {password}");
            }
            Ok(())
        }),
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

/// Writes the whole database to `output` (`-`: standard output) as `learning-city export`
/// does. A file is written beside its final name and renamed once complete.
pub fn export_database(
    database: &DatabaseConfig,
    output: &Path,
) -> Result<crate::portable::Summary, String> {
    let (_, pool) = startup::open_command_pool(database)?;
    let mut conn = pool.get().map_err(|e| format!("cannot connect: {e}"))?;
    if output == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return crate::portable::export(&mut conn, &mut out).map_err(|e| e.to_string());
    }
    let mut partial = output.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = std::fs::File::create(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))
        .and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            let summary =
                crate::portable::export(&mut conn, &mut out).map_err(|e| e.to_string())?;
            out.into_inner()
                .map_err(|e| e.to_string())?
                .sync_all()
                .map_err(|e| e.to_string())?;
            Ok(summary)
        });
    match written {
        Ok(summary) => {
            std::fs::rename(&partial, output)
                .map_err(|e| format!("cannot rename to {}: {e}", output.display()))?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Migrates `database` and loads the file `input` (`-`: standard input) into it as
/// `learning-city import` does.
pub fn import_database(
    database: &DatabaseConfig,
    input: &Path,
) -> Result<crate::portable::Summary, String> {
    let (_, pool) = startup::open_command_pool(database)?;
    let mut conn = pool.get().map_err(|e| format!("cannot connect: {e}"))?;
    crate::db::migrate(&mut conn)?;
    let result = if input == Path::new("-") {
        crate::portable::import(&mut conn, &mut std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(input)
            .map_err(|e| format!("cannot open {}: {e}", input.display()))?;
        crate::portable::import(&mut conn, &mut std::io::BufReader::new(file))
    };
    result.map_err(|e| e.to_string())
}

/// Prints what an export or import moved, one table a line, to standard error (standard
/// output may be the file).
fn report(verb: &str, summary: &crate::portable::Summary) {
    eprintln!(
        "{verb} {} rows in {} tables",
        summary.rows(),
        summary.tables.len()
    );
    for (table, rows) in &summary.tables {
        eprintln!("  {table}: {rows}");
    }
}

fn migrate(config: &DatabaseConfig) -> Result<(), String> {
    let (_, pool) = startup::open_command_pool(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let applied = crate::db::migrate(&mut conn)?;
    println!("applied {} migration(s)", applied.len());
    for name in applied {
        println!("  {name}");
    }
    Ok(())
}

fn seed(config: &DatabaseConfig, demo: bool, synthetic: Option<Sizes>) -> Result<(), String> {
    let (_, pool) = startup::open_command_pool(config)?;
    let (_, report) = startup::prepare(&pool)?;
    if report.is_empty() {
        println!("reference data already present; nothing loaded");
    } else {
        println!(
            "loaded {} countries, {} provinces, {} networks, {} cities, {} memberships, {} award cycles, {} awards, {} evaluation criteria, {} sources, {} organisations, {} events",
            report.countries,
            report.provinces,
            report.networks,
            report.cities,
            report.memberships,
            report.award_cycles,
            report.awards,
            report.criteria,
            report.sources,
            report.organisations,
            report.events
        );
    }
    if demo {
        let created = load_demo(config)?;
        if created == 0 {
            println!("demo cycle already present");
        } else {
            println!("loaded the DEMO award cycle (synthetic data): {created} evaluations");
        }
    }
    if let Some(sizes) = synthetic {
        let started = std::time::Instant::now();
        match load_synthetic(config, sizes)? {
            Outcome::Present { award_cycle } => println!(
                "synthetic data already present (award cycle {award_cycle}); nothing loaded"
            ),
            Outcome::Loaded(l) => println!(
                "loaded synthetic data in {:.1} s: {} cities, {} networks, {} memberships, {} evaluators, award cycle {} ({} categories, {} nominations), {} monitoring rounds, {} evaluations, {} scores ({} criteria each; framework {}); sample city {}, sample network {}",
                started.elapsed().as_secs_f64(),
                l.cities,
                l.networks,
                l.memberships,
                l.evaluators,
                l.award_cycle,
                l.categories,
                l.nominations,
                l.rounds,
                l.evaluations,
                l.scores,
                l.criteria,
                crate::seed::synthetic::FRAMEWORK,
                l.sample_city,
                l.sample_network
            ),
        }
    }
    Ok(())
}

/// Loads the synthetic benchmark data set as `learning-city seed --synthetic` does, on a
/// migrated database with the reference data.
pub fn load_synthetic(database: &DatabaseConfig, sizes: Sizes) -> Result<Outcome, String> {
    let (_, pool) = startup::open_command_pool(database)?;
    startup::prepare(&pool)?;
    // Synthetic evaluators are inactive accounts with a random password nobody knows.
    let hash = crate::auth::password::hash(&crate::auth::tokens::random_token())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    crate::seed::seed_synthetic(&mut conn, sizes, &hash)
}

/// Loads the labelled demo cycle as `learning-city seed --demo` does; returns the number of
/// demo evaluations created (0 when it was there already).
pub fn load_demo(database: &DatabaseConfig) -> Result<usize, String> {
    let (_, pool) = startup::open_command_pool(database)?;
    startup::prepare(&pool)?;
    // Demo evaluators are inactive accounts with a random password nobody knows.
    let hash = crate::auth::password::hash(&crate::auth::tokens::random_token())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    crate::seed::seed_demo(&mut conn, &hash)
}

/// The password from standard input, or a generated one (and whether it was generated).
fn password_from_stdin() -> Result<(String, bool), String> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read the password: {e}"))?;
        let line = line.trim_end_matches(['\r', '\n']);
        if !line.is_empty() {
            return Ok((line.to_owned(), false));
        }
    }
    Ok((crate::auth::tokens::random_token(), true))
}

/// Creates an account as `learning-city user add` does: on a migrated database, with the same
/// checks as the API, audited as the command line.
pub fn add_user(
    database: &DatabaseConfig,
    email: &str,
    role: &str,
    name: Option<String>,
    city: Option<String>,
    password: &str,
) -> Result<crate::users::types::Account, String> {
    let mut body = serde_json::json!({
        "email": email,
        "role": role,
        "display_name": name.unwrap_or_else(|| email.to_owned()),
        "password": password,
    });
    if let Some(city) = city {
        body["city"] = serde_json::Value::String(city);
    }
    let changes =
        crate::users::writes::read(crate::input::JsonBody(body), true).map_err(|e| describe(&e))?;
    let hash = crate::auth::password::hash(password)?;
    let (_, pool) = startup::open_command_pool(database)?;
    startup::prepare(&pool)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    crate::users::writes::create(&mut conn, None, changes, hash).map_err(|e| describe(&e))
}

/// An API error as one line for the terminal.
fn describe(err: &crate::error::ApiError) -> String {
    let problem = err.problem();
    if problem.errors.is_empty() {
        problem.detail
    } else {
        problem
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ")
    }
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
