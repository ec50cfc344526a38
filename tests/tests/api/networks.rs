//! Networks, their detail with member counts, and paged member lists.

use std::collections::HashSet;

use serde_json::Value;

use crate::common::{seed_rows, TestApp};

async fn networks_are_listed_with_member_counts(app: &TestApp) {
    let page = app.json("/api/v1/networks").await;
    assert_eq!(page["total"], 3);
    let items = page["items"].as_array().expect("items");
    let names: Vec<&str> = items
        .iter()
        .map(|n| n["name"]["en"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec![
            "ASEAN Regional Learning City Network",
            "Thailand Network of Learning Cities",
            "UNESCO Global Network of Learning Cities",
        ]
    );
    let gnlc = &items[2];
    assert_eq!(gnlc["slug"], "unesco-gnlc");
    assert_eq!(gnlc["scope"], "global");
    assert_eq!(
        gnlc["member_count"],
        seed_rows("gnlc_members_known.csv").len() as i64
    );
    assert_eq!(
        gnlc["secretariat"]["en"],
        "UNESCO Institute for Lifelong Learning (UIL)"
    );

    let reversed = app.json("/api/v1/networks?sort=-name").await;
    assert_eq!(reversed["items"][0]["slug"], "unesco-gnlc");

    let planned = app.json("/api/v1/networks?status=planned").await;
    assert_eq!(planned["total"], 1);
    assert_eq!(planned["items"][0]["slug"], "asean-learning-cities");
    assert_eq!(planned["items"][0]["scope"], "regional");
    let national = app.json("/api/v1/networks?scope=national").await;
    assert_eq!(national["items"][0]["slug"], "thailand-learning-cities");
    assert_eq!(app.json("/api/v1/networks?q=thailand").await["total"], 1);
    assert_eq!(
        app.json("/api/v1/networks?q=%E0%B9%84%E0%B8%97%E0%B8%A2")
            .await["total"],
        1,
        "Thai: ไทย"
    );

    let (all, total) = app.all_pages("/api/v1/networks?limit=1").await;
    assert_eq!((all.len(), total), (3, 3));
}

async fn network_detail(app: &TestApp) {
    let thai = app.json("/api/v1/networks/thailand-learning-cities").await;
    assert_eq!(thai["name"]["en"], "Thailand Network of Learning Cities");
    assert_eq!(thai["scope"], "national");
    assert_eq!(thai["country"], "TH");
    assert_eq!(thai["secretariat"]["en"], "University of Phayao");
    assert_eq!(thai["secretariat"]["th"], "มหาวิทยาลัยพะเยา");
    assert_eq!(thai["member_count"], 0);
    let asean = app.json("/api/v1/networks/asean-learning-cities").await;
    assert_eq!(asean["status"], "planned");
    assert_eq!(asean["secretariat"], Value::Null);
}

async fn members_page_in_join_order(app: &TestApp) {
    let rows = seed_rows("gnlc_members_known.csv");
    let (members, total) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?limit=20")
        .await;
    assert_eq!(total, rows.len() as i64);
    let ids: HashSet<i64> = members
        .iter()
        .map(|m| m["membership_id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), members.len(), "no duplicates across pages");
    let years: Vec<i64> = members
        .iter()
        .map(|m| m["joined_year"].as_i64().expect("year"))
        .collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(years, sorted, "oldest members first");
    assert_eq!(
        members[0]["city"]["slug"], "chiang-rai",
        "first Thai member, 2019, lowest id"
    );
    assert_eq!(members[0]["joined_on"], "2019-07-17");
    assert!(members[0]["note"]
        .as_str()
        .is_some_and(|n| n.contains("first Thai")));

    let (desc, _) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?sort=-joined&limit=30")
        .await;
    let years: Vec<i64> = desc
        .iter()
        .map(|m| m["joined_year"].as_i64().expect("year"))
        .collect();
    assert!(years.windows(2).all(|w| w[0] >= w[1]));

    let (by_name, _) = app
        .all_pages("/api/v1/networks/unesco-gnlc/members?sort=name&limit=50")
        .await;
    let folded: Vec<String> = by_name
        .iter()
        .map(|m| learning_city::text::fold(m["city"]["name"]["en"].as_str().expect("name")))
        .collect();
    let mut sorted = folded.clone();
    sorted.sort();
    assert_eq!(folded, sorted);

    let thai = app
        .json("/api/v1/networks/unesco-gnlc/members?country=TH&limit=200")
        .await;
    assert_eq!(thai["total"], 13);
    assert!(thai["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|m| m["city"]["country"] == "TH"));
    let cohort_2020 = rows.iter().filter(|r| r["join_year"] == "2020").count() as i64;
    assert_eq!(
        app.json("/api/v1/networks/unesco-gnlc/members?member_since=2020")
            .await["total"],
        cohort_2020
    );
    assert_eq!(
        app.json("/api/v1/networks/unesco-gnlc/members?role=mentor")
            .await["total"],
        0
    );
    assert_eq!(
        app.json("/api/v1/networks/unesco-gnlc/members?status=active")
            .await["total"],
        total
    );
    assert_eq!(
        app.json("/api/v1/networks/thailand-learning-cities/members")
            .await["total"],
        0
    );
}

on_both_backends!(
    networks_are_listed_with_member_counts,
    network_detail,
    members_page_in_join_order
);
