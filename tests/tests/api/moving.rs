//! `learning-city export` and `import`: a whole database moves SQLite -> PostgreSQL -> SQLite
//! with identical API answers, and an import is all or nothing.

use std::path::Path;

use learning_city::config::DatabaseConfig;
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{Backend, EmptyDatabase, TestApp, ADMIN_PASSWORD};

/// Every read the comparison makes, as the admin: public lists and details, staff-only lists,
/// archived rows, accounts, keys, the audit log and whole-table downloads.
const READS: &[&str] = &[
    "/api/v1/cities?format=ndjson",
    "/api/v1/cities?archived=true&limit=200",
    "/api/v1/cities/phayao",
    "/api/v1/networks?limit=200",
    "/api/v1/networks/unesco-gnlc/members?format=ndjson",
    "/api/v1/countries",
    "/api/v1/provinces",
    "/api/v1/award-programmes",
    "/api/v1/award-cycles?limit=200",
    "/api/v1/award-categories?limit=200",
    "/api/v1/frameworks",
    "/api/v1/monitoring-rounds",
    "/api/v1/nominations?limit=200",
    "/api/v1/evaluations?limit=200",
    "/api/v1/scores?format=ndjson",
    "/api/v1/conflicts",
    "/api/v1/stats/overview",
    "/api/v1/stats/awards",
    "/api/v1/stats/membership-growth",
    "/api/v1/changes",
    "/api/v1/users?limit=200",
    "/api/v1/api-keys",
    "/api/v1/audit-log?limit=200",
    "/api/v1/me",
];

/// Status and body text of every read in [`READS`], and of the demo cycle's ranking.
async fn answers(app: &TestApp, token: &str) -> Vec<(String, u16, String)> {
    let cycles = app
        .get_as("/api/v1/award-cycles?limit=200", token)
        .await
        .body;
    let demo = cycles["items"]
        .as_array()
        .expect("cycles")
        .iter()
        .find(|c| {
            c["title"]["en"]
                .as_str()
                .is_some_and(|t| t.contains("DEMO"))
        })
        .unwrap_or_else(|| panic!("a demo cycle in {cycles}"))["id"]
        .clone();
    let categories = app
        .get_as(&format!("/api/v1/award-categories?cycle={demo}"), token)
        .await
        .body;
    let category = categories["items"][0]["slug"].as_str().expect("category");
    let ranking = format!("/api/v1/award-cycles/{demo}/rankings?category={category}");
    let mut out = Vec::new();
    for path in READS.iter().copied().chain([ranking.as_str()]) {
        let reply = app
            .request(Method::GET, path, Some(token))
            .send()
            .await
            .expect("request");
        let status = reply.status().as_u16();
        out.push((path.to_owned(), status, reply.text().await.expect("body")));
    }
    out
}

/// Asserts two apps answer every read alike, and that the reads were real answers.
fn assert_same_answers(
    what: &str,
    expected: &[(String, u16, String)],
    actual: &[(String, u16, String)],
) {
    for ((path, status, body), (_, status2, body2)) in expected.iter().zip(actual) {
        assert_eq!(*status, 200, "{path}: {body}");
        assert!(body.len() > 2, "{path} answers something: {body}");
        assert_eq!(status, status2, "{what}: {path}");
        assert_eq!(body, body2, "{what}: {path}");
    }
}

/// The admin's access token from a sign-in on `app`.
async fn signed_in(app: &TestApp) -> String {
    app.login("admin@example.org", ADMIN_PASSWORD).await["access_token"]
        .as_str()
        .expect("token")
        .to_owned()
}

fn export(database: &DatabaseConfig, file: &Path) -> learning_city::portable::Summary {
    learning_city::cli::export_database(database, file).expect("export")
}

/// The file without its header line (which names the source backend and the time).
fn body_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("read export");
    let (header, body) = text.split_once('\n').expect("a header line");
    let header: Value = serde_json::from_str(header).expect("header is JSON");
    assert_eq!(header["format"], "learning-city-export");
    body.to_owned()
}

