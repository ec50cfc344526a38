//! Organisations: seeded from the source documents with a source on every record and role,
//! linked from the networks and award programmes they serve, and listed with filters and
//! downloads like every list.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{seed_json, slugs, TestApp};

/// The organisations every deployment must know (the list).
const REQUIRED: [&str; 13] = [
    "unesco-bangkok",
    "uil",
    "pmu-a",
    "mhesi",
    "nxpo",
    "eef",
    "okmd",
    "tk-park",
    "university-of-phayao",
    "asem-lll-hub",
    "un-habitat",
    "undp",
    "ministry-of-education-th",
];

fn roles_of<'a>(organisation: &'a Value, kind: &str, slug: &str) -> Vec<&'a str> {
    organisation["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter(|r| r["of"]["kind"] == kind && r["of"]["slug"] == slug)
        .map(|r| r["role"].as_str().unwrap_or(""))
        .collect()
}

async fn organisations_are_seeded_from_the_sources(app: &TestApp) {
    let seeded = seed_json("organisations.json");
    let expected: BTreeSet<String> = seeded["organisations"]
        .as_array()
        .expect("organisations")
        .iter()
        .map(|o| o["slug"].as_str().expect("slug").to_owned())
        .collect();
    let (all, total) = app.all_pages("/api/v1/organisations?limit=5").await;
    assert_eq!(total as usize, expected.len());
    let listed: BTreeSet<String> = slugs(&all).into_iter().collect();
    assert_eq!(listed, expected);
    for slug in REQUIRED {
        assert!(listed.contains(slug), "{slug} is seeded");
    }
    for o in &all {
        assert!(
            o["sources"].as_array().is_some_and(|s| !s.is_empty()),
            "{} has a source",
            o["slug"]
        );
        for role in o["roles"].as_array().expect("roles") {
            assert!(
                role["sources"].as_array().is_some_and(|s| !s.is_empty()),
                "a role of {} has a source",
                o["slug"]
            );
        }
    }
    let names: Vec<String> = all
        .iter()
        .map(|o| o["name"]["en"].as_str().unwrap_or("").to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by name");

    let pmu = app.json("/api/v1/organisations/pmu-a").await;
    assert_eq!(pmu["abbreviation"]["en"], "PMU-A");
    assert_eq!(pmu["abbreviation"]["th"], "บพท.");
    assert_eq!(pmu["country"], "TH");
    assert_eq!(
        roles_of(&pmu, "award_programme", "thailand-learning-city-awards"),
        ["organiser"]
    );
    assert_eq!(
        app.json("/api/v1/organisations/eef").await["abbreviation"]["th"],
        "กสศ."
    );
    let phayao = app.json("/api/v1/organisations/university-of-phayao").await;
    assert_eq!(
        roles_of(&phayao, "network", "thailand-learning-cities"),
        ["secretariat"]
    );
    let secretariat = phayao["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .find(|r| r["of"]["kind"] == "award_programme")
        .expect("the awards' secretariat");
    assert_eq!(secretariat["from_year"], 2025);
    assert_eq!(
        secretariat["of"]["href"],
        "/api/v1/award-programmes/thailand-learning-city-awards"
    );
    let excerpt = secretariat["sources"][0]["excerpt"]
        .as_str()
        .expect("excerpt");
    assert!(excerpt.contains("Phayao"), "{excerpt}");
    // A fact no document gives is marked so.
    let nxpo = app.json("/api/v1/organisations/nxpo").await;
    assert_eq!(nxpo["verified"], false);
    assert!(nxpo["unverified_reason"]
        .as_str()
        .is_some_and(|r| r.contains("not in the source documents")));
    assert_eq!(nxpo["abbreviation"]["th"], "สอวช.");
    let eef = app.json("/api/v1/organisations/eef").await;
    assert_eq!(
        roles_of(&eef, "initiative", "eef-national-platform-learning-city"),
        ["lead"]
    );
    assert_eq!(
        app.get("/api/v1/organisations/no-such-body").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn networks_and_programmes_link_their_organisations(app: &TestApp) {
    let network = app.json("/api/v1/networks/thailand-learning-cities").await;
    let links = network["organisations"].as_array().expect("organisations");
    let held: BTreeSet<(String, String)> = links
        .iter()
        .map(|l| {
            (
                l["slug"].as_str().unwrap_or("").to_owned(),
                l["role"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(held.contains(&("university-of-phayao".to_owned(), "secretariat".to_owned())));
    for partner in ["pmu-a", "eef", "okmd", "unesco-bangkok"] {
        assert!(
            held.contains(&(partner.to_owned(), "partner".to_owned())),
            "{partner}"
        );
    }
    let phayao = links
        .iter()
        .find(|l| l["slug"] == "university-of-phayao")
        .expect("the secretariat");
    assert_eq!(phayao["href"], "/api/v1/organisations/university-of-phayao");
    assert!(
        network["secretariat"]["en"].is_string(),
        "the old text field stays"
    );
    let gnlc = app.json("/api/v1/networks/unesco-gnlc").await;
    assert_eq!(gnlc["organisations"][0]["slug"], "unesco");
    assert_eq!(gnlc["organisations"][0]["role"], "lead");

    let programme = app
        .json("/api/v1/award-programmes/thailand-learning-city-awards")
        .await;
    let organisers: BTreeSet<&str> = programme["organisations"]
        .as_array()
        .expect("organisations")
        .iter()
        .filter(|l| l["role"] == "organiser")
        .map(|l| l["slug"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(organisers, BTreeSet::from(["eef", "okmd", "pmu-a"]));
    assert!(
        programme["organisers"]["en"].is_string(),
        "the old text field stays"
    );
}

async fn the_list_filters_and_downloads(app: &TestApp) {
    let ministries = app.json("/api/v1/organisations?kind=ministry").await;
    let mut found = slugs(ministries["items"].as_array().expect("items"));
    found.sort();
    assert_eq!(found, ["mhesi", "ministry-of-education-th"]);
    let thai = app.json("/api/v1/organisations?country=th&limit=100").await;
    assert!(thai["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|o| o["country"] == "TH"));
    assert!(slugs(thai["items"].as_array().expect("items")).contains(&"okmd".to_owned()));
    let in_network = app
        .json("/api/v1/organisations?network=thailand-learning-cities&limit=100")
        .await;
    let members = slugs(in_network["items"].as_array().expect("items"));
    assert!(members.contains(&"university-of-phayao".to_owned()));
    assert!(!members.contains(&"uil".to_owned()));
    let by_thai = app
        .json(&format!(
            "/api/v1/organisations?q={}",
            crate::common::enc("บพท")
        ))
        .await;
    assert_eq!(
        slugs(by_thai["items"].as_array().expect("items")),
        ["pmu-a"]
    );
    let by_name = app.json("/api/v1/organisations?q=phayao").await;
    assert_eq!(
        slugs(by_name["items"].as_array().expect("items")),
        ["university-of-phayao"]
    );
    let bad = app
        .get("/api/v1/organisations?kind=club&country=Thailand")
        .await;
    let problem = bad.problem(400, "invalid_query");
    let mut fields = crate::common::error_fields(problem);
    fields.sort();
    assert_eq!(fields, ["country", "kind"]);

    let response = app
        .client
        .get(format!("{}/api/v1/organisations?format=csv", app.url))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..4], ["id", "slug", "name.en", "name.th"]);
    let rows = reader.records().count();
    let total = app.json("/api/v1/organisations").await["total"].clone();
    assert_eq!(Value::from(rows), total);
}

async fn staff_keep_organisations(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let editor = app.user_token(&admin, "city_editor", Some("phayao")).await;
    let body = json!({
        "name": {"en": "Test Learning Foundation", "th": "มูลนิธิทดสอบ"},
        "abbreviation": {"en": "TLF"},
        "kind": "ngo",
        "country": "th",
        "sources": [{"title": "Test record written by the API test"}]
    });
    app.post("/api/v1/organisations", Some(&editor), &body)
        .await
        .problem(403, "forbidden");
    let bad = app
        .post(
            "/api/v1/organisations",
            Some(&secretariat),
            &json!({"name": {"th": "ไม่มีชื่ออังกฤษ"}, "kind": "club", "website": "ftp://x", "roles": []}),
        )
        .await;
    let mut fields = crate::common::error_fields(bad.problem(422, "validation_failed"));
    fields.sort();
    assert_eq!(fields, ["kind", "name.en", "roles", "website"]);
    let created = app
        .post("/api/v1/organisations", Some(&secretariat), &body)
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.body["slug"], "test-learning-foundation");
    assert_eq!(created.body["country"], "TH");
    assert_eq!(
        created.body["abbreviation"],
        json!({"en": "TLF", "th": null})
    );
    let tag = created.etag();
    let path = "/api/v1/organisations/test-learning-foundation";
    let found = app.json("/api/v1/organisations?q=tlf").await;
    assert_eq!(
        slugs(found["items"].as_array().expect("items")),
        ["test-learning-foundation"]
    );
    let again = app
        .post("/api/v1/organisations", Some(&secretariat), &body)
        .await;
    again.problem(409, "slug_taken");

    let patched = app
        .patch(
            path,
            Some(&secretariat),
            &json!({"website": "https://example.org/tlf"}),
            Some(&tag),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
    assert_eq!(patched.body["website"], "https://example.org/tlf");
    let stale = app
        .patch(
            path,
            Some(&secretariat),
            &json!({"website": null}),
            Some(&tag),
        )
        .await;
    stale.problem(412, "precondition_failed");
    assert_eq!(app.json(path).await["website"], "https://example.org/tlf");

    let archived = app
        .delete(path, Some(&secretariat), Some(&patched.etag()))
        .await;
    assert_eq!(archived.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND);
    let restored = app
        .post(&format!("{path}/restore"), Some(&admin), &json!({}))
        .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
    assert_eq!(app.json(path).await["name"]["th"], "มูลนิธิทดสอบ");

    let id = created.body["id"].as_i64().expect("id").to_string();
    let audit = app
        .get_as(
            &format!("/api/v1/audit-log?entity=organisation&entity_id={id}"),
            &admin,
        )
        .await
        .body;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(actions, ["restore", "archive", "update", "create"]);
    let feed = app.json("/api/v1/changes?limit=200").await;
    let ours: Vec<&Value> = feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|c| c["entity"] == "organisation" && c["entity_id"] == id.as_str())
        .collect();
    assert_eq!(ours.len(), 4);
    assert_eq!(ours[3]["href"], path);
}

async fn staff_add_and_remove_roles(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let editor = app.user_token(&admin, "city_editor", Some("phayao")).await;
    let path = "/api/v1/organisations/tk-park/roles";
    let role = json!({
        "role": "partner",
        "of": {"kind": "network", "slug": "thailand-learning-cities"},
        "from_year": 2025,
        "sources": [{"title": "Test role written by the API test"}]
    });
    app.post(path, Some(&editor), &role)
        .await
        .problem(403, "forbidden");
    let bad = app
        .post(
            path,
            Some(&secretariat),
            &json!({"role": "sponsor", "of": {"kind": "planet", "slug": "x"},
                    "from_year": 2026, "to_year": 2020}),
        )
        .await;
    assert_eq!(
        crate::common::error_fields(bad.problem(422, "validation_failed")),
        ["of.kind", "role", "to_year"]
    );
    let unknown = app
        .post(
            path,
            Some(&secretariat),
            &json!({"role": "partner", "of": {"kind": "event", "slug": "no-such-event"}}),
        )
        .await;
    assert_eq!(
        crate::common::error_fields(unknown.problem(422, "validation_failed")),
        ["of.slug"]
    );
    let before = app.get("/api/v1/organisations/tk-park").await;
    let added = app.post(path, Some(&secretariat), &role).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.body);
    let held: Vec<&Value> = added.body["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter(|r| r["of"]["slug"] == "thailand-learning-cities" && r["role"] == "partner")
        .collect();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["from_year"], 2025);
    assert_eq!(
        held[0]["sources"][0]["title"],
        "Test role written by the API test"
    );
    let network = app.json("/api/v1/networks/thailand-learning-cities").await;
    assert!(network["organisations"]
        .as_array()
        .expect("organisations")
        .iter()
        .any(|o| o["slug"] == "tk-park" && o["role"] == "partner"));
    app.post(path, Some(&secretariat), &role)
        .await
        .problem(409, "role_exists");
    // A stale ETag is refused; the current one removes the role and its sources.
    let id = held[0]["id"].as_i64().expect("id");
    app.delete(
        &format!("{path}/{id}"),
        Some(&secretariat),
        Some(&before.etag()),
    )
    .await
    .problem(412, "precondition_failed");
    let removed = app
        .delete(
            &format!("{path}/{id}"),
            Some(&secretariat),
            Some(&added.etag()),
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert_eq!(removed.body["roles"], before.body["roles"]);
    app.delete(&format!("{path}/{id}"), Some(&secretariat), None)
        .await
        .problem(404, "not_found");
}

on_both_backends!(
    staff_add_and_remove_roles,
    staff_keep_organisations,
    organisations_are_seeded_from_the_sources,
    networks_and_programmes_link_their_organisations,
    the_list_filters_and_downloads,
);
