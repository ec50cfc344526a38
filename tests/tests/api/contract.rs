//! The committed contract: `openapi.yaml` matches the code, the served document matches it,
//! every operation documents its problems, and both migration folders agree.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::TestApp;

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn openapi_yaml_is_current() {
    let committed = std::fs::read_to_string(repo("openapi.yaml")).expect("openapi.yaml exists");
    let generated = learning_city::openapi::yaml().expect("document renders");
    assert!(
        committed == generated,
        "openapi.yaml is stale: run `cargo run --bin learning-city -- openapi --output openapi.yaml`"
    );
}

/// Collects every `$ref` in `value`.
fn refs(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("$ref", Value::String(target)) => {
                        found.insert(target.clone());
                    }
                    _ => refs(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

#[test]
fn every_schema_reference_resolves() {
    let doc: Value = serde_json::to_value(learning_city::openapi::document()).expect("json");
    let mut found = BTreeSet::new();
    refs(&doc, &mut found);
    assert!(found.len() > 50, "the document uses its components");
    let dangling: Vec<_> = found
        .iter()
        .filter(|target| {
            let pointer = target.trim_start_matches('#');
            !target.starts_with("#/") || doc.pointer(pointer).is_none()
        })
        .collect();
    assert!(dangling.is_empty(), "references to nothing: {dangling:?}");
}

#[test]
fn document_is_openapi_3_1_and_every_operation_documents_its_problems() {
    let doc: Value = serde_json::to_value(learning_city::openapi::document()).expect("json");
    assert!(doc["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with("3.1")));
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 20, "every operation is documented");
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            let responses = op["responses"].as_object().expect("responses");
            let documents = |status: &str| responses.contains_key(status);
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path} documents its success"
            );
            for (status, response) in responses {
                if !status.starts_with('2') && status != "304" {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status} is a problem"
                    );
                }
            }
            let session = path.starts_with("/api/v1/auth/");
            let mut expected = vec![];
            // Liveness and metrics never touch the database.
            if path != "/healthz" && path != "/metrics" {
                expected.push("503");
            }
            if path.starts_with("/api/v1") {
                expected.extend(["401", "429"]);
            }
            if method == "get" {
                expected.push("400");
            }
            if path.contains('{') {
                expected.push("404");
            }
            if method != "get" && !session {
                expected.push("403");
            }
            if (method == "post" || method == "patch") && op.get("requestBody").is_some() {
                expected.extend(["400", "413", "415", "422"]);
            }
            for status in expected {
                assert!(documents(status), "{method} {path} documents {status}");
            }
            assert!(op["summary"].is_string(), "{method} {path} has a summary");
        }
    }
}

fn migration_names(backend: &str) -> BTreeSet<String> {
    std::fs::read_dir(repo(&format!("migrations/{backend}")))
        .expect("migration folder")
        .map(|entry| {
            let entry = entry.expect("entry");
            for file in ["up.sql", "down.sql"] {
                assert!(
                    entry.path().join(file).is_file(),
                    "{:?} has {file}",
                    entry.path()
                );
            }
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn both_migration_folders_hold_the_same_migrations() {
    let sqlite = migration_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"));
}

async fn served_document_and_offline_docs(app: &TestApp) {
    let served = app.json("/api/openapi.json").await;
    let expected = serde_json::to_value(learning_city::openapi::document()).expect("json");
    assert_eq!(served, expected);

    let docs = app
        .client
        .get(format!("{}/api/docs/", app.url))
        .send()
        .await
        .expect("docs");
    assert_eq!(docs.status(), 200);
    let html = docs.text().await.expect("html");
    assert!(html.contains("swagger-ui"), "Swagger UI page");
    let init = app
        .client
        .get(format!("{}/api/docs/swagger-initializer.js", app.url))
        .send()
        .await
        .expect("initializer")
        .text()
        .await
        .expect("js");
    assert!(init.contains("/api/openapi.json"));
    assert!(!init.contains("https://"), "no CDN");
    let redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!("{}/api/docs", app.url))
        .send()
        .await
        .expect("redirect");
    assert_eq!(redirect.status(), 308);
    assert_eq!(redirect.headers()["location"], "/api/docs/");

    let home = app
        .client
        .get(format!("{}/", app.url))
        .send()
        .await
        .expect("home");
    assert_eq!(home.status(), 200);
    assert!(home
        .text()
        .await
        .expect("html")
        .contains("Thailand Learning City Platform"));
}

/// Every value an enum parameter documents is one the operation accepts, and a value it does
/// not document is refused: the contract's enums are the real whitelists.
async fn documented_enum_values_are_accepted(app: &TestApp) {
    let doc = app.json("/api/openapi.json").await;
    let mut checked = 0;
    for (path, param) in [
        ("/api/v1/cities", "sort"),
        ("/api/v1/cities", "format"),
        ("/api/v1/networks", "sort"),
        ("/api/v1/networks/unesco-gnlc/members", "sort"),
        ("/api/v1/countries", "sort"),
        ("/api/v1/provinces", "sort"),
        ("/api/v1/provinces", "region"),
    ] {
        let template = path.replace("unesco-gnlc", "{slug}");
        let schema = doc["paths"][&template]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .find(|p| p["name"] == param)
            .unwrap_or_else(|| panic!("{path} documents {param}"))["schema"]
            .clone();
        let pointer = schema["$ref"]
            .as_str()
            .or_else(|| schema["oneOf"][0]["$ref"].as_str())
            .expect("a named schema")
            .trim_start_matches('#')
            .to_owned();
        let values = doc
            .pointer(&pointer)
            .and_then(|s| s["enum"].as_array())
            .unwrap_or_else(|| panic!("{pointer} is an enum"));
        assert!(!values.is_empty());
        for value in values {
            let value = value.as_str().expect("string value");
            let reply = app.get(&format!("{path}?{param}={value}&limit=1")).await;
            assert_eq!(reply.status, 200, "{path}?{param}={value}: {}", reply.body);
            checked += 1;
        }
        app.get(&format!("{path}?{param}=Undocumented"))
            .await
            .problem(400, "invalid_query");
    }
    assert!(checked >= 20, "checked {checked} values");
}

on_both_backends!(
    served_document_and_offline_docs,
    documented_enum_values_are_accepted
);
