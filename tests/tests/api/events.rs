//! Events: seeded from the source documents with a source on every event, session and
//! participating city; listed upcoming first with filters, cursor paging and downloads; written
//! by staff with time zones checked (across the date line too) and ETags; proposed by city
//! editors for the secretariat to publish or return.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{error_fields, seed_json, slugs, TestApp};

fn has_sources(record: &Value) -> bool {
    record["sources"].as_array().is_some_and(|s| !s.is_empty())
}

async fn events_are_seeded_from_the_sources(app: &TestApp) {
    let seeded = seed_json("events.json");
    let expected = seeded["events"].as_array().expect("events").len();
    let (all, total) = app.all_pages("/api/v1/events?limit=2").await;
    assert_eq!(total as usize, expected);
    assert_eq!(all.len(), expected);
    for e in &all {
        assert!(has_sources(e), "{} has a source", e["slug"]);
        for s in e["sessions"].as_array().expect("sessions") {
            assert!(has_sources(s), "a session of {} has a source", e["slug"]);
        }
        for c in e["cities"].as_array().expect("cities") {
            assert!(has_sources(c), "a city of {} has a source", e["slug"]);
        }
        assert_eq!(e["status"], "published");
    }

    let conference = app
        .json("/api/v1/events/asean-plus-3-learning-cities-conference-2024")
        .await;
    assert_eq!(conference["type"], "conference");
    assert_eq!(
        conference["series"]["slug"],
        "asean-plus-3-learning-cities-conference"
    );
    assert_eq!(conference["when"]["precision"], "day");
    assert_eq!(conference["when"]["starts_on"], "2024-10-29");
    assert_eq!(conference["when"]["ends_on"], "2024-10-30");
    assert_eq!(conference["when"]["time_zone"], "Asia/Bangkok");
    assert_eq!(
        conference["when"]["start"],
        Value::Null,
        "no time is invented"
    );
    assert!(conference["venue"]["address"]
        .as_str()
        .is_some_and(|a| a.starts_with("973 Phloen Chit Road")));
    assert_eq!(conference["venue"]["city"]["slug"], "bangkok");
    assert_eq!(conference["languages"], json!(["en"]));
    assert_eq!(conference["interpretation"], json!(["th"]));
    assert_eq!(conference["attendance"]["expected"], 200);
    assert_eq!(conference["attendance"]["reported"], 250);
    let sessions = conference["sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 6);
    assert!(sessions
        .iter()
        .all(|s| s["part_of_day"] == "morning" && s["live_streamed"] == true));
    let mut hosts: Vec<&str> = conference["organisers"]
        .as_array()
        .expect("organisers")
        .iter()
        .filter(|o| o["role"] == "co_host")
        .map(|o| o["slug"].as_str().unwrap_or(""))
        .collect();
    hosts.sort_unstable();
    assert_eq!(hosts, ["mhesi", "pmu-a", "unesco-bangkok"]);

    let ceremony = app
        .json("/api/v1/events/thailand-learning-city-awards-2025-ceremony")
        .await;
    assert_eq!(ceremony["type"], "award_ceremony");
    assert_eq!(
        ceremony["award_cycle"]["programme"],
        "thailand-learning-city-awards"
    );
    assert_eq!(ceremony["award_cycle"]["year"], 2025);
    let mut panel: Vec<&str> = ceremony["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .filter(|c| c["role"] == "panel")
        .map(|c| c["city"].as_str().unwrap_or(""))
        .collect();
    panel.sort_unstable();
    assert_eq!(panel, ["chachoengsao", "khon-kaen", "phayao"]);
    assert!(ceremony["venue"]["name"]["en"]
        .as_str()
        .is_some_and(|n| n.contains("TK Park")));

    let seminar = app.json("/api/v1/events/eef-asem-lll-hub-seminar").await;
    assert_eq!(seminar["when"]["precision"], "unknown");
    assert_eq!(seminar["when"]["starts_on"], Value::Null);
    assert_eq!(seminar["mode"], "online");

    let cohort = app
        .json("/api/v1/events/gnlc-2022-cohort-announcement")
        .await;
    assert_eq!(cohort["when"]["precision"], "year");
    assert_eq!(cohort["when"]["year"], 2022);
    assert_eq!(cohort["census"]["network"], "unesco-gnlc");
    let february = app
        .json("/api/v1/events/gnlc-2024-cohort-announcement")
        .await;
    assert_eq!(february["when"]["starts_on"], "2024-02-14");
    assert_eq!(february["census"]["as_of"], "2024-02-14");

    let series = app.json("/api/v1/event-series").await;
    let week = series
        .as_array()
        .expect("series")
        .iter()
        .find(|s| s["slug"] == "learning-city-week")
        .expect("Learning City Week is a series");
    assert_eq!(week["editions"], json!([]), "no edition recorded yet");
    assert!(has_sources(week));

    // The organisers' roles in events are read from the organisation too.
    let unesco = app.json("/api/v1/organisations/unesco-bangkok").await;
    assert!(unesco["roles"].as_array().expect("roles").iter().any(|r| {
        r["of"]["kind"] == "event"
            && r["of"]["href"] == "/api/v1/events/asean-plus-3-learning-cities-conference-2024"
    }));

    let khon_kaen = app.json("/api/v1/cities/khon-kaen/events").await;
    let mut theirs = slugs(khon_kaen["items"].as_array().expect("items"));
    theirs.sort();
    assert!(theirs.contains(&"thailand-learning-city-awards-2025-ceremony".to_owned()));
    assert!(theirs.contains(&"asean-plus-3-learning-cities-conference-2024".to_owned()));
    app.get("/api/v1/cities/no-such-city/events")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/events/no-such-event")
        .await
        .problem(404, "not_found");
}

/// A published event `days` from today, created by `token`.
async fn event_in(app: &TestApp, token: &str, slug: &str, days: i64, extra: Value) -> Value {
    let on = (Utc::now() + Duration::days(days)).date_naive();
    let mut body = json!({
        "slug": slug,
        "type": "learning_city_week",
        "title": {"en": format!("Event {slug}"), "th": "สัปดาห์เมืองแห่งการเรียนรู้"},
        "starts_on": on.to_string(),
        "ends_on": on.to_string(),
        "sources": [{"title": "Written by the API test"}]
    });
    if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
        b.extend(e);
    }
    let created = app.post("/api/v1/events", Some(token), &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.body
}

async fn the_list_orders_filters_and_downloads(app: &TestApp) {
    let admin = app.admin_token().await;
    event_in(app, &admin, "soon-week", 10, json!({"series": "learning-city-week", "cities": [{"city": "phayao", "role": "presenter"}]})).await;
    event_in(
        app,
        &admin,
        "later-week",
        40,
        json!({"organisers": [{"organisation": "tk-park", "role": "organiser"}]}),
    )
    .await;
    event_in(
        app,
        &admin,
        "ongoing-forum",
        0,
        json!({"type": "forum", "network": "thailand-learning-cities"}),
    )
    .await;

    // Upcoming first, soonest first; then the past, latest first; then unknown days.
    let (all, _) = app.all_pages("/api/v1/events?limit=3").await;
    let order = slugs(&all);
    assert_eq!(
        &order[..5],
        [
            "ongoing-forum",
            "soon-week",
            "later-week",
            "gnlc-2025-cohort-announcement",
            "thailand-learning-city-awards-2025-ceremony"
        ]
    );
    assert_eq!(
        &order[order.len() - 2..],
        ["gnlc-2022-cohort-announcement", "eef-asem-lll-hub-seminar"]
    );
    let (by_start, _) = app.all_pages("/api/v1/events?sort=start&limit=4").await;
    let by_start = slugs(&by_start);
    assert_eq!(by_start[0], "gnlc-2024-cohort-announcement");
    assert_eq!(by_start[by_start.len() - 3..][..1], ["later-week"]);
    let (newest, _) = app.all_pages("/api/v1/events?sort=-start&limit=4").await;
    assert_eq!(slugs(&newest)[0], "later-week");

    let filtered = |query: &str| {
        let path = format!("/api/v1/events?{query}");
        async move {
            let page = app.json(&path).await;
            let mut found = slugs(page["items"].as_array().expect("items"));
            found.sort();
            found
        }
    };
    assert_eq!(filtered("series=learning-city-week").await, ["soon-week"]);
    assert_eq!(filtered("type=forum").await, ["ongoing-forum"]);
    assert_eq!(filtered("organisation=tk-park").await, ["later-week"]);
    assert_eq!(
        filtered("network=thailand-learning-cities").await,
        [
            "ongoing-forum",
            "thailand-learning-city-awards-2025-ceremony"
        ]
    );
    assert_eq!(
        filtered("city=phayao").await,
        [
            "gnlc-2022-cohort-announcement",
            "soon-week",
            "thailand-learning-city-awards-2025-ceremony"
        ]
    );
    assert_eq!(
        filtered("from=2024-01-01&to=2024-12-31").await,
        [
            "asean-plus-3-learning-cities-conference-2024",
            "gnlc-2024-cohort-announcement"
        ]
    );
    assert_eq!(
        filtered("from=2022-06-01&to=2022-12-31").await,
        ["gnlc-2022-cohort-announcement"],
        "an event known by its year matches a range in that year"
    );
    assert_eq!(
        filtered("from=2024-10-30&to=2024-10-30").await,
        ["asean-plus-3-learning-cities-conference-2024"],
        "an event matches every day it runs"
    );
    assert_eq!(
        filtered(&format!("q={}", crate::common::enc("ASEAN+3"))).await,
        ["asean-plus-3-learning-cities-conference-2024"]
    );
    assert_eq!(
        filtered(&format!("q={}", crate::common::enc("สัปดาห์"))).await,
        ["later-week", "ongoing-forum", "soon-week"]
    );

    let bad = app
        .get("/api/v1/events?from=2024-13-01&to=yesterday&type=party&sort=soonest&status=secret")
        .await;
    assert_eq!(
        error_fields(bad.problem(400, "invalid_query")),
        ["from", "sort", "status", "to", "type"]
    );
    let backwards = app
        .get("/api/v1/events?from=2025-01-02&to=2025-01-01")
        .await;
    assert_eq!(
        error_fields(backwards.problem(400, "invalid_query")),
        ["to"]
    );

    let csv = app
        .client
        .get(format!("{}/api/v1/events?format=csv", app.url))
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.expect("text");
    let mut lines = text.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.starts_with("id,slug,type,series.slug,")));
    let total = app.json("/api/v1/events").await["total"]
        .as_u64()
        .expect("total");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.records().count() as u64, total);
    let ndjson = app
        .client
        .get(format!("{}/api/v1/events", app.url))
        .header("accept", "application/x-ndjson")
        .send()
        .await
        .expect("ndjson")
        .text()
        .await
        .expect("text");
    assert_eq!(ndjson.lines().count() as u64, total);
}

