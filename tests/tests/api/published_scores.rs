//! `GET /scores`: exactly the scores the public aggregates are made of (rankings, city
//! summaries, area averages), never a draft, returned or unpublished one, nor an archived
//! city's; no evaluator identity; CSV and NDJSON equal the paged JSON row for row; filters and
//! bad input.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use learning_city::evaluations::results::types::PUBLISHED_SCORE_COLUMNS;
use serde_json::{json, Value};

use crate::common::TestApp;

/// Which rows of the whole list a filter keeps.
type Keep = Box<dyn Fn(&Value) -> bool>;

const LCA: &str = "unesco-lca-2024-v1";
const DEMO_FRAMEWORK: &str = "demo-criteria-v1";

async fn load_demo(app: &TestApp) -> i64 {
    let database = app.database();
    let created = tokio::task::spawn_blocking(move || learning_city::cli::load_demo(&database))
        .await
        .expect("task")
        .expect("demo loads");
    assert_eq!(created, 18);
    let cycles = app
        .json("/api/v1/award-cycles?programme=demo-learning-city-award")
        .await;
    cycles["items"][0]["id"].as_i64().expect("cycle id")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn num(value: &Value, key: &str) -> f64 {
    value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("no number {key} in {value}"))
}

/// A score row's position on its scale, 0-100.
fn on_scale(row: &Value) -> f64 {
    (num(row, "score") - num(row, "scale_min")) / (num(row, "scale_max") - num(row, "scale_min"))
        * 100.0
}

