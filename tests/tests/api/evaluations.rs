//! A full judged cycle through HTTP: assignments with conflicts of interest, scoring, submit /
//! return / resubmit / finalise, recusal, publication, rankings (checked against values
//! computed here), normalisation, published summaries, area averages, frozen frameworks, and
//! who may see what.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::common::TestApp;

const FRAMEWORK: &str = "unesco-lca-2024-v1";

/// Scores (1-5) on the framework's 8 criteria, by (evaluator, city).
fn matrix() -> HashMap<(&'static str, &'static str), [f64; 8]> {
    HashMap::from([
        (("e1", "phayao"), [5.0, 4.0, 5.0, 4.0, 5.0, 4.0, 5.0, 4.0]),
        (
            ("e1", "chiang-mai"),
            [3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        ),
        (
            ("e1", "chiang-rai"),
            [2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0],
        ),
        (("e2", "phayao"), [4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0]),
        (
            ("e2", "chiang-mai"),
            [5.0, 5.0, 4.0, 4.0, 5.0, 5.0, 4.0, 4.0],
        ),
        (
            ("e2", "chiang-rai"),
            [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0],
        ),
        (("e3", "phayao"), [3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0]),
        (
            ("e3", "chiang-mai"),
            [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0],
        ),
    ])
}

/// The overall score on 0-100 with equal weights: the mean of (score - 1) / 4 * 100.
fn overall(scores: &[f64; 8]) -> f64 {
    scores.iter().map(|s| (s - 1.0) / 4.0 * 100.0).sum::<f64>() / 8.0
}

fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (
        mean,
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt(),
    )
}

fn close(a: &Value, b: f64) -> bool {
    a.as_f64().is_some_and(|a| (a - b).abs() < 1e-9)
}

fn scores_body(values: &[f64]) -> Value {
    json!({"scores": values.iter().enumerate().map(|(i, v)| json!({
        "criterion": (i + 1).to_string(), "score": v, "comment": format!("criterion {}", i + 1),
        "evidence_links": ["https://example.org/evidence"]
    })).collect::<Vec<_>>()})
}

