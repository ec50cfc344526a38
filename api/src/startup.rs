//! Builds the application once, for `serve`, for the tests and (through [`crate::openapi`]) for
//! the OpenAPI export: pool, migrations, first-start seed, and the HTTP server.

use std::net::{SocketAddr, TcpListener};

use actix_web::dev::{Server, ServerHandle};
use actix_web::{middleware, web, App, HttpServer};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};

use crate::auth::limits::Limits;
use crate::auth::tokens::TokenKeys;
use crate::auth::{self, AuthState};
use crate::config::{DatabaseConfig, ServeConfig};
use crate::db::{self, Backend, Pool, ReplicaPool};
use crate::error::ApiError;
use crate::http::fallback::{self, RouteTable};
use crate::http::response_cache::{self, ResponseCache};
use crate::http::{caching, security};
use crate::observability::{self, Metrics};
use crate::seed::{self, SeedReport};
use crate::{query, routes};

/// Opens the server's pool for a database configuration.
pub fn open_pool(config: &DatabaseConfig) -> Result<(Backend, Pool), String> {
    pool_of(config, db::Idle::KeepOne)
}

/// Opens a command's pool: connections are opened only when asked for, so none is being opened
/// when the command ends (see [`db::Idle::KeepNone`]).
pub fn open_command_pool(config: &DatabaseConfig) -> Result<(Backend, Pool), String> {
    pool_of(config, db::Idle::KeepNone)
}

fn pool_of(config: &DatabaseConfig, idle: db::Idle) -> Result<(Backend, Pool), String> {
    let backend = Backend::from_url(&config.database_url);
    let pool = db::build_pool(&backend, config.pool_size.max(1), config.timeout(), idle)?;
    Ok((backend, pool))
}

/// Applies pending migrations and, on a database without reference data, loads it.
pub fn prepare(pool: &Pool) -> Result<(Vec<String>, SeedReport), String> {
    let mut conn = pool.get().map_err(|e| format!("cannot connect: {e}"))?;
    let applied = db::migrate(&mut conn)?;
    let report = seed::seed_reference(&mut conn)?;
    Ok((applied, report))
}

/// How often API-key usage is written to the database.
pub const USAGE_FLUSH: std::time::Duration = std::time::Duration::from_secs(15);

/// A built, bound, not yet running server.
pub struct Application {
    server: Server,
    addr: SocketAddr,
    backend: Backend,
    /// What the usage flusher needs.
    flush: (Pool, web::Data<AuthState>),
    /// The response cache, whose invalidation watch runs beside the server.
    cache: Option<web::Data<ResponseCache>>,
}

/// Opens the replica's pool for `DATABASE_READ_URL`; both URLs must be PostgreSQL.
fn open_replica(config: &ServeConfig, primary: &Backend) -> Result<Option<Pool>, String> {
    let Some(url) = config
        .database_read_url
        .as_deref()
        .filter(|u| !u.is_empty())
    else {
        return Ok(None);
    };
    let replica = Backend::from_url(url);
    if !matches!(
        (primary, &replica),
        (Backend::Postgres(_), Backend::Postgres(_))
    ) {
        return Err(
            "DATABASE_READ_URL needs DATABASE_URL and itself to be PostgreSQL URLs (a streaming replica of the primary)"
                .to_owned(),
        );
    }
    let pool = db::build_pool(
        &replica,
        config.database.pool_size.max(1),
        config.database.timeout(),
        db::Idle::KeepOne,
    )?;
    tracing::info!(replica = %replica.location(), "public reads go to the replica");
    Ok(Some(pool))
}