/// The overall score per evaluation of rows of a flat framework (every criterion an area of
/// weight 1): the mean position on the scale.
fn overall_per_evaluation<'a>(rows: impl Iterator<Item = &'a Value>) -> BTreeMap<i64, f64> {
    let mut sums: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for row in rows {
        let entry = sums
            .entry(row["evaluation_id"].as_i64().expect("evaluation_id"))
            .or_default();
        entry.0 += on_scale(row);
        entry.1 += 1.0;
    }
    sums.into_iter().map(|(id, (s, n))| (id, s / n)).collect()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Every row of `/scores` with `query`, followed page by page.
async fn all(app: &TestApp, query: &str) -> Vec<Value> {
    let path = if query.is_empty() {
        "/api/v1/scores?limit=200".to_owned()
    } else {
        format!("/api/v1/scores?limit=200&{query}")
    };
    let (items, total) = app.all_pages(&path).await;
    assert_eq!(items.len() as i64, total, "{query}");
    items
}

async fn put_scores(app: &TestApp, token: &str, id: i64, values: &[f64]) {
    let body = json!({"scores": values.iter().enumerate().map(|(i, v)| json!({
        "criterion": (i + 1).to_string(), "score": v,
        "comment": "private remark", "evidence_links": ["https://example.org/evidence"]
    })).collect::<Vec<_>>()});
    let saved = app
        .send(
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/evaluations/{id}/scores"),
                Some(token),
            )
            .json(&body),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
}

async fn only_published_scores_and_they_match_the_aggregates(app: &TestApp) {
    let demo_cycle = load_demo(app).await;
    let admin = app.admin_token().await;
    let staff = app.user_token(&admin, "secretariat", None).await;
    app.sign_in_by_default(app.user_token(&admin, "analyst", None).await);
    let e1 = app.user_token(&admin, "evaluator", None).await;
    let e2 = app.user_token(&admin, "evaluator", None).await;
    let (e1_id, e2_id) = (app.user_id(&e1).await, app.user_id(&e2).await);

    // A monitoring round: two submitted evaluations, one left a draft, one returned.
    let round = app
        .post(
            "/api/v1/monitoring-rounds",
            Some(&staff),
            &json!({"framework": LCA, "year": 2031, "title": {"en": "Scores round"}}),
        )
        .await;
    assert_eq!(round.status, 201, "{}", round.body);
    let round = round.body["id"].as_i64().expect("id");
    let mut ids = HashMap::new();
    for (who, token, evaluator, city, values) in [
        (
            "submitted",
            &e1,
            e1_id,
            "phayao",
            [5.0, 4.0, 3.0, 5.0, 4.0, 3.0, 5.0, 4.0],
        ),
        (
            "also",
            &e1,
            e1_id,
            "chiang-mai",
            [2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0, 5.0],
        ),
        ("draft", &e2, e2_id, "phayao", [1.0; 8]),
        ("returned", &e2, e2_id, "chiang-rai", [3.0; 8]),
    ] {
        let assigned = app
            .post(
                "/api/v1/evaluations",
                Some(&staff),
                &json!({"evaluator": evaluator, "round": round, "city": city}),
            )
            .await;
        assert_eq!(assigned.status, 201, "{}", assigned.body);
        let id = assigned.body["id"].as_i64().expect("id");
        put_scores(app, token, id, &values).await;
        if who != "draft" {
            let submitted = app
                .post(
                    &format!("/api/v1/evaluations/{id}/submit"),
                    Some(token),
                    &json!({}),
                )
                .await;
            assert_eq!(submitted.status, 200, "{}", submitted.body);
        }
        ids.insert(who, id);
    }
    let returned = app
        .post(
            &format!("/api/v1/evaluations/{}/return", ids["returned"]),
            Some(&staff),
            &json!({"reason": "missing evidence"}),
        )
        .await;
    assert_eq!(returned.status, 200, "{}", returned.body);

    // Before the round is published, only the published demo cycle shows.
    let before = all(app, "").await;
    assert_eq!(before.len(), 72, "18 demo evaluations x 4 criteria");
    assert!(before.iter().all(|r| r["context"] == "award"));
    assert!(all(app, &format!("round={round}")).await.is_empty());

    let published = app
        .post(
            &format!("/api/v1/monitoring-rounds/{round}/publish"),
            Some(&staff),
            &json!({}),
        )
        .await;
    assert_eq!(published.status, 204);
    let rows = all(app, "").await;
    assert_eq!(rows.len(), 72 + 16);
    let in_round: BTreeSet<i64> = rows
        .iter()
        .filter(|r| r["round_id"].as_i64() == Some(round))
        .map(|r| r["evaluation_id"].as_i64().expect("id"))
        .collect();
    assert_eq!(in_round, BTreeSet::from([ids["submitted"], ids["also"]]));
    for row in &rows {
        let keys: Vec<&str> = row
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = PUBLISHED_SCORE_COLUMNS.to_vec();
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected, "no evaluator, comment or evidence");
    }
    assert!(!rows
        .iter()
        .any(|r| r.to_string().contains("private remark")));

    // The city summaries are the means of these rows.
    let phayao = app.json("/api/v1/cities/phayao/evaluations").await;
    for summary in phayao["items"].as_array().expect("items") {
        let matching: Vec<&Value> = rows
            .iter()
            .filter(|r| r["city"] == "phayao")
            .filter(|r| match summary["context"].as_str() {
                Some("award") => r["cycle_id"] == summary["cycle_id"],
                _ => r["round_id"] == summary["round_id"],
            })
            .collect();
        let overall = overall_per_evaluation(matching.iter().copied());
        assert_eq!(summary["evaluations"].as_u64(), Some(overall.len() as u64));
        let values: Vec<f64> = overall.values().copied().collect();
        assert!(close(num(summary, "mean"), mean(&values)), "{summary}");
    }
    assert_eq!(phayao["items"].as_array().map(Vec::len), Some(2));

    // Each ranking entry is the mean, min and max over its nomination's evaluations.
    let cycle = app
        .json(&format!("/api/v1/award-cycles/{demo_cycle}"))
        .await;
    let mut ranked = 0;
    for category in cycle["categories"].as_array().expect("categories") {
        let slug = category["slug"].as_str().expect("slug");
        let ranking = app
            .json(&format!(
                "/api/v1/award-cycles/{demo_cycle}/rankings?category={slug}"
            ))
            .await;
        for entry in ranking["entries"].as_array().expect("entries") {
            let overall = overall_per_evaluation(
                rows.iter()
                    .filter(|r| r["nomination_id"] == entry["nomination_id"])
                    .filter(|r| r["category"] == slug && r["city"] == entry["city"]),
            );
            let values: Vec<f64> = overall.values().copied().collect();
            assert_eq!(entry["evaluations"].as_u64(), Some(values.len() as u64));
            assert!(close(num(entry, "mean"), mean(&values)), "{entry}");
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert!(close(num(entry, "min"), min) && close(num(entry, "max"), max));
            ranked += values.len();
        }
    }
    assert_eq!(ranked, 18);

    // The area averages of a flat framework are the means per criterion.
    let areas = app
        .json(&format!(
            "/api/v1/evaluation-stats/areas?framework={DEMO_FRAMEWORK}"
        ))
        .await;
    for area in areas["items"].as_array().expect("items") {
        let values: Vec<f64> = rows
            .iter()
            .filter(|r| r["framework"] == DEMO_FRAMEWORK && r["criterion"] == area["area"])
            .map(on_scale)
            .collect();
        assert_eq!(area["evaluations"].as_u64(), Some(values.len() as u64));
        assert!(close(num(area, "mean"), mean(&values)), "{area}");
    }

    // An archived city leaves the list, as it leaves the city summaries.
    let archived = app
        .delete("/api/v1/cities/chiang-mai", Some(&staff), None)
        .await;
    assert_eq!(archived.status, 204, "{}", archived.body);
    let after = all(app, "").await;
    let kept: Vec<&Value> = rows.iter().filter(|r| r["city"] != "chiang-mai").collect();
    assert!(kept.len() < rows.len());
    assert_eq!(after.iter().collect::<Vec<_>>(), kept);
}

