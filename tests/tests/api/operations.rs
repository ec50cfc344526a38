//! Operations: Prometheus metrics, request ids, and the response cache of public reads with its
//! invalidation — within one instance and across instances sharing a database.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::common;
use crate::common::TestApp;

/// The value of the first metric line that starts with `series` (name and labels).
fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|line| line.starts_with(series) && line[series.len()..].starts_with(' '))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
}

async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(format!("{}/metrics", app.url))
        .send()
        .await
        .expect("metrics");
    assert_eq!(response.status(), 200);
    let kind = response.headers()["content-type"]
        .to_str()
        .expect("type")
        .to_owned();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    response.text().await.expect("text")
}

/// Waits until the cache's watch has seen the database's current data version, so that no
/// invalidation is still on its way.
async fn settled(app: &TestApp) {
    use diesel::prelude::*;
    use learning_city::db::schema::data_version;
    let database = app.database();
    let version = tokio::task::spawn_blocking(move || {
        let (_, pool) = learning_city::startup::open_pool(&database).expect("pool");
        let mut conn = pool.get().expect("connection");
        data_version::table
            .select(data_version::version)
            .first::<i64>(&mut *conn)
            .expect("data version")
    })
    .await
    .expect("query");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let seen = metric(&scrape(app).await, "response_cache_data_version");
        if seen == Some(version as f64) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the watch saw {seen:?}, not {version}"
        );
    }
}

fn header<'a>(reply: &'a common::Reply, name: &str) -> Option<&'a str> {
    reply.headers.get(name).and_then(|v| v.to_str().ok())
}

