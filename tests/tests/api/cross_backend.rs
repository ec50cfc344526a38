//! SQLite and PostgreSQL give identical answers: same rows, same order, same pages.

use serde_json::Value;

use crate::common::{Backend, TestApp};

/// Removes the timestamps, which differ between two databases seeded at different moments.
fn without_timestamps(mut value: Value) -> Value {
    match &mut value {
        Value::Object(map) => {
            map.remove("created_at");
            map.remove("updated_at");
            for v in map.values_mut() {
                *v = without_timestamps(v.take());
            }
        }
        Value::Array(items) => {
            for v in items.iter_mut() {
                *v = without_timestamps(v.take());
            }
        }
        _ => {}
    }
    value
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_answer_identically() {
    let sqlite = TestApp::spawn(Backend::Sqlite).await;
    let postgres = TestApp::spawn(Backend::Postgres).await;
    for path in [
        "/api/v1/cities?limit=13",
        "/api/v1/cities?sort=-name&limit=17",
        "/api/v1/cities?sort=population&limit=11",
        "/api/v1/cities?sort=-joined&limit=19",
        "/api/v1/cities?q=an&sort=name&limit=5",
        "/api/v1/cities?group=asean_plus_3&sort=joined&limit=4",
        "/api/v1/networks?limit=2",
        "/api/v1/networks/unesco-gnlc/members?limit=23",
        "/api/v1/networks/unesco-gnlc/members?sort=-name&limit=31",
        "/api/v1/countries?limit=37",
        "/api/v1/countries?sort=-name&limit=41",
        "/api/v1/provinces?sort=name&limit=29",
    ] {
        let (a, total_a) = sqlite.all_pages(path).await;
        let (b, total_b) = postgres.all_pages(path).await;
        assert_eq!(total_a, total_b, "{path}");
        assert_eq!(
            without_timestamps(Value::Array(a)),
            without_timestamps(Value::Array(b)),
            "{path}"
        );
    }
    for path in [
        "/api/v1/cities/bangkok",
        "/api/v1/networks/unesco-gnlc",
        "/api/v1/cities/seo-gu-gwangju",
    ] {
        assert_eq!(
            without_timestamps(sqlite.json(path).await),
            without_timestamps(postgres.json(path).await),
            "{path}"
        );
    }
    sqlite.stop().await;
    postgres.stop().await;
}