/// A CSV body's header and records.
fn parse_csv(body: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader.records().collect::<Result<_, _>>().expect("records");
    (header, records)
}

/// The documented cell of a scalar: empty for `null`, text as is, numbers as in JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

async fn body(
    app: &TestApp,
    path: &str,
    accept: Option<&str>,
) -> (reqwest::StatusCode, String, String, Vec<u8>) {
    let mut request = app.request(reqwest::Method::GET, path, None);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let bytes = response.bytes().await.expect("body").to_vec();
    (status, content_type, disposition, bytes)
}

async fn downloads_equal_the_pages_and_filters_narrow(app: &TestApp) {
    let demo_cycle = load_demo(app).await;
    let admin = app.admin_token().await;
    app.sign_in_by_default(app.user_token(&admin, "analyst", None).await);
    let (items, total) = app.all_pages("/api/v1/scores?limit=7").await;
    assert_eq!(total, 72);
    assert_eq!(items.len(), 72);
    let order: Vec<(i64, String)> = items
        .iter()
        .map(|r| {
            let id = r["evaluation_id"].as_i64().expect("id");
            (id, r["criterion"].as_str().expect("code").to_owned())
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0].0 <= w[1].0),
        "in evaluation order"
    );
    let unique: BTreeSet<&(i64, String)> = order.iter().collect();
    assert_eq!(
        unique.len(),
        order.len(),
        "one row per evaluation and criterion"
    );
    let (status, content_type, disposition, csv) =
        body(app, "/api/v1/scores?format=csv", None).await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert_eq!(disposition, "attachment; filename=\"scores.csv\"");
    let csv = String::from_utf8(csv).expect("UTF-8");
    let (header, records) = parse_csv(&csv);
    assert_eq!(header, PUBLISHED_SCORE_COLUMNS);
    assert_eq!(records.len(), items.len());
    for (record, item) in records.iter().zip(&items) {
        let expected: Vec<String> = PUBLISHED_SCORE_COLUMNS
            .iter()
            .map(|c| cell(&item[*c]))
            .collect();
        assert_eq!(record.iter().collect::<Vec<_>>(), expected);
    }
    let (_, _, _, by_accept) = body(app, "/api/v1/scores", Some("text/csv")).await;
    assert_eq!(String::from_utf8(by_accept).expect("UTF-8"), csv);
    let (_, _, _, with_bom) = body(app, "/api/v1/scores?format=csv&bom=true", None).await;
    assert_eq!(&with_bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&with_bom[3..], csv.as_bytes());
    let (status, content_type, disposition, ndjson) =
        body(app, "/api/v1/scores?format=ndjson&limit=3", None).await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/x-ndjson");
    assert_eq!(disposition, "attachment; filename=\"scores.ndjson\"");
    let lines: Vec<Value> = String::from_utf8(ndjson)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines, items, "a download ignores limit");

    // Each filter keeps exactly the matching rows.
    let category = items[0]["category"].as_str().expect("category").to_owned();
    let cases: Vec<(String, Keep)> = vec![
        (format!("framework={DEMO_FRAMEWORK}"), Box::new(|_| true)),
        ("framework=kflc-v1".into(), Box::new(|_| false)),
        (format!("cycle={demo_cycle}"), Box::new(|_| true)),
        (format!("cycle={}", demo_cycle + 1000), Box::new(|_| false)),
        (
            format!("category={category}"),
            Box::new(move |r| r["category"] == category.as_str()),
        ),
        ("city=phayao".into(), Box::new(|r| r["city"] == "phayao")),
        ("country=th".into(), Box::new(|r| r["country"] == "TH")),
        ("country=JP".into(), Box::new(|_| false)),
        ("context=award".into(), Box::new(|_| true)),
        ("context=monitoring".into(), Box::new(|_| false)),
        ("round=1".into(), Box::new(|_| false)),
        ("year=2026".into(), Box::new(|r| r["year"] == 2026)),
        ("year=2030".into(), Box::new(|_| false)),
        (
            "city=phayao&category=demo-2026-equity".into(),
            Box::new(|r| r["city"] == "phayao" && r["category"] == "demo-2026-equity"),
        ),
    ];
    for (query, keep) in cases {
        let expected: Vec<&Value> = items.iter().filter(|r| keep(r)).collect();
        let got = all(app, &query).await;
        assert_eq!(got.iter().collect::<Vec<_>>(), expected, "{query}");
        let (_, _, _, csv) = body(app, &format!("/api/v1/scores?{query}&format=csv"), None).await;
        let (_, records) = parse_csv(&String::from_utf8(csv).expect("UTF-8"));
        assert_eq!(records.len(), expected.len(), "{query} as CSV");
    }
    assert_eq!(
        all(app, "city=phayao").await.len(),
        12,
        "3 evaluators x 4 criteria"
    );
}