async fn metrics_count_requests_by_route_and_show_pools(app: &TestApp) {
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/cities?limit=5").await.status, 200);
    }
    app.get("/api/v1/cities/no-such-city")
        .await
        .problem(404, "not_found");
    let text = scrape(app).await;
    let listed = metric(
        &text,
        r#"http_requests_total{method="GET",route="/api/v1/cities",status="200"}"#,
    );
    assert_eq!(listed, Some(3.0), "{text}");
    let missing = metric(
        &text,
        r#"http_requests_total{method="GET",route="/api/v1/cities/{slug}",status="404"}"#,
    );
    assert_eq!(missing, Some(1.0), "{text}");
    let timed = metric(
        &text,
        r#"http_request_duration_seconds_count{method="GET",route="/api/v1/cities"}"#,
    );
    assert_eq!(timed, Some(3.0), "{text}");
    let slowest_bucket = metric(
        &text,
        r#"http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/cities"}"#,
    )
    .or_else(|| {
        metric(
            &text,
            r#"http_request_duration_seconds_bucket{method="GET",route="/api/v1/cities",le="+Inf"}"#,
        )
    });
    assert_eq!(slowest_bucket, Some(3.0), "{text}");
    assert_eq!(
        metric(&text, r#"db_pool_max_connections{pool="primary"}"#),
        Some(4.0),
        "{text}"
    );
    let idle = metric(&text, r#"db_pool_connections{pool="primary",state="idle"}"#);
    let busy = metric(
        &text,
        r#"db_pool_connections{pool="primary",state="in_use"}"#,
    );
    assert!(idle.zip(busy).is_some_and(|(i, b)| i + b >= 1.0), "{text}");
    // The first list read filled the cache and the next two were served from it.
    assert_eq!(
        metric(&text, "response_cache_hits_total"),
        Some(2.0),
        "{text}"
    );
    assert!(metric(&text, "process_resident_memory_bytes").is_some_and(|b| b > 1e6));
    assert!(text.trim_end().ends_with("# EOF"), "{text}");
    // Probes and metrics are not rate limited or cached, and take no query.
    app.get("/metrics?x=1").await.problem(400, "invalid_query");
}

async fn request_ids_are_echoed_or_made(app: &TestApp) {
    let given = app
        .send(
            app.client
                .get(format!("{}/healthz", app.url))
                .header("x-request-id", "lb-42.a"),
        )
        .await;
    assert_eq!(header(&given, "x-request-id"), Some("lb-42.a"));
    let first = app.get("/api/v1/cities/no-such-city").await;
    let second = app.get("/api/v1/cities/no-such-city").await;
    let (a, b) = (
        header(&first, "x-request-id").expect("id on a problem"),
        header(&second, "x-request-id").expect("id"),
    );
    assert_ne!(a, b);
    let refused = app
        .send(
            app.client
                .get(format!("{}/healthz", app.url))
                .header("x-request-id", "has spaces; and more"),
        )
        .await;
    let made = header(&refused, "x-request-id").expect("id");
    assert_ne!(made, "has spaces; and more");
    assert!(!made.is_empty());
}

/// The first city's slug.
async fn some_city(app: &TestApp) -> String {
    let page = app.json("/api/v1/cities?limit=1&sort=name").await;
    page["items"][0]["slug"].as_str().expect("slug").to_owned()
}

async fn rename(app: &TestApp, token: &str, slug: &str, name: &str) {
    let path = format!("/api/v1/cities/{slug}");
    let current = app.get_as(&path, token).await;
    let tag = header(&current, "etag").expect("etag").to_owned();
    let changed = app
        .patch(
            &path,
            Some(token),
            &json!({"name": {"en": name}}),
            Some(&tag),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
}

async fn public_reads_are_cached_until_a_write(app: &TestApp) {
    let token = app.admin_token().await;
    let slug = some_city(app).await;
    let path = format!("/api/v1/cities/{slug}");
    let search = "/api/v1/cities?q=renamed%20through";
    settled(app).await;
    assert_eq!(app.json(search).await["items"], json!([]));
    let filled = app.get(&path).await;
    assert_eq!(filled.status, 200);
    assert_eq!(
        header(&filled, "age"),
        None,
        "the first read computes the answer"
    );
    let hit = app.get(&path).await;
    assert_eq!(
        header(&hit, "age"),
        Some("0"),
        "the second read is served from the cache"
    );
    assert_eq!(hit.body, filled.body);
    assert_eq!(header(&hit, "etag"), header(&filled, "etag"));
    assert_eq!(
        header(&hit, "cache-control"),
        header(&filled, "cache-control")
    );
    let tag = header(&hit, "etag").expect("etag").to_owned();
    let unchanged = app.get_if_none_match(&path, &tag).await;
    assert_eq!(unchanged.status, 304);
    assert_eq!(header(&unchanged, "etag"), Some(tag.as_str()));
    // Signed-in callers never get a kept answer.
    let own = app.get_as(&path, &token).await;
    assert_eq!(own.status, 200);
    assert_eq!(header(&own, "age"), None);
    // A write through this instance is visible to the very next public read.
    rename(app, &token, &slug, "Renamed through the API").await;
    let after = app.get(&path).await;
    assert_eq!(after.body["name"]["en"], "Renamed through the API");
    assert_ne!(header(&after, "etag"), Some(tag.as_str()));
    assert_eq!(
        common::slugs(app.json(search).await["items"].as_array().expect("items")),
        vec![slug.clone()]
    );
    // A refused write leaves the kept answers alone; a CSV download is never cached.
    settled(app).await;
    let kept = app.get(&path).await;
    assert_eq!(kept.body, after.body);
    let stale = app
        .patch(
            &path,
            Some(&token),
            &json!({"name": {"en": "x"}}),
            Some(&tag),
        )
        .await;
    stale.problem(412, "precondition_failed");
    let still = app.get(&path).await;
    assert_eq!(header(&still, "age"), Some("0"));
    assert_eq!(still.body, after.body);
    let csv = app.get("/api/v1/cities?format=csv").await;
    assert!(csv.content_type().starts_with("text/csv"));
    assert_eq!(header(&csv, "age"), None);
}

async fn another_instance_sees_a_write_within_a_poll(app: &TestApp) {
    let token = app.admin_token().await;
    let other = app.beside(|_| {}).await;
    let slug = some_city(app).await;
    let path = format!("/api/v1/cities/{slug}");
    other.get(&path).await;
    let cached = other.get(&path).await;
    assert_eq!(
        header(&cached, "age"),
        Some("0"),
        "the other instance kept the answer"
    );
    rename(app, &token, &slug, "Renamed on the first instance").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let seen = other.get(&path).await;
        if seen.body["name"]["en"] == "Renamed on the first instance" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the other instance still answers {}",
            seen.body["name"]
        );
        tokio::task::yield_now().await;
    }
    other.stop().await;
}

async fn the_cache_can_be_turned_off(app: &TestApp) {
    let off = app.beside(|config| config.response_cache_mb = 0).await;
    off.get("/api/v1/countries").await;
    let again = off.get("/api/v1/countries").await;
    assert_eq!(again.status, 200);
    assert_eq!(header(&again, "age"), None);
    let text = scrape(&off).await;
    assert_eq!(metric(&text, "response_cache_hits_total"), None);
    off.stop().await;
}