impl Application {
    /// Connects, migrates, seeds on first start and binds the listener.
    pub fn build(config: &ServeConfig) -> Result<Application, String> {
        let (backend, pool) = open_pool(&config.database)?;
        let (applied, report) = prepare(&pool)?;
        for name in &applied {
            tracing::info!(migration = %name, "applied migration");
        }
        if !report.is_empty() {
            tracing::info!(?report, "loaded reference data");
        }
        let secret = {
            let mut conn = pool.get().map_err(|e| format!("cannot connect: {e}"))?;
            auth::secret::signing_secret(config.auth.jwt_secret.as_deref(), &backend, &mut conn)?
        };
        let auth_state = web::Data::new(AuthState {
            keys: TokenKeys::new(
                &secret,
                config.auth.access_token_ttl_secs,
                config.auth.refresh_token_ttl_days,
            )?,
            limits: Limits::new(&config.limits),
            decoy_hash: auth::password::hash(&auth::tokens::random_token())?,
            usage: crate::usage::Usage::default(),
        });
        let flush = (pool.clone(), auth_state.clone());
        let replica = open_replica(config, &backend)?;
        let cache = (config.response_cache_mb > 0).then(|| {
            web::Data::new(ResponseCache::new(
                config.response_cache_mb.saturating_mul(1 << 20),
                replica.clone().unwrap_or_else(|| pool.clone()),
            ))
        });
        let size = config.database.pool_size.max(1);
        let mut pools = vec![("primary", pool.clone(), size)];
        if let Some(replica) = &replica {
            pools.push(("replica", replica.clone(), size));
        }
        let metrics = web::Data::new(Metrics::new(pools, cache.clone()));
        let replica = replica.map(|r| web::Data::new(ReplicaPool(r)));
        let listener = TcpListener::bind(&config.bind)
            .map_err(|e| format!("cannot bind {}: {e}", config.bind))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let pool = web::Data::new(pool);
        // Built and written once, not once per worker: the document is large.
        let document = crate::openapi::document();
        let table = web::Data::new(RouteTable::from_openapi(&document));
        let document = web::Data::new(crate::openapi::Served::new(&document)?);
        let max_body = config.limits.max_body_bytes;
        let import_limit =
            web::Data::new(crate::imports::ImportLimit(config.limits.max_import_bytes));
        let cors_origins = config.cors_origins.clone();
        let frontend = crate::http::spa::Frontend::at(&config.frontend_dir);
        match frontend.root() {
            Some(root) => tracing::info!(root = %root.display(), "serving the web app"),
            None => tracing::warn!(
                dir = %config.frontend_dir.display(),
                "no built web app there (run `npm run build` in frontend/); serving the API only"
            ),
        }
        let frontend = web::Data::new(frontend);
        let manual = crate::http::manual::Manual::at(&config.manual_dir);
        if manual.root().is_none() {
            tracing::warn!(dir = %config.manual_dir.display(), "no built manual there; /docs/ answers 404");
        }
        let manual = web::Data::new(manual);
        let workers = if config.workers == 0 {
            std::thread::available_parallelism().map_or(2, usize::from)
        } else {
            config.workers
        };
        let release = std::sync::Arc::new(crate::memory::StartupRelease::new(workers));
        let watched = cache.clone();
        let server = HttpServer::new(move || {
            let mut app = App::new().app_data(pool.clone()).app_data(metrics.clone());
            if let Some(replica) = &replica {
                app = app.app_data(replica.clone());
            }
            if let Some(cache) = &cache {
                app = app.app_data(cache.clone());
            }
            let app = app
                .app_data(table.clone())
                .app_data(frontend.clone())
                .app_data(manual.clone())
                .app_data(auth_state.clone())
                .app_data(import_limit.clone())
                .app_data(web::QueryConfig::default().error_handler(query::query_error))
                .app_data(web::PathConfig::default().error_handler(|err, req| {
                    ApiError::NotFound(format!("no such resource: {} ({err})", req.path())).into()
                }))
                .app_data(web::PayloadConfig::new(max_body))
                .wrap(middleware::from_fn(query::utf8_only))
                .wrap(middleware::from_fn(caching::conditional))
                .wrap(middleware::from_fn(response_cache::middleware))
                .wrap(middleware::from_fn(auth::middleware::authenticate))
                .wrap(security::cors(&cors_origins))
                .wrap(middleware::from_fn(security::headers))
                .wrap(middleware::from_fn(security::head_as_get))
                .wrap(middleware::from_fn(observability::observe))
                .app_data(document.clone())
                .into_utoipa_app()
                .configure(routes::register)
                .into_app()
                .service(crate::openapi::served)
                .service(
                    SwaggerUi::new("/api/docs/{_:.*}")
                        .config(SwaggerConfig::new([crate::openapi::SERVED_AT])),
                )
                .default_service(web::to(fallback::not_matched));
            release.worker_built();
            app
        })
        .workers(workers)
        .listen(listener)
        .map_err(|e| e.to_string())?
        .run();
        Ok(Application {
            server,
            addr,
            backend,
            flush,
            cache: watched,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL clients use.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The database backend in use.
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// A handle to stop the server.
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until stopped; SIGTERM and SIGINT stop it gracefully. API-key usage is written to
    /// the database every [`USAGE_FLUSH`] and once more at the end.
    pub async fn run(self) -> std::io::Result<()> {
        let (pool, state) = self.flush;
        let flush = move || {
            let (pool, state) = (pool.clone(), state.clone());
            async move {
                let outcome = db::run(&pool, move |conn| state.usage.flush(conn)).await;
                if let Err(e) = outcome {
                    tracing::warn!(error = %e, "could not write API-key usage");
                }
            }
        };
        let periodic = {
            let flush = flush.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(USAGE_FLUSH);
                loop {
                    every.tick().await;
                    flush().await;
                }
            })
        };
        let watch = self
            .cache
            .map(|cache| tokio::spawn(response_cache::watch(cache)));
        let served = self.server.await;
        periodic.abort();
        if let Some(watch) = watch {
            watch.abort();
        }
        flush().await;
        served
    }
}
