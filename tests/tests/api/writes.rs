//! Writes to cities, networks and memberships: who may make them, validation, ETags and
//! If-Match, archive and restore, the audit trail, and that refused requests change nothing.

use reqwest::Method;
use serde_json::{json, Value};

use crate::common;
use crate::common::TestApp;

/// Tokens for every role; the city editor keeps Phayao.
struct Tokens {
    admin: String,
    secretariat: String,
    evaluator: String,
    editor: String,
    analyst: String,
}

async fn tokens(app: &TestApp) -> Tokens {
    let admin = app.admin_token().await;
    Tokens {
        secretariat: app.user_token(&admin, "secretariat", None).await,
        evaluator: app.user_token(&admin, "evaluator", None).await,
        editor: app.user_token(&admin, "city_editor", Some("phayao")).await,
        analyst: app.user_token(&admin, "analyst", None).await,
        admin,
    }
}

/// Everything a rejected request could have touched, to compare before and after.
async fn snapshot(app: &TestApp, admin: &str) -> Value {
    json!({
        "cities": app.all_pages("/api/v1/cities?limit=200").await.0,
        "archived": app.get_as("/api/v1/cities?archived=true&limit=200", admin).await.body,
        "networks": app.all_pages("/api/v1/networks").await.0,
        "members": app.all_pages("/api/v1/networks/unesco-gnlc/members?limit=200").await.0,
        "audit": app.get_as("/api/v1/audit-log?limit=200", admin).await.body["total"],
    })
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> common::Reply {
    let mut request = app.request(method, path, token);
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    app.send(request).await
}

/// A write to try: method, path, body, the roles allowed, and the status of success.
type Case = (Method, String, Option<Value>, Vec<&'static str>, u16);

async fn role_matrix_for_every_write(app: &TestApp) {
    let t = tokens(app).await;
    let membership_id = app.json("/api/v1/cities/phayao").await["memberships"][0]["id"]
        .as_i64()
        .expect("id");
    let city = json!({"name": {"en": "Nan", "th": "น่าน"}, "country": "TH", "province": "TH-55"});
    let network = json!({"name": {"en": "Northern Learning Cities"}, "scope": "regional"});
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            "/api/v1/cities".into(),
            Some(city.clone()),
            vec!["admin", "secretariat"],
            201,
        ),
        (
            Method::PATCH,
            "/api/v1/cities/phayao".into(),
            Some(json!({"population": 21000})),
            vec!["admin", "secretariat", "editor"],
            200,
        ),
        (
            Method::DELETE,
            "/api/v1/cities/yala".into(),
            None,
            vec!["admin", "secretariat"],
            204,
        ),
        (
            Method::POST,
            "/api/v1/cities/yala/restore".into(),
            None,
            vec!["admin"],
            200,
        ),
        (
            Method::POST,
            "/api/v1/networks".into(),
            Some(network.clone()),
            vec!["admin", "secretariat"],
            201,
        ),
        (
            Method::PATCH,
            "/api/v1/networks/thailand-learning-cities".into(),
            Some(json!({"founded_year": 2024})),
            vec!["admin", "secretariat"],
            200,
        ),
        (
            Method::DELETE,
            "/api/v1/networks/asean-learning-cities".into(),
            None,
            vec!["admin", "secretariat"],
            204,
        ),
        (
            Method::POST,
            "/api/v1/networks/asean-learning-cities/restore".into(),
            None,
            vec!["admin"],
            200,
        ),
        (
            Method::POST,
            "/api/v1/memberships".into(),
            Some(
                json!({"city": "phayao", "network": "thailand-learning-cities", "role": "secretariat"}),
            ),
            vec!["admin", "secretariat"],
            201,
        ),
        (
            Method::PATCH,
            format!("/api/v1/memberships/{membership_id}"),
            Some(json!({"note": "checked"})),
            vec!["admin", "secretariat"],
            200,
        ),
        (
            Method::DELETE,
            format!("/api/v1/memberships/{membership_id}"),
            None,
            vec!["admin", "secretariat"],
            204,
        ),
        (
            Method::POST,
            format!("/api/v1/memberships/{membership_id}/restore"),
            None,
            vec!["admin"],
            200,
        ),
    ];
    let roles = [
        ("admin", &t.admin),
        ("secretariat", &t.secretariat),
        ("evaluator", &t.evaluator),
        ("editor", &t.editor),
        ("analyst", &t.analyst),
    ];
    for (method, path, body, allowed, success) in &cases {
        let before = snapshot(app, &t.admin).await;
        let reply = send(app, method.clone(), path, None, body.as_ref()).await;
        reply.problem(401, "authentication_required");
        for (role, token) in roles.iter().filter(|(role, _)| !allowed.contains(role)) {
            let reply = send(app, method.clone(), path, Some(token), body.as_ref()).await;
            assert_eq!(
                reply.status.as_u16(),
                403,
                "{role} {method} {path}: {}",
                reply.body
            );
            assert_eq!(reply.content_type(), "application/problem+json");
        }
        assert_eq!(
            snapshot(app, &t.admin).await,
            before,
            "refused {method} {path} changed nothing"
        );
        // Each allowed role succeeds; undo in between so that the next role can repeat it.
        for role in allowed {
            let token = roles
                .iter()
                .find(|(r, _)| r == role)
                .map(|(_, t)| t.as_str());
            if let Some(target) = path.strip_suffix("/restore") {
                let archived = app.delete(target, Some(&t.admin), None).await;
                assert_eq!(
                    archived.status, 204,
                    "archive {target} first: {}",
                    archived.body
                );
            }
            let reply = send(app, method.clone(), path, token, body.as_ref()).await;
            assert_eq!(
                reply.status.as_u16(),
                *success,
                "{role} {method} {path}: {}",
                reply.body
            );
            undo(app, &t.admin, method, path, &reply).await;
        }
    }
}

