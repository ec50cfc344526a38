//! Open data: CSV and NDJSON downloads equal the paged JSON row for row (Thai text included),
//! large downloads are streamed whole, HTTP caching (ETag, 304, Cache-Control, Link, CORS),
//! the statistics, the bulk dataset zip, the changes feed, API-key usage, and the runnable
//! example of docs/src/analysts.md (the manual's open-data chapter).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use learning_city::awards::categories::types::CATEGORY_COLUMNS;
use learning_city::awards::city_awards::types::CITY_AWARD_COLUMNS;
use learning_city::awards::cycles::types::CYCLE_COLUMNS;
use learning_city::awards::programmes::types::PROGRAMME_COLUMNS;
use learning_city::cities::types::CITY_COLUMNS;
use learning_city::evaluations::frameworks::types::FRAMEWORK_COLUMNS;
use learning_city::networks::types::{MEMBER_COLUMNS, NETWORK_COLUMNS};
use learning_city::reference::types::{COUNTRY_COLUMNS, PROVINCE_COLUMNS};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{enc, seed_rows, Reply, TestApp};

const BOM: &[u8] = b"\xEF\xBB\xBF";
const COUNT_COLUMNS: &[&str] = &["key", "label_en", "label_th", "count"];
const GROWTH_COLUMNS: &[&str] = &["network", "year", "new_members", "cumulative"];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A response with its raw body.
struct Download {
    status: StatusCode,
    headers: HeaderMap,
    content_length: Option<u64>,
    body: Vec<u8>,
}

impl Download {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("UTF-8 body")
    }

    /// Asserts 200, the content type and `Content-Disposition: attachment; filename="<file>"`.
    fn assert_attachment(&self, what: &str, content_type: &str, file: &str) {
        assert_eq!(self.status, StatusCode::OK, "{what}: {}", self.text());
        assert_eq!(self.header("content-type"), content_type, "{what}");
        assert_eq!(
            self.header("content-disposition"),
            format!("attachment; filename=\"{file}\""),
            "{what}"
        );
    }
}

/// GET `path` with an optional `Accept` header, keeping the body as bytes.
async fn download(app: &TestApp, path: &str, accept: Option<&str>) -> Download {
    let mut request = app.client.get(format!("{}{path}", app.url));
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let headers = response.headers().clone();
    let content_length = response.content_length();
    let body = response.bytes().await.expect("body").to_vec();
    Download {
        status,
        headers,
        content_length,
        body,
    }
}

/// `path` with one more query parameter.
fn with(path: &str, param: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{param}")
}

/// The value at a dotted path such as `city.name.th`; `None` where a step is missing or `null`.
fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(value, |v, key| v.as_object()?.get(key))
}

/// The documented CSV cell of a scalar: `null` (or missing) empty, text as is, numbers and
/// booleans as their JSON text.
fn scalar_cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => panic!("not a scalar: {other}"),
    }
}

/// Asserts that a CSV row is `item` flattened by `columns`: scalars by [`scalar_cell`], lists
/// and objects as compact JSON of the same value.
fn assert_row(context: &str, columns: &[&str], row: &csv::StringRecord, item: &Value) {
    assert_eq!(row.len(), columns.len(), "{context}: cells in {row:?}");
    for (column, cell) in columns.iter().zip(row.iter()) {
        match at(item, column) {
            Some(nested @ (Value::Array(_) | Value::Object(_))) => {
                let parsed: Value = serde_json::from_str(cell)
                    .unwrap_or_else(|e| panic!("{context} {column}: `{cell}` is not JSON: {e}"));
                assert_eq!(&parsed, nested, "{context} {column}");
                // Compact: as long as serde_json's compact text of the same value. Only the key
                // order may differ, since a cell keeps the API's field order.
                assert_eq!(
                    cell.len(),
                    serde_json::to_string(&parsed).expect("json").len(),
                    "{context} {column}: compact JSON `{cell}`"
                );
            }
            scalar => assert_eq!(cell, scalar_cell(scalar), "{context} {column}"),
        }
    }
}

/// Parses a CSV body (no BOM): its header and records.
fn parse_csv(body: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body);
    let header = reader
        .headers()
        .expect("CSV header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("CSV records");
    (header, records)
}

/// The lines of an NDJSON body, each parsed.
fn parse_ndjson(body: &str) -> Vec<Value> {
    if !body.is_empty() {
        assert!(body.ends_with('\n'), "NDJSON ends with a line feed");
    }
    body.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("line `{line}`: {e}")))
        .collect()
}

fn has_thai(text: &str) -> bool {
    text.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
}

fn str_of<'a>(value: &'a Value, path: &str) -> &'a str {
    at(value, path)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{path} in {value}"))
}

fn int_of(value: &Value, path: &str) -> i64 {
    at(value, path)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("{path} in {value}"))
}

/// `(key, count)` of a statistic's items.
fn counts(items: &[Value]) -> BTreeMap<String, i64> {
    items
        .iter()
        .map(|i| (str_of(i, "key").to_owned(), int_of(i, "count")))
        .collect()
}

/// The `items` of a JSON answer.
fn items(body: &Value) -> Vec<Value> {
    body["items"].as_array().expect("items").clone()
}

/// A GET that must succeed with JSON, with a bearer token.
async fn json_as(app: &TestApp, path: &str, token: &str) -> Value {
    let reply = app.get_as(path, token).await;
    assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
    reply.body
}

/// A write that must answer `status`; returns the body.
async fn expect(reply: Reply, status: u16, what: &str) -> Value {
    assert_eq!(reply.status.as_u16(), status, "{what}: {}", reply.body);
    reply.body
}

/// ISO code of every seeded (city, country name) pair.
fn iso_codes() -> HashMap<(String, String), String> {
    seed_rows("city_coordinates.csv")
        .into_iter()
        .map(|r| {
            (
                (r["city"].clone(), r["country"].clone()),
                r["country_iso2"].clone(),
            )
        })
        .collect()
}

/// Growth rows `(network, year, new, cumulative)` from `(network, year)` pairs.
fn growth_rows(joins: &[(String, i64)]) -> Vec<(String, i64, i64, i64)> {
    let mut per: BTreeMap<(String, i64), i64> = BTreeMap::new();
    for (network, year) in joins {
        *per.entry((network.clone(), *year)).or_default() += 1;
    }
    let mut running: HashMap<String, i64> = HashMap::new();
    per.into_iter()
        .map(|((network, year), n)| {
            let total = running.entry(network.clone()).or_default();
            *total += n;
            (network, year, n, *total)
        })
        .collect()
}

