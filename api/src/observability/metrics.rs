//! `/metrics` in the Prometheus/OpenMetrics text format: request counts and latency histograms
//! by route, database pool usage, the response cache, and the process's memory.

use actix_web::http::{Method, StatusCode};
use actix_web::{get, web, HttpResponse};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::{Registry, Unit};

use crate::db::Pool;
use crate::http::response_cache::ResponseCache;
use crate::query::NoQuery;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    pool: &'static str,
    state: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolName {
    pool: &'static str,
}

/// What is read at scrape time: pools, cache and memory.
struct Live {
    pools: Vec<(&'static str, Pool, u32)>,
    cache: Option<web::Data<ResponseCache>>,
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live").finish_non_exhaustive()
    }
}

/// The resident set size of this process, from `/proc/self/statm` (Linux).
fn resident_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn gauge(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    value: i64,
) -> Result<(), std::fmt::Error> {
    let metric = ConstGauge::new(value);
    metric.encode(encoder.encode_descriptor(name, help, None, metric.metric_type())?)
}

fn counter(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    value: u64,
) -> Result<(), std::fmt::Error> {
    let metric = ConstCounter::new(value);
    metric.encode(encoder.encode_descriptor(name, help, None, metric.metric_type())?)
}

impl Collector for Live {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        {
            let mut family = encoder.encode_descriptor(
                "db_pool_connections",
                "Open database connections by pool and state",
                None,
                prometheus_client::metrics::MetricType::Gauge,
            )?;
            for (pool, handle, _) in &self.pools {
                let state = handle.state();
                let idle = i64::from(state.idle_connections);
                let open = i64::from(state.connections);
                for (state, value) in [("idle", idle), ("in_use", open - idle)] {
                    ConstGauge::new(value)
                        .encode(family.encode_family(&PoolLabels { pool, state })?)?;
                }
            }
        }
        {
            let mut family = encoder.encode_descriptor(
                "db_pool_max_connections",
                "Largest number of connections a pool opens",
                None,
                prometheus_client::metrics::MetricType::Gauge,
            )?;
            for (pool, _, max) in &self.pools {
                ConstGauge::new(i64::from(*max))
                    .encode(family.encode_family(&PoolName { pool })?)?;
            }
        }
        if let Some(cache) = &self.cache {
            let stats = cache.stats();
            counter(
                &mut encoder,
                "response_cache_hits",
                "JSON answers served from the response cache, including those that waited for another request computing them",
                stats.hits,
            )?;
            counter(
                &mut encoder,
                "response_cache_misses",
                "Cacheable JSON requests whose answer was computed",
                stats.misses,
            )?;
            counter(
                &mut encoder,
                "response_cache_coalesced",
                "Requests answered by another request's computation of the same answer",
                stats.coalesced,
            )?;
            gauge(
                &mut encoder,
                "response_cache_waiting",
                "Requests waiting now for another request computing the same answer",
                stats.waiting,
            )?;
            counter(
                &mut encoder,
                "response_cache_download_hits",
                "Downloads sent from a kept compressed copy",
                stats.download_hits,
            )?;
            counter(
                &mut encoder,
                "response_cache_download_misses",
                "Downloads that had to be computed",
                stats.download_misses,
            )?;
            counter(
                &mut encoder,
                "response_cache_invalidations",
                "Times the response cache was dropped after a change",
                stats.invalidations,
            )?;
            gauge(
                &mut encoder,
                "response_cache_entries",
                "Answers in the response cache",
                i64::try_from(stats.entries).unwrap_or(i64::MAX),
            )?;
            gauge(
                &mut encoder,
                "response_cache_bytes",
                "Approximate size of the response cache",
                i64::try_from(stats.bytes).unwrap_or(i64::MAX),
            )?;
            gauge(
                &mut encoder,
                "response_cache_data_version",
                "The data version the cache was last checked against",
                stats.data_version,
            )?;
        }
        if let Some(rss) = resident_bytes() {
            gauge(
                &mut encoder,
                "process_resident_memory_bytes",
                "Resident memory of the process",
                rss,
            )?;
        }
        Ok(())
    }
}

/// The registry and the per-request instruments, shared by every worker.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
}

fn latency_histogram() -> Histogram {
    // 0.1 ms to about 3.3 s.
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

impl Metrics {
    /// Instruments reading `pools` (name, pool, largest size) and the response cache at scrape.
    pub fn new(
        pools: Vec<(&'static str, Pool, u32)>,
        cache: Option<web::Data<ResponseCache>>,
    ) -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            requests.clone(),
        );
        registry.register_with_unit(
            "http_request_duration",
            "Time to answer, by method and route template",
            Unit::Seconds,
            latency.clone(),
        );
        registry.register_collector(Box::new(Live { pools, cache }));
        Metrics {
            registry,
            requests,
            latency,
        }
    }

    /// Counts one answered request.
    pub fn record(&self, method: &Method, route: &str, status: StatusCode, seconds: f64) {
        let labels = RouteLabels {
            method: method.as_str().to_owned(),
            route: route.to_owned(),
        };
        self.latency.get_or_create(&labels).observe(seconds);
        self.requests
            .get_or_create(&RequestLabels {
                method: labels.method,
                route: labels.route,
                status: status.as_u16(),
            })
            .inc();
    }

    /// The text exposition.
    pub fn render(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::with_capacity(16 * 1024);
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// Metrics for Prometheus (OpenMetrics text). Not rate-limited and not cached; keep it off the
/// public internet at the load balancer if route counts are not to be public.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Metrics in the OpenMetrics text format", body = String, content_type = "application/openmetrics-text"),
        (status = 400, description = "Query parameters given", body = crate::error::Problem, content_type = "application/problem+json")
    )
)]
#[get("/metrics")]
pub async fn metrics(
    metrics: web::Data<Metrics>,
    _query: web::Query<NoQuery>,
) -> Result<HttpResponse, crate::error::ApiError> {
    let text = metrics
        .render()
        .map_err(|e| crate::error::ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header(("cache-control", "no-store"))
        .body(text))
}