/// Reverts a successful write so that the same request can succeed again.
async fn undo(app: &TestApp, admin: &str, method: &Method, path: &str, reply: &common::Reply) {
    let restore = |p: &str| format!("{p}/restore");
    match (method.as_str(), path) {
        ("POST", "/api/v1/cities") => {
            // Slugs stay taken, even by archived cities: free it by renaming.
            let slug = reply.body["slug"].as_str().expect("slug");
            let moved = app
                .patch(
                    &format!("/api/v1/cities/{slug}"),
                    Some(admin),
                    &json!({"slug": format!("{slug}-{}", rand_suffix())}),
                    None,
                )
                .await;
            assert_eq!(moved.status, 200, "{}", moved.body);
        }
        ("POST", "/api/v1/networks") => {
            let slug = reply.body["slug"].as_str().expect("slug");
            let moved = app
                .patch(
                    &format!("/api/v1/networks/{slug}"),
                    Some(admin),
                    &json!({"slug": format!("{slug}-{}", rand_suffix())}),
                    None,
                )
                .await;
            assert_eq!(moved.status, 200, "{}", moved.body);
        }
        ("POST", "/api/v1/memberships") => {
            let id = reply.body["id"].as_i64().expect("id");
            assert_eq!(
                app.delete(&format!("/api/v1/memberships/{id}"), Some(admin), None)
                    .await
                    .status,
                204
            );
        }
        ("DELETE", p) => {
            let back = app.post(&restore(p), Some(admin), &json!({})).await;
            assert_eq!(back.status, 200, "{}", back.body);
        }
        _ => {}
    }
}

fn rand_suffix() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

