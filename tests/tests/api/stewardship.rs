//! Data truth: sources on every seeded public record, a network's reported sizes kept beside
//! the members recorded here, the coverage statistic computed from the seed files, the
//! corrections taken from the source documents, and sources written and audited with a record.

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Value};

use crate::common::{error_fields, seed_json, seed_rows, TestApp};

fn has_sources(record: &Value) -> bool {
    record["sources"]
        .as_array()
        .is_some_and(|list| !list.is_empty())
}

async fn every_seeded_record_has_a_source(app: &TestApp) {
    let (cities, total) = app.all_pages("/api/v1/cities?limit=200").await;
    assert!(total > 180);
    for city in &cities {
        assert!(has_sources(city), "city {} has no source", city["slug"]);
        assert_eq!(city["verified"], true);
        for m in city["memberships"].as_array().expect("memberships") {
            assert!(
                has_sources(m),
                "a membership of {} has no source",
                city["slug"]
            );
        }
    }
    let (networks, _) = app.all_pages("/api/v1/networks").await;
    assert_eq!(networks.len(), 3);
    assert!(networks.iter().all(has_sources), "{networks:?}");
    let (members, _) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?limit=200")
        .await;
    assert!(members.iter().all(has_sources));
    let (programmes, _) = app.all_pages("/api/v1/award-programmes").await;
    assert!(programmes.iter().all(has_sources), "{programmes:?}");
    let (cycles, _) = app.all_pages("/api/v1/award-cycles").await;
    assert!(cycles.iter().all(has_sources), "{cycles:?}");
    let awardees: BTreeSet<String> = seed_rows("unesco_learning_city_awardees.csv")
        .into_iter()
        .map(|r| r["city"].to_lowercase().replace(' ', "-"))
        .collect();
    let mut checked = 0;
    for slug in awardees.iter().filter(|s| s.is_ascii()).take(10) {
        let reply = app.get(&format!("/api/v1/cities/{slug}/awards")).await;
        if reply.status != 200 {
            continue;
        }
        for award in reply.body["items"].as_array().expect("items") {
            assert!(has_sources(award), "an award of {slug} has no source");
            checked += 1;
        }
    }
    assert!(checked >= 5, "awards checked: {checked}");
    // GeoNames is named, with the day its figures were read, and a population says what it is.
    let cork = app.json("/api/v1/cities/cork").await;
    let geonames = cork["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| {
            s["publisher"]
                .as_str()
                .is_some_and(|p| p.starts_with("GeoNames"))
        })
        .expect("a GeoNames source");
    assert_eq!(geonames["accessed_on"], "2026-11-23");
    assert!(cork["population_source"]
        .as_str()
        .is_some_and(|s| s.contains("not an official count")));
}

async fn the_census_is_the_reported_totals(app: &TestApp) {
    let rows = seed_rows("gnlc_reported_totals.csv");
    let (census, total) = app.all_pages("/api/v1/networks/unesco-gnlc/census").await;
    assert_eq!(total, rows.len() as i64);
    let dates: Vec<&str> = census
        .iter()
        .map(|c| c["as_of"].as_str().expect("as_of"))
        .collect();
    let mut newest_first: Vec<&str> = rows.iter().map(|r| r["as_of"].as_str()).collect();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
    for row in &rows {
        let entry = census
            .iter()
            .find(|c| c["as_of"] == row["as_of"].as_str())
            .expect("entry");
        assert_eq!(
            entry["members"],
            row["total_members"].parse::<i64>().expect("n")
        );
        assert_eq!(
            entry["countries"],
            row["total_countries"].parse::<i64>().expect("n")
        );
        let new = &row["new_members"];
        assert_eq!(
            entry["new_members"],
            if new.is_empty() {
                Value::Null
            } else {
                json!(new.parse::<i64>().expect("n"))
            }
        );
        assert_eq!(entry["sources"][0]["url"], row["source_url"].as_str());
    }
    let doubtful = census
        .iter()
        .find(|c| c["as_of"] == "2022-09-02")
        .expect("2022");
    assert_eq!(doubtful["verified"], false);
    assert!(doubtful["unverified_reason"]
        .as_str()
        .is_some_and(|r| r.contains("8 September")));
    assert_eq!(doubtful["sources"].as_array().expect("sources").len(), 2);

    let gnlc = app.json("/api/v1/networks/unesco-gnlc").await;
    let members = seed_rows("gnlc_members_known.csv").len() as i64;
    assert_eq!(gnlc["member_count"], members, "the members recorded here");
    assert_eq!(
        gnlc["reported"],
        json!({
            "members": 425,
            "countries": 91,
            "as_of": "2025-12-04",
            "source_url": rows.last().expect("row")["source_url"],
        })
    );
    let thai = app.json("/api/v1/networks/thailand-learning-cities").await;
    assert_eq!(thai["reported"], Value::Null, "no census, no reported size");
    let csv = app
        .get("/api/v1/networks/unesco-gnlc/census?format=csv")
        .await;
    assert_eq!(csv.status, 200);
    app.get("/api/v1/networks/atlantis/census")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/networks/unesco-gnlc/census?members=1")
        .await
        .problem(400, "invalid_query");
}

