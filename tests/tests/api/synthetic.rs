//! `learning-city seed --synthetic` at a small size: what it loads is visible through the API
//! with the counts it reports, every synthetic name says so, the synthetic cycle's rankings, the
//! city summaries and the area averages show its evaluations, and a second run loads nothing.

use std::collections::{HashMap, HashSet};

use learning_city::seed::synthetic::{Outcome, Sizes, FRAMEWORK, PROGRAMME};
use serde_json::Value;

use crate::common::TestApp;

const SIZES: Sizes = Sizes {
    cities: 120,
    networks: 5,
    scores: 2_000,
};

async fn load(app: &TestApp) -> Outcome {
    let database = app.database();
    tokio::task::spawn_blocking(move || learning_city::cli::load_synthetic(&database, SIZES))
        .await
        .expect("task")
        .expect("synthetic data loads")
}

/// Every row of a list, as its NDJSON download.
async fn every(app: &TestApp, path: &str) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let response = app
        .client
        .get(format!("{}{path}{sep}format=ndjson", app.url))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200, "{path}");
    let text = response.text().await.expect("body");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("NDJSON line"))
        .collect()
}

fn text<'a>(value: &'a Value, path: &str) -> &'a str {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no text at {path} in {value}"))
}

async fn loads_once_and_shows_everywhere(app: &TestApp) {
    let Outcome::Loaded(loaded) = load(app).await else {
        panic!("the first run loads");
    };
    assert_eq!(
        (loaded.cities, loaded.networks, loaded.categories),
        (120, 5, 4)
    );
    assert_eq!(loaded.criteria, 44);
    assert_eq!(loaded.scores, 1_980, "the nearest multiple of 44 to 2,000");
    assert_eq!(loaded.evaluations, 45);
    assert_eq!(loaded.nominations, 9);
    assert_eq!(loaded.rounds, 2);

    // Cities: all labelled, most Thai with a province, all in ASEAN+3, each in 1-3 networks.
    let asean3: HashSet<String> = every(app, "/api/v1/countries?group=asean_plus_3")
        .await
        .iter()
        .map(|c| text(c, "code").to_owned())
        .collect();
    let cities: Vec<Value> = every(app, "/api/v1/cities")
        .await
        .into_iter()
        .filter(|c| text(c, "slug").starts_with("synthetic-"))
        .collect();
    assert_eq!(cities.len(), 120);
    let mut active_members: HashMap<String, i64> = HashMap::new();
    let mut memberships = 0;
    for city in &cities {
        let number = text(city, "slug").trim_start_matches("synthetic-city-");
        assert_eq!(number.len(), 5, "{}", city["slug"]);
        assert_eq!(text(city, "name.en"), format!("Synthetic city {number}"));
        assert_eq!(text(city, "name.th"), format!("เมืองสังเคราะห์ {number}"));
        assert!(text(city, "description.en").contains("synthetic data"));
        let country = text(city, "country");
        assert!(asean3.contains(country), "{country}");
        assert_eq!(city["province"].is_string(), country == "TH", "{city}");
        assert!(city["lat"].is_f64() && city["lon"].is_f64());
        let own = city["memberships"].as_array().expect("memberships");
        assert!((1..=3).contains(&own.len()), "{city}");
        assert!(own.iter().any(|m| m["status"] == "active"));
        for m in own {
            assert!(text(m, "network").starts_with("synthetic-network-"));
            assert!(text(m, "network_name.en").starts_with("Synthetic network "));
            if m["status"] == "active" {
                *active_members
                    .entry(text(m, "network").to_owned())
                    .or_default() += 1;
            }
        }
        memberships += own.len();
    }
    assert_eq!(memberships, loaded.memberships);
    let thai = cities.iter().filter(|c| c["country"] == "TH").count();
    assert!(
        thai > 60 && thai < 120,
        "most cities are Thai, not all: {thai}"
    );

    // Networks: labelled, member counts as the cities show them, the sample is the biggest.
    let networks: Vec<Value> = every(app, "/api/v1/networks")
        .await
        .into_iter()
        .filter(|n| text(n, "slug").starts_with("synthetic-"))
        .collect();
    assert_eq!(networks.len(), 5);
    for n in &networks {
        assert!(text(n, "name.en").starts_with("Synthetic network 0"));
        assert!(text(n, "name.th").starts_with("เครือข่ายสังเคราะห์ "));
        assert!(text(n, "secretariat.en").contains("Synthetic"));
        assert_eq!(
            n["member_count"].as_i64(),
            Some(active_members.get(text(n, "slug")).copied().unwrap_or(0))
        );
    }
    assert!(networks
        .iter()
        .any(|n| n["slug"] == loaded.sample_network.as_str()));

    // The award programme, cycle and categories, found the way a script would.
    let programme = app
        .json(&format!("/api/v1/award-programmes/{PROGRAMME}"))
        .await;
    assert!(text(&programme, "name.en").contains("synthetic data"));
    assert!(text(&programme, "name.th").contains("สังเคราะห์"));
    let cycles = app
        .json(&format!("/api/v1/award-cycles?programme={PROGRAMME}"))
        .await;
    assert_eq!(cycles["total"], 1);
    let cycle = &cycles["items"][0];
    assert_eq!(cycle["id"].as_i64(), Some(loaded.award_cycle));
    assert_eq!(cycle["status"], "published");
    assert!(text(cycle, "title.en").starts_with("Synthetic cycle"));
    assert_eq!(cycle["framework"], FRAMEWORK);
    let categories = cycle["categories"].as_array().expect("categories");
    assert_eq!(categories.len(), 4);
    let winners: HashSet<String> = cycle["results"]
        .as_array()
        .expect("results")
        .iter()
        .flat_map(|r| r["winners"].as_array().cloned().unwrap_or_default())
        .map(|w| text(&w, "slug").to_owned())
        .collect();
    assert_eq!(winners.len(), 4, "one winner per category of 2-3");
    let mut ranked = 0;
    for category in categories {
        assert!(text(category, "name.en").starts_with("Synthetic category: "));
        assert!(text(category, "name.th").starts_with("หมวดสังเคราะห์: "));
        let ranking = app
            .json(&format!(
                "/api/v1/award-cycles/{}/rankings?category={}",
                loaded.award_cycle,
                text(category, "slug")
            ))
            .await;
        let entries = ranking["entries"].as_array().expect("entries");
        assert!(!entries.is_empty());
        assert!(entries.iter().all(|e| e["evaluations"] == 3));
        let means: Vec<f64> = entries
            .iter()
            .map(|e| e["mean"].as_f64().expect("mean"))
            .collect();
        assert!(means.windows(2).all(|w| w[0] >= w[1]), "{means:?}");
        let best: Vec<&str> = entries
            .iter()
            .filter(|e| (e["mean"].as_f64().unwrap_or_default() - means[0]).abs() < 1e-9)
            .map(|e| text(e, "city"))
            .collect();
        assert!(
            best.iter().any(|c| winners.contains(*c)),
            "the winner is first: {best:?} {winners:?}"
        );
        ranked += entries.len();
    }
    assert_eq!(ranked, loaded.nominations);

    // The sample city's published summaries: its award result and a monitoring round.
    let summaries = app
        .json(&format!(
            "/api/v1/cities/{}/evaluations",
            loaded.sample_city
        ))
        .await;
    let items = summaries["items"].as_array().expect("items");
    assert!(items.iter().any(|s| s["context"] == "award"
        && s["cycle_id"].as_i64() == Some(loaded.award_cycle)
        && s["evaluations"] == 3));
    assert!(items
        .iter()
        .any(|s| s["context"] == "monitoring" && s["framework"] == FRAMEWORK));

    // Area averages count every evaluation; the score list holds every score row.
    let areas = app
        .json(&format!(
            "/api/v1/evaluation-stats/areas?framework={FRAMEWORK}"
        ))
        .await;
    let areas = areas["items"].as_array().expect("items");
    assert_eq!(areas.len(), 3);
    assert!(areas
        .iter()
        .all(|a| a["evaluations"].as_u64() == Some(loaded.evaluations as u64)));
    let admin = app.admin_token().await;
    let analyst = app.user_token(&admin, "analyst", None).await;
    let scores = app
        .get_as(
            &format!("/api/v1/scores?framework={FRAMEWORK}&limit=1"),
            &analyst,
        )
        .await
        .body;
    assert_eq!(scores["total"].as_u64(), Some(loaded.scores as u64));

    // The framework, its rounds and its evaluators are labelled too.
    let framework = app.json(&format!("/api/v1/frameworks/{FRAMEWORK}")).await;
    assert!(text(&framework, "name.en").starts_with("Synthetic framework"));
    assert_eq!(framework["frozen"], true);
    let criteria = framework["criteria"].as_array().expect("criteria");
    assert!(criteria
        .iter()
        .all(|c| text(c, "title.en").starts_with("Synthetic ")));
    let rounds = app.json("/api/v1/monitoring-rounds").await;
    let rounds: Vec<&Value> = rounds["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|r| r["framework"] == FRAMEWORK)
        .collect();
    assert_eq!(rounds.len(), 2);
    assert!(rounds.iter().all(|r| r["status"] == "published"
        && text(r, "title.en").starts_with("Synthetic monitoring round")));
    let mut evaluators = Vec::new();
    let mut path = "/api/v1/users?limit=200".to_owned();
    loop {
        let page = app.get_as(&path, &admin).await.body;
        evaluators.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/users?limit=200&cursor={c}"),
            None => break,
        }
    }
    let synthetic: Vec<&Value> = evaluators
        .iter()
        .filter(|u| text(u, "email").ends_with("@synthetic.invalid"))
        .collect();
    assert_eq!(
        synthetic.len(),
        loaded.evaluators + 1,
        "and one secretariat"
    );
    assert!(synthetic
        .iter()
        .all(|u| u["active"] == false && text(u, "display_name").contains("(synthetic)")));

    // A second run finds the data set and writes nothing.
    assert_eq!(
        load(app).await,
        Outcome::Present {
            award_cycle: loaded.award_cycle
        }
    );
    let again = every(app, "/api/v1/cities").await;
    let synthetic_again = again
        .iter()
        .filter(|c| text(c, "slug").starts_with("synthetic-"))
        .count();
    assert_eq!(synthetic_again, 120);
    let scores = app
        .get_as(
            &format!("/api/v1/scores?framework={FRAMEWORK}&limit=1"),
            &analyst,
        )
        .await
        .body;
    assert_eq!(scores["total"].as_u64(), Some(loaded.scores as u64));
}

on_both_backends!(loads_once_and_shows_everywhere);