async fn create_update_and_validate_a_city(app: &TestApp) {
    let t = tokens(app).await;
    let created = app
        .post(
            "/api/v1/cities",
            Some(&t.secretariat),
            &json!({"name": {"en": "Nan", "th": "น่าน"}, "country": "th", "province": "TH-55", "lat": 18.78, "lon": 100.77, "population": 80000}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.headers["location"], "/api/v1/cities/nan");
    assert_eq!(created.body["slug"], "nan");
    assert_eq!(created.body["country"], "TH");
    let fetched = app.get("/api/v1/cities/nan").await;
    assert_eq!(fetched.body, created.body, "reads return what was written");
    assert_eq!(fetched.etag(), created.etag());
    let thai = app
        .json(&format!("/api/v1/cities?q={}", common::enc("น่าน")))
        .await;
    assert_eq!(thai["items"][0]["slug"], "nan", "new cities are searchable");

    let before = snapshot(app, &t.admin).await;
    let invalid = app
        .post(
            "/api/v1/cities",
            Some(&t.admin),
            &json!({"name": {"en": ""}, "country": "XX", "lat": 100, "population": -5, "website": "ftp://x", "colour": "red"}),
        )
        .await;
    let problem = invalid.problem(422, "validation_failed");
    let mut fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field"))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "colour",
            "country",
            "lat",
            "name.en",
            "population",
            "website"
        ],
        "every invalid field at once"
    );
    app.post(
        "/api/v1/cities",
        Some(&t.admin),
        &json!({"name": {"en": "Nan"}, "country": "TH"}),
    )
    .await
    .problem(409, "slug_taken");
    app.post(
        "/api/v1/cities",
        Some(&t.admin),
        &json!({"name": {"en": "Penang"}, "country": "MY", "province": "TH-55"}),
    )
    .await
    .problem(422, "validation_failed");
    app.post(
        "/api/v1/cities",
        Some(&t.admin),
        &json!({"name": {"en": "X"}, "country": "TH", "lat": 10}),
    )
    .await
    .problem(422, "validation_failed");
    app.post(
        "/api/v1/cities",
        Some(&t.admin),
        &json!({"id": 5, "name": {"en": "Y"}, "country": "TH"}),
    )
    .await
    .problem(422, "validation_failed");
    let raw = app
        .send(
            app.request(Method::POST, "/api/v1/cities", Some(&t.admin))
                .header("content-type", "application/json")
                .body("{\"name\":"),
        )
        .await;
    raw.problem(400, "malformed_json");
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let deep = app
        .send(
            app.request(Method::POST, "/api/v1/cities", Some(&t.admin))
                .header("content-type", "application/json")
                .body(nested),
        )
        .await;
    deep.problem(400, "malformed_json");
    let text = app
        .send(
            app.request(Method::POST, "/api/v1/cities", Some(&t.admin))
                .header("content-type", "text/plain")
                .body("{}"),
        )
        .await;
    text.problem(415, "unsupported_media_type");
    let huge =
        json!({"name": {"en": "Big"}, "country": "TH", "description": {"en": "x".repeat(70_000)}});
    app.post("/api/v1/cities", Some(&t.admin), &huge)
        .await
        .problem(413, "payload_too_large");
    assert_eq!(
        snapshot(app, &t.admin).await,
        before,
        "refused creates changed nothing"
    );

    let patched = app
        .patch(
            "/api/v1/cities/nan",
            Some(&t.admin),
            &json!({"population": null, "name": {"th": null}, "website": "https://www.nan.go.th"}),
            None,
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.body["population"], Value::Null, "null clears");
    assert_eq!(
        patched.body["name"],
        json!({"en": "Nan", "th": null}),
        "merge patch inside the name"
    );
    assert_eq!(patched.body["lat"], 18.78, "absent fields are unchanged");
    assert_eq!(patched.body["website"], "https://www.nan.go.th");
    let renamed = app
        .patch(
            "/api/v1/cities/nan",
            Some(&t.admin),
            &json!({"slug": "nan-city"}),
            None,
        )
        .await;
    assert_eq!(renamed.body["slug"], "nan-city");
    app.get("/api/v1/cities/nan")
        .await
        .problem(404, "not_found");
    app.patch(
        "/api/v1/cities/phayao",
        Some(&t.admin),
        &json!({"slug": "nan-city"}),
        None,
    )
    .await
    .problem(409, "slug_taken");
    app.patch(
        "/api/v1/cities/atlantis",
        Some(&t.admin),
        &json!({"population": 1}),
        None,
    )
    .await
    .problem(404, "not_found");
}

async fn city_editors_keep_only_their_own_city(app: &TestApp) {
    let t = tokens(app).await;
    let own = app.patch("/api/v1/cities/phayao", Some(&t.editor), &json!({"website": "https://www.phayao.go.th", "description": {"th": "เมืองแห่งการเรียนรู้"}}), None).await;
    assert_eq!(own.status, 200, "{}", own.body);
    assert_eq!(own.body["description"]["th"], "เมืองแห่งการเรียนรู้");
    let before = snapshot(app, &t.admin).await;
    app.patch(
        "/api/v1/cities/chiang-rai",
        Some(&t.editor),
        &json!({"website": "https://x.org"}),
        None,
    )
    .await
    .problem(403, "forbidden");
    app.patch(
        "/api/v1/cities/phayao",
        Some(&t.editor),
        &json!({"slug": "phayao-city"}),
        None,
    )
    .await
    .problem(403, "forbidden_field");
    app.patch(
        "/api/v1/cities/phayao",
        Some(&t.editor),
        &json!({"country": "LA"}),
        None,
    )
    .await
    .problem(403, "forbidden_field");
    assert_eq!(snapshot(app, &t.admin).await, before);
    let me = app.get_as("/api/v1/me", &t.editor).await;
    assert_eq!(me.body["city"], "phayao");
    assert_eq!(me.body["role"], "city_editor");
}