async fn coverage_is_computed_from_the_seed_files(app: &TestApp) {
    let items = app.json("/api/v1/stats/coverage").await["items"]
        .as_array()
        .expect("items")
        .clone();
    let by_key: HashMap<&str, &Value> = items
        .iter()
        .map(|i| (i["key"].as_str().expect("key"), i))
        .collect();
    let members = seed_rows("gnlc_members_known.csv").len() as i64;
    let gnlc = by_key["unesco-gnlc"];
    assert_eq!(gnlc["kind"], "network_members");
    assert_eq!(gnlc["have"], members);
    assert_eq!(gnlc["of"], 425);
    let share = (members as f64 * 1000.0 / 425.0).round() / 10.0;
    assert_eq!(gnlc["percent"], share);
    assert_eq!(gnlc["as_of"], "2025-12-04");
    assert!(gnlc["label_th"].as_str().is_some_and(|l| !l.is_empty()));
    assert_eq!(by_key["thailand-learning-cities"]["of"], Value::Null);

    let (cities, total) = app.all_pages("/api/v1/cities?limit=200").await;
    let having = |pred: &dyn Fn(&Value) -> bool| cities.iter().filter(|c| pred(c)).count() as i64;
    for (key, have) in [
        ("cities.name_th", having(&|c| !c["name"]["th"].is_null())),
        ("cities.coordinates", having(&|c| !c["lat"].is_null())),
        ("cities.population", having(&|c| !c["population"].is_null())),
        (
            "cities.description",
            having(&|c| !c["description"].is_null()),
        ),
        ("cities.sources", total),
    ] {
        assert_eq!(by_key[key]["have"], have, "{key}");
        assert_eq!(by_key[key]["of"], total, "{key}");
    }
    assert_eq!(
        by_key["memberships.sources"]["have"],
        by_key["memberships.sources"]["of"]
    );
    let csv = app.get("/api/v1/stats/coverage?format=csv").await;
    assert_eq!(csv.status, 200);
    // The bulk dataset carries the sources, the marks and the census, each in the dictionary.
    let datasets = app.json("/api/v1/datasets").await;
    let tables: BTreeSet<&str> = datasets["items"][0]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| t["name"].as_str().expect("name"))
        .collect();
    for name in ["sources", "unverified", "network_census"] {
        assert!(tables.contains(name), "{name} in {tables:?}");
    }
}

