//! An in-memory cache of public JSON answers and of compressed downloads, with exact
//! invalidation.
//!
//! Only anonymous and API-key `GET`s under `/api/v1` are kept (signed-in callers may see more),
//! keyed by path, query and `Accept`, and only complete `200` JSON answers of at most
//! [`MAX_ENTRY_BYTES`]; downloads stream past it. A hit answers `If-None-Match` itself.
//!
//! Invalidation: every change to public data bumps the `data_version` row in the same
//! transaction (database triggers), and the whole cache is dropped when the version on the
//! database public reads come from (the primary, or the replica with `DATABASE_READ_URL`)
//! moves past the last one seen. Each successful write this instance serves reads it at once
//! (so its own writes are in its next answers), and [`watch`] reads it every [`POLL`] (so
//! writes by other instances or other processes, and a replica that replays later than the
//! primary commits, are seen within one poll). The version only grows, so one change drops the
//! cache once, whichever of the two reads it first, and a read that started before a change
//! and ends after another read saw it is ignored. An answer is stored under the
//! generation current when its request started, so one computed across an invalidation is
//! never served.
//!
//! Coalescing ([`flights`]): when several requests miss the same key at once, the first
//! computes the answer and the others wait for it, then are answered from the cache, or with
//! the same answer when it is not kept (an error). A waiter whose leader kept nothing and
//! shared nothing (a download, an answer too large to keep) computes its own. A conditional request (`If-None-Match`) that misses is computed in full, so that its
//! answer can be kept, and then answered 304 when its tag still matches.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{HttpMessage, HttpResponse};
use diesel::prelude::*;

use crate::auth::Caller;
use crate::db::schema::data_version;
use crate::db::{self, Pool};

mod flights;

use flights::{Flights, Role};

/// The largest answer kept.
pub const MAX_ENTRY_BYTES: usize = 1 << 20;

/// How often `data_version` is read.
pub const POLL: Duration = Duration::from_millis(50);

/// A computed answer, whole: what the cache keeps, and what a computation hands to the requests
/// that waited for it when it is not kept (see [`flights`]).
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Answer {
    /// Reads `response` whole; also returns it, rebuilt, to send.
    async fn read(
        response: HttpResponse<BoxBody>,
    ) -> Result<(Answer, HttpResponse), actix_web::Error> {
        let (head, body) = crate::http::caching::read_whole(response).await?;
        let answer = Answer {
            status: head.status(),
            headers: head.headers().clone(),
            body: body.clone(),
        };
        Ok((answer, head.set_body(BoxBody::new(body))))
    }

    fn response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status).body(self.body.clone());
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// One kept answer, with the cache generation it was computed in.
struct Entry {
    generation: u64,
    answer: Answer,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<String, Arc<Entry>> for ByBytes {
    fn weight(&self, key: &String, entry: &Arc<Entry>) -> u64 {
        (key.len() + entry.answer.body.len() + 64 * entry.answer.headers.len()) as u64
    }
}

/// A download kept whole (see [`crate::open_data::export`]): one gzip member of `len` bytes of CSV or
/// NDJSON.
pub struct Kept {
    generation: u64,
    /// The compressed download, in pieces.
    pub gzip: Vec<Bytes>,
    /// The length of the compressed download.
    pub gzip_len: u64,
    /// Its length uncompressed.
    pub len: u64,
}

#[derive(Clone)]
struct ByGzip;

impl quick_cache::Weighter<String, Arc<Kept>> for ByGzip {
    fn weight(&self, key: &String, kept: &Arc<Kept>) -> u64 {
        key.len() as u64 + kept.gzip_len
    }
}

/// The cache and its counters, shared by every worker.
pub struct ResponseCache {
    entries: quick_cache::sync::Cache<String, Arc<Entry>, ByBytes>,
    downloads: quick_cache::sync::Cache<String, Arc<Kept>, ByGzip>,
    download_budget: u64,
    generation: AtomicU64,
    seen_version: AtomicI64,
    flights: Flights,
    hits: AtomicU64,
    misses: AtomicU64,
    download_hits: AtomicU64,
    download_misses: AtomicU64,
    invalidations: AtomicU64,
    /// The pool `data_version` is read from: the one public reads use.
    watched: Pool,
}

/// Counters for `/metrics`.
#[derive(Debug, Clone, Copy)]
pub struct CacheStats {
    /// JSON answers served from the cache, including those that waited for another request
    /// computing them.
    pub hits: u64,
    /// Cacheable JSON requests whose answer was computed.
    pub misses: u64,
    /// Requests answered by another request's computation of the same answer: from the cache
    /// once it was kept, or with the same answer when it was not (an error).
    pub coalesced: u64,
    /// Requests waiting now for another request computing the same answer.
    pub waiting: i64,
    /// Downloads sent from a kept copy.
    pub download_hits: u64,
    /// Downloads that had to be computed (and were kept, when small enough).
    pub download_misses: u64,
    /// Times the whole cache was dropped after a change.
    pub invalidations: u64,
    /// Answers and downloads kept now.
    pub entries: u64,
    /// Their approximate size in bytes.
    pub bytes: u64,
    /// The last `data_version` the watch read (0 before its first read).
    pub data_version: i64,
}

impl ResponseCache {
    /// A cache holding up to `capacity_bytes`: three quarters for JSON answers, a quarter for
    /// compressed downloads; it follows `data_version` on `watched`, the pool public reads use.
    pub fn new(capacity_bytes: u64, watched: Pool) -> ResponseCache {
        let download_budget = capacity_bytes / 4;
        ResponseCache {
            entries: quick_cache::sync::Cache::with_weighter(
                1024,
                capacity_bytes - download_budget,
                ByBytes,
            ),
            // Few, large entries: quick_cache gives each shard at least 32 items, so an estimate
            // of 32 makes one shard, and one download may use the whole budget.
            downloads: quick_cache::sync::Cache::with_weighter(32, download_budget, ByGzip),
            download_budget,
            generation: AtomicU64::new(0),
            seen_version: AtomicI64::new(i64::MIN),
            flights: Flights::default(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            download_hits: AtomicU64::new(0),
            download_misses: AtomicU64::new(0),
            invalidations: AtomicU64::new(0),
            watched,
        }
    }

    /// Forgets every kept answer, including any being computed now.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries.clear();
        self.downloads.clear();
        self.invalidations.fetch_add(1, Ordering::Relaxed);
    }

