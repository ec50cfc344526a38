//! Liveness and readiness, including readiness failing while the database is gone.

use diesel::{Connection, PgConnection, RunQueryDsl};

use crate::common;
use crate::common::{Backend, TestApp};

async fn probes_answer(app: &TestApp) {
    assert_eq!(
        app.json("/healthz").await,
        serde_json::json!({"status": "ok"})
    );
    assert_eq!(
        app.json("/readyz").await,
        serde_json::json!({"status": "ready"})
    );
}

on_both_backends!(probes_answer);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_fails_fast_with_a_problem_when_the_database_is_gone() {
    let app = TestApp::spawn(Backend::Postgres).await;
    assert_eq!(app.json("/readyz").await["status"], "ready");
    let name = app
        .database_url
        .rsplit('/')
        .next()
        .expect("db name")
        .to_owned();
    let mut admin = PgConnection::establish(&common::admin_url()).expect("admin");
    diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .execute(&mut admin)
        .expect("drop");

    app.get("/readyz")
        .await
        .problem(503, "database_unavailable");
    let reply = app.get("/api/v1/cities").await;
    reply.problem(503, "database_unavailable");
    assert!(reply.headers.contains_key("retry-after"));
    assert_eq!(
        app.json("/healthz").await["status"],
        "ok",
        "liveness does not need the database"
    );
    app.stop().await;
}
