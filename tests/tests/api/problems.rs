//! Bad requests get RFC 9457 problems with stable codes, never a 500.

use reqwest::Method;
use serde_json::Value;

use crate::common::TestApp;

/// Every list operation of the API.
const LISTS: &[&str] = &[
    "/api/v1/cities",
    "/api/v1/networks",
    "/api/v1/networks/unesco-gnlc/members",
    "/api/v1/countries",
    "/api/v1/provinces",
];

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field").to_owned())
        .collect()
}

async fn unknown_and_repeated_parameters_are_refused(app: &TestApp) {
    for list in LISTS {
        let reply = app.get(&format!("{list}?colour=red")).await;
        let problem = reply.problem(400, "invalid_query");
        assert_eq!(fields(problem), vec!["colour"], "{list}");
        let reply = app.get(&format!("{list}?limit=1&limit=2")).await;
        assert_eq!(fields(reply.problem(400, "invalid_query")), vec!["limit"]);
    }
    for single in [
        "/api/v1/cities/phayao",
        "/api/v1/networks/unesco-gnlc",
        "/healthz",
        "/readyz",
    ] {
        let reply = app.get(&format!("{single}?expand=all")).await;
        assert_eq!(
            fields(reply.problem(400, "invalid_query")),
            vec!["expand"],
            "{single}"
        );
    }
}

async fn query_strings_that_are_not_utf8_are_refused(app: &TestApp) {
    for path in [
        "/api/v1/cities?q=%ff%fe",
        "/api/v1/networks?q=%E0%B8",
        "/healthz?%ff=1",
    ] {
        let reply = app.get(path).await;
        assert_eq!(
            fields(reply.problem(400, "invalid_query")),
            vec!["query"],
            "{path}"
        );
    }
    let thai = app
        .get("/api/v1/cities?q=%E0%B8%9E%E0%B8%B0%E0%B9%80%E0%B8%A2%E0%B8%B2")
        .await;
    assert_eq!(
        thai.status, 200,
        "percent-encoded Thai is UTF-8: {}",
        thai.body
    );
}