async fn staff_write_events_across_time_zones(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let analyst = app.user_token(&admin, "analyst", None).await;
    let minimal = json!({
        "slug": "minimal-forum",
        "type": "forum",
        "title": {"en": "Minimal Forum", "th": "เวทีเล็ก"},
        "starts_on": "2027-03-01",
        "ends_on": "2027-03-02"
    });
    app.post("/api/v1/events", None, &minimal)
        .await
        .problem(401, "authentication_required");
    app.post("/api/v1/events", Some(&analyst), &minimal)
        .await
        .problem(403, "forbidden");
    let created = app
        .post("/api/v1/events", Some(&secretariat), &minimal)
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.body["when"]["time_zone"], "Asia/Bangkok");
    assert_eq!(created.body["when"]["year"], 2027);
    assert_eq!(created.body["sequence"], 1);
    assert_eq!(
        created
            .headers
            .get("location")
            .and_then(|l| l.to_str().ok()),
        Some("/api/v1/events/minimal-forum")
    );
    app.post("/api/v1/events", Some(&secretariat), &minimal)
        .await
        .problem(409, "slug_taken");

    // Every bad field at once, nothing written.
    let bad = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({
                "type": "party",
                "title": {"th": "ไม่มีชื่อ"},
                "starts_at": "25:00",
                "time_zone": "Mars/Olympus",
                "languages": ["english"],
                "sessions": [{"title": {"th": "x"}, "starts_at": "9am"}],
                "cities": [{"city": "phayao", "role": "host"}],
                "status": "published"
            }),
        )
        .await;
    assert_eq!(
        error_fields(bad.problem(422, "validation_failed")),
        [
            "cities[0].role",
            "languages",
            "sessions[0].starts_at",
            "sessions[0].title.en",
            "starts_at",
            "status",
            "time_zone",
            "title.en",
            "type"
        ]
    );
    let unknown = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({
                "type": "forum", "title": {"en": "Unknown refs"},
                "series": "no-such-series", "network": "no-such-network",
                "cities": [{"city": "atlantis", "role": "panel"}],
                "organisers": [{"organisation": "no-such-body", "role": "organiser"}]
            }),
        )
        .await;
    assert_eq!(
        error_fields(unknown.problem(422, "validation_failed")),
        [
            "cities[0].city",
            "network",
            "organisers[0].organisation",
            "series"
        ]
    );
    let backwards = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({"type": "forum", "title": {"en": "Backwards"}, "starts_on": "2027-03-02",
                    "ends_on": "2027-03-01", "ends_at": "10:00"}),
        )
        .await;
    assert_eq!(
        error_fields(backwards.problem(422, "validation_failed")),
        ["ends_on"]
    );
    assert_eq!(
        app.get("/api/v1/events/unknown-refs").await.status,
        StatusCode::NOT_FOUND,
        "nothing half-written"
    );

    // Across the date line: Kiritimati is UTC+14, Pago Pago UTC-11, on the same local day.
    let east = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({"slug": "kiritimati-webinar", "type": "webinar",
                    "title": {"en": "Kiritimati webinar"}, "time_zone": "Pacific/Kiritimati",
                    "starts_on": "2027-01-01", "starts_at": "09:00", "ends_at": "10:30"}),
        )
        .await;
    assert_eq!(east.status, StatusCode::CREATED, "{}", east.body);
    assert_eq!(east.body["when"]["start"], "2027-01-01T09:00:00+14:00");
    assert_eq!(east.body["when"]["end"], "2027-01-01T10:30:00+14:00");
    let west = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({"slug": "pago-pago-webinar", "type": "webinar",
                    "title": {"en": "Pago Pago webinar"}, "time_zone": "Pacific/Pago_Pago",
                    "starts_on": "2027-01-01", "starts_at": "09:00"}),
        )
        .await;
    assert_eq!(west.body["when"]["start"], "2027-01-01T09:00:00-11:00");
    let instant = |v: &Value| {
        chrono::DateTime::parse_from_rfc3339(v["when"]["start"].as_str().expect("start"))
            .expect("RFC 3339")
    };
    assert_eq!(
        instant(&west.body) - instant(&east.body),
        Duration::hours(25),
        "the same local hour a day and an hour apart"
    );
    // A local time the clocks skip does not exist.
    let gap = app
        .post(
            "/api/v1/events",
            Some(&secretariat),
            &json!({"type": "webinar", "title": {"en": "Gap"}, "time_zone": "Pacific/Auckland",
                    "starts_on": "2027-09-26", "starts_at": "02:30"}),
        )
        .await;
    assert_eq!(
        error_fields(gap.problem(422, "validation_failed")),
        ["starts_at"]
    );

    // Changes honour If-Match, grow the sequence, and lists replace the event's lists.
    let path = "/api/v1/events/minimal-forum";
    let tag = created.etag();
    let patched = app
        .patch(
            path,
            Some(&secretariat),
            &json!({
                "starts_at": "13:00",
                "mode": "hybrid",
                "venue": {"name": {"en": "Phayao Hall"}, "city": "phayao"},
                "sessions": [
                    {"title": {"en": "Opening"}, "on": "2027-03-01", "starts_at": "13:00", "ends_at": "13:30",
                     "speakers": [{"name": "A Speaker", "role": "Mayor", "organisation": "Phayao"}]},
                    {"title": {"en": "Panel"}, "on": "2027-03-02", "part_of_day": "morning"}
                ],
                "cities": [{"city": "phayao", "role": "presenter"}],
                "organisers": [{"organisation": "university-of-phayao", "role": "organiser"}]
            }),
            Some(&tag),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
    assert_eq!(patched.body["sequence"], 2);
    assert_eq!(patched.body["when"]["start"], "2027-03-01T13:00:00+07:00");
    assert_eq!(
        patched.body["sessions"][0]["start"],
        "2027-03-01T13:00:00+07:00"
    );
    assert_eq!(
        patched.body["sessions"][0]["speakers"][0]["name"],
        "A Speaker"
    );
    assert_eq!(patched.body["venue"]["city"]["slug"], "phayao");
    assert_eq!(
        patched.body["organisers"][0]["slug"],
        "university-of-phayao"
    );
    app.patch(
        path,
        Some(&secretariat),
        &json!({"mode": "online"}),
        Some(&tag),
    )
    .await
    .problem(412, "precondition_failed");
    let outside = app
        .patch(
            path,
            Some(&secretariat),
            &json!({"sessions": [{"title": {"en": "Late"}, "on": "2027-03-05"}]}),
            Some(&patched.etag()),
        )
        .await;
    assert_eq!(
        error_fields(outside.problem(422, "validation_failed")),
        ["sessions[0].on"]
    );
    let trimmed = app
        .patch(
            path,
            Some(&secretariat),
            &json!({"sessions": [], "cities": [], "organisers": [], "venue": null}),
            Some(&patched.etag()),
        )
        .await;
    assert_eq!(trimmed.body["sessions"], json!([]));
    assert_eq!(trimmed.body["cities"], json!([]));
    assert_eq!(trimmed.body["organisers"], json!([]));
    assert_eq!(trimmed.body["venue"], Value::Null);
    assert_eq!(trimmed.body["sequence"], 3);

    let archived = app
        .delete(path, Some(&secretariat), Some(&trimmed.etag()))
        .await;
    assert_eq!(archived.status, StatusCode::NO_CONTENT);
    app.get(path).await.problem(404, "not_found");
    let restored = app
        .post(&format!("{path}/restore"), Some(&admin), &json!({}))
        .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);

    let feed = app.json("/api/v1/changes?limit=200").await;
    let id = created.body["id"].to_string();
    let mine: Vec<&Value> = feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|c| c["entity"] == "event" && c["entity_id"] == id.as_str())
        .collect();
    let actions: Vec<&str> = mine
        .iter()
        .map(|c| c["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        actions,
        ["created", "updated", "updated", "archived", "restored"]
    );
    assert_eq!(mine[4]["href"], "/api/v1/events/minimal-forum");
}