/// Asserts two export bodies are equal, naming the first line that differs.
fn assert_same_lines(expected: &str, actual: &str) {
    let first_difference = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b);
    if let Some((number, (a, b))) = first_difference {
        panic!("line {} differs:\n  {a}\n  {b}", number + 2);
    }
    assert_eq!(
        expected.lines().count(),
        actual.lines().count(),
        "line counts"
    );
}

/// Some of everything: demo evaluations, accounts, an API key, an archived city and an
/// archived membership, so that the move has all kinds of rows to carry.
async fn populate(app: &TestApp) -> String {
    let admin = app.admin_token().await;
    let database = app.database();
    tokio::task::spawn_blocking(move || learning_city::cli::load_demo(&database))
        .await
        .expect("task")
        .expect("demo loaded");
    app.user_token(&admin, "analyst", None).await;
    app.user_token(&admin, "city_editor", Some("phayao")).await;
    let key = app
        .post(
            "/api/v1/api-keys",
            Some(&admin),
            &json!({"name": "City portal", "owner": "Phayao municipality"}),
        )
        .await;
    assert_eq!(key.status, 201, "{}", key.body);
    let city = app
        .post(
            "/api/v1/cities",
            Some(&admin),
            &json!({"name": {"en": "Nan", "th": "น่าน"}, "country": "TH", "province": "TH-55",
                    "lat": 18.783_333_333_333_33, "lon": 100.778_611, "population": 80_000}),
        )
        .await;
    assert_eq!(city.status, 201, "{}", city.body);
    let archived = app.delete("/api/v1/cities/nan", Some(&admin), None).await;
    assert_eq!(archived.status, 204, "{}", archived.body);
    let members = app
        .get("/api/v1/networks/unesco-gnlc/members?limit=1")
        .await
        .body;
    let membership = members["items"][0]["membership_id"]
        .as_i64()
        .expect("membership id");
    let removed = app
        .delete(
            &format!("/api/v1/memberships/{membership}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(removed.status, 204, "{}", removed.body);
    admin
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_moves_sqlite_to_postgres_and_back_with_identical_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = TestApp::spawn(Backend::Sqlite).await;
    let admin = populate(&source).await;
    let expected = answers(&source, &admin).await;

    let first = dir.path().join("from-sqlite.jsonl");
    let database = source.database();
    let exported = {
        let file = first.clone();
        tokio::task::spawn_blocking(move || export(&database, &file))
            .await
            .expect("task")
    };
    let scores = exported
        .tables
        .iter()
        .find(|(table, _)| table == "scores")
        .map(|(_, n)| *n);
    assert!(scores.is_some_and(|n| n > 0), "{exported:?}");
    assert!(!dir.path().join("from-sqlite.jsonl.partial").exists());

    // SQLite -> PostgreSQL.
    let target = EmptyDatabase::new(Backend::Postgres);
    let imported = {
        let (database, file) = (target.database(), first.clone());
        tokio::task::spawn_blocking(move || learning_city::cli::import_database(&database, &file))
            .await
            .expect("task")
            .expect("import into PostgreSQL")
    };
    assert_eq!(imported, exported, "every row of the file is loaded");
    // PostgreSQL -> file, before anything signs in: the same lines as the SQLite export.
    let second = dir.path().join("from-postgres.jsonl");
    let database = target.database();
    let file = second.clone();
    tokio::task::spawn_blocking(move || export(&database, &file))
        .await
        .expect("task");
    assert_same_lines(&body_of(&first), &body_of(&second));

    let postgres = TestApp::spawn_on(Backend::Postgres, target).await;
    // Accounts keep their passwords; the signing secret stays behind, so sign in again.
    let admin = signed_in(&postgres).await;
    assert_same_answers(
        "PostgreSQL after import",
        &expected,
        &answers(&postgres, &admin).await,
    );

    // PostgreSQL -> SQLite.
    let back = EmptyDatabase::new(Backend::Sqlite);
    let (database, file) = (back.database(), second.clone());
    tokio::task::spawn_blocking(move || learning_city::cli::import_database(&database, &file))
        .await
        .expect("task")
        .expect("import into SQLite");
    let sqlite = TestApp::spawn_on(Backend::Sqlite, back).await;
    let admin = signed_in(&sqlite).await;
    assert_same_answers(
        "SQLite after the round trip",
        &expected,
        &answers(&sqlite, &admin).await,
    );

    // New records after an import get new ids (PostgreSQL's sequences were moved on).
    for app in [&postgres, &sqlite] {
        let token = signed_in(app).await;
        let created = app
            .post(
                "/api/v1/cities",
                Some(&token),
                &json!({"name": {"en": "Phrae"}, "country": "TH", "province": "TH-54"}),
            )
            .await;
        assert_eq!(created.status, 201, "{:?}: {}", app.backend, created.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = TestApp::spawn(Backend::Sqlite).await;
    source.admin_token().await;
    let file = dir.path().join("export.jsonl");
    let database = source.database();
    let path = file.clone();
    tokio::task::spawn_blocking(move || export(&database, &path))
        .await
        .expect("task");
    let text = std::fs::read_to_string(&file).expect("read");
    let lines: Vec<&str> = text.lines().collect();

    let import = |database: DatabaseConfig, contents: String| async move {
        let path = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(path.path(), contents).expect("write");
        tokio::task::spawn_blocking(move || {
            learning_city::cli::import_database(&database, path.path())
        })
        .await
        .expect("task")
    };

    for backend in [Backend::Sqlite, Backend::Postgres] {
        let target = EmptyDatabase::new(backend);
        // Cut off before the end line, after most rows were loaded.
        let cut = lines[..lines.len() - 1].join("\n") + "\n";
        let error = import(target.database(), cut)
            .await
            .expect_err("cut-off file");
        assert!(error.contains("cut off"), "{backend:?}: {error}");
        // A row that the database refuses: a membership of a city that does not exist.
        let mut bad: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        let start = bad
            .iter()
            .position(|l| l.starts_with("{\"table\":\"memberships\""))
            .expect("memberships section");
        let section: Value = serde_json::from_str(&bad[start]).expect("table line");
        let city = section["columns"]
            .as_array()
            .expect("columns")
            .iter()
            .position(|c| c == "city_id")
            .expect("city_id column");
        let mut row: Vec<Value> = serde_json::from_str(&bad[start + 1]).expect("row");
        row[city] = json!(i64::MAX);
        bad[start + 1] = serde_json::to_string(&row).expect("json");
        let error = import(target.database(), bad.join("\n") + "\n")
            .await
            .expect_err("refused row");
        assert!(
            error.contains("refused a row of memberships"),
            "{backend:?}: {error}"
        );
        // A file of another layout, and one that is not JSON at all.
        let error = import(target.database(), "{\"format\":\"other\",\"format_version\":1,\"schema_version\":\"1\",\"source\":\"x\",\"exported_at\":\"x\"}\n".into())
            .await
            .expect_err("other format");
        assert!(error.contains("not a learning-city-export file"), "{error}");
        let error = import(target.database(), "PK\u{3}\u{4}\n".into())
            .await
            .expect_err("not JSON");
        assert!(error.contains("line 1"), "{error}");
        // Nothing of the failed attempts stayed: the whole file still loads.
        let loaded = import(target.database(), text.clone())
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: the target stayed empty: {e}"));
        assert_eq!(
            loaded.rows(),
            lines.len() as u64 - 2 - loaded.tables.len() as u64
        );
        // And a database that holds data is refused, unchanged.
        let error = import(target.database(), text.clone())
            .await
            .expect_err("not empty");
        assert!(error.contains("not empty"), "{error}");
        let app = TestApp::spawn_on(backend, target).await;
        let users = app.get_as("/api/v1/users", &signed_in(&app).await).await;
        assert_eq!(users.status, 200, "{}", users.body);
        assert_eq!(users.body["total"], 1, "{}", users.body);
    }
}