async fn limits_out_of_range_are_refused(app: &TestApp) {
    for list in LISTS {
        for bad in ["0", "201", "-1", "abc", "1.5", "99999999999999999999", ""] {
            let reply = app.get(&format!("{list}?limit={bad}")).await;
            assert_eq!(
                fields(reply.problem(400, "invalid_query")),
                vec!["limit"],
                "{list} limit={bad}"
            );
        }
        assert_eq!(
            app.json(&format!("{list}?limit=1")).await["items"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        assert!(app.json(&format!("{list}?limit=200")).await["items"].is_array());
    }
}

async fn bad_filter_values_are_named_together(app: &TestApp) {
    let cases = [
        ("country=THA", "country"),
        ("country=1", "country"),
        ("province=56", "province"),
        ("province=TH-5", "province"),
        ("group=asia", "group"),
        ("group=ASEAN", "group"),
        ("th_region=north", "th_region"),
        ("network=Not%20A%20Slug", "network"),
        ("member_since=abc", "member_since"),
        ("member_since=2022..2019", "member_since"),
        ("member_since=..", "member_since"),
        ("member_since=1066", "member_since"),
        ("q=", "q"),
        ("q=%20%20", "q"),
        ("sort=size", "sort"),
        ("sort=--name", "sort"),
    ];
    for (query, field) in cases {
        let reply = app.get(&format!("/api/v1/cities?{query}")).await;
        assert_eq!(
            fields(reply.problem(400, "invalid_query")),
            vec![field],
            "{query}"
        );
    }
    let long = "a".repeat(101);
    let reply = app.get(&format!("/api/v1/cities?q={long}")).await;
    assert_eq!(fields(reply.problem(400, "invalid_query")), vec!["q"]);

    let reply = app
        .get("/api/v1/cities?country=THA&limit=0&sort=size")
        .await;
    let mut named = fields(reply.problem(400, "invalid_query"));
    named.sort();
    assert_eq!(
        named,
        vec!["country", "limit", "sort"],
        "every bad parameter is reported at once"
    );

    for (path, field) in [
        ("/api/v1/networks?scope=planet", "scope"),
        ("/api/v1/networks?status=closed", "status"),
        ("/api/v1/networks/unesco-gnlc/members?role=chair", "role"),
        ("/api/v1/networks/unesco-gnlc/members?status=left", "status"),
        (
            "/api/v1/networks/unesco-gnlc/members?sort=population",
            "sort",
        ),
        ("/api/v1/countries?group=eu", "group"),
        ("/api/v1/provinces?region=north", "region"),
    ] {
        assert_eq!(
            fields(app.get(path).await.problem(400, "invalid_query")),
            vec![field],
            "{path}"
        );
    }
}

async fn bad_cursors_are_refused(app: &TestApp) {
    let page = app.json("/api/v1/cities?limit=5").await;
    let cursor = page["next_cursor"].as_str().expect("cursor").to_owned();
    for list in LISTS {
        for forged in ["garbage", "!!!", "eyJ4IjoxfQ", "e30", &"A".repeat(2000)] {
            app.get(&format!("{list}?cursor={forged}"))
                .await
                .problem(400, "invalid_cursor");
        }
    }
    app.get(&format!("/api/v1/cities?sort=-name&cursor={cursor}"))
        .await
        .problem(400, "invalid_cursor");
    app.get(&format!("/api/v1/cities?sort=population&cursor={cursor}"))
        .await
        .problem(400, "invalid_cursor");
    let by_population = app.json("/api/v1/cities?sort=population&limit=5").await;
    let numeric = by_population["next_cursor"].as_str().expect("cursor");
    app.get(&format!("/api/v1/networks?cursor={cursor}"))
        .await
        .problem(400, "invalid_cursor");
    app.get(&format!("/api/v1/countries?sort=name&cursor={numeric}"))
        .await
        .problem(400, "invalid_cursor");
    assert_eq!(
        app.json(&format!("/api/v1/cities?cursor={cursor}&limit=5"))
            .await["items"]
            .as_array()
            .map(Vec::len),
        Some(5)
    );
}

async fn unknown_routes_slugs_and_methods(app: &TestApp) {
    app.get("/api/v1/towns")
        .await
        .problem(404, "route_not_found");
    app.get("/api/v2/cities")
        .await
        .problem(404, "route_not_found");
    app.get("/no/such/page")
        .await
        .problem(404, "route_not_found");
    app.get("/api/v1/cities/atlantis")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/networks/atlantis")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/networks/atlantis/members")
        .await
        .problem(404, "not_found");

    for (method, path, allow) in [
        (Method::POST, "/api/v1/countries", "GET"),
        (Method::PUT, "/api/v1/cities/phayao", "GET, PATCH, DELETE"),
        (
            Method::PUT,
            "/api/v1/networks/unesco-gnlc",
            "GET, PATCH, DELETE",
        ),
        (Method::PATCH, "/api/v1/provinces", "GET"),
        (Method::DELETE, "/api/v1/cities", "GET, POST"),
        (Method::GET, "/api/v1/auth/login", "POST"),
        (Method::POST, "/healthz", "GET"),
    ] {
        let reply = app
            .send(
                app.client
                    .request(method.clone(), format!("{}{path}", app.url))
                    .body("{not json"),
            )
            .await;
        reply.problem(405, "method_not_allowed");
        assert_eq!(
            reply.headers.get("allow").and_then(|v| v.to_str().ok()),
            Some(allow),
            "{method} {path}"
        );
    }
}

on_both_backends!(
    unknown_and_repeated_parameters_are_refused,
    query_strings_that_are_not_utf8_are_refused,
    limits_out_of_range_are_refused,
    bad_filter_values_are_named_together,
    bad_cursors_are_refused,
    unknown_routes_slugs_and_methods,
);

async fn head_answers_like_get_without_a_body(app: &TestApp) {
    for path in [
        "/api/v1/cities/phayao",
        "/api/v1/cities?limit=2",
        "/healthz",
        "/",
    ] {
        let get = app
            .client
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .expect("get");
        let head = app
            .client
            .head(format!("{}{path}", app.url))
            .send()
            .await
            .expect("head");
        assert_eq!(head.status(), get.status(), "{path}");
        assert_eq!(
            head.headers().get("etag"),
            get.headers().get("etag"),
            "{path}"
        );
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "{path}"
        );
        assert!(
            head.bytes().await.expect("body").is_empty(),
            "{path}: no body"
        );
    }
    let missing = app
        .client
        .head(format!("{}/api/v1/cities/atlantis", app.url))
        .send()
        .await
        .expect("head");
    assert_eq!(missing.status(), 404);
}

mod head {
    use super::*;
    on_both_backends!(head_answers_like_get_without_a_body);
}