    /// Invalidates when `version` is past the last one seen (the first one only records; an
    /// older one is a read that was overtaken).
    fn observe(&self, version: i64) {
        let before = self.seen_version.fetch_max(version, Ordering::SeqCst);
        if version > before && before != i64::MIN {
            self.invalidate();
        }
    }

    /// Reads `data_version` and invalidates when it moved; when it cannot be read, invalidates
    /// anyway (the caller has just changed something).
    async fn catch_up(&self) {
        match self.current_version().await {
            Ok(version) => self.observe(version),
            Err(e) => {
                tracing::debug!(error = %e, "could not read data_version");
                self.invalidate();
            }
        }
    }

    /// `data_version` on the watched pool now.
    async fn current_version(&self) -> Result<i64, crate::error::ApiError> {
        db::run(&self.watched, |conn| {
            Ok(data_version::table
                .select(data_version::version)
                .first::<i64>(conn)?)
        })
        .await
    }

    /// The counters now.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            coalesced: self.flights.coalesced(),
            waiting: self.flights.waiting(),
            download_hits: self.download_hits.load(Ordering::Relaxed),
            download_misses: self.download_misses.load(Ordering::Relaxed),
            invalidations: self.invalidations.load(Ordering::Relaxed),
            entries: (self.entries.len() + self.downloads.len()) as u64,
            bytes: self.entries.weight() + self.downloads.weight(),
            data_version: self.seen_version.load(Ordering::SeqCst).max(0),
        }
    }

    /// The generation answers computed from now on are stored under.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// The largest compressed download kept, in bytes.
    pub fn download_budget(&self) -> usize {
        usize::try_from(self.download_budget).unwrap_or(usize::MAX)
    }

    /// The kept download under `key`, if it is current.
    pub fn download(&self, key: &str) -> Option<Arc<Kept>> {
        let found = self
            .downloads
            .get(key)
            .filter(|k| k.generation == self.generation());
        let counter = if found.is_some() {
            &self.download_hits
        } else {
            &self.download_misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps a download made from data read at `generation` (not if the cache has been
    /// invalidated since).
    pub fn keep_download(&self, key: String, generation: u64, gzip: Vec<Bytes>, len: u64) {
        if generation == self.generation() {
            let gzip_len = gzip.iter().map(|piece| piece.len() as u64).sum();
            self.downloads.insert(
                key,
                Arc::new(Kept {
                    generation,
                    gzip,
                    gzip_len,
                    len,
                }),
            );
        }
    }

    /// The kept answer under `key`, if it is current.
    fn lookup(&self, key: &str) -> Option<Arc<Entry>> {
        self.entries
            .get(key)
            .filter(|e| e.generation == self.generation())
    }

    /// Counts a request answered from the cache.
    fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }
}

/// Reads `data_version` every [`POLL`] and invalidates `cache` when it moves. Runs until the
/// server stops; a failed read is retried at the next tick.
pub async fn watch(cache: web::Data<ResponseCache>) {
    let mut every = tokio::time::interval(POLL);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match cache.current_version().await {
            Ok(version) => cache.observe(version),
            Err(e) => tracing::debug!(error = %e, "could not read data_version"),
        }
    }
}