async fn etags_give_304_and_stale_writes_412(app: &TestApp) {
    let t = tokens(app).await;
    for path in ["/api/v1/cities/phayao", "/api/v1/networks/unesco-gnlc"] {
        let first = app.get(path).await;
        let tag = first.etag();
        assert!(
            tag.starts_with('"') && tag.ends_with('"'),
            "strong ETag {tag}"
        );
        let again = app
            .send(
                app.client
                    .get(format!("{}{path}", app.url))
                    .header("if-none-match", &tag),
            )
            .await;
        assert_eq!(again.status, 304);
        let other = app
            .send(
                app.client
                    .get(format!("{}{path}", app.url))
                    .header("if-none-match", "\"other\""),
            )
            .await;
        assert_eq!(other.status, 200);
    }
    let tag = app.get("/api/v1/cities/phayao").await.etag();
    let fresh = app
        .patch(
            "/api/v1/cities/phayao",
            Some(&t.admin),
            &json!({"population": 22000}),
            Some(&tag),
        )
        .await;
    assert_eq!(fresh.status, 200);
    assert_ne!(fresh.etag(), tag, "a change changes the ETag");
    let before = snapshot(app, &t.admin).await;
    app.patch(
        "/api/v1/cities/phayao",
        Some(&t.admin),
        &json!({"population": 1}),
        Some(&tag),
    )
    .await
    .problem(412, "precondition_failed");
    app.delete("/api/v1/cities/phayao", Some(&t.admin), Some(&tag))
        .await
        .problem(412, "precondition_failed");
    let network_tag = app.get("/api/v1/networks/unesco-gnlc").await.etag();
    let membership = app
        .post(
            "/api/v1/memberships",
            Some(&t.admin),
            &json!({"city": "nan-does-not-exist", "network": "unesco-gnlc"}),
        )
        .await;
    membership.problem(422, "validation_failed");
    assert_eq!(
        app.get("/api/v1/networks/unesco-gnlc").await.etag(),
        network_tag
    );
    app.patch(
        "/api/v1/networks/unesco-gnlc",
        Some(&t.admin),
        &json!({"founded_year": 2013}),
        Some("\"stale\""),
    )
    .await
    .problem(412, "precondition_failed");
    assert_eq!(
        snapshot(app, &t.admin).await,
        before,
        "stale writes changed nothing"
    );
    let current = app.get("/api/v1/cities/phayao").await.etag();
    let ok = app
        .delete("/api/v1/cities/phayao", Some(&t.admin), Some(&current))
        .await;
    assert_eq!(ok.status, 204);
}

async fn concurrent_updates_with_one_etag_let_exactly_one_win(app: &TestApp) {
    let t = tokens(app).await;
    for round in 0..3 {
        let tag = app.get("/api/v1/cities/chiang-mai").await.etag();
        let tasks: Vec<_> = (0..6)
            .map(|i| {
                let request = app
                    .request(Method::PATCH, "/api/v1/cities/chiang-mai", Some(&t.admin))
                    .header("content-type", "application/merge-patch+json")
                    .header("if-match", tag.clone())
                    .body(json!({"population": 100_000 + round * 10 + i}).to_string());
                tokio::spawn(async move {
                    let response = request.send().await.expect("request");
                    let status = response.status().as_u16();
                    (
                        status,
                        response.json::<Value>().await.unwrap_or(Value::Null),
                    )
                })
            })
            .collect();
        let mut replies = Vec::new();
        for task in tasks {
            replies.push(task.await.expect("task"));
        }
        let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "round {round}: {statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 412).count(),
            5,
            "round {round}: {statuses:?}"
        );
        let (_, winner) = replies.iter().find(|(s, _)| *s == 200).expect("winner");
        assert_eq!(
            app.json("/api/v1/cities/chiang-mai").await["population"],
            winner["population"]
        );
    }
    let audit = app
        .get_as(
            "/api/v1/audit-log?entity=city&action=update&limit=200",
            &t.admin,
        )
        .await;
    assert_eq!(
        audit.body["total"], 3,
        "one audit entry per successful update"
    );
}