async fn full_judged_cycle(app: &TestApp) {
    let admin = app.admin_token().await;
    let staff = app.user_token(&admin, "secretariat", None).await;
    let editor = app.user_token(&admin, "city_editor", Some("phayao")).await;
    let analyst = app.user_token(&admin, "analyst", None).await;
    let mut evaluators = HashMap::new();
    for name in ["e1", "e2", "e3"] {
        let token = app.user_token(&admin, "evaluator", None).await;
        let id = app.user_id(&token).await;
        evaluators.insert(name, (token, id));
    }

    // A cycle judged against the 2024 award criteria, with three nominations.
    let cycle = app
        .post("/api/v1/award-cycles", Some(&staff), &json!({
            "programme": "thailand-learning-city-awards", "year": 2032, "title": {"en": "Judged cycle"},
            "nominations_open_on": "2000-01-01", "nominations_close_on": "2999-12-31", "framework": FRAMEWORK,
            "categories": [{"slug": "judged-2032", "name": {"en": "Judged"}}]
        }))
        .await;
    assert_eq!(cycle.status, 201, "{}", cycle.body);
    assert_eq!(cycle.body["framework"], FRAMEWORK);
    let cycle_id = cycle.body["id"].as_i64().expect("id");
    let status = |to: &'static str| json!({"status": to});
    assert_eq!(
        app.post(
            &format!("/api/v1/award-cycles/{cycle_id}/status"),
            Some(&staff),
            &status("open")
        )
        .await
        .status,
        200
    );
    let mut nomination = HashMap::new();
    for city in ["phayao", "chiang-mai", "chiang-rai"] {
        let token = if city == "phayao" { &editor } else { &staff };
        let reply = app
            .post(
                "/api/v1/nominations",
                Some(token),
                &json!({"category": "judged-2032", "city": city}),
            )
            .await;
        assert_eq!(reply.status, 201, "{city}: {}", reply.body);
        nomination.insert(city, reply.body["id"].as_i64().expect("id"));
    }
    assert_eq!(
        app.post(
            &format!("/api/v1/award-cycles/{cycle_id}/status"),
            Some(&staff),
            &status("judging")
        )
        .await
        .status,
        200
    );

    // Conflicts of interest block assignments.
    let (e3_token, e3) = evaluators["e3"].clone();
    let declared = app
        .post(
            "/api/v1/conflicts",
            Some(&e3_token),
            &json!({"city": "chiang-rai", "reason": "family in the city administration"}),
        )
        .await;
    assert_eq!(declared.status, 201, "{}", declared.body);
    assert_eq!(declared.body["evaluator_id"], e3);
    let refused = app
        .post(
            "/api/v1/evaluations",
            Some(&staff),
            &json!({"evaluator": e3, "nomination": nomination["chiang-rai"]}),
        )
        .await;
    refused.problem(409, "conflict_of_interest");
    let other = app
        .post(
            "/api/v1/conflicts",
            Some(&e3_token),
            &json!({"evaluator": e3 + 1000, "city": "phayao", "reason": "x"}),
        )
        .await;
    other.problem(403, "forbidden");
    // Someone who edited Phayao's record, later made an evaluator, is refused for Phayao.
    let former_editor = app.user_id(&editor).await;
    assert_eq!(
        app.patch(
            "/api/v1/cities/phayao",
            Some(&editor),
            &json!({"website": "https://www.phayao.go.th"}),
            None
        )
        .await
        .status,
        200
    );
    let moved = app
        .patch(
            &format!("/api/v1/users/{former_editor}"),
            Some(&admin),
            &json!({"role": "evaluator", "city": null}),
            None,
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    app.post(
        "/api/v1/evaluations",
        Some(&staff),
        &json!({"evaluator": former_editor, "nomination": nomination["phayao"]}),
    )
    .await
    .problem(409, "conflict_of_interest");
    app.post(
        "/api/v1/evaluations",
        Some(&staff),
        &json!({"evaluator": app.user_id(&analyst).await, "nomination": nomination["phayao"]}),
    )
    .await
    .problem(422, "validation_failed");
    app.post(
        "/api/v1/evaluations",
        Some(&evaluators["e1"].0),
        &json!({"evaluator": e3, "nomination": nomination["phayao"]}),
    )
    .await
    .problem(403, "forbidden");

    // Assignments: e1 and e2 judge all three, e3 the two without a conflict.
    let mut evaluation = HashMap::new();
    for ((name, city), _) in matrix() {
        let reply = app
            .post(
                "/api/v1/evaluations",
                Some(&staff),
                &json!({"evaluator": evaluators[name].1, "nomination": nomination[city]}),
            )
            .await;
        assert_eq!(reply.status, 201, "{name} {city}: {}", reply.body);
        assert_eq!(reply.body["status"], "draft");
        assert_eq!(reply.body["framework"], FRAMEWORK);
        evaluation.insert((name, city), reply.body["id"].as_i64().expect("id"));
    }
    app.post(
        "/api/v1/evaluations",
        Some(&staff),
        &json!({"evaluator": evaluators["e1"].1, "nomination": nomination["phayao"]}),
    )
    .await
    .problem(409, "duplicate");

    // Scoring: drafts any number of times, checked against the scale; submit when complete.
    let (e1_token, _) = evaluators["e1"].clone();
    let first = evaluation[&("e1", "phayao")];
    let partial = app
        .send(
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/evaluations/{first}/scores"),
                Some(&e1_token),
            )
            .json(&json!({"scores": [{"criterion": "1", "score": 2}]})),
        )
        .await;
    assert_eq!(partial.status, 200, "{}", partial.body);
    assert!(
        close(&partial.body["overall"], 25.0),
        "overall of the scores so far: {}",
        partial.body["overall"]
    );
    let bad = app.send(app.request(reqwest::Method::PUT, &format!("/api/v1/evaluations/{first}/scores"), Some(&e1_token)).json(&json!({"scores": [{"criterion": "1", "score": 6}, {"criterion": "9", "score": 3}, {"criterion": "2"}]}))).await;
    let problem = bad.problem(422, "validation_failed");
    assert_eq!(
        problem["errors"].as_array().map(Vec::len),
        Some(1),
        "body syntax first: {problem}"
    );
    let bad = app.send(app.request(reqwest::Method::PUT, &format!("/api/v1/evaluations/{first}/scores"), Some(&e1_token)).json(&json!({"scores": [{"criterion": "1", "score": 6}, {"criterion": "9", "score": 3}]}))).await;
    assert_eq!(
        bad.problem(422, "validation_failed")["errors"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let unchanged = app
        .get_as(&format!("/api/v1/evaluations/{first}"), &e1_token)
        .await;
    assert_eq!(
        unchanged.body["scores"].as_array().map(Vec::len),
        Some(1),
        "nothing half-written"
    );
    app.post(
        &format!("/api/v1/evaluations/{first}/submit"),
        Some(&e1_token),
        &json!({}),
    )
    .await
    .problem(422, "incomplete_evaluation");
    let other_evaluator = app
        .send(
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/evaluations/{first}/scores"),
                Some(&e3_token),
            )
            .json(&scores_body(&[3.0; 8])),
        )
        .await;
    other_evaluator.problem(404, "not_found");

    for ((name, city), values) in matrix() {
        let id = evaluation[&(name, city)];
        let token = &evaluators[name].0;
        let saved = app
            .send(
                app.request(
                    reqwest::Method::PUT,
                    &format!("/api/v1/evaluations/{id}/scores"),
                    Some(token),
                )
                .json(&scores_body(&values)),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert!(
            close(&saved.body["overall"], overall(&values)),
            "{name} {city}"
        );
        let submitted = app
            .post(
                &format!("/api/v1/evaluations/{id}/submit"),
                Some(token),
                &json!({}),
            )
            .await;
        assert_eq!(submitted.status, 200, "{}", submitted.body);
        assert_eq!(submitted.body["status"], "submitted");
    }

    // Locked once submitted; returned, changed and resubmitted; finalised.
    let locked = app
        .send(
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/evaluations/{first}/scores"),
                Some(&e1_token),
            )
            .json(&scores_body(&[1.0; 8])),
        )
        .await;
    locked.problem(409, "evaluation_locked");
    app.post(
        &format!("/api/v1/evaluations/{first}/return"),
        Some(&e1_token),
        &json!({"reason": "x"}),
    )
    .await
    .problem(403, "forbidden");
    let returned = app
        .post(
            &format!("/api/v1/evaluations/{first}/return"),
            Some(&staff),
            &json!({"reason": "please justify criterion 8"}),
        )
        .await;
    assert_eq!(returned.body["status"], "returned");
    assert_eq!(returned.body["return_reason"], "please justify criterion 8");
    let first_values = matrix()[&("e1", "phayao")];
    let resaved = app.send(app.request(reqwest::Method::PUT, &format!("/api/v1/evaluations/{first}/scores"), Some(&e1_token)).json(&json!({"scores": [{"criterion": "8", "score": first_values[7], "comment": "justified"}]}))).await;
    assert_eq!(resaved.status, 200);
    assert_eq!(
        app.post(
            &format!("/api/v1/evaluations/{first}/submit"),
            Some(&e1_token),
            &json!({})
        )
        .await
        .status,
        200
    );
    let finalised = app
        .post(
            &format!("/api/v1/evaluations/{first}/finalise"),
            Some(&staff),
            &json!({}),
        )
        .await;
    assert_eq!(finalised.body["status"], "final");
    app.post(
        &format!("/api/v1/evaluations/{first}/finalise"),
        Some(&staff),
        &json!({}),
    )
    .await
    .problem(409, "illegal_transition");

    // e3 recuses from Chiang Mai after the secretariat returns it: it no longer counts.
    let e3_cm = evaluation[&("e3", "chiang-mai")];
    app.post(
        &format!("/api/v1/evaluations/{e3_cm}/recuse"),
        Some(&e3_token),
        &json!({"reason": "former adviser"}),
    )
    .await
    .problem(409, "illegal_transition");
    assert_eq!(
        app.post(
            &format!("/api/v1/evaluations/{e3_cm}/return"),
            Some(&staff),
            &json!({"reason": "check"})
        )
        .await
        .status,
        200
    );
    let recused = app
        .post(
            &format!("/api/v1/evaluations/{e3_cm}/recuse"),
            Some(&e3_token),
            &json!({"reason": "former adviser"}),
        )
        .await;
    assert_eq!(recused.body["status"], "recused");
    assert_eq!(recused.body["recusal_reason"], "former adviser");

    // Visibility of individual evaluations.
    let own = app.get_as("/api/v1/evaluations?limit=200", &e1_token).await;
    assert_eq!(own.body["total"], 3, "an evaluator sees only their own");
    app.get_as(
        &format!("/api/v1/evaluations/{}", evaluation[&("e2", "phayao")]),
        &e1_token,
    )
    .await
    .problem(404, "not_found");
    assert_eq!(
        app.get_as(
            &format!("/api/v1/evaluations?cycle={cycle_id}&limit=200"),
            &staff
        )
        .await
        .body["total"],
        8
    );
    app.get("/api/v1/evaluations")
        .await
        .problem(401, "authentication_required");
    let other_editor = app
        .user_token(&admin, "city_editor", Some("chiang-rai"))
        .await;
    for token in [&other_editor, &analyst] {
        app.get_as("/api/v1/evaluations", token)
            .await
            .problem(403, "forbidden");
    }

    // Expected aggregates, computed here from the matrix (e3 on Chiang Mai recused).
    let counted: Vec<((&str, &str), f64)> = matrix()
        .into_iter()
        .filter(|(k, _)| *k != ("e3", "chiang-mai"))
        .map(|(k, v)| (k, overall(&v)))
        .collect();
    let per_city = |city: &str| {
        counted
            .iter()
            .filter(|((_, c), _)| *c == city)
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
    };
    let per_evaluator = |name: &str| {
        counted
            .iter()
            .filter(|((e, _), _)| *e == name)
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
    };
    let z_mean = |city: &str| {
        let z: Vec<f64> = counted
            .iter()
            .filter(|((_, c), _)| *c == city)
            .map(|((e, _), v)| {
                let (m, sd) = mean_sd(&per_evaluator(e));
                if sd > 0.0 {
                    (v - m) / sd
                } else {
                    0.0
                }
            })
            .collect();
        z.iter().sum::<f64>() / z.len() as f64
    };

    // Rankings: staff only until publication.
    let path = format!("/api/v1/award-cycles/{cycle_id}/rankings?category=judged-2032");
    app.get(&path).await.problem(404, "not_found");
    let ranking = app.get_as(&path, &staff).await;
    assert_eq!(ranking.status, 200, "{}", ranking.body);
    let entries = ranking.body["entries"].as_array().expect("entries").clone();
    let mut expected: Vec<(&str, f64)> = ["phayao", "chiang-mai", "chiang-rai"]
        .iter()
        .map(|c| (*c, mean_sd(&per_city(c)).0))
        .collect();
    expected.sort_by(|a, b| b.1.total_cmp(&a.1));
    let order: Vec<&str> = entries
        .iter()
        .map(|e| e["city"].as_str().expect("city"))
        .collect();
    assert_eq!(order, expected.iter().map(|e| e.0).collect::<Vec<_>>());
    for entry in &entries {
        let city = entry["city"].as_str().expect("city");
        let (mean, sd) = mean_sd(&per_city(city));
        assert!(
            close(&entry["mean"], mean),
            "{city} mean {} vs {mean}",
            entry["mean"]
        );
        assert!(close(&entry["sd"], sd), "{city} sd");
        assert_eq!(entry["evaluations"], per_city(city).len());
        assert_eq!(entry["areas"].as_array().map(Vec::len), Some(8));
    }
    assert_eq!(entries[0]["rank"], 1);
    assert!(ranking.body["tie_break"]
        .as_str()
        .is_some_and(|t| t.contains("spread")));
    let normalized = app.get_as(&format!("{path}&normalize=true"), &staff).await;
    for entry in normalized.body["entries"].as_array().expect("entries") {
        let city = entry["city"].as_str().expect("city");
        assert!(
            close(&entry["z_mean"], z_mean(city)),
            "{city} z {} vs {}",
            entry["z_mean"],
            z_mean(city)
        );
    }
    let z_order: Vec<&str> = normalized.body["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["city"].as_str().expect("city"))
        .collect();
    let mut by_z = vec!["phayao", "chiang-mai", "chiang-rai"];
    by_z.sort_by(|a, b| z_mean(b).total_cmp(&z_mean(a)));
    assert_eq!(z_order, by_z);
    assert_eq!(
        app.json("/api/v1/cities/phayao/evaluations").await["items"],
        json!([]),
        "nothing public yet"
    );

    // Publication makes aggregates public, never individual scores.
    for to in ["closed", "published"] {
        assert_eq!(
            app.post(
                &format!("/api/v1/award-cycles/{cycle_id}/status"),
                Some(&staff),
                &status(to)
            )
            .await
            .status,
            200
        );
    }
    let public = app.get(&path).await;
    assert_eq!(public.status, 200);
    assert_eq!(public.body["entries"], ranking.body["entries"]);
    let text = public.body.to_string();
    assert!(
        !text.contains("evaluator") && !text.contains("comment"),
        "no individual data: {text}"
    );
    let summary = app.json("/api/v1/cities/phayao/evaluations").await;
    let items = summary["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["context"], "award");
    assert_eq!(items[0]["year"], 2032);
    assert!(close(&items[0]["mean"], mean_sd(&per_city("phayao")).0));
    let areas = app
        .json(&format!(
            "/api/v1/evaluation-stats/areas?framework={FRAMEWORK}"
        ))
        .await;
    let area_1: Vec<f64> = counted
        .iter()
        .map(|((e, c), _)| (matrix()[&(*e, *c)][0] - 1.0) / 4.0 * 100.0)
        .collect();
    assert_eq!(areas["items"].as_array().map(Vec::len), Some(8));
    assert!(close(&areas["items"][0]["mean"], mean_sd(&area_1).0));
    assert_eq!(areas["items"][0]["cities"], 3);
    assert_eq!(areas["items"][0]["evaluations"], counted.len());
    assert_eq!(
        app.json(&format!(
            "/api/v1/evaluation-stats/areas?framework={FRAMEWORK}&country=LA"
        ))
        .await["items"],
        json!([])
    );
    assert_eq!(
        app.json(&format!(
            "/api/v1/evaluation-stats/areas?framework={FRAMEWORK}&network=unesco-gnlc&year=2032"
        ))
        .await["items"][0]["cities"],
        3
    );
    let csv = app
        .client
        .get(format!(
            "{}/api/v1/evaluation-stats/areas?framework={FRAMEWORK}&format=csv",
            app.url
        ))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "framework,area,title.en,title.th,mean,cities,evaluations"
    );
    assert_eq!(lines.len(), 9, "a header and the 8 areas");
    assert!(lines[1].starts_with(&format!("{FRAMEWORK},1,")));
    app.get("/api/v1/evaluation-stats/areas")
        .await
        .problem(400, "invalid_query");
    app.get(&format!("/api/v1/award-cycles/{cycle_id}/rankings"))
        .await
        .problem(400, "invalid_query");

    // The framework was used by submitted evaluations: it is frozen and changes make a new version.
    let framework = app.json(&format!("/api/v1/frameworks/{FRAMEWORK}")).await;
    assert_eq!(framework["frozen"], true);
    let changed = app
        .patch(
            &format!("/api/v1/frameworks/{FRAMEWORK}/criteria/1"),
            Some(&staff),
            &json!({"weight": 2.0}),
            None,
        )
        .await;
    assert_eq!(changed.status, 201, "{}", changed.body);
    assert_eq!(changed.body["slug"], "unesco-lca-2024-v2");
    assert_eq!(changed.body["frozen"], false);
    assert_eq!(changed.body["criteria"][0]["weight"], 2.0);
    assert_eq!(
        app.json(&format!("/api/v1/frameworks/{FRAMEWORK}")).await["criteria"][0]["weight"],
        1.0,
        "the used version is unchanged"
    );
    let again = app
        .patch(
            "/api/v1/frameworks/unesco-lca-2024-v2/criteria/2",
            Some(&staff),
            &json!({"weight": 3.0}),
            None,
        )
        .await;
    assert_eq!(again.status, 200, "an unused version changes in place");
    assert_eq!(
        app.json(&path).await["entries"],
        ranking.body["entries"],
        "published results keep their version"
    );
}

async fn seeded_frameworks(app: &TestApp) {
    let list = app.json("/api/v1/frameworks").await;
    assert_eq!(list["total"], 2);
    let kflc = app.json("/api/v1/frameworks/kflc-v1").await;
    assert_eq!(kflc["verified"], false, "the feature texts are unverified");
    let criteria = kflc["criteria"].as_array().expect("criteria");
    let count = |level: &str| criteria.iter().filter(|c| c["level"] == level).count();
    assert_eq!(
        (count("area"), count("focus"), count("feature")),
        (3, 12, 44)
    );
    assert!(criteria
        .iter()
        .filter(|c| c["level"] == "feature")
        .all(|c| c["verified"] == false));
    assert!(criteria
        .iter()
        .filter(|c| c["level"] != "feature")
        .all(|c| c["verified"] == true));
    let award = app.json("/api/v1/frameworks/unesco-lca-2024-v1").await;
    assert_eq!(award["criteria"].as_array().map(Vec::len), Some(8));
    let cycles = app
        .json("/api/v1/award-cycles?programme=unesco-learning-city-award&year=2024")
        .await;
    assert_eq!(cycles["items"][0]["framework"], "unesco-lca-2024-v1");
    app.get("/api/v1/frameworks/nope")
        .await
        .problem(404, "not_found");
}

async fn monitoring_round_with_nested_framework(app: &TestApp) {
    let admin = app.admin_token().await;
    let staff = app.user_token(&admin, "secretariat", None).await;
    let evaluator = app.user_token(&admin, "evaluator", None).await;
    let evaluator_id = app.user_id(&evaluator).await;
    let round = app
        .post(
            "/api/v1/monitoring-rounds",
            Some(&staff),
            &json!({"framework": "kflc-v1", "year": 2026, "title": {"en": "KFLC monitoring 2026"}}),
        )
        .await;
    assert_eq!(round.status, 201, "{}", round.body);
    let round_id = round.body["id"].as_i64().expect("id");
    let assigned = app
        .post(
            "/api/v1/evaluations",
            Some(&staff),
            &json!({"evaluator": evaluator_id, "round": round_id, "city": "sukhothai"}),
        )
        .await;
    assert_eq!(assigned.status, 201, "{}", assigned.body);
    let id = assigned.body["id"].as_i64().expect("id");
    let framework = app.json("/api/v1/frameworks/kflc-v1").await;
    let features: Vec<&str> = framework["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .filter(|c| c["level"] == "feature")
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    // Area 1 features score 5, area 2 score 3, area 3 score 1: areas 100, 50, 0; overall 50.
    let body = json!({"scores": features.iter().map(|code| {
        let score = match &code[..1] { "1" => 5, "2" => 3, _ => 1 };
        json!({"criterion": code, "score": score})
    }).collect::<Vec<_>>()});
    let saved = app
        .send(
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/evaluations/{id}/scores"),
                Some(&evaluator),
            )
            .json(&body),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let areas: Vec<f64> = saved.body["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["score"].as_f64().expect("score"))
        .collect();
    assert_eq!(areas, vec![100.0, 50.0, 0.0]);
    assert!(close(&saved.body["overall"], 50.0));
    app.send(
        app.request(
            reqwest::Method::PUT,
            &format!("/api/v1/evaluations/{id}/scores"),
            Some(&evaluator),
        )
        .json(&json!({"scores": [{"criterion": "1.1", "score": 3}]})),
    )
    .await
    .problem(422, "validation_failed");
    assert_eq!(
        app.post(
            &format!("/api/v1/evaluations/{id}/submit"),
            Some(&evaluator),
            &json!({})
        )
        .await
        .status,
        200
    );
    assert_eq!(
        app.json("/api/v1/cities/sukhothai/evaluations").await["items"],
        json!([])
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/monitoring-rounds/{round_id}/publish"),
            Some(&staff),
            &json!({})
        )
        .await
        .status,
        204
    );
    let published = app.json("/api/v1/cities/sukhothai/evaluations").await;
    assert_eq!(published["items"][0]["context"], "monitoring");
    assert!(close(&published["items"][0]["mean"], 50.0));
    let by_year = app
        .json("/api/v1/evaluation-stats/areas?framework=kflc-v1&year=2026&country=TH")
        .await;
    let means: Vec<f64> = by_year["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|a| a["mean"].as_f64().expect("mean"))
        .collect();
    assert_eq!(means, vec![100.0, 50.0, 0.0]);
    app.post(
        &format!("/api/v1/monitoring-rounds/{round_id}/publish"),
        Some(&staff),
        &json!({}),
    )
    .await
    .problem(409, "illegal_transition");
    app.post(
        "/api/v1/monitoring-rounds",
        Some(&staff),
        &json!({"framework": "kflc-v1", "year": 2026, "title": {"en": "again"}}),
    )
    .await
    .problem(409, "duplicate");
    app.post(
        "/api/v1/evaluations",
        Some(&staff),
        &json!({"evaluator": evaluator_id, "round": round_id, "city": "yala"}),
    )
    .await
    .problem(409, "not_assignable");
}

async fn demo_cycle_is_labelled_and_ranked(app: &TestApp) {
    assert_eq!(
        app.json("/api/v1/award-programmes").await["total"],
        2,
        "the default seed has no demo data"
    );
    let database = app.database();
    let created = tokio::task::spawn_blocking(move || learning_city::cli::load_demo(&database))
        .await
        .expect("task")
        .expect("demo loads");
    assert_eq!(created, 18);
    let again = app.database();
    assert_eq!(
        tokio::task::spawn_blocking(move || learning_city::cli::load_demo(&again))
            .await
            .expect("task"),
        Ok(0)
    );
    let programme = app
        .json("/api/v1/award-programmes/demo-learning-city-award")
        .await;
    assert!(programme["name"]["en"]
        .as_str()
        .is_some_and(|n| n.contains("DEMO") && n.contains("synthetic")));
    let cycles = app
        .json("/api/v1/award-cycles?programme=demo-learning-city-award")
        .await;
    let cycle = &cycles["items"][0];
    assert!(cycle["title"]["en"]
        .as_str()
        .is_some_and(|t| t.contains("DEMO")));
    assert_eq!(cycle["status"], "published");
    let id = cycle["id"].as_i64().expect("id");
    for category in cycle["categories"].as_array().expect("categories") {
        assert!(category["name"]["en"]
            .as_str()
            .is_some_and(|n| n.starts_with("DEMO")));
        let slug = category["slug"].as_str().expect("slug");
        let ranking = app
            .json(&format!(
                "/api/v1/award-cycles/{id}/rankings?category={slug}"
            ))
            .await;
        let entries = ranking["entries"].as_array().expect("entries");
        assert_eq!(entries.len(), 3);
        assert!(entries.iter().all(|e| e["evaluations"] == 3));
        let means: Vec<f64> = entries
            .iter()
            .map(|e| e["mean"].as_f64().expect("mean"))
            .collect();
        assert!(means.windows(2).all(|w| w[0] >= w[1]), "ranked: {means:?}");
    }
    let winners: usize = cycle["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["winners"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(winners, 2);
}

on_both_backends!(
    full_judged_cycle,
    seeded_frameworks,
    monitoring_round_with_nested_framework,
    demo_cycle_is_labelled_and_ranked,
);