/// The cache key of a request that may be answered from the cache, if it is one.
fn key_of(req: &ServiceRequest) -> Option<String> {
    if req.method() != Method::GET || !req.path().starts_with("/api/v1/") {
        return None;
    }
    if matches!(req.extensions().get::<Caller>(), Some(Caller::User(_))) {
        return None;
    }
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    let mut key = String::with_capacity(req.path().len() + req.query_string().len() + 32);
    key.push_str(req.path());
    key.push('?');
    key.push_str(req.query_string());
    key.push('\n');
    key.push_str(&String::from_utf8_lossy(accept));
    Some(key)
}

/// Whether the `If-None-Match` value `asked` names the ETag among `headers`.
fn still_fresh(asked: Option<&header::HeaderValue>, headers: &HeaderMap) -> bool {
    asked
        .and_then(|v| v.to_str().ok())
        .zip(headers.get(header::ETAG).and_then(|v| v.to_str().ok()))
        .is_some_and(|(asked, tag)| crate::http::etag::matches(asked, tag))
}

/// The answer from a kept entry: 304 when `asked` (the request's `If-None-Match`) names it.
fn answer(
    req: ServiceRequest,
    entry: &Entry,
    asked: Option<&header::HeaderValue>,
) -> ServiceResponse<BoxBody> {
    let mut response = if still_fresh(asked, &entry.answer.headers) {
        crate::http::caching::not_modified(&entry.answer.headers)
    } else {
        entry.answer.response()
    };
    response
        .headers_mut()
        .insert(header::AGE, header::HeaderValue::from_static("0"));
    req.into_response(response)
}

/// The middleware. Sits inside authentication (so callers are still identified, limited and
/// counted) and outside the ETag middleware (so kept answers carry their ETag and `Link`).
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(cache) = req.app_data::<web::Data<ResponseCache>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let Some(key) = key_of(&req) else {
        // Sessions (login, refresh, logout) change no public data.
        let writing = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
            && !req.path().starts_with("/api/v1/auth/");
        let response = next.call(req).await?.map_into_boxed_body();
        if writing && response.status().is_success() {
            cache.catch_up().await;
        }
        return Ok(response);
    };
    let asked = req.headers().get(header::IF_NONE_MATCH).cloned();
    if let Some(entry) = cache.lookup(&key) {
        cache.hit();
        return Ok(answer(req, &entry, asked.as_ref()));
    }
    let generation = cache.generation();
    let leading = match cache.flights.join(&key, generation) {
        Role::Leader(leading) => {
            // The previous computation may have kept the answer and ended between the lookup
            // above and joining: it keeps before it leaves the map, so this sees it.
            if let Some(entry) = cache.lookup(&key) {
                cache.hit();
                return Ok(answer(req, &entry, asked.as_ref()));
            }
            Some(leading)
        }
        Role::Follower(done) => {
            let shared = cache.flights.wait(done).await;
            if let Some(entry) = cache.lookup(&key) {
                cache.flights.count_coalesced();
                cache.hit();
                return Ok(answer(req, &entry, asked.as_ref()));
            }
            if let Some(shared) = shared {
                cache.flights.count_coalesced();
                return Ok(req.into_response(shared.response()));
            }
            // The computation waited for kept and shared nothing: compute this one alone.
            None
        }
    };
    // Computed in full, so that the answer can be kept even when this caller has a copy.
    let mut req = req;
    req.headers_mut().remove(header::IF_NONE_MATCH);
    let response = next.call(req).await?.map_into_boxed_body();
    let json = crate::http::caching::is_json(response.headers());
    if response.status().is_success() && !json {
        // A download: it counts and keeps its copy itself (see `ResponseCache::download`).
        return Ok(response);
    }
    cache.misses.fetch_add(1, Ordering::Relaxed);
    let small = matches!(response.response().body().size(), BodySize::Sized(n) if n as usize <= MAX_ENTRY_BYTES);
    let (request, mut response) = response.into_parts();
    if small {
        let (computed, whole) = Answer::read(response).await?;
        response = whole;
        if computed.status == StatusCode::OK && json {
            let entry = Entry {
                generation,
                answer: computed,
            };
            cache.entries.insert(key, Arc::new(entry));
        } else if let Some(leading) = &leading {
            leading.share(computed);
        }
    }
    if response.status() == StatusCode::OK && still_fresh(asked.as_ref(), response.headers()) {
        response = crate::http::caching::not_modified(response.headers());
    }
    Ok(ServiceResponse::new(request, response))
}