async fn archive_restore_and_the_audit_trail(app: &TestApp) {
    let t = tokens(app).await;
    let phayao = app.json("/api/v1/cities/phayao").await;
    assert_eq!(
        app.delete("/api/v1/cities/phayao", Some(&t.secretariat), None)
            .await
            .status,
        204
    );
    app.get("/api/v1/cities/phayao")
        .await
        .problem(404, "not_found");
    let public = app.all_pages("/api/v1/cities?limit=200").await;
    assert!(
        !common::slugs(&public.0).contains(&"phayao".to_owned()),
        "archived cities leave public lists"
    );
    assert_eq!(app.json("/api/v1/cities?country=TH").await["total"], 15);
    assert_eq!(
        app.json("/api/v1/networks/unesco-gnlc").await["member_count"],
        127,
        "and network counts"
    );
    let (members, total) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?limit=50")
        .await;
    assert_eq!(total, 127, "and member lists");
    assert_eq!(members.len(), 127);
    assert!(members.iter().all(|m| m["city"]["slug"] != "phayao"));
    let thai = app
        .json("/api/v1/networks/unesco-gnlc/members?country=TH")
        .await;
    assert_eq!(thai["total"], 12);
    assert_eq!(thai["items"].as_array().map(Vec::len), Some(12));
    app.get("/api/v1/cities?archived=true")
        .await
        .problem(401, "authentication_required");
    app.get_as("/api/v1/cities?archived=true", &t.analyst)
        .await
        .problem(403, "forbidden");
    let archived = app
        .get_as("/api/v1/cities?archived=true", &t.secretariat)
        .await;
    assert_eq!(
        common::slugs(archived.body["items"].as_array().expect("items")),
        vec!["phayao"]
    );
    assert!(archived.body["items"][0]["archived_at"].is_string());
    app.post(
        "/api/v1/cities/phayao/restore",
        Some(&t.secretariat),
        &json!({}),
    )
    .await
    .problem(403, "forbidden");
    let restored = app
        .post("/api/v1/cities/phayao/restore", Some(&t.admin), &json!({}))
        .await;
    assert_eq!(restored.status, 200);
    let mut back = app.json("/api/v1/cities/phayao").await;
    let mut original = phayao.clone();
    for v in [&mut back, &mut original] {
        v.as_object_mut().expect("object").remove("updated_at");
    }
    assert_eq!(back, original, "restored as it was");
    assert_eq!(
        app.json("/api/v1/networks/unesco-gnlc/members?country=TH")
            .await["total"],
        13,
        "its memberships are public again"
    );
    app.post("/api/v1/cities/phayao/restore", Some(&t.admin), &json!({}))
        .await
        .problem(404, "not_found");

    let audit = app
        .get_as("/api/v1/audit-log?entity=city&entity_id=", &t.admin)
        .await;
    audit.problem(400, "invalid_query");
    let id = phayao["id"].as_i64().expect("id");
    let trail = app
        .get_as(
            &format!("/api/v1/audit-log?entity=city&entity_id={id}"),
            &t.admin,
        )
        .await;
    let actions: Vec<&str> = trail.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    assert_eq!(actions, vec!["restore", "archive"], "newest first");
    let archive = &trail.body["items"][1];
    assert!(archive["actor"]
        .as_str()
        .is_some_and(|a| a.starts_with("secretariat-")));
    assert_eq!(archive["before"]["slug"], "phayao");
    assert!(archive["before"].get("archived_at").is_none());
    assert!(archive["after"]["archived_at"].is_string());
}