async fn city_editors_propose_events(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let phayao = app.user_token(&admin, "city_editor", Some("phayao")).await;
    let yala = app.user_token(&admin, "city_editor", Some("yala")).await;
    let proposal = json!({
        "slug": "phayao-learning-festival",
        "type": "learning_city_week",
        "title": {"en": "Phayao Learning Festival", "th": "เทศกาลการเรียนรู้พะเยา"},
        "starts_on": "2027-02-10",
        "ends_on": "2027-02-12",
        "cities": [{"city": "phayao", "role": "presenter"}]
    });
    let elsewhere = app.post("/api/v1/events", Some(&yala), &proposal).await;
    assert_eq!(
        error_fields(elsewhere.problem(422, "validation_failed")),
        ["cities"]
    );
    let proposed = app.post("/api/v1/events", Some(&phayao), &proposal).await;
    assert_eq!(proposed.status, StatusCode::CREATED, "{}", proposed.body);
    assert_eq!(proposed.body["status"], "proposed");
    let path = "/api/v1/events/phayao-learning-festival";

    // Not public, and not another city's business.
    app.get(path).await.problem(404, "not_found");
    assert_eq!(app.get_as(path, &yala).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get_as(path, &phayao).await.status, StatusCode::OK);
    assert_eq!(app.get_as(path, &secretariat).await.status, StatusCode::OK);
    let public = app.json("/api/v1/events?limit=200").await;
    assert!(!slugs(public["items"].as_array().expect("items"))
        .contains(&"phayao-learning-festival".to_owned()));
    app.get("/api/v1/events?status=proposed")
        .await
        .problem(401, "authentication_required");
    let theirs = app.get_as("/api/v1/events?status=proposed", &phayao).await;
    assert_eq!(
        slugs(theirs.body["items"].as_array().expect("items")),
        ["phayao-learning-festival"]
    );
    let others = app.get_as("/api/v1/events?status=proposed", &yala).await;
    assert_eq!(others.body["total"], 0);
    let queue = app
        .get_as("/api/v1/events?status=proposed", &secretariat)
        .await;
    assert_eq!(queue.body["total"], 1);

    // Returned with a reason, revised by the city, published by the secretariat.
    app.post(
        &format!("{path}/return"),
        Some(&phayao),
        &json!({"reason": "x"}),
    )
    .await
    .problem(403, "forbidden");
    let no_reason = app
        .post(&format!("{path}/return"), Some(&secretariat), &json!({}))
        .await;
    assert_eq!(
        error_fields(no_reason.problem(422, "validation_failed")),
        ["reason"]
    );
    let returned = app
        .post(
            &format!("{path}/return"),
            Some(&secretariat),
            &json!({"reason": "Please add the venue."}),
        )
        .await;
    assert_eq!(returned.status, StatusCode::OK, "{}", returned.body);
    assert_eq!(returned.body["status"], "returned");
    assert_eq!(returned.body["review_note"], "Please add the venue.");
    let revised = app
        .patch(
            path,
            Some(&phayao),
            &json!({"venue": {"name": {"en": "Kwan Phayao"}, "city": "phayao"}}),
            Some(&returned.etag()),
        )
        .await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
    assert_eq!(revised.body["status"], "proposed");
    let published = app
        .post(&format!("{path}/publish"), Some(&secretariat), &json!({}))
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_eq!(published.body["status"], "published");
    assert_eq!(app.json(path).await["venue"]["name"]["en"], "Kwan Phayao");
    app.post(&format!("{path}/publish"), Some(&secretariat), &json!({}))
        .await
        .problem(409, "already_published");
    app.patch(path, Some(&phayao), &json!({"mode": "online"}), None)
        .await
        .problem(403, "forbidden");

    // The feed shows the event once published, not the proposal's history.
    let feed = app.json("/api/v1/changes?limit=200").await;
    let id = proposed.body["id"].to_string();
    let actions: Vec<&str> = feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|c| c["entity"] == "event" && c["entity_id"] == id.as_str())
        .map(|c| c["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(actions, ["created"]);
}

/// GET `path` with `accept`, asserting a calendar: its text.
async fn calendar(app: &TestApp, path: &str, accept: &str) -> String {
    let reply = app
        .client
        .get(format!("{}{path}", app.url))
        .header("accept", accept)
        .send()
        .await
        .expect("calendar");
    assert_eq!(reply.status(), StatusCode::OK, "{path}");
    assert_eq!(
        reply.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let text = reply.text().await.expect("text");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets", line.len());
    }
    text
}

/// The events of a calendar, read by an independent parser: (UID, SEQUENCE, SUMMARY, start,
/// description).
fn parsed(text: &str) -> Vec<(String, u32, String, String, String)> {
    use icalendar::Component;
    let calendar: icalendar::Calendar = text.parse().expect("an RFC 5545 calendar");
    calendar
        .events()
        .map(|e| {
            (
                e.get_uid().expect("UID").to_owned(),
                e.get_sequence().expect("SEQUENCE"),
                e.get_summary().expect("SUMMARY").to_owned(),
                format!("{:?}", e.get_start().expect("DTSTART")),
                e.get_description().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

async fn calendars_carry_every_dated_event(app: &TestApp) {
    let feed = calendar(app, "/api/v1/events?format=ics", "*/*").await;
    let events = parsed(&feed);
    let summaries: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert_eq!(events.len(), 4, "the dated seeded events: {summaries:?}");
    assert!(summaries
        .iter()
        .any(|s| s.contains("ASEAN+3 Regional Learning Cities Conference")));
    let conference = events
        .iter()
        .find(|e| e.2.contains("ASEAN+3"))
        .expect("conference");
    assert!(
        conference.3.contains("2024-10-29"),
        "a whole day: {}",
        conference.3
    );
    assert_eq!(
        calendar(app, "/api/v1/events", "text/calendar").await,
        feed,
        "chosen by Accept too"
    );

    let admin = app.admin_token().await;
    let title_th = "สัมมนาเมืองแห่งการเรียนรู้ข้ามเส้นแบ่งเขตวันสากล ครั้งที่หนึ่ง";
    let created = app
        .post(
            "/api/v1/events",
            Some(&admin),
            &json!({"slug": "date-line-seminar", "type": "seminar",
                    "title": {"en": "Date line seminar; part one, with commas", "th": title_th},
                    "time_zone": "Pacific/Kiritimati", "starts_on": "2027-01-01",
                    "starts_at": "09:00", "ends_at": "11:00",
                    "cities": [{"city": "yala", "role": "presenter"}]}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let path = "/api/v1/events/date-line-seminar";
    let one = parsed(&calendar(app, &format!("{path}?format=ics"), "*/*").await);
    assert_eq!(one.len(), 1);
    let (uid, sequence, summary, start, description) = &one[0];
    assert_eq!(*sequence, 0);
    assert!(summary.contains("Date line seminar"));
    assert!(
        start.contains("2026-12-31T19:00:00"),
        "09:00 at UTC+14 is 19:00 UTC the day before: {start}"
    );
    assert!(
        description.contains(title_th),
        "Thai text intact: {description}"
    );

    // A change grows the sequence and keeps the UID, even with a new slug.
    let renamed = app
        .patch(
            path,
            Some(&admin),
            &json!({"slug": "date-line-seminar-2027", "starts_at": "10:00"}),
            Some(&created.etag()),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    let again = parsed(
        &calendar(
            app,
            "/api/v1/events/date-line-seminar-2027",
            "text/calendar",
        )
        .await,
    );
    assert_eq!(&again[0].0, uid);
    assert_eq!(again[0].1, 1);
    assert!(again[0].3.contains("2026-12-31T20:00:00"));

    let yala = parsed(&calendar(app, "/api/v1/cities/yala/events?format=ics", "*/*").await);
    assert!(
        yala.iter().any(|e| &e.0 == uid),
        "the city's calendar has it"
    );

    app.get("/api/v1/events/eef-asem-lll-hub-seminar?format=ics")
        .await
        .problem(422, "not_dated");
    let bad = app
        .get("/api/v1/events/date-line-seminar-2027?format=pdf")
        .await;
    assert_eq!(error_fields(bad.problem(400, "invalid_query")), ["format"]);
}

async fn events_join_the_open_data(app: &TestApp) {
    let stats = app.json("/api/v1/stats/events").await;
    let rows: Vec<(Value, &str, i64)> = stats["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| {
            (
                r["year"].clone(),
                r["type"].as_str().unwrap_or(""),
                r["count"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (json!(2025), "award_ceremony", 1),
            (json!(2025), "network_announcement", 1),
            (json!(2024), "conference", 1),
            (json!(2024), "network_announcement", 1),
            (json!(2022), "network_announcement", 1),
            (Value::Null, "seminar", 1),
        ],
        "newest year first; the undated seminar last"
    );
    let taking_part = app
        .json("/api/v1/stats/cities-by-event-participation")
        .await;
    let first = &taking_part["items"][0];
    assert_eq!(first["key"], "khon-kaen", "{taking_part}");
    assert_eq!(
        first["count"], 3,
        "the conference, the 2024 announcement and the panel"
    );
    let csv = app
        .get("/api/v1/stats/cities-by-event-participation?format=csv")
        .await;
    assert_eq!(csv.status, StatusCode::OK);

    let datasets = app.json("/api/v1/datasets").await;
    let tables: Vec<&str> = datasets["items"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| t["name"].as_str().unwrap_or(""))
        .collect();
    for name in ["events", "event_sessions", "event_cities", "event_series"] {
        assert!(tables.contains(&name), "{name} in {tables:?}");
    }

    // The export imports back unchanged, and a new row creates a published event.
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let export = app
        .client
        .get(format!("{}/api/v1/events?format=csv", app.url))
        .send()
        .await
        .expect("export")
        .text()
        .await
        .expect("text");
    let mut reader = csv::Reader::from_reader(export.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    let existing = rows.len();
    let mut new = vec![String::new(); header.len()];
    for (name, value) in [
        ("type", "learning_city_week"),
        ("title.en", "Import Test Learning City Week"),
        ("title.th", "สัปดาห์เมืองแห่งการเรียนรู้ (ทดสอบนำเข้า)"),
        ("series.slug", "learning-city-week"),
        ("when.starts_on", "2027-11-15"),
        ("when.ends_on", "2027-11-19"),
        ("languages", r#"["th","en"]"#),
        ("award_cycle.programme", ""),
    ] {
        let at = header.iter().position(|h| h == name).expect(name);
        new[at] = value.to_owned();
    }
    rows.push(new);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("header");
    for row in &rows {
        writer.write_record(row).expect("row");
    }
    let file = writer.into_inner().expect("csv");
    let send = |query: &'static str, body: Vec<u8>| {
        let request = app
            .request(
                reqwest::Method::POST,
                &format!("/api/v1/imports/events{query}"),
                Some(&secretariat),
            )
            .header("content-type", "text/csv")
            .body(body);
        app.send(request)
    };
    let dry = send("?dry_run=true", file.clone()).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    assert_eq!(
        dry.body["summary"],
        json!({"create": 1, "update": 0, "unchanged": existing, "error": 0})
    );
    app.get("/api/v1/events/import-test-learning-city-week")
        .await
        .problem(404, "not_found");
    let applied = send("", file).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    let created = app
        .json("/api/v1/events/import-test-learning-city-week")
        .await;
    assert_eq!(created["status"], "published");
    assert_eq!(created["series"]["slug"], "learning-city-week");
    assert_eq!(created["languages"], json!(["th", "en"]));
    assert_eq!(created["when"]["ends_on"], "2027-11-19");

    // A bad row is reported by its column, and nothing is written.
    let mut bad = vec![String::new(); header.len()];
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    bad[at("slug")] = "bad-import-event".to_owned();
    bad[at("type")] = "party".to_owned();
    bad[at("title.en")] = "Bad".to_owned();
    bad[at("when.starts_on")] = "2027-02-30".to_owned();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("header");
    writer.write_record(&bad).expect("row");
    let refused = send("", writer.into_inner().expect("csv")).await;
    refused.problem(422, "import_refused");
    let columns: Vec<&str> = refused.body["report"]["items"][0]["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["column"].as_str().unwrap_or(""))
        .collect();
    assert!(columns.contains(&"type"), "{columns:?}");
    assert!(columns.contains(&"when.starts_on"), "{columns:?}");
    app.get("/api/v1/events/bad-import-event")
        .await
        .problem(404, "not_found");
}

on_both_backends!(
    events_join_the_open_data,
    calendars_carry_every_dated_event,
    events_are_seeded_from_the_sources,
    the_list_orders_filters_and_downloads,
    staff_write_events_across_time_zones,
    city_editors_propose_events,
);