async fn conditional_misses_fill_the_cache(app: &TestApp) {
    let token = app.admin_token().await;
    let slug = some_city(app).await;
    let path = format!("/api/v1/cities/{slug}");
    let tag = header(&app.get(&path).await, "etag")
        .expect("etag")
        .to_owned();
    // A write elsewhere empties the cache; this city's answer, and so its tag, stay the same.
    let other = app.json("/api/v1/cities?limit=1&sort=-name").await["items"][0]["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    assert_ne!(other, slug);
    rename(app, &token, &other, "Renamed elsewhere").await;
    settled(app).await;
    let unchanged = app.get_if_none_match(&path, &tag).await;
    assert_eq!(unchanged.status, 304);
    assert_eq!(header(&unchanged, "etag"), Some(tag.as_str()));
    assert_eq!(header(&unchanged, "age"), None, "computed, not kept");
    let next = app.get(&path).await;
    assert_eq!(
        header(&next, "age"),
        Some("0"),
        "the conditional request kept the full answer"
    );
    assert_eq!(header(&next, "etag"), Some(tag.as_str()));
    assert_eq!(next.body["slug"], slug.as_str());
}

async fn downloads_are_counted_apart(app: &TestApp) {
    settled(app).await;
    let before = scrape(app).await;
    for _ in 0..2 {
        let csv = app.get("/api/v1/countries?format=csv").await;
        assert!(csv.content_type().starts_with("text/csv"));
    }
    let after = scrape(app).await;
    let grew =
        |name: &str| metric(&after, name).unwrap_or(0.0) - metric(&before, name).unwrap_or(0.0);
    assert_eq!(grew("response_cache_download_misses_total"), 1.0, "{after}");
    assert_eq!(grew("response_cache_download_hits_total"), 1.0, "{after}");
    assert_eq!(grew("response_cache_misses_total"), 0.0, "{after}");
    assert_eq!(grew("response_cache_hits_total"), 0.0, "{after}");
}

/// Five concurrent reads of `path` while the test holds `table` locked, so that the first
/// stays inside its query until the other four are seen waiting for it. Returns each reader's
/// status and body, and the growth of the cache's counters.
async fn locked_burst(
    app: &TestApp,
    table: &str,
    path: &str,
) -> (Vec<(u16, String)>, impl Fn(&str) -> f64) {
    use diesel::prelude::*;
    let before = scrape(app).await;
    let mut lock = diesel::PgConnection::establish(&app.database_url).expect("connect");
    diesel::sql_query("BEGIN")
        .execute(&mut lock)
        .expect("begin");
    diesel::sql_query(format!("LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
        .execute(&mut lock)
        .expect("lock");
    let readers: Vec<_> = (0..5)
        .map(|_| {
            let (client, url) = (app.client.clone(), format!("{}{path}", app.url));
            tokio::spawn(async move {
                let response = client.get(url).send().await.expect("send");
                let status = response.status().as_u16();
                (status, response.text().await.expect("body"))
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = scrape(app).await;
        if metric(&text, "response_cache_waiting") == Some(4.0) {
            break;
        }
        assert!(Instant::now() < deadline, "{text}");
        tokio::task::yield_now().await;
    }
    diesel::sql_query("COMMIT")
        .execute(&mut lock)
        .expect("commit");
    let mut answers = Vec::new();
    for reader in readers {
        answers.push(reader.await.expect("reader"));
    }
    let after = scrape(app).await;
    assert_eq!(metric(&after, "response_cache_waiting"), Some(0.0));
    let grew = move |name: &str| {
        metric(&after, name).unwrap_or(0.0) - metric(&before, name).unwrap_or(0.0)
    };
    (answers, grew)
}

/// Concurrent misses of one answer are computed once: the first request computes it and the
/// others wait for it, then get it from the cache, or get the same answer when it is not kept
/// (an error). Only PostgreSQL can hold the first request inside its query (a table lock taken
/// by the test); SQLite readers in WAL mode are never blocked from outside, so there the
/// requests could not be made to overlap without timing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_misses_are_computed_once() {
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let (answers, grew) = locked_burst(&app, "countries", "/api/v1/countries?group=asean").await;
    assert!(
        answers.iter().all(|(status, _)| *status == 200),
        "{answers:?}"
    );
    assert!(answers.windows(2).all(|w| w[0] == w[1]));
    let asean: serde_json::Value = serde_json::from_str(&answers[0].1).expect("json");
    assert_eq!(asean["total"], 11, "{asean}");
    assert_eq!(grew("response_cache_misses_total"), 1.0);
    assert_eq!(grew("response_cache_coalesced_total"), 4.0);
    assert_eq!(grew("response_cache_hits_total"), 4.0);

    let (answers, grew) = locked_burst(&app, "cities", "/api/v1/cities/no-such-city").await;
    for (status, body) in &answers {
        assert_eq!(*status, 404, "{body}");
        assert!(
            body.contains("urn:learning-city:problem:not_found"),
            "{body}"
        );
    }
    assert_eq!(grew("response_cache_misses_total"), 1.0, "one computation");
    assert_eq!(
        grew("response_cache_coalesced_total"),
        4.0,
        "its answer handed on"
    );
    assert_eq!(
        grew("response_cache_hits_total"),
        0.0,
        "an error is never kept"
    );
    app.stop().await;
}

on_both_backends!(
    metrics_count_requests_by_route_and_show_pools,
    request_ids_are_echoed_or_made,
    public_reads_are_cached_until_a_write,
    another_instance_sees_a_write_within_a_poll,
    the_cache_can_be_turned_off,
    conditional_misses_fill_the_cache,
    downloads_are_counted_apart,
);