async fn memberships_and_networks_are_written_with_rules(app: &TestApp) {
    let t = tokens(app).await;
    let created = app
        .post("/api/v1/memberships", Some(&t.secretariat), &json!({"city": "phayao", "network": "thailand-learning-cities", "role": "secretariat", "joined_year": 2021, "joined_on": "2021-05-01"}))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_i64().expect("id");
    assert_eq!(
        app.json(&format!("/api/v1/memberships/{id}")).await,
        created.body
    );
    let members = app
        .json("/api/v1/networks/thailand-learning-cities/members")
        .await;
    assert_eq!(members["total"], 1);
    assert_eq!(members["items"][0]["role"], "secretariat");
    assert_eq!(
        app.json("/api/v1/networks/thailand-learning-cities").await["member_count"],
        1
    );
    let phayao = app.json("/api/v1/cities/phayao").await;
    assert_eq!(
        phayao["memberships"].as_array().map(Vec::len),
        Some(2),
        "the city embeds it"
    );
    assert_eq!(
        app.json("/api/v1/cities?network=thailand-learning-cities")
            .await["total"],
        1
    );

    app.post(
        "/api/v1/memberships",
        Some(&t.admin),
        &json!({"city": "phayao", "network": "thailand-learning-cities"}),
    )
    .await
    .problem(409, "duplicate");
    let bad = app
        .post(
            "/api/v1/memberships",
            Some(&t.admin),
            &json!({"city": "atlantis", "network": "nowhere", "role": "king"}),
        )
        .await;
    let problem = bad.problem(422, "validation_failed");
    assert_eq!(
        problem["errors"].as_array().map(Vec::len),
        Some(1),
        "syntax first: role"
    );
    let bad = app
        .post(
            "/api/v1/memberships",
            Some(&t.admin),
            &json!({"city": "atlantis", "network": "nowhere"}),
        )
        .await;
    assert_eq!(
        bad.problem(422, "validation_failed")["errors"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    app.post(
        "/api/v1/memberships",
        Some(&t.admin),
        &json!({"city": "nan", "network": "unesco-gnlc", "joined_year": 2020, "left_year": 2019}),
    )
    .await
    .problem(422, "validation_failed");
    app.patch(
        &format!("/api/v1/memberships/{id}"),
        Some(&t.admin),
        &json!({"left_year": 2020}),
        None,
    )
    .await
    .problem(422, "validation_failed");
    app.patch(
        &format!("/api/v1/memberships/{id}"),
        Some(&t.admin),
        &json!({"network": "unesco-gnlc"}),
        None,
    )
    .await
    .problem(422, "validation_failed");
    let left = app
        .patch(
            &format!("/api/v1/memberships/{id}"),
            Some(&t.admin),
            &json!({"status": "former", "left_year": 2025}),
            None,
        )
        .await;
    assert_eq!(left.status, 200);
    assert_eq!(
        app.json("/api/v1/networks/thailand-learning-cities").await["member_count"],
        0,
        "only active members count"
    );
    app.get("/api/v1/memberships/999999")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/memberships/abc")
        .await
        .problem(404, "not_found");

    let network = app.post("/api/v1/networks", Some(&t.secretariat), &json!({"name": {"en": "Mekong Learning Cities", "th": "เครือข่ายลุ่มน้ำโขง"}, "scope": "regional", "status": "planned", "founded_year": 2026})).await;
    assert_eq!(network.status, 201, "{}", network.body);
    assert_eq!(network.body["slug"], "mekong-learning-cities");
    assert_eq!(app.json("/api/v1/networks").await["total"], 4);
    app.post(
        "/api/v1/networks",
        Some(&t.admin),
        &json!({"name": {"en": "X"}, "scope": "galactic", "founded_year": 1800, "country": "ZZ"}),
    )
    .await
    .problem(422, "validation_failed");
    app.post(
        "/api/v1/networks",
        Some(&t.admin),
        &json!({"name": {"en": "Mekong Learning Cities"}, "scope": "regional"}),
    )
    .await
    .problem(409, "slug_taken");
    assert_eq!(
        app.delete(
            "/api/v1/networks/mekong-learning-cities",
            Some(&t.admin),
            None
        )
        .await
        .status,
        204
    );
    assert_eq!(app.json("/api/v1/networks").await["total"], 3);
    app.get("/api/v1/networks/mekong-learning-cities/members")
        .await
        .problem(404, "not_found");
}

on_both_backends!(
    role_matrix_for_every_write,
    create_update_and_validate_a_city,
    city_editors_keep_only_their_own_city,
    etags_give_304_and_stale_writes_412,
    concurrent_updates_with_one_etag_let_exactly_one_win,
    archive_restore_and_the_audit_trail,
    memberships_and_networks_are_written_with_rules,
);