async fn bad_input_is_a_problem(app: &TestApp) {
    // Individual scores are never public: not anonymously, not to an evaluator or city editor.
    app.get("/api/v1/scores")
        .await
        .problem(401, "authentication_required");
    let admin = app.admin_token().await;
    let evaluator = app.user_token(&admin, "evaluator", None).await;
    app.get_as("/api/v1/scores", &evaluator)
        .await
        .problem(403, "forbidden");
    app.sign_in_by_default(app.user_token(&admin, "analyst", None).await);
    for query in [
        "limit=0",
        "limit=201",
        "limit=ten",
        "cycle=0",
        "cycle=abc",
        "round=-1",
        "context=both",
        "year=1800",
        "country=THA",
        "framework=Not_A_Slug",
        "city=%20",
        "category=a%2Fb",
        "format=xml",
        "bom=maybe",
        "evaluator=1",
        "limit=1&limit=2",
    ] {
        let reply = app.get(&format!("/api/v1/scores?{query}")).await;
        reply.problem(400, "invalid_query");
    }
    let both = app.get("/api/v1/scores?limit=0&cycle=abc").await;
    assert_eq!(
        both.problem(400, "invalid_query")["errors"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "every problem at once"
    );
    app.get("/api/v1/scores?cursor=not-a-cursor")
        .await
        .problem(400, "invalid_cursor");
    let cities = app.json("/api/v1/cities?limit=1").await;
    let foreign = cities["next_cursor"]
        .as_str()
        .expect("a cursor of the city list");
    app.get(&format!("/api/v1/scores?cursor={foreign}"))
        .await
        .problem(400, "invalid_cursor");
    let empty = app.json("/api/v1/scores").await;
    assert_eq!(empty, json!({"items": [], "next_cursor": null, "total": 0}));
}

async fn long_downloads_are_whole_and_in_order(app: &TestApp) {
    let admin = app.admin_token().await;
    app.sign_in_by_default(app.user_token(&admin, "analyst", None).await);
    let database = app.database();
    let sizes = learning_city::seed::synthetic::Sizes {
        cities: 30,
        networks: 2,
        scores: 11_000,
    };
    tokio::task::spawn_blocking(move || learning_city::cli::load_synthetic(&database, sizes))
        .await
        .expect("task")
        .expect("synthetic data loads");
    let total = app.json("/api/v1/scores?limit=1").await["total"]
        .as_i64()
        .expect("total");
    assert_eq!(total, 11_000, "250 evaluations x 44 criteria");
    let (_, _, _, csv) = body(app, "/api/v1/scores?format=csv", None).await;
    let (_, records) = parse_csv(&String::from_utf8(csv).expect("UTF-8"));
    assert_eq!(
        records.len() as i64,
        total,
        "a download longer than one step"
    );
    let keys: Vec<(i64, String)> = records
        .iter()
        .map(|r| (r[0].parse().expect("evaluation_id"), r[8].to_owned()))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0].0 <= w[1].0),
        "in evaluation order"
    );
    assert_eq!(
        keys.iter().collect::<BTreeSet<_>>().len(),
        keys.len(),
        "no row twice"
    );
    let first = app.json("/api/v1/scores?limit=200").await;
    let cursor = first["next_cursor"].as_str().expect("next page");
    let second = app
        .json(&format!("/api/v1/scores?limit=200&cursor={cursor}"))
        .await;
    let paged: Vec<(i64, String)> = [&first, &second]
        .iter()
        .flat_map(|p| p["items"].as_array().cloned().unwrap_or_default())
        .map(|r| {
            let id = r["evaluation_id"].as_i64().expect("id");
            (id, r["criterion"].as_str().expect("code").to_owned())
        })
        .collect();
    assert_eq!(paged, keys[..400], "pages and download agree");
}

on_both_backends!(
    long_downloads_are_whole_and_in_order,
    only_published_scores_and_they_match_the_aggregates,
    downloads_equal_the_pages_and_filters_narrow,
    bad_input_is_a_problem,
);