async fn corrections_from_the_source_documents(app: &TestApp) {
    let data = seed_json("stewardship.json");
    for (slug, thai) in [
        ("sejong", "เซจง"),
        ("warangal", "วารัลกัล"),
        ("canning", "แคนนิง"),
    ] {
        let city = app.json(&format!("/api/v1/cities/{slug}")).await;
        assert_eq!(city["name"]["th"], thai, "{slug}");
        assert!(
            city["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .any(|s| s["excerpt"].as_str().is_some_and(|e| e.contains(thai))),
            "{slug} cites the document its Thai name comes from"
        );
    }
    let found = app
        .json(&format!("/api/v1/cities?q={}", crate::common::enc("เซจง")))
        .await;
    assert_eq!(found["total"], 1, "the corrected Thai name is searchable");
    // The EEF pilot areas exist as Thai cities, each citing the EEF document.
    let excerpt = data["initiatives"][0]["excerpt"].as_str().expect("excerpt");
    for slug in ["udon-thani", "trang", "lamphun"] {
        let city = app.json(&format!("/api/v1/cities/{slug}")).await;
        assert_eq!(city["country"], "TH");
        assert_eq!(
            city["memberships"],
            json!([]),
            "a pilot area is not a member"
        );
        assert_eq!(city["sources"][0]["excerpt"], excerpt);
    }
}

async fn sources_are_written_with_the_record_and_audited(app: &TestApp) {
    let admin = app.admin_token().await;
    let before = app.get("/api/v1/cities/phayao").await;
    let sources = json!([
        {"url": "https://www.up.ac.th/", "title": "University of Phayao", "publisher": "University of Phayao", "accessed_on": "2026-12-01"},
        {"title": "Phayao learning city plan (print)", "excerpt": "Phayao with its deep cultural roots", "published_on": "2025-10-31"}
    ]);
    let reply = app
        .patch(
            "/api/v1/cities/phayao",
            Some(&admin),
            &json!({"sources": sources, "unverified_reason": "Population figure under review"}),
            Some(&before.etag()),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["sources"][0]["url"], "https://www.up.ac.th/");
    assert_eq!(reply.body["sources"][1]["url"], Value::Null);
    assert_eq!(
        reply.body["sources"][1]["excerpt"],
        "Phayao with its deep cultural roots"
    );
    assert_eq!(reply.body["verified"], false);
    assert_ne!(
        reply.etag(),
        before.etag(),
        "a change of sources is a new version"
    );
    let read = app.json("/api/v1/cities/phayao").await;
    assert_eq!(read["sources"], reply.body["sources"]);
    let audit = app
        .get_as(
            "/api/v1/audit-log?entity=city&action=update&limit=1",
            &admin,
        )
        .await;
    let entry = &audit.body["items"][0];
    assert_eq!(entry["after"]["sources"], reply.body["sources"]);
    assert_eq!(entry["before"]["sources"], before.body["sources"]);

    let cleared = app
        .patch(
            "/api/v1/cities/phayao",
            Some(&admin),
            &json!({"unverified_reason": null}),
            None,
        )
        .await;
    assert_eq!(cleared.body["verified"], true);
    assert_eq!(cleared.body["unverified_reason"], Value::Null);
    assert_eq!(
        cleared.body["sources"], reply.body["sources"],
        "left out: unchanged"
    );

    // Bad sources are refused field by field, and nothing is written.
    let bad = app
        .patch(
            "/api/v1/cities/phayao",
            Some(&admin),
            &json!({
                "name": {"en": "Phayao City"},
                "verified": true,
                "sources": [
                    {"publisher": "nobody"},
                    {"url": "ftp://example.org/x"},
                    {"url": "https://example.org/", "published_on": "31/10/2025", "colour": "red"},
                    "https://example.org/"
                ]
            }),
            None,
        )
        .await;
    bad.problem(422, "validation_failed");
    let fields = error_fields(&bad.body);
    for field in [
        "verified",
        "sources[0].url",
        "sources[1].url",
        "sources[2].published_on",
        "sources[2].colour",
        "sources[3]",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
    let after = app.json("/api/v1/cities/phayao").await;
    assert_eq!(after["name"]["en"], "Phayao");
    assert_eq!(after["sources"], reply.body["sources"]);
    let too_many: Vec<Value> = (0..21)
        .map(|i| json!({"url": format!("https://example.org/{i}")}))
        .collect();
    app.patch(
        "/api/v1/cities/phayao",
        Some(&admin),
        &json!({"sources": too_many}),
        None,
    )
    .await
    .problem(422, "validation_failed");

    // A membership and a network take sources the same way.
    let network = app
        .patch(
            "/api/v1/networks/asean-learning-cities",
            Some(&admin),
            &json!({"sources": [{"url": "https://bangkok.unesco.org/", "publisher": "UNESCO Bangkok"}]}),
            None,
        )
        .await;
    assert_eq!(network.status, 200, "{}", network.body);
    assert_eq!(network.body["sources"][0]["publisher"], "UNESCO Bangkok");
    let membership = app.json("/api/v1/cities/phayao").await["memberships"][0]["id"].clone();
    let updated = app
        .patch(
            &format!("/api/v1/memberships/{membership}"),
            Some(&admin),
            &json!({"sources": []}),
            None,
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.body);
    assert_eq!(updated.body["sources"], json!([]));
}

async fn pilot_areas_are_an_initiative_not_a_network(app: &TestApp) {
    let data = seed_json("stewardship.json");
    let seeded = &data["initiatives"][0];
    let (list, total) = app.all_pages("/api/v1/initiatives").await;
    assert_eq!(total, 1);
    let eef = &list[0];
    assert_eq!(eef["slug"], seeded["slug"]);
    assert_eq!(eef["lead"]["en"], "Equitable Education Fund (EEF)");
    let mut cities: Vec<&str> = eef["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .map(|c| c["name"]["en"].as_str().expect("name"))
        .collect();
    cities.sort_unstable();
    let mut expected: Vec<&str> = seeded["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .map(|c| c["city"].as_str().expect("city"))
        .collect();
    expected.sort_unstable();
    assert_eq!(cities, expected);
    assert!(eef["cities"]
        .as_array()
        .expect("cities")
        .iter()
        .all(|c| c["role"] == "pilot_area"));
    assert_eq!(eef["sources"][0]["excerpt"], seeded["excerpt"]);
    let one = app
        .get(&format!(
            "/api/v1/initiatives/{}",
            eef["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(one.status, 200);
    assert_eq!(&one.body, eef);
    let tag = one.etag();
    let again = app
        .get_if_none_match(
            &format!(
                "/api/v1/initiatives/{}",
                eef["slug"].as_str().expect("slug")
            ),
            &tag,
        )
        .await;
    assert_eq!(again.status, 304);
    // Not a network: its cities are not members of anything because of it.
    let (networks, _) = app.all_pages("/api/v1/networks").await;
    assert!(networks.iter().all(|n| n["slug"] != eef["slug"]));
    assert_eq!(app.json("/api/v1/initiatives?city=trang").await["total"], 1);
    assert_eq!(app.json("/api/v1/initiatives?city=cork").await["total"], 0);
    let csv = app.get("/api/v1/initiatives?format=csv").await;
    assert_eq!(csv.status, 200);
    app.get("/api/v1/initiatives/nothing-here")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/initiatives?city=Not%20A%20Slug")
        .await
        .problem(400, "invalid_query");
    app.get("/api/v1/initiatives?network=unesco-gnlc")
        .await
        .problem(400, "invalid_query");
}

async fn the_data_quality_list_names_what_is_missing_or_doubtful(app: &TestApp) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    let evaluator = app.user_token(&admin, "evaluator", None).await;
    app.get("/api/v1/data-quality")
        .await
        .problem(401, "authentication_required");
    app.get_as("/api/v1/data-quality", &evaluator)
        .await
        .problem(403, "forbidden");
    app.get_as("/api/v1/data-quality?kind=everything", &secretariat)
        .await
        .problem(400, "invalid_query");

    let report = app.get_as("/api/v1/data-quality", &secretariat).await;
    assert_eq!(report.status, 200, "{}", report.body);
    let items = report.body["items"].as_array().expect("items").clone();
    let of_kind = |kind: &str, entity: &str| {
        items
            .iter()
            .filter(|i| i["kind"] == kind && i["entity"] == entity)
            .count() as i64
    };
    for (kind, count) in report.body["summary"].as_object().expect("summary") {
        let listed = items.iter().filter(|i| i["kind"] == kind.as_str()).count() as i64;
        assert_eq!(count, &json!(listed), "{kind}");
    }
    let (cities, _) = app.all_pages("/api/v1/cities?limit=200").await;
    let count = |pred: &dyn Fn(&Value) -> bool| cities.iter().filter(|c| pred(c)).count() as i64;
    assert_eq!(
        of_kind("missing_thai_name", "city"),
        count(&|c| c["name"]["th"].is_null())
    );
    assert_eq!(
        of_kind("missing_coordinates", "city"),
        count(&|c| c["lat"].is_null())
    );
    assert_eq!(
        of_kind("missing_description", "city"),
        count(&|c| c["description"].is_null())
    );
    assert_eq!(
        of_kind("missing_source", "city"),
        0,
        "every seeded city has a source"
    );
    let doubtful: Vec<&Value> = items.iter().filter(|i| i["kind"] == "unverified").collect();
    let entities: Vec<&str> = doubtful
        .iter()
        .map(|i| i["entity"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        entities,
        ["event", "event", "network_census", "organisation"],
        "the awards ceremony's day, the 2022 announcement's census link, the 2022 census \
         date and NXPO's English name: {doubtful:?}"
    );
    assert_eq!(
        doubtful[0]["href"],
        "/api/v1/events/thailand-learning-city-awards-2025-ceremony"
    );
    assert_eq!(doubtful[3]["href"], "/api/v1/organisations/nxpo");
    let kirklees = items
        .iter()
        .find(|i| i["kind"] == "missing_coordinates" && i["label"] == "Kirklees")
        .expect("Kirklees has no point");
    assert_eq!(kirklees["href"], "/api/v1/cities/kirklees");
    assert_eq!(kirklees["edit"], "/admin/cities/kirklees");

    // A record loses its sources, a membership cites a text that does not name its city, and a
    // near-duplicate city is added: each shows up.
    let cork = app
        .patch(
            "/api/v1/cities/cork",
            Some(&admin),
            &json!({"sources": []}),
            None,
        )
        .await;
    assert_eq!(cork.status, 200);
    let membership = app.json("/api/v1/cities/phayao").await["memberships"][0]["id"].clone();
    let cited = app
        .patch(
            &format!("/api/v1/memberships/{membership}"),
            Some(&admin),
            &json!({"sources": [{"title": "Annual report", "excerpt": "Sukhothai joined the network."}]}),
            None,
        )
        .await;
    assert_eq!(cited.status, 200, "{}", cited.body);
    let created = app
        .post(
            "/api/v1/cities",
            Some(&admin),
            &json!({"name": {"en": "Payao"}, "country": "TH", "province": "TH-56"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let after = app.get_as("/api/v1/data-quality", &secretariat).await.body;
    let after = after["items"].as_array().expect("items");
    assert!(after
        .iter()
        .any(|i| i["kind"] == "missing_source" && i["label"] == "Cork"));
    assert!(after
        .iter()
        .any(|i| i["kind"] == "source_does_not_name_city" && i["id"] == membership));
    let twins: Vec<&Value> = after
        .iter()
        .filter(|i| i["kind"] == "near_duplicate")
        .collect();
    assert!(
        twins.iter().any(|i| (i["label"] == "Phayao"
            && i["detail"].as_str().is_some_and(|d| d.contains("payao")))
            || (i["label"] == "Payao"
                && i["detail"].as_str().is_some_and(|d| d.contains("phayao")))),
        "{twins:?}"
    );
    let only = app
        .get_as("/api/v1/data-quality?kind=near_duplicate", &secretariat)
        .await
        .body;
    assert!(only["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["kind"] == "near_duplicate"));
}

on_both_backends!(
    the_data_quality_list_names_what_is_missing_or_doubtful,
    pilot_areas_are_an_initiative_not_a_network,
    every_seeded_record_has_a_source,
    the_census_is_the_reported_totals,
    coverage_is_computed_from_the_seed_files,
    corrections_from_the_source_documents,
    sources_are_written_with_the_record_and_audited,
);