fn growth_of(items: &[Value]) -> Vec<(String, i64, i64, i64)> {
    items
        .iter()
        .map(|i| {
            (
                str_of(i, "network").to_owned(),
                int_of(i, "year"),
                int_of(i, "new_members"),
                int_of(i, "cumulative"),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Downloads equal the paged JSON
// ---------------------------------------------------------------------------------------------

/// Checks the CSV (by `format` and by `Accept`, with and without BOM) and NDJSON downloads of a
/// list against every JSON page of it.
async fn assert_export_matches(
    app: &TestApp,
    json_path: &str,
    export_path: &str,
    columns: &[&str],
    file: &str,
    thai: bool,
) {
    let (items, total) = app.all_pages(json_path).await;
    assert_eq!(items.len() as i64, total, "{json_path}");
    assert!(!items.is_empty(), "{json_path} has rows");
    for item in &items {
        for column in columns {
            let top = column.split('.').next().expect("segment");
            assert!(
                item.get(top).is_some(),
                "{file}: column {column} names no field of {item}"
            );
        }
    }

    let csv_path = with(export_path, "format=csv");
    let csv_file = download(app, &csv_path, None).await;
    csv_file.assert_attachment(&csv_path, "text/csv; charset=utf-8", &format!("{file}.csv"));
    assert!(
        csv_file
            .body
            .starts_with(format!("{}\n", columns.join(",")).as_bytes()),
        "{csv_path} starts with the header, without a BOM"
    );
    let (header, rows) = parse_csv(&csv_file.body);
    assert_eq!(header, columns, "{csv_path}: header");
    assert_eq!(rows.len(), items.len(), "{csv_path}: one row per item");
    for (n, (row, item)) in rows.iter().zip(&items).enumerate() {
        assert_row(&format!("{csv_path} row {n}"), columns, row, item);
    }
    assert_eq!(
        has_thai(csv_file.text()),
        thai,
        "{csv_path} carries Thai text"
    );

    let by_accept = download(app, export_path, Some("text/csv")).await;
    by_accept.assert_attachment(
        &format!("{export_path} (Accept: text/csv)"),
        "text/csv; charset=utf-8",
        &format!("{file}.csv"),
    );
    assert_eq!(
        by_accept.body, csv_file.body,
        "{export_path}: Accept = format"
    );

    let bom_path = with(&csv_path, "bom=true");
    let with_bom = download(app, &bom_path, None).await;
    with_bom.assert_attachment(&bom_path, "text/csv; charset=utf-8", &format!("{file}.csv"));
    assert_eq!(&with_bom.body[..3], BOM, "{bom_path}");
    assert_eq!(
        with_bom.body[3..],
        csv_file.body[..],
        "{bom_path}: BOM + CSV"
    );
    let bom_accept = download(app, &with(export_path, "bom=true"), Some("text/csv")).await;
    assert_eq!(
        bom_accept.body, with_bom.body,
        "{export_path}: bom with Accept"
    );
    let no_bom = download(app, &with(&csv_path, "bom=false"), None).await;
    assert_eq!(no_bom.body, csv_file.body, "{csv_path}: bom=false");

    let ndjson_path = with(export_path, "format=ndjson");
    let ndjson = download(app, &ndjson_path, None).await;
    ndjson.assert_attachment(
        &ndjson_path,
        "application/x-ndjson",
        &format!("{file}.ndjson"),
    );
    assert_eq!(
        parse_ndjson(ndjson.text()),
        items,
        "{ndjson_path}: the JSON items in order"
    );
    let nd_accept = download(app, export_path, Some("application/x-ndjson")).await;
    nd_accept.assert_attachment(
        &format!("{export_path} (Accept: application/x-ndjson)"),
        "application/x-ndjson",
        &format!("{file}.ndjson"),
    );
    assert_eq!(nd_accept.body, ndjson.body);
}

async fn exports_equal_the_paged_json(app: &TestApp) {
    let lists: &[(&str, &str, &[&str], &str, bool)] = &[
        (
            "/api/v1/cities?group=asean_plus_3&sort=-population&limit=7",
            "/api/v1/cities?group=asean_plus_3&sort=-population",
            CITY_COLUMNS,
            "cities",
            true,
        ),
        (
            "/api/v1/cities?limit=200",
            "/api/v1/cities",
            CITY_COLUMNS,
            "cities",
            true,
        ),
        (
            "/api/v1/networks/unesco-gnlc/members?sort=-name&limit=30",
            "/api/v1/networks/unesco-gnlc/members?sort=-name",
            MEMBER_COLUMNS,
            "members",
            true,
        ),
        (
            "/api/v1/countries?limit=40",
            "/api/v1/countries",
            COUNTRY_COLUMNS,
            "countries",
            true,
        ),
        (
            "/api/v1/provinces?sort=-code&limit=20",
            "/api/v1/provinces?sort=-code",
            PROVINCE_COLUMNS,
            "provinces",
            true,
        ),
        (
            "/api/v1/award-cycles?limit=2",
            "/api/v1/award-cycles",
            CYCLE_COLUMNS,
            "award-cycles",
            true,
        ),
        (
            "/api/v1/award-categories?limit=4",
            "/api/v1/award-categories",
            CATEGORY_COLUMNS,
            "award-categories",
            true,
        ),
        (
            "/api/v1/cities/cork/awards?limit=1",
            "/api/v1/cities/cork/awards",
            CITY_AWARD_COLUMNS,
            "city-awards",
            true,
        ),
        (
            "/api/v1/networks?limit=2",
            "/api/v1/networks",
            NETWORK_COLUMNS,
            "networks",
            true,
        ),
        (
            "/api/v1/award-programmes?limit=1",
            "/api/v1/award-programmes",
            PROGRAMME_COLUMNS,
            "award-programmes",
            true,
        ),
        (
            "/api/v1/frameworks?limit=1",
            "/api/v1/frameworks",
            FRAMEWORK_COLUMNS,
            "frameworks",
            false,
        ),
    ];
    for (json_path, export_path, columns, file, thai) in lists {
        assert_export_matches(app, json_path, export_path, columns, file, *thai).await;
    }
    // The filter really applies: every ASEAN+3 city is in an ASEAN+3 country.
    let (asean3, _) = app
        .all_pages("/api/v1/countries?group=asean_plus_3&limit=50")
        .await;
    let codes: BTreeSet<&str> = asean3.iter().map(|c| str_of(c, "code")).collect();
    let (cities, total) = app
        .all_pages("/api/v1/cities?group=asean_plus_3&limit=200")
        .await;
    assert!(
        total > 0
            && total
                < app.json("/api/v1/cities?limit=1").await["total"]
                    .as_i64()
                    .expect("total")
    );
    assert!(cities.iter().all(|c| codes.contains(str_of(c, "country"))));
    // The seed's winners of Cork are in its export.
    let cork = download(app, "/api/v1/cities/cork/awards?format=csv", None).await;
    let (_, rows) = parse_csv(&cork.body);
    let years: BTreeSet<String> = rows.iter().map(|r| r[5].to_owned()).collect();
    let expected: BTreeSet<String> = seed_rows("unesco_learning_city_awardees.csv")
        .into_iter()
        .filter(|r| r["city"] == "Cork")
        .map(|r| r["year"].clone())
        .collect();
    assert_eq!(years, expected);
}

async fn bad_format_or_bom_is_refused(app: &TestApp) {
    for path in [
        "/api/v1/cities?format=xml",
        "/api/v1/cities?format=CSV",
        "/api/v1/countries?format=xml",
        "/api/v1/networks/unesco-gnlc/members?format=xlsx",
        "/api/v1/stats/overview?format=xml",
    ] {
        let body = app.get(path).await.problem(400, "invalid_query").clone();
        assert_eq!(body["errors"][0]["field"], "format", "{path}: {body}");
    }
    for path in [
        "/api/v1/cities?format=csv&bom=maybe",
        "/api/v1/cities/cork/awards?bom=maybe",
        "/api/v1/award-cycles?format=csv&bom=1",
        "/api/v1/stats/awards?format=csv&bom=yes",
    ] {
        let body = app.get(path).await.problem(400, "invalid_query").clone();
        assert_eq!(body["errors"][0]["field"], "bom", "{path}: {body}");
    }
    // `limit` and `cursor` do not apply to a download, but they are still checked.
    for (path, field) in [
        ("/api/v1/cities?format=csv&limit=0", "limit"),
        ("/api/v1/countries?format=ndjson&limit=201", "limit"),
    ] {
        let body = app.get(path).await.problem(400, "invalid_query").clone();
        assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
    }
    app.get("/api/v1/cities?format=csv&cursor=bogus")
        .await
        .problem(400, "invalid_cursor");
    // An unknown parent is a 404 before anything is streamed.
    for path in [
        "/api/v1/networks/nope/members?format=csv",
        "/api/v1/networks/nope/members?format=ndjson",
        "/api/v1/cities/nope/awards?format=csv",
        "/api/v1/cities/nope/awards?format=ndjson&bom=true",
    ] {
        app.get(path).await.problem(404, "not_found");
    }
    // `Accept` does not rescue a bad `format`.
    let reply = app
        .send(
            app.client
                .get(format!("{}/api/v1/cities?format=xml", app.url))
                .header("accept", "text/csv"),
        )
        .await;
    reply.problem(400, "invalid_query");
    // Explicit `format=json` is the JSON page, whatever `Accept` says.
    let reply = app
        .send(
            app.client
                .get(format!("{}/api/v1/countries?format=json&limit=3", app.url))
                .header("accept", "text/csv"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type().starts_with("application/json"));
    assert_eq!(reply.body["items"].as_array().map(Vec::len), Some(3));
}

// ---------------------------------------------------------------------------------------------
// 2. A large download is streamed whole
// ---------------------------------------------------------------------------------------------

const BULK: usize = 1_200;

/// Creates [`BULK`] cities concurrently; returns their slugs.
async fn create_bulk_cities(app: &TestApp, token: &str) -> Vec<String> {
    let indices: Vec<usize> = (1..=BULK).collect();
    let mut slugs = Vec::with_capacity(BULK);
    for batch in indices.chunks(48) {
        let tasks: Vec<_> = batch
            .iter()
            .map(|&i| {
                let client = app.client.clone();
                let url = format!("{}/api/v1/cities", app.url);
                let token = token.to_owned();
                tokio::spawn(async move {
                    let slug = format!("bulk-city-{i:04}");
                    let body = json!({
                        "slug": slug,
                        "name": {"en": format!("Bulk City {i:04}"), "th": format!("เมืองทดสอบที่ {i:04}")},
                        "country": "TH",
                        "province": "TH-56",
                        "population": i,
                    });
                    let response = client
                        .post(url)
                        .bearer_auth(token)
                        .json(&body)
                        .send()
                        .await
                        .expect("request");
                    let status = response.status();
                    let text = response.text().await.unwrap_or_default();
                    (slug, status, text)
                })
            })
            .collect();
        for task in tasks {
            let (slug, status, text) = task.await.expect("task");
            assert_eq!(status, StatusCode::CREATED, "create {slug}: {text}");
            slugs.push(slug);
        }
    }
    slugs
}

async fn large_export_is_streamed_whole(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let before = app.json("/api/v1/cities?limit=1").await["total"]
        .as_i64()
        .expect("total");
    let created = create_bulk_cities(app, &secretariat).await;
    let total = app.json("/api/v1/cities?limit=1").await["total"]
        .as_i64()
        .expect("total");
    assert_eq!(total, before + BULK as i64);

    let csv_file = download(app, "/api/v1/cities?format=csv", None).await;
    csv_file.assert_attachment("cities csv", "text/csv; charset=utf-8", "cities.csv");
    assert_eq!(csv_file.content_length, None, "streamed: no Content-Length");
    assert!(csv_file.headers.get("content-length").is_none());
    assert_eq!(csv_file.header("transfer-encoding"), "chunked");
    let text = csv_file.text();
    assert_eq!(
        text.lines().count() as i64,
        total + 1,
        "a header and one line per city"
    );
    let (header, rows) = parse_csv(&csv_file.body);
    assert_eq!(header, CITY_COLUMNS);
    assert_eq!(rows.len() as i64, total);
    let slug_column = CITY_COLUMNS
        .iter()
        .position(|c| *c == "slug")
        .expect("slug column");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        *seen.entry(&row[slug_column]).or_default() += 1;
    }
    assert_eq!(seen.len() as i64, total, "no city twice");
    for slug in &created {
        assert_eq!(seen.get(slug.as_str()), Some(&1), "{slug} once");
    }

    // Across the chunk boundaries the order is the list's: the same as paging the JSON.
    let (pages, _) = app.all_pages("/api/v1/cities?limit=200").await;
    let paged: Vec<&str> = pages.iter().map(|c| str_of(c, "slug")).collect();
    let exported: Vec<&str> = rows.iter().map(|r| &r[slug_column]).collect();
    assert_eq!(exported, paged);

    let ndjson = download(app, "/api/v1/cities?format=ndjson", None).await;
    ndjson.assert_attachment("cities ndjson", "application/x-ndjson", "cities.ndjson");
    assert_eq!(ndjson.content_length, None);
    let lines = parse_ndjson(ndjson.text());
    assert_eq!(lines.len() as i64, total);
    assert_eq!(lines, pages, "NDJSON equals the paged JSON");

    // A Thai search over the whole download, sorted the other way.
    let path = format!(
        "/api/v1/cities?q={}&sort=-population&format=csv",
        enc("เมืองทดสอบ")
    );
    let search = download(app, &path, None).await;
    let (_, found) = parse_csv(&search.body);
    assert_eq!(found.len(), BULK);
    let population = CITY_COLUMNS
        .iter()
        .position(|c| *c == "population")
        .expect("population column");
    let populations: Vec<usize> = found
        .iter()
        .map(|r| r[population].parse().expect("population"))
        .collect();
    assert_eq!(populations, (1..=BULK).rev().collect::<Vec<_>>());
}

/// GET `path` with extra request headers and an optional bearer token.
async fn download_with(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    token: Option<&str>,
) -> Download {
    let mut request = app.client.get(format!("{}{path}", app.url));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    Download {
        status: response.status(),
        headers: response.headers().clone(),
        content_length: response.content_length(),
        body: response.bytes().await.expect("body").to_vec(),
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip body");
    out
}

/// A download that is the same for everyone is kept compressed after it is first sent: the
/// next one carries a `Content-Length`, gzip-encoded when the client accepts it, and the same
/// bytes; a write is in the very next download; formats negotiated by `Accept` are kept apart.
async fn kept_downloads_follow_every_write(app: &TestApp) {
    let path = "/api/v1/cities?format=csv";
    let first = download(app, path, None).await;
    first.assert_attachment("first cities csv", "text/csv; charset=utf-8", "cities.csv");
    assert_eq!(first.content_length, None, "the first download is streamed");
    assert!(first.header("vary").contains("Accept-Encoding"));

    let again = download(app, path, None).await;
    again.assert_attachment("kept cities csv", "text/csv; charset=utf-8", "cities.csv");
    assert_eq!(
        again.body, first.body,
        "the kept download has the same bytes"
    );
    assert_eq!(again.content_length, Some(first.body.len() as u64));
    assert_eq!(again.header("content-encoding"), "");

    let gzip = download_with(app, path, &[("accept-encoding", "gzip, br")], None).await;
    gzip.assert_attachment("gzip cities csv", "text/csv; charset=utf-8", "cities.csv");
    assert_eq!(gzip.header("content-encoding"), "gzip");
    assert!(gzip.body.len() < first.body.len() / 2, "compressed");
    assert_eq!(gunzip(&gzip.body), first.body);
    assert!(gzip.header("vary").contains("Accept-Encoding"));
    let refused = download_with(app, path, &[("accept-encoding", "gzip;q=0, *")], None).await;
    assert_eq!(refused.header("content-encoding"), "");
    assert_eq!(refused.body, first.body);

    // The same URL by `Accept`: CSV and NDJSON are two downloads, not one.
    let csv = download(app, "/api/v1/cities", Some("text/csv")).await;
    assert_eq!(csv.body, first.body);
    let ndjson = download(app, "/api/v1/cities", Some("application/x-ndjson")).await;
    ndjson.assert_attachment("ndjson by accept", "application/x-ndjson", "cities.ndjson");
    let lines = parse_ndjson(ndjson.text());
    assert_eq!(lines.len(), parse_csv(&first.body).1.len());

    // A write is in the next download, kept or not.
    let admin = app.admin_token().await;
    let body = json!({"slug": "kept-download-city", "name": {"en": "Kept Download City"}, "country": "TH"});
    expect(
        app.post("/api/v1/cities", Some(&admin), &body).await,
        201,
        "create",
    )
    .await;
    for accept_encoding in ["identity", "gzip"] {
        let after = download_with(app, path, &[("accept-encoding", accept_encoding)], None).await;
        let text = if after.header("content-encoding") == "gzip" {
            String::from_utf8(gunzip(&after.body)).expect("UTF-8")
        } else {
            after.text().to_owned()
        };
        assert!(
            text.contains("kept-download-city"),
            "{accept_encoding}: the new city is in the download"
        );
        assert_eq!(text.lines().count(), first.text().lines().count() + 1);
    }
    let ndjson = download(app, "/api/v1/cities", Some("application/x-ndjson")).await;
    assert!(ndjson.text().contains("kept-download-city"));

    // Signed-in downloads that are the same for every allowed role are kept too.
    let analyst = app.user_token(&admin, "analyst", None).await;
    let scores = "/api/v1/scores?format=csv";
    let one = download_with(app, scores, &[], Some(&analyst)).await;
    assert_eq!(one.status, StatusCode::OK);
    let two = download_with(app, scores, &[], Some(&analyst)).await;
    assert_eq!(two.body, one.body);
    assert_eq!(two.content_length, Some(one.body.len() as u64));
    // ... but the access check still comes first.
    let anonymous = download_with(app, scores, &[], None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    // Without the response cache nothing is kept.
    let off = app.beside(|config| config.response_cache_mb = 0).await;
    download(&off, path, None).await;
    let streamed = download(&off, path, None).await;
    assert_eq!(streamed.content_length, None);
    assert_eq!(
        streamed.text().lines().count(),
        first.text().lines().count() + 1
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Caching
// ---------------------------------------------------------------------------------------------

/// GET with `If-None-Match`.
async fn conditional_get(app: &TestApp, path: &str, tag: &str) -> Download {
    let response = app
        .client
        .get(format!("{}{path}", app.url))
        .header("if-none-match", tag)
        .send()
        .await
        .expect("request");
    let status = response.status();
    let headers = response.headers().clone();
    let content_length = response.content_length();
    let body = response.bytes().await.expect("body").to_vec();
    Download {
        status,
        headers,
        content_length,
        body,
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn lists_carry_etags_and_cache_control(app: &TestApp) {
    let path = "/api/v1/cities?country=TH&sort=name&limit=5";
    let anonymous = app.get(path).await;
    assert_eq!(anonymous.status, StatusCode::OK);
    let tag = anonymous.etag();
    assert!(
        tag.len() > 2 && tag.starts_with('"') && tag.ends_with('"'),
        "a strong tag: {tag}"
    );
    assert_eq!(
        header(&anonymous.headers, "cache-control"),
        "public, max-age=60"
    );
    let vary = header(&anonymous.headers, "vary").to_ascii_lowercase();
    for name in ["accept", "authorization", "x-api-key"] {
        assert!(vary.contains(name), "vary: {vary}");
    }

    let admin = app.admin_token().await;
    let signed_in = app.get_as(path, &admin).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(
        header(&signed_in.headers, "cache-control"),
        "private, no-cache"
    );
    assert!(signed_in.headers.contains_key("etag"));

    // Statistics and single records are tagged too.
    for other in [
        "/api/v1/stats/overview",
        "/api/v1/cities/phayao",
        "/api/v1/changes",
        "/api/v1/datasets",
    ] {
        let reply = app.get(other).await;
        assert_eq!(reply.status, StatusCode::OK, "{other}");
        assert!(reply.headers.contains_key("etag"), "{other}");
        assert_eq!(
            header(&reply.headers, "cache-control"),
            "public, max-age=60",
            "{other}"
        );
    }

    let not_modified = conditional_get(app, path, &tag).await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty(), "304 has no body");
    assert_eq!(header(&not_modified.headers, "etag"), tag);
    assert_eq!(
        header(&not_modified.headers, "cache-control"),
        "public, max-age=60"
    );
    assert_eq!(
        header(&not_modified.headers, "vary").to_ascii_lowercase(),
        header(&anonymous.headers, "vary").to_ascii_lowercase(),
        "304 varies like the 200"
    );
    let listed = conditional_get(app, path, &format!("\"0123\", {tag}")).await;
    assert_eq!(listed.status, StatusCode::NOT_MODIFIED, "a tag in a list");
    let other = conditional_get(app, path, "\"0123\"").await;
    assert_eq!(other.status, StatusCode::OK, "another tag");
    assert_eq!(header(&other.headers, "etag"), tag);
    let body: Value = serde_json::from_slice(&other.body).expect("json");
    assert_eq!(body, anonymous.body);

    // A write that changes the list changes its tag.
    let first = &anonymous.body["items"][0];
    let slug = str_of(first, "slug");
    let population = first["population"].as_i64().unwrap_or(0) + 1;
    let reply = app
        .patch(
            &format!("/api/v1/cities/{slug}"),
            Some(&admin),
            &json!({"population": population}),
            None,
        )
        .await;
    expect(reply, 200, "patch").await;
    let changed = conditional_get(app, path, &tag).await;
    assert_eq!(changed.status, StatusCode::OK, "the list changed");
    let new_tag = header(&changed.headers, "etag").to_owned();
    assert!(!new_tag.is_empty());
    assert_ne!(new_tag, tag);
    let body: Value = serde_json::from_slice(&changed.body).expect("json");
    assert_eq!(body["items"][0]["slug"], slug);
    assert_eq!(body["items"][0]["population"], population);
    let again = conditional_get(app, path, &new_tag).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
}

/// The target of a `Link: <...>; rel="next"` header.
fn next_link(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("link")?.to_str().expect("link is text");
    let target = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix(">; rel=\"next\""))
        .unwrap_or_else(|| panic!("link: {value}"));
    Some(target.to_owned())
}

async fn link_headers_walk_the_pages(app: &TestApp) {
    for path in [
        "/api/v1/cities?country=TH&sort=-population&limit=3".to_owned(),
        format!("/api/v1/cities?q={}&limit=1", enc("เชียง")),
        "/api/v1/networks/unesco-gnlc/members?country=CN&limit=4".to_owned(),
    ] {
        let (all, total) = app.all_pages(&path).await;
        assert!(total > 1, "{path} has more than one page");
        let mut walked = Vec::new();
        let mut current = path.clone();
        let mut pages = 0;
        loop {
            let reply = app.get(&current).await;
            assert_eq!(reply.status, StatusCode::OK, "{current}");
            pages += 1;
            walked.extend(items(&reply.body));
            match (
                reply.body["next_cursor"].as_str(),
                next_link(&reply.headers),
            ) {
                (Some(cursor), Some(target)) => {
                    assert!(target.starts_with("/api/v1/"), "{target}");
                    assert!(target.contains(&format!("cursor={cursor}")), "{target}");
                    let by_cursor = app.json(&with(&path, &format!("cursor={cursor}"))).await;
                    let by_link = app.json(&target).await;
                    assert_eq!(by_link, by_cursor, "{target}");
                    current = target;
                }
                (None, None) => break,
                (cursor, link) => panic!("{current}: next_cursor {cursor:?} but link {link:?}"),
            }
        }
        assert_eq!(walked, all, "{path}");
        let limit: i64 = path
            .rsplit("limit=")
            .next()
            .and_then(|l| l.parse().ok())
            .expect("limit");
        assert_eq!(pages, (total + limit - 1) / limit, "{path}");
    }
    // A single page has no Link.
    let reply = app.get("/api/v1/networks").await;
    assert!(reply.headers.get("link").is_none());
}

async fn cors_lets_browsers_read_etag_and_link(app: &TestApp) {
    let origin = "https://portal.example";
    let url = format!("{}/api/v1/cities?limit=2", app.url);
    let preflight = app
        .client
        .request(Method::OPTIONS, &url)
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match, x-api-key")
        .send()
        .await
        .expect("preflight");
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let headers = preflight.headers();
    assert_eq!(header(headers, "access-control-allow-origin"), "*");
    let allowed = header(headers, "access-control-allow-headers").to_ascii_lowercase();
    assert!(allowed.contains("if-none-match"), "{allowed}");
    assert!(allowed.contains("x-api-key"), "{allowed}");
    assert!(header(headers, "access-control-allow-methods").contains("GET"));

    let actual = app
        .client
        .get(&url)
        .header("origin", origin)
        .send()
        .await
        .expect("request");
    assert_eq!(actual.status(), StatusCode::OK);
    assert!(actual.headers().contains_key("etag"));
    assert!(actual.headers().contains_key("link"));
    let exposed: BTreeSet<String> = header(actual.headers(), "access-control-expose-headers")
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for name in [
        "etag",
        "link",
        "location",
        "retry-after",
        "content-disposition",
    ] {
        assert!(exposed.contains(name), "{name} exposed: {exposed:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Statistics
// ---------------------------------------------------------------------------------------------

/// Checks that the CSV and NDJSON forms of a statistic equal its JSON items.
async fn assert_stat_downloads(app: &TestApp, path: &str, columns: &[&str], file: &str) {
    let json = app.json(path).await;
    let rows_json = items(&json);
    assert!(!rows_json.is_empty(), "{path}");
    assert_eq!(
        json.as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["items".to_owned()]),
        "{path}: not paged"
    );
    let csv_path = with(path, "format=csv");
    let csv_file = download(app, &csv_path, None).await;
    csv_file.assert_attachment(&csv_path, "text/csv; charset=utf-8", &format!("{file}.csv"));
    assert!(csv_file
        .body
        .starts_with(format!("{}\n", columns.join(",")).as_bytes()));
    let (header, rows) = parse_csv(&csv_file.body);
    assert_eq!(header, columns, "{csv_path}");
    assert_eq!(rows.len(), rows_json.len(), "{csv_path}");
    for (n, (row, item)) in rows.iter().zip(&rows_json).enumerate() {
        assert_row(&format!("{csv_path} row {n}"), columns, row, item);
    }
    let by_accept = download(app, path, Some("text/csv")).await;
    assert_eq!(by_accept.body, csv_file.body, "{path}: Accept");
    let bom = download(app, &with(&csv_path, "bom=true"), None).await;
    assert_eq!(&bom.body[..3], BOM);
    assert_eq!(bom.body[3..], csv_file.body[..]);
    let ndjson_path = with(path, "format=ndjson");
    let ndjson = download(app, &ndjson_path, None).await;
    ndjson.assert_attachment(
        &ndjson_path,
        "application/x-ndjson",
        &format!("{file}.ndjson"),
    );
    assert_eq!(parse_ndjson(ndjson.text()), rows_json, "{ndjson_path}");
}

async fn statistics_match_the_data(app: &TestApp) {
    let awardees = seed_rows("unesco_learning_city_awardees.csv");
    assert_eq!(awardees.len(), 58);
    let (cities, city_total) = app.all_pages("/api/v1/cities?limit=200").await;
    let (networks, network_total) = app.all_pages("/api/v1/networks").await;
    let (countries, _) = app.all_pages("/api/v1/countries?limit=200").await;
    let (provinces, _) = app.all_pages("/api/v1/provinces?limit=200").await;
    let published = app
        .json("/api/v1/award-cycles?status=published&limit=1")
        .await["total"]
        .as_i64()
        .expect("total");
    let award_years: BTreeSet<&str> = awardees.iter().map(|r| r["year"].as_str()).collect();
    assert_eq!(
        published,
        award_years.len() as i64 + 1,
        "the UNESCO cycles and the Thailand Learning City Awards 2025"
    );
    assert_eq!(published, 6);

    // Overview.
    let overview = items(&app.json("/api/v1/stats/overview").await);
    let expected: BTreeMap<String, i64> = [
        ("cities", city_total),
        (
            "countries",
            cities
                .iter()
                .map(|c| str_of(c, "country"))
                .collect::<BTreeSet<_>>()
                .len() as i64,
        ),
        ("networks", network_total),
        (
            "active_memberships",
            networks.iter().map(|n| int_of(n, "member_count")).sum(),
        ),
        (
            "award_programmes",
            app.json("/api/v1/award-programmes").await["total"]
                .as_i64()
                .expect("total"),
        ),
        ("published_cycles", published),
        ("awards", awardees.len() as i64),
        (
            "frameworks",
            app.json("/api/v1/frameworks").await["total"]
                .as_i64()
                .expect("total"),
        ),
        ("published_evaluations", 0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(network_total, 3);
    assert_eq!(counts(&overview), expected);
    for row in &overview {
        assert!(!str_of(row, "label_en").is_empty());
        assert!(has_thai(str_of(row, "label_th")), "{row}");
    }
    assert_stat_downloads(app, "/api/v1/stats/overview", COUNT_COLUMNS, "overview").await;

    // Membership growth: the GNLC from the seed file; every network from the member lists.
    let gnlc: Vec<(String, i64)> = seed_rows("gnlc_members_known.csv")
        .into_iter()
        .map(|r| {
            (
                "unesco-gnlc".to_owned(),
                r["join_year"].parse().expect("join year"),
            )
        })
        .collect();
    let growth = items(
        &app.json("/api/v1/stats/membership-growth?network=unesco-gnlc")
            .await,
    );
    assert_eq!(growth_of(&growth), growth_rows(&gnlc));
    assert_eq!(
        growth.last().map(|g| int_of(g, "cumulative")),
        Some(gnlc.len() as i64)
    );
    let mut joins = Vec::new();
    for network in &networks {
        let slug = str_of(network, "slug");
        let (members, _) = app
            .all_pages(&format!("/api/v1/networks/{slug}/members?limit=200"))
            .await;
        joins.extend(
            members
                .iter()
                .filter_map(|m| m["joined_year"].as_i64())
                .map(|y| (slug.to_owned(), y)),
        );
    }
    let all_growth = items(&app.json("/api/v1/stats/membership-growth").await);
    assert_eq!(growth_of(&all_growth), growth_rows(&joins));
    assert_stat_downloads(
        app,
        "/api/v1/stats/membership-growth?network=unesco-gnlc",
        GROWTH_COLUMNS,
        "membership-growth",
    )
    .await;

    // Cities by country, labelled with the country names.
    let country_names: HashMap<&str, (&str, &str)> = countries
        .iter()
        .map(|c| {
            (
                str_of(c, "code"),
                (str_of(c, "name.en"), str_of(c, "name.th")),
            )
        })
        .collect();
    let mut by_country: BTreeMap<String, i64> = BTreeMap::new();
    for city in &cities {
        *by_country
            .entry(str_of(city, "country").to_owned())
            .or_default() += 1;
    }
    let rows = items(&app.json("/api/v1/stats/cities-by-country").await);
    assert_eq!(counts(&rows), by_country);
    let keys: Vec<&str> = rows.iter().map(|r| str_of(r, "key")).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "ordered by code");
    for row in &rows {
        let (en, th) = country_names[str_of(row, "key")];
        assert_eq!((str_of(row, "label_en"), str_of(row, "label_th")), (en, th));
    }
    assert_stat_downloads(
        app,
        "/api/v1/stats/cities-by-country",
        COUNT_COLUMNS,
        "cities-by-country",
    )
    .await;

    // Thai cities by region, through their provinces.
    let regions: HashMap<&str, &Value> = provinces
        .iter()
        .map(|p| (str_of(p, "code"), &p["region"]))
        .collect();
    let mut by_region: BTreeMap<String, i64> = BTreeMap::new();
    let mut region_names: HashMap<String, (String, String)> = HashMap::new();
    for city in &cities {
        if let Some(province) = city["province"].as_str() {
            let region = regions[province];
            let key = str_of(region, "key").to_owned();
            region_names.insert(
                key.clone(),
                (
                    str_of(region, "name.en").to_owned(),
                    str_of(region, "name.th").to_owned(),
                ),
            );
            *by_region.entry(key).or_default() += 1;
        }
    }
    let rows = items(&app.json("/api/v1/stats/cities-by-region").await);
    assert_eq!(counts(&rows), by_region);
    assert_eq!(
        by_region.values().sum::<i64>(),
        cities.iter().filter(|c| c["country"] == "TH").count() as i64
    );
    for row in &rows {
        let (en, th) = &region_names[str_of(row, "key")];
        assert_eq!(str_of(row, "label_en"), en);
        assert_eq!(str_of(row, "label_th"), th);
    }
    assert_stat_downloads(
        app,
        "/api/v1/stats/cities-by-region",
        COUNT_COLUMNS,
        "cities-by-region",
    )
    .await;

    // Awards by country (from the seed file), programme and category (from the cycles).
    let codes = iso_codes();
    let mut by_country: BTreeMap<String, i64> = BTreeMap::new();
    for row in &awardees {
        let code = &codes[&(row["city"].clone(), row["country"].clone())];
        *by_country.entry(code.clone()).or_default() += 1;
    }
    let rows = items(&app.json("/api/v1/stats/awards?by=country").await);
    assert_eq!(counts(&rows), by_country);
    for row in &rows {
        let (en, th) = country_names[str_of(row, "key")];
        assert_eq!((str_of(row, "label_en"), str_of(row, "label_th")), (en, th));
    }
    assert_eq!(
        items(&app.json("/api/v1/stats/awards").await),
        rows,
        "by=country is the default"
    );
    let (programmes, _) = app.all_pages("/api/v1/award-programmes").await;
    let unesco = programmes
        .iter()
        .find(|p| p["slug"] == "unesco-learning-city-award")
        .expect("UNESCO programme");
    let rows = items(&app.json("/api/v1/stats/awards?by=programme").await);
    assert_eq!(
        rows,
        vec![json!({
            "key": "unesco-learning-city-award",
            "label_en": unesco["name"]["en"],
            "label_th": unesco["name"]["th"],
            "count": awardees.len(),
        })]
    );
    let (categories, _) = app.all_pages("/api/v1/award-categories").await;
    let mut by_category: BTreeMap<String, i64> = BTreeMap::new();
    for row in &awardees {
        *by_category
            .entry(format!("unesco-learning-city-award-{}", row["year"]))
            .or_default() += 1;
    }
    let rows = items(&app.json("/api/v1/stats/awards?by=category").await);
    assert_eq!(counts(&rows), by_category);
    for row in &rows {
        let category = categories
            .iter()
            .find(|c| c["slug"] == row["key"])
            .expect("category");
        assert_eq!(row["label_en"], category["name"]["en"]);
        assert_eq!(row["label_th"], category["name"]["th"]);
    }
    // The winners in the published results add up the same.
    let (cycles, _) = app.all_pages("/api/v1/award-cycles?status=published").await;
    let winners: i64 = cycles
        .iter()
        .flat_map(|c| c["results"].as_array().expect("results"))
        .map(|r| r["winners"].as_array().expect("winners").len() as i64)
        .sum();
    assert_eq!(winners, awardees.len() as i64);
    for by in ["country", "programme", "category"] {
        assert_stat_downloads(
            app,
            &format!("/api/v1/stats/awards?by={by}"),
            COUNT_COLUMNS,
            "awards",
        )
        .await;
    }

    // Parameters a statistic does not have.
    for (path, field) in [
        ("/api/v1/stats/awards?by=year", "by"),
        ("/api/v1/stats/overview?by=country", "by"),
        ("/api/v1/stats/cities-by-country?by=country", "by"),
        ("/api/v1/stats/membership-growth?by=country", "by"),
        ("/api/v1/stats/overview?network=unesco-gnlc", "network"),
        (
            "/api/v1/stats/cities-by-region?network=unesco-gnlc",
            "network",
        ),
        ("/api/v1/stats/awards?network=unesco-gnlc", "network"),
        (
            "/api/v1/stats/membership-growth?network=Not%20a%20slug",
            "network",
        ),
    ] {
        let body = app.get(path).await.problem(400, "invalid_query").clone();
        assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
    }
    app.get("/api/v1/stats/overview?limit=5")
        .await
        .problem(400, "invalid_query");
}

// ---------------------------------------------------------------------------------------------
// 5. The bulk dataset
// ---------------------------------------------------------------------------------------------

/// One entry of a zip's central directory.
#[derive(Debug)]
struct ZipEntry {
    name: String,
    method: u16,
    crc32: u32,
    compressed_size: u32,
    size: u32,
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Reads a zip's central directory (and checks each entry's local header).
fn zip_entries(zip: &[u8]) -> Vec<ZipEntry> {
    assert!(zip.len() >= 22, "too short for a zip");
    let eocd = (0..=zip.len() - 22)
        .rev()
        .find(|&i| u32_at(zip, i) == 0x0605_4b50)
        .expect("end of central directory record");
    let count = usize::from(u16_at(zip, eocd + 10));
    assert_eq!(u16_at(zip, eocd + 8), u16_at(zip, eocd + 10), "one disk");
    let directory_size = u32_at(zip, eocd + 12) as usize;
    let directory = u32_at(zip, eocd + 16) as usize;
    assert_eq!(
        directory + directory_size,
        eocd,
        "directory before the end record"
    );
    let mut entries = Vec::with_capacity(count);
    let mut pos = directory;
    for _ in 0..count {
        assert_eq!(
            u32_at(zip, pos),
            0x0201_4b50,
            "central file header at {pos}"
        );
        let name_len = usize::from(u16_at(zip, pos + 28));
        let extra_len = usize::from(u16_at(zip, pos + 30));
        let comment_len = usize::from(u16_at(zip, pos + 32));
        let local = u32_at(zip, pos + 42) as usize;
        let entry = ZipEntry {
            method: u16_at(zip, pos + 10),
            crc32: u32_at(zip, pos + 16),
            compressed_size: u32_at(zip, pos + 20),
            size: u32_at(zip, pos + 24),
            name: String::from_utf8(zip[pos + 46..pos + 46 + name_len].to_vec()).expect("name"),
        };
        // The local header names the same file, and its data lies before the directory.
        assert_eq!(
            u32_at(zip, local),
            0x0403_4b50,
            "local header of {}",
            entry.name
        );
        let local_name_len = usize::from(u16_at(zip, local + 26));
        let local_extra_len = usize::from(u16_at(zip, local + 28));
        assert_eq!(
            &zip[local + 30..local + 30 + local_name_len],
            entry.name.as_bytes()
        );
        assert!(
            local + 30 + local_name_len + local_extra_len + entry.compressed_size as usize
                <= directory
        );
        entries.push(entry);
        pos += 46 + name_len + extra_len + comment_len;
    }
    assert_eq!(pos, eocd, "every entry read");
    entries
}

/// CRC-32 (IEEE), as zip records it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A CSV file with a header, as bytes.
fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("header");
    for row in rows {
        writer.write_record(row).expect("row");
    }
    writer.into_inner().expect("csv")
}

/// A JSON scalar as the dataset writes it: numbers as the number, `null` empty.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().expect("number").to_string(),
        },
        other => panic!("not a scalar: {other}"),
    }
}

fn plain_at(value: &Value, path: &str) -> String {
    at(value, path).map(plain).unwrap_or_default()
}

fn sorted_by_id(mut rows: Vec<Value>, id: &str) -> Vec<Value> {
    rows.sort_by_key(|r| int_of(r, id));
    rows
}

/// The rows the dataset's order-stable tables must hold, computed from the public API.
async fn expected_tables(app: &TestApp) -> HashMap<&'static str, Vec<Vec<String>>> {
    let mut tables = HashMap::new();
    let (mut countries, _) = app.all_pages("/api/v1/countries?limit=200").await;
    countries.sort_by(|a, b| str_of(a, "code").cmp(str_of(b, "code")));
    let has = |c: &Value, group: &str| {
        c["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .any(|g| g == group)
            .to_string()
    };
    tables.insert(
        "countries",
        countries
            .iter()
            .map(|c| {
                vec![
                    plain_at(c, "code"),
                    plain_at(c, "name.en"),
                    plain_at(c, "name.th"),
                    has(c, "asean"),
                    has(c, "asean_plus_3"),
                ]
            })
            .collect(),
    );
    let (provinces, _) = app.all_pages("/api/v1/provinces?sort=code&limit=200").await;
    tables.insert(
        "provinces",
        provinces
            .iter()
            .map(|p| {
                [
                    "code",
                    "dopa_code",
                    "name.en",
                    "name.th",
                    "region.key",
                    "lat",
                    "lon",
                ]
                .iter()
                .map(|c| plain_at(p, c))
                .collect()
            })
            .collect(),
    );
    let (cities, _) = app.all_pages("/api/v1/cities?limit=200").await;
    tables.insert(
        "cities",
        sorted_by_id(cities, "id")
            .iter()
            .map(|c| {
                [
                    "id",
                    "slug",
                    "name.en",
                    "name.th",
                    "country",
                    "province",
                    "lat",
                    "lon",
                    "population",
                    "area_km2",
                    "website",
                    "geonames_id",
                    "population_year",
                    "population_source",
                ]
                .iter()
                .map(|col| plain_at(c, col))
                .collect()
            })
            .collect(),
    );
    let (networks, _) = app.all_pages("/api/v1/networks").await;
    let networks = sorted_by_id(networks, "id");
    tables.insert(
        "networks",
        networks
            .iter()
            .map(|n| {
                [
                    "id",
                    "slug",
                    "name.en",
                    "name.th",
                    "scope",
                    "status",
                    "country",
                    "secretariat.en",
                    "founded_year",
                    "website",
                ]
                .iter()
                .map(|col| plain_at(n, col))
                .collect()
            })
            .collect(),
    );
    let mut memberships = Vec::new();
    for network in &networks {
        let slug = str_of(network, "slug");
        let (members, _) = app
            .all_pages(&format!("/api/v1/networks/{slug}/members?limit=200"))
            .await;
        for mut m in members {
            m["network"] = json!(slug);
            memberships.push(m);
        }
    }
    tables.insert(
        "memberships",
        sorted_by_id(memberships, "membership_id")
            .iter()
            .map(|m| {
                [
                    "membership_id",
                    "city.slug",
                    "network",
                    "role",
                    "status",
                    "joined_year",
                    "joined_on",
                    "left_year",
                    "source_url",
                ]
                .iter()
                .map(|col| plain_at(m, col))
                .collect()
            })
            .collect(),
    );
    let (cycles, _) = app.all_pages("/api/v1/award-cycles").await;
    tables.insert(
        "award_cycles",
        sorted_by_id(cycles, "id")
            .iter()
            .map(|c| {
                [
                    "id",
                    "programme",
                    "year",
                    "title.en",
                    "status",
                    "ceremony_on",
                    "ceremony.en",
                ]
                .iter()
                .map(|col| plain_at(c, col))
                .collect()
            })
            .collect(),
    );
    tables
}

/// The winners of the published cycles as `awards.csv` rows (in no particular order).
async fn expected_awards(app: &TestApp) -> Vec<Vec<String>> {
    let (cycles, _) = app.all_pages("/api/v1/award-cycles?status=published").await;
    let mut rows = Vec::new();
    let mut sources: HashMap<String, Vec<Value>> = HashMap::new();
    for cycle in &cycles {
        for result in cycle["results"].as_array().expect("results") {
            for winner in result["winners"].as_array().expect("winners") {
                let slug = str_of(winner, "slug").to_owned();
                if !sources.contains_key(&slug) {
                    let (awards, _) = app
                        .all_pages(&format!("/api/v1/cities/{slug}/awards"))
                        .await;
                    sources.insert(slug.clone(), awards);
                }
                let award = sources[&slug]
                    .iter()
                    .find(|a| a["category"] == result["category"])
                    .expect("the win is among the city's awards");
                rows.push(vec![
                    plain_at(cycle, "programme"),
                    plain_at(cycle, "year"),
                    plain_at(result, "category"),
                    slug,
                    plain_at(winner, "country"),
                    plain_at(award, "source_url"),
                ]);
            }
        }
    }
    rows
}

async fn bulk_dataset_is_a_zip_of_every_table(app: &TestApp) {
    let listing = app.json("/api/v1/datasets").await;
    let datasets = items(&listing);
    assert_eq!(datasets.len(), 1);
    let dataset = &datasets[0];
    assert_eq!(dataset["slug"], "learning-cities");
    assert_eq!(
        dataset["download"],
        "/api/v1/datasets/learning-cities/download"
    );
    for field in ["title", "description", "licence"] {
        assert!(!str_of(dataset, field).is_empty(), "{field}");
    }
    assert!(str_of(dataset, "licence").contains("CC BY 4.0"));
    let attribution: Vec<&str> = dataset["attribution"]
        .as_array()
        .expect("attribution")
        .iter()
        .map(|a| a.as_str().expect("text"))
        .collect();
    assert!(
        attribution.iter().any(|a| a.contains("GeoNames")),
        "{attribution:?}"
    );
    let tables = dataset["tables"].as_array().expect("tables");
    assert!(!tables.is_empty());
    let kinds = ["text", "integer", "number", "boolean", "date", "timestamp"];
    let mut files = BTreeSet::new();
    for table in tables {
        let name = str_of(table, "name");
        assert_eq!(str_of(table, "file"), format!("{name}.csv"));
        assert!(!str_of(table, "description").is_empty(), "{name}");
        let columns = table["columns"].as_array().expect("columns");
        assert!(!columns.is_empty(), "{name}");
        for column in columns {
            assert!(!str_of(column, "name").is_empty(), "{name}: {column}");
            assert!(kinds.contains(&str_of(column, "type")), "{name}: {column}");
            assert!(
                !str_of(column, "description").is_empty(),
                "{name}: {column}"
            );
        }
        assert!(
            files.insert(str_of(table, "file").to_owned()),
            "{name} once"
        );
    }
    assert_eq!(
        app.get("/api/v1/datasets?format=csv").await.status,
        StatusCode::BAD_REQUEST
    );

    let zip = download(app, "/api/v1/datasets/learning-cities/download", None).await;
    zip.assert_attachment("zip", "application/zip", "learning-cities.zip");
    assert!(zip.body.starts_with(b"PK\x03\x04"));
    let entries = zip_entries(&zip.body);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    let mut expected_files: BTreeSet<String> = files.clone();
    expected_files.insert("dictionary.json".to_owned());
    expected_files.insert("README.txt".to_owned());
    assert_eq!(
        names
            .iter()
            .map(|n| (*n).to_owned())
            .collect::<BTreeSet<_>>(),
        expected_files
    );
    assert_eq!(names.len(), expected_files.len(), "no file twice");
    let entry = |name: &str| -> &ZipEntry {
        entries
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} in the zip"))
    };
    for e in &entries {
        assert!(
            e.method == 0 || e.method == 8,
            "{}: stored or deflated",
            e.name
        );
        assert!(e.size > 0, "{} is not empty", e.name);
    }

    // Content, checked without inflating: the size and CRC-32 of what the public API says the
    // order-stable tables hold, and of the README built from the listing.
    let header_of = |name: &str| -> Vec<String> {
        tables.iter().find(|t| t["name"] == name).expect("table")["columns"]
            .as_array()
            .expect("columns")
            .iter()
            .map(|c| str_of(c, "name").to_owned())
            .collect()
    };
    let expected = expected_tables(app).await;
    for (name, rows) in &expected {
        let header = header_of(name);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let bytes = csv_bytes(&header, rows);
        let e = entry(&format!("{name}.csv"));
        assert_eq!(e.size as usize, bytes.len(), "{name}.csv size");
        assert_eq!(e.crc32, crc32(&bytes), "{name}.csv content");
    }
    // Awards: the order within a year is not public, so only the size (order-free) is checked.
    let header = header_of("awards");
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let awards = expected_awards(app).await;
    assert_eq!(awards.len(), 58);
    assert_eq!(
        entry("awards.csv").size as usize,
        csv_bytes(&header, &awards).len(),
        "awards.csv size"
    );
    // The dictionary is the listing, pretty-printed (the size does not depend on key order).
    assert_eq!(
        entry("dictionary.json").size as usize,
        serde_json::to_vec_pretty(dataset).expect("json").len(),
        "dictionary.json size"
    );
    let readme = format!(
        "{}\n\n{}\n\nLicence: {}\n\nAttribution:\n- {}\n\nFiles are UTF-8 CSV; dictionary.json describes every column.\n",
        str_of(dataset, "title"),
        str_of(dataset, "description"),
        str_of(dataset, "licence"),
        attribution.join("\n- ")
    );
    assert_eq!(entry("README.txt").size as usize, readme.len());
    assert_eq!(
        entry("README.txt").crc32,
        crc32(readme.as_bytes()),
        "README.txt"
    );
    let criteria = entry("evaluation_criteria.csv");
    assert!(criteria.size as usize > header_of("evaluation_criteria").join(",").len() + 1);

    app.get("/api/v1/datasets/nope/download")
        .await
        .problem(404, "not_found");
}

// ---------------------------------------------------------------------------------------------
// 6. The changes feed
// ---------------------------------------------------------------------------------------------

fn change_keys(items: &[Value]) -> Vec<(String, String, String)> {
    items
        .iter()
        .map(|c| {
            (
                str_of(c, "entity").to_owned(),
                str_of(c, "entity_id").to_owned(),
                str_of(c, "action").to_owned(),
            )
        })
        .collect()
}

fn key(entity: &str, id: i64, action: &str) -> (String, String, String) {
    (entity.to_owned(), id.to_string(), action.to_owned())
}

async fn changes_feed_lists_public_changes_in_order(app: &TestApp) {
    let admin = app.admin_token().await;
    // Not public: accounts and API keys.
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let fresh = app.json("/api/v1/changes").await;
    assert_eq!(fresh, json!({"items": [], "next_since": 0, "more": false}));

    let city = expect(
        app.post(
            "/api/v1/cities",
            Some(&secretariat),
            &json!({"slug": "feed-town", "name": {"en": "Feed Town", "th": "เมืองฟีด"}, "country": "TH", "province": "TH-55"}),
        )
        .await,
        201,
        "create city",
    )
    .await;
    let city_id = int_of(&city, "id");
    expect(
        app.patch(
            "/api/v1/cities/feed-town",
            Some(&secretariat),
            &json!({"population": 12345}),
            None,
        )
        .await,
        200,
        "update city",
    )
    .await;
    expect(
        app.delete("/api/v1/cities/feed-town", Some(&secretariat), None)
            .await,
        204,
        "archive city",
    )
    .await;
    let archived = items(&app.json("/api/v1/changes").await);
    assert_eq!(archived.len(), 3);
    assert!(
        archived.iter().all(|c| c["href"].is_null()),
        "no href while archived: {archived:?}"
    );
    expect(
        app.post("/api/v1/cities/feed-town/restore", Some(&admin), &json!({}))
            .await,
        200,
        "restore city",
    )
    .await;
    let membership = expect(
        app.post(
            "/api/v1/memberships",
            Some(&secretariat),
            &json!({"city": "feed-town", "network": "thailand-learning-cities", "joined_year": 2026}),
        )
        .await,
        201,
        "membership",
    )
    .await;
    let membership_id = int_of(&membership, "id");
    expect(
        app.post(
            "/api/v1/api-keys",
            Some(&secretariat),
            &json!({"name": "Feed reader", "owner": "Tests"}),
        )
        .await,
        201,
        "api key",
    )
    .await;
    let cycle = |year: i64| {
        json!({
            "programme": "thailand-learning-city-awards",
            "year": year,
            "title": {"en": format!("Thailand Learning City Awards {year}")},
            "categories": [{"slug": format!("feed-{year}-equity"), "name": {"en": "Equity"}}],
        })
    };
    let opened = int_of(
        &expect(
            app.post("/api/v1/award-cycles", Some(&secretariat), &cycle(2026))
                .await,
            201,
            "cycle",
        )
        .await,
        "id",
    );
    expect(
        app.post(
            &format!("/api/v1/award-cycles/{opened}/status"),
            Some(&secretariat),
            &json!({"status": "open"}),
        )
        .await,
        200,
        "open",
    )
    .await;
    let draft = int_of(
        &expect(
            app.post("/api/v1/award-cycles", Some(&secretariat), &cycle(2027))
                .await,
            201,
            "draft",
        )
        .await,
        "id",
    );

    let page = app.json("/api/v1/changes").await;
    let changes = items(&page);
    let expected = vec![
        key("city", city_id, "created"),
        key("city", city_id, "updated"),
        key("city", city_id, "archived"),
        key("city", city_id, "restored"),
        key("membership", membership_id, "created"),
        key("award_cycle", opened, "created"),
        key("award_cycle", opened, "updated"),
    ];
    assert_eq!(
        change_keys(&changes),
        expected,
        "the draft {draft} is absent"
    );
    let ids: Vec<i64> = changes.iter().map(|c| int_of(c, "id")).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order: {ids:?}");
    assert_eq!(page["next_since"], ids[ids.len() - 1]);
    assert_eq!(page["more"], false);
    for change in &changes {
        assert!(str_of(change, "at").ends_with('Z'), "{change}");
        let href = str_of(change, "href");
        app.json(href).await;
    }
    assert_eq!(changes[0]["href"], "/api/v1/cities/feed-town");
    assert_eq!(
        changes[4]["href"],
        format!("/api/v1/memberships/{membership_id}")
    );
    assert_eq!(changes[5]["href"], format!("/api/v1/award-cycles/{opened}"));

    // Nothing after the last one; then only what follows.
    let since = page["next_since"].as_i64().expect("next_since");
    let later = app.json(&format!("/api/v1/changes?since={since}")).await;
    assert_eq!(later["items"], json!([]));
    assert_eq!(later["next_since"], since);
    expect(
        app.post(
            &format!("/api/v1/award-cycles/{draft}/status"),
            Some(&secretariat),
            &json!({"status": "open"}),
        )
        .await,
        200,
        "open the draft",
    )
    .await;
    expect(
        app.patch(
            "/api/v1/cities/feed-town",
            Some(&secretariat),
            &json!({"population": 54321}),
            None,
        )
        .await,
        200,
        "update again",
    )
    .await;
    let later = app.json(&format!("/api/v1/changes?since={since}")).await;
    assert_eq!(
        change_keys(&items(&later)),
        vec![
            key("award_cycle", draft, "created"),
            key("award_cycle", draft, "updated"),
            key("city", city_id, "updated"),
        ]
    );
    assert!(items(&later).iter().all(|c| int_of(c, "id") > since));

    // Pages of two walk the whole feed.
    let everything = items(&app.json("/api/v1/changes?limit=200").await);
    assert_eq!(everything.len(), expected.len() + 3);
    let mut walked = Vec::new();
    let mut since = 0;
    loop {
        let page = app
            .json(&format!("/api/v1/changes?since={since}&limit=2"))
            .await;
        let page_items = items(&page);
        assert!(page_items.len() <= 2);
        walked.extend(page_items);
        since = page["next_since"].as_i64().expect("next_since");
        if page["more"] == false {
            break;
        }
    }
    assert_eq!(walked, everything);

    for bad in ["since=-1", "since=abc", "limit=0", "limit=201", "cursor=x"] {
        app.get(&format!("/api/v1/changes?{bad}"))
            .await
            .problem(400, "invalid_query");
    }
}

// ---------------------------------------------------------------------------------------------
// 7. API-key usage
// ---------------------------------------------------------------------------------------------

/// Today's date in UTC, `YYYY-MM-DD` (days since the epoch to the civil calendar).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    let days = i64::try_from(secs / 86_400).expect("days");
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

async fn api_key_usage_counts_requests(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let issued = expect(
        app.post(
            "/api/v1/api-keys",
            Some(&admin),
            &json!({"name": "Analysts", "owner": "UNESCO"}),
        )
        .await,
        201,
        "issue",
    )
    .await;
    let key = str_of(&issued, "key").to_owned();
    let id = int_of(&issued, "api_key.id");
    let idle = expect(
        app.post(
            "/api/v1/api-keys",
            Some(&secretariat),
            &json!({"name": "Idle", "owner": "PMU-A"}),
        )
        .await,
        201,
        "issue idle",
    )
    .await;
    let idle_id = int_of(&idle, "api_key.id");

    let before = today_utc();
    let paths = [
        "/api/v1/cities?country=TH",
        "/api/v1/networks",
        "/api/v1/countries?group=asean",
        "/api/v1/provinces",
        "/api/v1/award-cycles",
        "/api/v1/stats/overview",
        "/api/v1/cities?format=csv",
        "/api/v1/changes",
        "/api/v1/networks/unesco-gnlc/members",
    ];
    for path in paths {
        let reply = app
            .send(
                app.client
                    .get(format!("{}{path}", app.url))
                    .header("x-api-key", &key),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
    }
    let n = paths.len() as i64;

    let usage = app
        .get_as(&format!("/api/v1/api-keys/{id}/usage"), &admin)
        .await;
    assert_eq!(usage.status, StatusCode::OK, "{}", usage.body);
    assert_eq!(header(&usage.headers, "cache-control"), "no-store");
    let after = today_utc();
    let body = usage.body;
    assert_eq!(body["key_id"], id);
    assert_eq!(body["prefix"], issued["api_key"]["prefix"]);
    assert_eq!(body["total"], n);
    let days = body["days"].as_array().expect("days");
    assert_eq!(days.len(), 1, "{body}");
    assert_eq!(days[0]["requests"], n);
    let day = str_of(&days[0], "day");
    assert!(day == before || day == after, "{day} is today ({before})");

    let idle_usage = json_as(app, &format!("/api/v1/api-keys/{idle_id}/usage"), &admin).await;
    assert_eq!(idle_usage["total"], 0);
    assert_eq!(idle_usage["days"], json!([]));

    app.get_as(&format!("/api/v1/api-keys/{id}/usage"), &secretariat)
        .await
        .problem(403, "forbidden");
    app.get(&format!("/api/v1/api-keys/{id}/usage"))
        .await
        .problem(401, "authentication_required");
    app.send(
        app.client
            .get(format!("{}/api/v1/api-keys/{idle_id}/usage", app.url))
            .header("x-api-key", str_of(&idle, "key")),
    )
    .await
    .problem(401, "authentication_required");
    app.get_as("/api/v1/api-keys/999999/usage", &admin)
        .await
        .problem(404, "not_found");
    // The refused requests did not touch the first key's count.
    let again = json_as(app, &format!("/api/v1/api-keys/{id}/usage"), &admin).await;
    assert_eq!(again["total"], n);
}

// ---------------------------------------------------------------------------------------------
// C. The analysts' guide's runnable example
// ---------------------------------------------------------------------------------------------

/// The one ```python title="stdlib-example" block of docs/src/analysts.md.
fn stdlib_example() -> String {
    let path = format!("{}/../docs/src/analysts.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("docs/src/analysts.md");
    let fence = "```python title=\"stdlib-example\"\n";
    assert_eq!(text.matches(fence).count(), 1, "exactly one stdlib-example");
    let start = text.find(fence).expect("fence") + fence.len();
    let end = text[start..].find("\n```").expect("closing fence");
    text[start..start + end].to_owned()
}

async fn analysts_python_example_runs(app: &TestApp) {
    let code = stdlib_example();
    assert!(code.contains("BASE_URL"));
    let url = app.url.clone();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("python3")
            .arg("-c")
            .arg(code)
            .env("BASE_URL", url)
            .env_remove("API_KEY")
            .env("PYTHONIOENCODING", "utf-8")
            .output()
    })
    .await
    .expect("task")
    .expect("python3 runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}\n{stderr}", output.status);

    let (cities, total) = app
        .all_pages("/api/v1/cities?country=TH&network=unesco-gnlc&sort=joined")
        .await;
    let thai_members = seed_rows("gnlc_members_known.csv")
        .into_iter()
        .filter(|r| r["country"] == "Thailand")
        .count();
    assert_eq!(total, thai_members as i64);
    let mut expected = vec![format!("thai_gnlc_cities\t{total}")];
    for city in &cities {
        let year = city["memberships"]
            .as_array()
            .expect("memberships")
            .iter()
            .find(|m| m["network"] == "unesco-gnlc")
            .map(|m| int_of(m, "joined_year"))
            .expect("GNLC membership");
        expected.push(format!(
            "city\t{year}\t{}\t{}",
            str_of(city, "name.en"),
            city["name"]["th"].as_str().unwrap_or_default()
        ));
    }
    let (members, _) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?limit=200")
        .await;
    let joins: Vec<(String, i64)> = members
        .iter()
        .filter_map(|m| m["joined_year"].as_i64())
        .map(|y| ("unesco-gnlc".to_owned(), y))
        .collect();
    for (_, year, new, cumulative) in growth_rows(&joins) {
        expected.push(format!("growth\t{year}\t{new}\t{cumulative}"));
    }
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{stdout}");
    assert!(stdout.contains("\tChiang Rai\tเชียงราย\n"), "{stdout}");
    assert!(stdout.contains("\tPhayao\tพะเยา\n"), "{stdout}");
}

on_both_backends!(
    exports_equal_the_paged_json,
    bad_format_or_bom_is_refused,
    large_export_is_streamed_whole,
    kept_downloads_follow_every_write,
    lists_carry_etags_and_cache_control,
    link_headers_walk_the_pages,
    cors_lets_browsers_read_etag_and_link,
    statistics_match_the_data,
    bulk_dataset_is_a_zip_of_every_table,
    changes_feed_lists_public_changes_in_order,
    api_key_usage_counts_requests,
    analysts_python_example_runs,
    statistics_leave_out_archived_cities,
);

/// What the statistics must agree with: the public reads.
async fn public_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    let (cities, total) = app.all_pages("/api/v1/cities?limit=200").await;
    out.insert("cities".to_owned(), total);
    for city in &cities {
        *out.entry(format!("country:{}", str_of(city, "country")))
            .or_default() += 1;
    }
    let (networks, _) = app.all_pages("/api/v1/networks").await;
    out.insert(
        "active_memberships".to_owned(),
        networks.iter().map(|n| int_of(n, "member_count")).sum(),
    );
    let (members, _) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?limit=200")
        .await;
    out.insert(
        "gnlc_joined".to_owned(),
        members.iter().filter(|m| m["joined_year"].is_i64()).count() as i64,
    );
    let (cycles, _) = app.all_pages("/api/v1/award-cycles?status=published").await;
    for cycle in &cycles {
        for result in cycle["results"].as_array().expect("results") {
            for winner in result["winners"].as_array().expect("winners") {
                *out.entry("awards".to_owned()).or_default() += 1;
                *out.entry(format!("award:{}", str_of(winner, "country")))
                    .or_default() += 1;
            }
        }
    }
    out
}

/// The same figures from the statistics.
async fn stat_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    let overview = counts(&items(&app.json("/api/v1/stats/overview").await));
    for key in ["cities", "active_memberships", "awards"] {
        out.insert(key.to_owned(), overview[key]);
    }
    for (code, n) in counts(&items(&app.json("/api/v1/stats/cities-by-country").await)) {
        out.insert(format!("country:{code}"), n);
    }
    for (code, n) in counts(&items(&app.json("/api/v1/stats/awards?by=country").await)) {
        out.insert(format!("award:{code}"), n);
    }
    let growth = items(
        &app.json("/api/v1/stats/membership-growth?network=unesco-gnlc")
            .await,
    );
    out.insert(
        "gnlc_joined".to_owned(),
        growth.last().map_or(0, |g| int_of(g, "cumulative")),
    );
    out
}

/// Archiving a city takes it, its memberships and its wins out of the public reads; the
/// statistics agree with those reads before, during and after.
async fn statistics_leave_out_archived_cities(app: &TestApp) {
    let admin = app.admin_token().await;
    let seeded = public_counts(app).await;
    assert_eq!(stat_counts(app).await, seeded);
    // Phayao is a GNLC member; Cork won the UNESCO award twice.
    let phayao = app.json("/api/v1/cities/phayao").await;
    assert!(phayao["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .any(|m| m["network"] == "unesco-gnlc" && m["status"] == "active"));
    assert_eq!(
        app.json("/api/v1/cities/cork/awards").await["total"],
        2,
        "Cork's wins"
    );
    for slug in ["phayao", "cork"] {
        expect(
            app.delete(&format!("/api/v1/cities/{slug}"), Some(&admin), None)
                .await,
            204,
            "archive",
        )
        .await;
    }
    let archived = public_counts(app).await;
    assert_eq!(archived["cities"], seeded["cities"] - 2);
    assert_eq!(
        archived["active_memberships"],
        seeded["active_memberships"] - 1
    );
    assert_eq!(archived["gnlc_joined"], seeded["gnlc_joined"] - 1);
    assert_eq!(archived["awards"], seeded["awards"] - 2);
    assert_eq!(archived["award:IE"], seeded["award:IE"] - 2);
    assert_eq!(stat_counts(app).await, archived, "the statistics follow");

    for slug in ["phayao", "cork"] {
        expect(
            app.post(
                &format!("/api/v1/cities/{slug}/restore"),
                Some(&admin),
                &json!({}),
            )
            .await,
            200,
            "restore",
        )
        .await;
    }
    assert_eq!(public_counts(app).await, seeded);
    assert_eq!(stat_counts(app).await, seeded);
}
