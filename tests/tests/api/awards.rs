//! Awards: the seeded programmes, cycles and results; running a cycle from draft to published
//! through the API; who may nominate, withdraw and decide; the eligibility rules of both
//! programmes; nomination windows; ETags and If-Match; and the audit trail.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::common;
use crate::common::{error_fields, Reply, TestApp};

const THAI: &str = "thailand-learning-city-awards";
const UNESCO: &str = "unesco-learning-city-award";
const ALWAYS_OPEN: (&str, &str) = ("2000-01-01", "2999-12-31");
const CYCLE_STAGES: [&str; 5] = ["draft", "open", "judging", "closed", "published"];

/// Tokens for every role; `editor` keeps Phayao, `other_editor` Chiang Rai.
struct Tokens {
    admin: String,
    secretariat: String,
    evaluator: String,
    analyst: String,
    editor: String,
    other_editor: String,
}

async fn tokens(app: &TestApp) -> Tokens {
    let admin = app.admin_token().await;
    Tokens {
        secretariat: app.user_token(&admin, "secretariat", None).await,
        evaluator: app.user_token(&admin, "evaluator", None).await,
        analyst: app.user_token(&admin, "analyst", None).await,
        editor: app.user_token(&admin, "city_editor", Some("phayao")).await,
        other_editor: app
            .user_token(&admin, "city_editor", Some("chiang-rai"))
            .await,
        admin,
    }
}

// ---------- small helpers

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

fn id_of(v: &Value) -> i64 {
    v["id"].as_i64().expect("id")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {v}"))
}

fn detail(problem: &Value) -> &str {
    problem["detail"].as_str().expect("detail")
}

/// A cycle body with categories named `categories` (English and Thai).
fn cycle_body(programme: &str, year: i64, window: (&str, &str), categories: &[&str]) -> Value {
    let categories: Vec<Value> = categories
        .iter()
        .map(|c| json!({"name": {"en": c, "th": format!("หมวด {c}")}}))
        .collect();
    json!({
        "programme": programme,
        "year": year,
        "title": {"en": format!("Awards {year}"), "th": format!("รางวัล {year}")},
        "nominations_open_on": window.0,
        "nominations_close_on": window.1,
        "categories": categories,
    })
}

async fn create_cycle(app: &TestApp, token: &str, body: &Value) -> Value {
    let reply = app.post("/api/v1/award-cycles", Some(token), body).await;
    assert_eq!(reply.status, 201, "create cycle: {}", reply.body);
    assert_eq!(reply.body["status"], "draft");
    reply.body
}

async fn set_status(app: &TestApp, token: Option<&str>, id: i64, to: &str) -> Reply {
    app.post(
        &format!("/api/v1/award-cycles/{id}/status"),
        token,
        &json!({ "status": to }),
    )
    .await
}

/// Moves a cycle to `to`, asserting success.
async fn advance(app: &TestApp, token: &str, id: i64, to: &str) -> Value {
    let reply = set_status(app, Some(token), id, to).await;
    assert_eq!(reply.status, 200, "to {to}: {}", reply.body);
    assert_eq!(reply.body["status"], to);
    reply.body
}

async fn nominate(app: &TestApp, token: &str, category: &str, city: Option<&str>) -> Reply {
    let mut body = json!({ "category": category });
    if let Some(city) = city {
        body["city"] = json!(city);
    }
    app.post("/api/v1/nominations", Some(token), &body).await
}

/// Nominates, asserting 201; returns the nomination.
async fn nominated(app: &TestApp, token: &str, category: &str, city: Option<&str>) -> Value {
    let reply = nominate(app, token, category, city).await;
    assert_eq!(reply.status, 201, "nominate {city:?}: {}", reply.body);
    assert_eq!(reply.body["status"], "submitted");
    reply.body
}

async fn decide(app: &TestApp, token: &str, id: i64, to: &str) -> Reply {
    app.post(
        &format!("/api/v1/nominations/{id}/decision"),
        Some(token),
        &json!({ "status": to }),
    )
    .await
}

async fn decided(app: &TestApp, token: &str, id: i64, to: &str) -> Value {
    let reply = decide(app, token, id, to).await;
    assert_eq!(reply.status, 200, "decide {id} {to}: {}", reply.body);
    assert_eq!(reply.body["status"], to);
    reply.body
}

async fn withdraw(app: &TestApp, token: &str, id: i64) -> Reply {
    app.post(
        &format!("/api/v1/nominations/{id}/withdraw"),
        Some(token),
        &json!({}),
    )
    .await
}

/// The status of a nomination as staff see it.
async fn nomination_status(app: &TestApp, staff: &str, id: i64) -> Value {
    let reply = app
        .get_as(&format!("/api/v1/nominations/{id}"), staff)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body["status"].clone()
}

/// The audit actions recorded for one record, newest first.
async fn audit_actions(app: &TestApp, admin: &str, entity: &str, id: i64) -> Vec<String> {
    let reply = app
        .get_as(
            &format!("/api/v1/audit-log?entity={entity}&entity_id={id}&limit=200"),
            admin,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    items(&reply.body)
        .iter()
        .map(|e| str_of(e, "action").to_owned())
        .collect()
}

async fn audit_total(app: &TestApp, admin: &str, entity: &str) -> i64 {
    let reply = app
        .get_as(&format!("/api/v1/audit-log?entity={entity}"), admin)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body["total"].as_i64().expect("total")
}

/// The ids of the nominations a caller can list at `query`, and the total.
async fn nomination_ids(app: &TestApp, token: &str, query: &str) -> (Vec<i64>, i64, Vec<String>) {
    let reply = app
        .get_as(&format!("/api/v1/nominations{query}"), token)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let list = items(&reply.body);
    (
        list.iter().map(id_of).collect(),
        reply.body["total"].as_i64().expect("total"),
        list.iter().map(|n| str_of(n, "city").to_owned()).collect(),
    )
}

/// How many cycles staff see.
async fn staff_cycle_total(app: &TestApp, staff: &str) -> i64 {
    let reply = app.get_as("/api/v1/award-cycles", staff).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body["total"].as_i64().expect("total")
}

// ---------- civil dates, to compute around the server's today without a date library

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Day {
    y: i64,
    m: i64,
    d: i64,
}

impl Day {
    /// The date at the start of an RFC 3339 time or a `YYYY-MM-DD` date.
    fn parse(s: &str) -> Day {
        let part = |r: std::ops::Range<usize>| -> i64 {
            s.get(r)
                .and_then(|p| p.parse().ok())
                .unwrap_or_else(|| panic!("a date: {s}"))
        };
        Day {
            y: part(0..4),
            m: part(5..7),
            d: part(8..10),
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day { y, m, d }
    }

    fn plus(self, days: i64) -> Day {
        Day::from_days(self.days() + days)
    }

    /// The same day a year earlier, when that day exists (not for 29 February).
    fn a_year_earlier(self) -> Option<Day> {
        let earlier = Day {
            y: self.y - 1,
            ..self
        };
        (Day::from_days(earlier.days()) == earlier).then_some(earlier)
    }

    fn text(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// The server's today (UTC), from a record it has just created.
fn server_today(created: &Value) -> Day {
    Day::parse(str_of(created, "created_at"))
}

// ---------- 1. the seeded awards

async fn seeded_programmes_and_cycles_are_public(app: &TestApp) {
    let programmes = app.json("/api/v1/award-programmes").await;
    assert_eq!(programmes["total"], 2);
    let mut slugs = common::slugs(items(&programmes));
    slugs.sort();
    assert_eq!(slugs, vec![THAI, UNESCO]);
    let find = |slug: &str| {
        items(&programmes)
            .iter()
            .find(|p| p["slug"] == slug)
            .cloned()
            .expect("programme")
    };
    let unesco = find(UNESCO);
    let rules = &unesco["eligibility"];
    assert_eq!(rules["network"], "unesco-gnlc");
    assert_eq!(rules["min_membership_months"], 12);
    assert_eq!(rules["cooldown_years"], 6);
    assert_eq!(rules["max_winners_per_country"], 1);
    assert_eq!(rules["country"], Value::Null);
    let notes = rules["notes"].as_array().expect("notes");
    assert!(!notes.is_empty(), "the published rules are kept");
    assert!(notes
        .iter()
        .all(|n| n.as_str().is_some_and(|s| !s.trim().is_empty())));
    assert_eq!(unesco["cycle_years"], json!([2024, 2021, 2019, 2017, 2015]));
    assert_eq!(unesco["name"]["en"], "UNESCO Learning City Award");
    let thai = find(THAI);
    assert_eq!(thai["eligibility"]["country"], "TH");
    assert_eq!(thai["eligibility"]["network"], Value::Null);
    assert_eq!(thai["eligibility"]["cooldown_years"], Value::Null);
    assert_eq!(thai["cycle_years"], json!([2025]));
    assert_eq!(thai["name"]["th"], "รางวัลเมืองแห่งการเรียนรู้ประเทศไทย");
    let one = app.get(&format!("/api/v1/award-programmes/{UNESCO}")).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.body, unesco, "the item is the list entry");
    app.get("/api/v1/award-programmes/nobel-prize")
        .await
        .problem(404, "not_found");

    // Cycles: newest first, the Thai 2025 cycle before the UNESCO 2024 one.
    let (cycles, total) = app.all_pages("/api/v1/award-cycles").await;
    assert_eq!(total, 6);
    let order: Vec<(String, i64)> = cycles
        .iter()
        .map(|c| {
            (
                str_of(c, "programme").to_owned(),
                c["year"].as_i64().expect("year"),
            )
        })
        .collect();
    let expected: Vec<(String, i64)> = [
        (THAI, 2025),
        (UNESCO, 2024),
        (UNESCO, 2021),
        (UNESCO, 2019),
        (UNESCO, 2017),
        (UNESCO, 2015),
    ]
    .iter()
    .map(|(p, y)| ((*p).to_owned(), *y))
    .collect();
    assert_eq!(order, expected);
    let (paged, paged_total) = app.all_pages("/api/v1/award-cycles?limit=2").await;
    assert_eq!(paged_total, 6);
    assert_eq!(paged, cycles, "pages of two give the same list");

    for (query, total, first_year) in [
        (format!("programme={UNESCO}"), 5, Some(2024)),
        (format!("programme={THAI}"), 1, Some(2025)),
        ("year=2024".to_owned(), 1, Some(2024)),
        ("year=2025".to_owned(), 1, Some(2025)),
        ("year=2016".to_owned(), 0, None),
        ("status=closed".to_owned(), 0, None),
        ("status=published".to_owned(), 6, Some(2025)),
        ("status=open".to_owned(), 0, None),
        (format!("programme={THAI}&status=published"), 1, Some(2025)),
        (format!("programme={UNESCO}&year=2019"), 1, Some(2019)),
    ] {
        let page = app.json(&format!("/api/v1/award-cycles?{query}")).await;
        assert_eq!(page["total"], total, "{query}");
        assert_eq!(items(&page).len() as i64, total, "{query}");
        assert_eq!(
            items(&page).first().map(|c| c["year"].clone()),
            first_year.map(|y| json!(y)),
            "{query}"
        );
    }
    for c in items(
        &app.json(&format!("/api/v1/award-cycles?programme={UNESCO}"))
            .await,
    ) {
        assert_eq!(c["programme"], UNESCO);
    }
    for query in [
        "year=abc",
        "year=1800",
        "status=bogus",
        "programme=BAD%20SLUG",
        "programme=Cork",
    ] {
        app.get(&format!("/api/v1/award-cycles?{query}"))
            .await
            .problem(400, "invalid_query");
    }

    // The Thai 2025 cycle: held and shown as such, with the 16 winners its ceremony announced
    // and none recorded yet; four bilingual categories; its venue from the source document.
    let thai_2025 = &cycles[0];
    assert_eq!(thai_2025["status"], "published");
    assert_eq!(thai_2025["ceremony_on"], "2025-10-31");
    assert_eq!(
        thai_2025["ceremony"]["en"],
        "Sanfun Courtyard, Thailand Knowledge Park (TK Park), Bangkok"
    );
    assert_eq!(thai_2025["announced_winners"], 16);
    assert_eq!(thai_2025["recorded_winners"], 0);
    let results = thai_2025["results"].as_array().expect("results");
    assert_eq!(results.len(), 4, "one empty result per category");
    assert!(results.iter().all(|r| r["winners"] == json!([])));
    assert!(thai_2025["published_at"].is_string());
    let sources = thai_2025["sources"].as_array().expect("sources");
    assert!(
        sources.iter().any(|s| s["excerpt"]
            .as_str()
            .is_some_and(|e| e.contains("Sanfun Courtyard"))),
        "the ceremony's venue cites the document it comes from: {sources:?}"
    );
    assert_eq!(
        thai_2025["title"]["en"],
        "Thailand Learning City Awards 2025"
    );
    assert!(thai_2025["title"]["th"]
        .as_str()
        .is_some_and(|t| t.contains("2568")));
    let categories = thai_2025["categories"].as_array().expect("categories");
    assert_eq!(
        common::slugs(categories),
        [
            "children-and-youth",
            "cultural-identity",
            "equity",
            "economy"
        ]
        .iter()
        .map(|k| format!("{THAI}-2025-{k}"))
        .collect::<Vec<_>>()
    );
    for (position, category) in categories.iter().enumerate() {
        assert_eq!(category["position"], position);
        assert_eq!(category["cycle_id"], thai_2025["id"]);
        assert_eq!(category["programme"], THAI);
        assert_eq!(category["year"], 2025);
        for text in [
            &category["name"]["en"],
            &category["name"]["th"],
            &category["description"]["en"],
            &category["description"]["th"],
        ] {
            assert!(
                text.as_str().is_some_and(|t| !t.is_empty()),
                "bilingual category {category}"
            );
        }
    }
    let thai_id = id_of(thai_2025);
    let fetched = app.get(&format!("/api/v1/award-cycles/{thai_id}")).await;
    assert_eq!(fetched.status, 200);
    assert_eq!(&fetched.body, thai_2025, "the item is the list entry");
    app.get("/api/v1/award-cycles/999999")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/award-cycles/abc")
        .await
        .problem(404, "not_found");
    app.get("/api/v1/award-cycles?colour=red")
        .await
        .problem(400, "invalid_query");

    // The UNESCO cycles: published, with the winners of the CSV.
    let mut by_year: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for row in common::seed_rows("unesco_learning_city_awardees.csv") {
        by_year
            .entry(row["year"].parse().expect("year"))
            .or_default()
            .push(row["city"].clone());
    }
    let counts: Vec<(i64, usize)> = by_year.iter().map(|(y, c)| (*y, c.len())).collect();
    assert_eq!(
        counts,
        vec![(2015, 12), (2017, 16), (2019, 10), (2021, 10), (2024, 10)]
    );
    for cycle in cycles.iter().filter(|c| c["programme"] == UNESCO) {
        let year = cycle["year"].as_i64().expect("year");
        assert_eq!(cycle["status"], "published", "{year}");
        assert!(cycle["published_at"].is_string(), "{year}");
        let results = cycle["results"].as_array().expect("results");
        assert_eq!(results.len(), 1, "one category in {year}");
        assert_eq!(results[0]["category"], format!("{UNESCO}-{year}"), "{year}");
        assert_eq!(results[0]["category"], cycle["categories"][0]["slug"]);
        let winners = results[0]["winners"].as_array().expect("winners");
        let mut names: Vec<String> = winners
            .iter()
            .map(|w| w["name"]["en"].as_str().expect("name").to_owned())
            .collect();
        names.sort();
        let mut expected = by_year[&year].clone();
        expected.sort();
        assert_eq!(names, expected, "winners of {year}");
        assert!(winners
            .iter()
            .all(|w| w["country"].as_str().is_some_and(|c| c.len() == 2)));
        let criteria = cycle["criteria"].as_array().expect("criteria");
        assert_eq!(criteria.len(), if year == 2024 { 8 } else { 0 }, "{year}");
    }
    let y2024 = &cycles[1];
    assert!(y2024["results"][0]["winners"]
        .as_array()
        .expect("winners")
        .iter()
        .any(|w| w["slug"] == "cork" && w["country"] == "IE"));
}

async fn seeded_categories_and_city_awards(app: &TestApp) {
    let cork = app.json("/api/v1/cities/cork/awards").await;
    assert_eq!(cork["total"], 2);
    let years: Vec<&Value> = items(&cork).iter().map(|a| &a["year"]).collect();
    assert_eq!(years, vec![&json!(2024), &json!(2015)], "newest first");
    for award in items(&cork) {
        assert_eq!(award["programme"], UNESCO);
        assert_eq!(award["status"], "winner");
        assert_eq!(
            award["category"],
            format!("{UNESCO}-{}", award["year"].as_i64().expect("year"))
        );
        assert!(award["source_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http")));
    }
    let cycle_2024 = app
        .json(&format!(
            "/api/v1/award-cycles?programme={UNESCO}&year=2024"
        ))
        .await;
    assert_eq!(items(&cork)[0]["cycle_id"], items(&cycle_2024)[0]["id"]);
    let (paged, total) = app.all_pages("/api/v1/cities/cork/awards?limit=1").await;
    assert_eq!(total, 2);
    assert_eq!(&paged, items(&cork));
    assert_eq!(app.json("/api/v1/cities/phayao/awards").await["total"], 0);
    assert_eq!(app.json("/api/v1/cities/doha/awards").await["total"], 1);
    app.get("/api/v1/cities/atlantis/awards")
        .await
        .problem(404, "not_found");

    let thai = app
        .json(&format!("/api/v1/award-categories?programme={THAI}"))
        .await;
    assert_eq!(thai["total"], 4);
    assert!(items(&thai).iter().all(|c| c["programme"] == THAI));
    assert_eq!(
        app.json(&format!("/api/v1/award-categories?programme={UNESCO}"))
            .await["total"],
        5
    );
    let (all, total) = app.all_pages("/api/v1/award-categories?limit=2").await;
    assert_eq!(total, 9);
    let mut slugs = common::slugs(&all);
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), 9, "paging neither repeats nor skips");
    let thai_cycle = items(&thai)[0]["cycle_id"].as_i64().expect("cycle");
    let by_cycle = app
        .json(&format!("/api/v1/award-categories?cycle={thai_cycle}"))
        .await;
    assert_eq!(by_cycle["total"], 4);
    for query in ["cycle=abc", "cycle=0", "programme=Not%20A%20Slug"] {
        app.get(&format!("/api/v1/award-categories?{query}"))
            .await
            .problem(400, "invalid_query");
    }

    let slug = format!("{THAI}-2025-equity");
    let equity = app.get(&format!("/api/v1/award-categories/{slug}")).await;
    assert_eq!(equity.status, 200, "{}", equity.body);
    assert_eq!(equity.body["slug"], slug);
    assert_eq!(equity.body["name"]["en"], "Learning City for Equity");
    assert_eq!(equity.body["name"]["th"], "เมืองแห่งการเรียนรู้ด้านความเสมอภาค");
    assert_eq!(equity.body["year"], 2025);
    assert_eq!(equity.body["programme"], THAI);
    assert_eq!(equity.body["position"], 2);
    app.get("/api/v1/award-categories/no-such-category")
        .await
        .problem(404, "not_found");
}

// ---------- 2. a Thai cycle from draft to published

async fn a_thai_cycle_runs_from_draft_to_published(app: &TestApp) {
    let t = tokens(app).await;
    let body = json!({
        "programme": THAI,
        "year": 2031,
        "title": {"en": "Thailand Learning City Awards 2031", "th": "รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ประจำปี 2574"},
        "nominations_open_on": ALWAYS_OPEN.0,
        "nominations_close_on": ALWAYS_OPEN.1,
        "criteria": ["Inclusive learning", "Community participation"],
        "categories": [
            {"name": {"en": "Green Learning", "th": "การเรียนรู้สีเขียว"}, "description": {"en": "Learning for sustainability"}},
            {"name": {"en": "Digital Learning", "th": "การเรียนรู้ดิจิทัล"}},
        ],
    });

    // Only admin and secretariat create cycles.
    app.post("/api/v1/award-cycles", None, &body)
        .await
        .problem(401, "authentication_required");
    for token in [&t.evaluator, &t.analyst, &t.editor] {
        app.post("/api/v1/award-cycles", Some(token), &body)
            .await
            .problem(403, "forbidden");
    }
    assert_eq!(
        staff_cycle_total(app, &t.secretariat).await,
        6,
        "refused creates created nothing"
    );
    let created = app
        .post("/api/v1/award-cycles", Some(&t.secretariat), &body)
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let cycle = created.body.clone();
    let id = id_of(&cycle);
    assert_eq!(
        created.headers["location"].to_str().expect("location"),
        format!("/api/v1/award-cycles/{id}")
    );
    assert_eq!(cycle["status"], "draft");
    assert_eq!(cycle["programme"], THAI);
    assert_eq!(cycle["year"], 2031);
    assert_eq!(cycle["title"], body["title"]);
    assert_eq!(cycle["nominations_open_on"], ALWAYS_OPEN.0);
    assert_eq!(cycle["nominations_close_on"], ALWAYS_OPEN.1);
    assert_eq!(cycle["criteria"], body["criteria"]);
    assert_eq!(cycle["results"], Value::Null);
    assert_eq!(cycle["published_at"], Value::Null);
    let categories = cycle["categories"].as_array().expect("categories");
    assert_eq!(
        common::slugs(categories),
        vec![
            format!("{THAI}-2031-green-learning"),
            format!("{THAI}-2031-digital-learning")
        ]
    );
    assert_eq!(categories[0]["name"]["th"], "การเรียนรู้สีเขียว");
    assert_eq!(
        categories[0]["description"]["en"],
        "Learning for sustainability"
    );
    assert_eq!(categories[1]["name"]["en"], "Digital Learning");
    assert_eq!(categories[1]["position"], 1);
    assert!(categories.iter().all(|c| c["cycle_id"] == id));
    let cat1 = str_of(&categories[0], "slug").to_owned();
    let cat2 = str_of(&categories[1], "slug").to_owned();
    let path = format!("/api/v1/award-cycles/{id}");

    // A draft is seen by staff only.
    let public = app.json("/api/v1/award-cycles").await;
    assert_eq!(public["total"], 6);
    assert!(items(&public).iter().all(|c| c["id"] != id));
    app.get(&path).await.problem(404, "not_found");
    for token in [&t.editor, &t.analyst, &t.evaluator] {
        app.get_as(&path, token).await.problem(404, "not_found");
    }
    app.get(&format!("/api/v1/award-categories/{cat1}"))
        .await
        .problem(404, "not_found");
    assert_eq!(
        app.json(&format!("/api/v1/award-programmes/{THAI}")).await["cycle_years"],
        json!([2025])
    );
    let staff_view = app.get_as(&path, &t.secretariat).await;
    assert_eq!(staff_view.status, 200);
    assert_eq!(staff_view.body, cycle, "reads return what was written");
    let staff_list = app.get_as("/api/v1/award-cycles", &t.admin).await;
    assert_eq!(staff_list.body["total"], 7);
    assert_eq!(staff_list.body["items"][0]["id"], id, "2031 is the newest");
    let drafts = app
        .get_as("/api/v1/award-cycles?status=draft", &t.secretariat)
        .await;
    assert_eq!(drafts.body["total"], 1);
    assert_eq!(
        app.json("/api/v1/award-cycles?status=draft").await["total"],
        0
    );
    assert_eq!(
        app.get_as(&format!("/api/v1/award-programmes/{THAI}"), &t.admin)
            .await
            .body["cycle_years"],
        json!([2031, 2025])
    );
    let into_draft = nominate(app, &t.editor, &cat1, Some("phayao")).await;
    into_draft.problem(422, "validation_failed");

    // The life cycle moves one step at a time, by staff only.
    for to in ["judging", "published", "closed", "draft"] {
        let refused = set_status(app, Some(&t.secretariat), id, to).await;
        let problem = refused.problem(409, "illegal_transition");
        assert!(detail(problem).contains("draft"), "{problem}");
    }
    set_status(app, Some(&t.secretariat), id, "bogus")
        .await
        .problem(422, "validation_failed");
    set_status(app, None, id, "open")
        .await
        .problem(401, "authentication_required");
    for token in [&t.evaluator, &t.analyst, &t.editor] {
        set_status(app, Some(token), id, "open")
            .await
            .problem(403, "forbidden");
    }
    set_status(app, Some(&t.secretariat), 999_999, "open")
        .await
        .problem(404, "not_found");
    assert_eq!(
        app.get_as(&path, &t.admin).await.body["status"],
        "draft",
        "refused transitions changed nothing"
    );
    let opened = advance(app, &t.secretariat, id, "open").await;
    assert_eq!(opened["results"], Value::Null);
    assert_eq!(app.json(&path).await["status"], "open", "now public");
    assert_eq!(app.json("/api/v1/award-cycles").await["total"], 7);
    let summary = app
        .patch(
            &path,
            Some(&t.secretariat),
            &json!({"summary": {"en": "The 2031 cycle", "th": "รอบปี 2574"}}),
            None,
        )
        .await;
    assert_eq!(summary.status, 200, "{}", summary.body);
    assert_eq!(summary.body["summary"]["th"], "รอบปี 2574");
    assert_eq!(summary.body["status"], "open");

    // Nominating.
    let n1 = app
        .post(
            "/api/v1/nominations",
            Some(&t.editor),
            &json!({
                "category": cat1,
                "city": "phayao",
                "statement": "Phayao learns together: ศูนย์การเรียนรู้ชุมชน in every district.",
                "evidence_links": ["https://www.up.ac.th/learning-city", "http://phayao.go.th/report.pdf"],
            }),
        )
        .await;
    assert_eq!(n1.status, 201, "{}", n1.body);
    let n1_id = id_of(&n1.body);
    assert_eq!(
        n1.headers["location"].to_str().expect("location"),
        format!("/api/v1/nominations/{n1_id}")
    );
    assert_eq!(n1.body["status"], "submitted");
    assert_eq!(n1.body["city"], "phayao");
    assert_eq!(n1.body["city_name"]["th"], "พะเยา");
    assert_eq!(n1.body["category"], cat1);
    assert_eq!(n1.body["cycle_id"], id);
    assert_eq!(
        n1.body["statement"],
        "Phayao learns together: ศูนย์การเรียนรู้ชุมชน in every district."
    );
    assert_eq!(
        n1.body["evidence_links"],
        json!([
            "https://www.up.ac.th/learning-city",
            "http://phayao.go.th/report.pdf"
        ])
    );
    assert!(n1.body["submitted_by"].is_i64());
    let fetched = app
        .get_as(&format!("/api/v1/nominations/{n1_id}"), &t.editor)
        .await;
    assert_eq!(fetched.status, 200);
    assert_eq!(fetched.body, n1.body, "reads return what was written");

    let again = nominate(app, &t.editor, &cat1, Some("phayao")).await;
    again.problem(409, "duplicate_nomination");
    let by_staff = nominate(app, &t.secretariat, &cat1, Some("phayao")).await;
    by_staff.problem(409, "duplicate_nomination");
    nominate(app, &t.editor, &cat1, Some("chiang-mai"))
        .await
        .problem(403, "forbidden");
    let cork = nominate(app, &t.secretariat, &cat1, Some("cork")).await;
    let problem = cork.problem(422, "not_eligible");
    assert!(
        detail(problem).contains("TH"),
        "the detail names the country rule: {problem}"
    );
    let ftp = app
        .post(
            "/api/v1/nominations",
            Some(&t.editor),
            &json!({"category": cat2, "evidence_links": ["ftp://x"]}),
        )
        .await;
    assert_eq!(
        error_fields(ftp.problem(422, "validation_failed")),
        vec!["evidence_links[0]"]
    );
    nominate(app, &t.secretariat, &cat1, Some("atlantis"))
        .await
        .problem(422, "validation_failed");
    nominate(app, &t.secretariat, &cat1, None)
        .await
        .problem(422, "validation_failed");
    nominate(app, &t.secretariat, "no-such-category", Some("phayao"))
        .await
        .problem(422, "validation_failed");
    nominate(app, &t.evaluator, &cat2, Some("phayao"))
        .await
        .problem(403, "forbidden");
    nominate(app, &t.analyst, &cat2, Some("phayao"))
        .await
        .problem(403, "forbidden");
    app.post("/api/v1/nominations", None, &json!({"category": cat2}))
        .await
        .problem(401, "authentication_required");

    // The editor's own city is the default; a withdrawal frees the category.
    let n2 = nominated(app, &t.editor, &cat2, None).await;
    let n2_id = id_of(&n2);
    assert_eq!(n2["city"], "phayao");
    withdraw(app, &t.other_editor, n2_id)
        .await
        .problem(404, "not_found");
    withdraw(app, &t.analyst, n2_id)
        .await
        .problem(403, "forbidden");
    let withdrawn = withdraw(app, &t.editor, n2_id).await;
    assert_eq!(withdrawn.status, 200, "{}", withdrawn.body);
    assert_eq!(withdrawn.body["status"], "withdrawn");
    withdraw(app, &t.editor, n2_id)
        .await
        .problem(409, "withdrawal_closed");
    let n3 = nominated(app, &t.editor, &cat2, Some("phayao")).await;
    let n3_id = id_of(&n3);
    assert_ne!(n3_id, n2_id);
    let n4 = nominated(app, &t.secretariat, &cat1, Some("chiang-rai")).await;
    let n4_id = id_of(&n4);

    // Who sees nominations.
    app.get("/api/v1/nominations")
        .await
        .problem(401, "authentication_required");
    app.get(&format!("/api/v1/nominations/{n1_id}"))
        .await
        .problem(401, "authentication_required");
    for token in [&t.analyst, &t.evaluator] {
        app.get_as("/api/v1/nominations", token)
            .await
            .problem(403, "forbidden");
        app.get_as(&format!("/api/v1/nominations/{n1_id}"), token)
            .await
            .problem(403, "forbidden");
    }
    let (ids, total, cities) = nomination_ids(app, &t.editor, "").await;
    assert_eq!(ids, vec![n1_id, n2_id, n3_id], "oldest first");
    assert_eq!(total, 3);
    assert!(cities.iter().all(|c| c == "phayao"));
    let (ids, total, _) = nomination_ids(app, &t.editor, "?city=chiang-rai").await;
    assert_eq!((ids.len(), total), (0, 0));
    let (ids, _, _) = nomination_ids(app, &t.other_editor, "").await;
    assert_eq!(ids, vec![n4_id]);
    let (ids, total, _) = nomination_ids(app, &t.secretariat, &format!("?cycle={id}")).await;
    assert_eq!(ids, vec![n1_id, n2_id, n3_id, n4_id]);
    assert_eq!(total, 4);
    let seeded = common::seed_rows("unesco_learning_city_awardees.csv").len() as i64;
    let (_, total, _) = nomination_ids(app, &t.admin, "").await;
    assert_eq!(total, seeded + 4, "staff see every nomination");
    let (ids, _, _) = nomination_ids(
        app,
        &t.secretariat,
        &format!("?cycle={id}&status=withdrawn"),
    )
    .await;
    assert_eq!(ids, vec![n2_id]);
    let (ids, _, _) = nomination_ids(app, &t.secretariat, &format!("?category={cat2}")).await;
    assert_eq!(ids, vec![n2_id, n3_id]);
    app.get_as("/api/v1/nominations?status=bogus", &t.secretariat)
        .await
        .problem(400, "invalid_query");
    app.get_as(&format!("/api/v1/nominations/{n1_id}"), &t.other_editor)
        .await
        .problem(404, "not_found");
    assert_eq!(
        app.get_as(&format!("/api/v1/nominations/{n4_id}"), &t.other_editor)
            .await
            .status,
        200
    );

    // Judging: no more nominations or withdrawals; staff decide.
    advance(app, &t.secretariat, id, "judging").await;
    withdraw(app, &t.editor, n3_id)
        .await
        .problem(409, "withdrawal_closed");
    assert_eq!(nomination_status(app, &t.admin, n3_id).await, "submitted");
    nominate(app, &t.secretariat, &cat2, Some("chiang-mai"))
        .await
        .problem(409, "cycle_not_open");
    nominate(app, &t.editor, &cat1, None)
        .await
        .problem(409, "cycle_not_open");
    for token in [&t.editor, &t.evaluator, &t.analyst] {
        decide(app, token, n1_id, "winner")
            .await
            .problem(403, "forbidden");
    }
    assert_eq!(nomination_status(app, &t.admin, n1_id).await, "submitted");
    decided(app, &t.secretariat, n1_id, "shortlisted").await;
    decided(app, &t.secretariat, n1_id, "winner").await;
    decide(app, &t.secretariat, n2_id, "winner")
        .await
        .problem(409, "illegal_decision");
    assert_eq!(nomination_status(app, &t.admin, n2_id).await, "withdrawn");
    decide(app, &t.secretariat, n3_id, "withdrawn")
        .await
        .problem(422, "validation_failed");
    decide(app, &t.secretariat, 999_999, "winner")
        .await
        .problem(404, "not_found");
    decided(app, &t.secretariat, n4_id, "not_awarded").await;
    let judging = app.json(&path).await;
    assert_eq!(judging["status"], "judging");
    assert_eq!(
        judging["results"],
        Value::Null,
        "no results before publishing"
    );
    assert_eq!(app.json("/api/v1/cities/phayao/awards").await["total"], 0);
    let ceremony = app
        .patch(
            &path,
            Some(&t.admin),
            &json!({"ceremony_on": "2031-11-30", "ceremony": {"en": "Phayao"}}),
            None,
        )
        .await;
    assert_eq!(ceremony.status, 200, "{}", ceremony.body);
    assert_eq!(ceremony.body["ceremony_on"], "2031-11-30");

    // Closed: decisions are still possible; published: final.
    advance(app, &t.secretariat, id, "closed").await;
    decided(app, &t.secretariat, n4_id, "shortlisted").await;
    assert_eq!(app.json(&path).await["results"], Value::Null);
    let published = advance(app, &t.admin, id, "published").await;
    assert!(published["published_at"].is_string());
    let public = app.json(&path).await;
    assert_eq!(public["status"], "published");
    assert_eq!(
        public["results"],
        json!([
            {"category": cat1, "winners": [{"slug": "phayao", "name": {"en": "Phayao", "th": "พะเยา"}, "country": "TH"}]},
            {"category": cat2, "winners": []},
        ])
    );
    assert_eq!(nomination_status(app, &t.admin, n1_id).await, "winner");
    assert_eq!(nomination_status(app, &t.admin, n2_id).await, "withdrawn");
    assert_eq!(
        nomination_status(app, &t.admin, n3_id).await,
        "not_awarded",
        "undecided nominations are not awarded"
    );
    assert_eq!(
        nomination_status(app, &t.admin, n4_id).await,
        "not_awarded",
        "shortlisted nominations are not awarded"
    );
    let awards = app.json("/api/v1/cities/phayao/awards").await;
    assert_eq!(awards["total"], 1);
    let award = &items(&awards)[0];
    assert_eq!(award["year"], 2031);
    assert_eq!(award["programme"], THAI);
    assert_eq!(award["cycle_id"], id);
    assert_eq!(award["category"], cat1);
    assert_eq!(award["category_name"]["th"], "การเรียนรู้สีเขียว");
    assert_eq!(award["status"], "winner");
    assert_eq!(
        app.json("/api/v1/cities/chiang-rai/awards").await["total"],
        0
    );
    assert_eq!(
        app.json(&format!("/api/v1/award-programmes/{THAI}")).await["cycle_years"],
        json!([2031, 2025])
    );
    let before = app.json(&path).await;
    app.patch(
        &path,
        Some(&t.secretariat),
        &json!({"summary": {"en": "changed"}}),
        None,
    )
    .await
    .problem(409, "cycle_published");
    for to in CYCLE_STAGES {
        set_status(app, Some(&t.secretariat), id, to)
            .await
            .problem(409, "illegal_transition");
    }
    decide(app, &t.secretariat, n3_id, "winner")
        .await
        .problem(409, "illegal_decision");
    assert_eq!(app.json(&path).await, before, "a published cycle is final");

    // The audit trail: the create, each transition and edit; each nomination write.
    assert_eq!(
        audit_actions(app, &t.admin, "award_cycle", id).await,
        vec![
            "published",
            "closed",
            "update",
            "judging",
            "update",
            "open",
            "create"
        ]
    );
    assert_eq!(audit_total(app, &t.admin, "award_cycle").await, 7);
    let trail = app
        .get_as(
            &format!("/api/v1/audit-log?entity=award_cycle&entity_id={id}"),
            &t.admin,
        )
        .await;
    let entries = items(&trail.body);
    let create = entries.last().expect("create");
    assert!(str_of(create, "actor").starts_with("secretariat-"));
    assert_eq!(create["before"], Value::Null);
    assert_eq!(create["after"]["status"], "draft");
    assert_eq!(entries[0]["before"]["status"], "closed");
    assert_eq!(entries[0]["after"]["status"], "published");
    assert_eq!(entries[0]["actor"], "admin@example.org");
    assert_eq!(
        audit_actions(app, &t.admin, "nomination", n1_id).await,
        vec!["decide", "decide", "create"]
    );
    assert_eq!(
        audit_actions(app, &t.admin, "nomination", n2_id).await,
        vec!["withdraw", "create"]
    );
    assert_eq!(
        audit_actions(app, &t.admin, "nomination", n3_id).await,
        vec!["close_undecided", "create"],
        "publication records each nomination it closes"
    );
    assert_eq!(
        audit_actions(app, &t.admin, "nomination", n4_id).await,
        vec!["close_undecided", "decide", "decide", "create"]
    );
    assert_eq!(
        audit_total(app, &t.admin, "nomination").await,
        11,
        "refused nomination writes are not recorded (9 writes, 2 closed at publication)"
    );
    let n1_trail = app
        .get_as(
            &format!("/api/v1/audit-log?entity=nomination&entity_id={n1_id}"),
            &t.admin,
        )
        .await;
    let latest = &items(&n1_trail.body)[0];
    assert_eq!(latest["before"]["status"], "shortlisted");
    assert_eq!(latest["after"]["status"], "winner");
    let first = &items(&n1_trail.body)[2];
    assert!(str_of(first, "actor").starts_with("city_editor-"));
}

// ---------- 3. the UNESCO rules

/// Creates a city in `country` with a GNLC membership; returns its slug.
async fn gnlc_city(app: &TestApp, token: &str, name: &str, country: &str, joined: Value) -> String {
    let city = app
        .post(
            "/api/v1/cities",
            Some(token),
            &json!({"name": {"en": name}, "country": country}),
        )
        .await;
    assert_eq!(city.status, 201, "{}", city.body);
    let slug = str_of(&city.body, "slug").to_owned();
    let mut membership = json!({"city": slug, "network": "unesco-gnlc"});
    if let (Some(m), Some(j)) = (membership.as_object_mut(), joined.as_object()) {
        m.extend(j.clone());
    }
    let created = app
        .post("/api/v1/memberships", Some(token), &membership)
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    slug
}

async fn unesco_eligibility_rules_apply(app: &TestApp) {
    let t = tokens(app).await;
    let cycle = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(UNESCO, 2027, ALWAYS_OPEN, &["Learning City Award"]),
    )
    .await;
    let id = id_of(&cycle);
    let category = str_of(&cycle["categories"][0], "slug").to_owned();
    assert_eq!(category, format!("{UNESCO}-2027-learning-city-award"));
    advance(app, &t.secretariat, id, "open").await;
    let today = server_today(&cycle);

    let andong = nominated(app, &t.secretariat, &category, Some("andong")).await;
    assert_eq!(andong["city"], "andong");

    // Doha won in 2024: six years must pass.
    let doha = nominate(app, &t.secretariat, &category, Some("doha")).await;
    let problem = doha.problem(422, "not_eligible");
    assert!(
        detail(problem).contains("2024") && detail(problem).contains("6 years"),
        "{problem}"
    );
    // Jubail Industrial City won in 2021: exactly six years before 2027 is long enough.
    let jubail = nominated(
        app,
        &t.secretariat,
        &category,
        Some("jubail-industrial-city"),
    )
    .await;
    // Cork is not a GNLC member (and won in 2024).
    let cork = nominate(app, &t.secretariat, &category, Some("cork")).await;
    let problem = cork.problem(422, "not_eligible");
    assert!(
        detail(problem).contains("unesco-gnlc") && detail(problem).contains("not a member"),
        "{problem}"
    );
    assert!(
        detail(problem).contains("2024"),
        "every failed rule: {problem}"
    );

    // Membership must have lasted more than twelve months.
    let fresh = gnlc_city(
        app,
        &t.secretariat,
        "Newtown",
        "KR",
        json!({"joined_on": today.text()}),
    )
    .await;
    let problem = nominate(app, &t.secretariat, &category, Some(&fresh)).await;
    let problem = problem.problem(422, "not_eligible");
    assert!(
        detail(problem).contains("12 months") && detail(problem).contains(&today.text()),
        "{problem}"
    );
    let this_year = gnlc_city(
        app,
        &t.secretariat,
        "Yeartown",
        "JP",
        json!({"joined_year": today.y}),
    )
    .await;
    nominate(app, &t.secretariat, &category, Some(&this_year))
        .await
        .problem(422, "not_eligible");
    if let Some(year_ago) = today.a_year_earlier() {
        let exact = gnlc_city(
            app,
            &t.secretariat,
            "Exactly One Year",
            "FR",
            json!({"joined_on": year_ago.text()}),
        )
        .await;
        let problem = nominate(app, &t.secretariat, &category, Some(&exact)).await;
        assert!(
            detail(problem.problem(422, "not_eligible")).contains("more than 12 months"),
            "exactly twelve months is not more"
        );
    }
    let earlier = today
        .a_year_earlier()
        .unwrap_or(Day {
            y: today.y - 1,
            m: today.m,
            d: 28,
        })
        .plus(-1);
    let long_enough = gnlc_city(
        app,
        &t.secretariat,
        "Longtown",
        "NZ",
        json!({"joined_on": earlier.text()}),
    )
    .await;
    nominated(app, &t.secretariat, &category, Some(&long_enough)).await;

    let jincheon = nominated(app, &t.secretariat, &category, Some("jincheon")).await;
    let (andong_id, jincheon_id, jubail_id) = (id_of(&andong), id_of(&jincheon), id_of(&jubail));

    // One winner per country per cycle.
    advance(app, &t.secretariat, id, "judging").await;
    decided(app, &t.secretariat, andong_id, "winner").await;
    let limit = decide(app, &t.secretariat, jincheon_id, "winner").await;
    let problem = limit.problem(409, "country_winner_limit");
    assert!(detail(problem).contains("KR"), "{problem}");
    assert_eq!(
        nomination_status(app, &t.admin, jincheon_id).await,
        "submitted"
    );
    decided(app, &t.secretariat, jincheon_id, "shortlisted").await;
    decided(app, &t.secretariat, jubail_id, "winner").await;
    decided(app, &t.secretariat, andong_id, "winner").await;
    // Taking Andong back frees the place for Jincheon.
    decided(app, &t.secretariat, andong_id, "submitted").await;
    decided(app, &t.secretariat, jincheon_id, "winner").await;
    decide(app, &t.secretariat, andong_id, "winner")
        .await
        .problem(409, "country_winner_limit");

    advance(app, &t.secretariat, id, "closed").await;
    advance(app, &t.secretariat, id, "published").await;
    let results = app.json(&format!("/api/v1/award-cycles/{id}")).await["results"].clone();
    let winners: Vec<&str> = results[0]["winners"]
        .as_array()
        .expect("winners")
        .iter()
        .map(|w| str_of(w, "slug"))
        .collect();
    assert_eq!(winners, vec!["jincheon", "jubail-industrial-city"]);
    assert_eq!(
        nomination_status(app, &t.admin, andong_id).await,
        "not_awarded"
    );
    let jincheon_awards = app.json("/api/v1/cities/jincheon/awards").await;
    assert_eq!(jincheon_awards["total"], 1);
    assert_eq!(jincheon_awards["items"][0]["year"], 2027);
    let jubail_awards = app
        .json("/api/v1/cities/jubail-industrial-city/awards")
        .await;
    let years: Vec<&Value> = items(&jubail_awards).iter().map(|a| &a["year"]).collect();
    assert_eq!(years, vec![&json!(2027), &json!(2021)]);

    // The new win starts a cool-down of its own.
    let next = create_cycle(
        app,
        &t.admin,
        &cycle_body(UNESCO, 2029, ALWAYS_OPEN, &["Learning City Award"]),
    )
    .await;
    advance(app, &t.admin, id_of(&next), "open").await;
    let next_category = str_of(&next["categories"][0], "slug").to_owned();
    let again = nominate(app, &t.admin, &next_category, Some("jincheon")).await;
    assert!(detail(again.problem(422, "not_eligible")).contains("2027"));
    nominated(app, &t.admin, &next_category, Some("andong")).await;
}

// ---------- 4. nomination windows and cycle validation

async fn nomination_windows_and_cycle_validation(app: &TestApp) {
    let t = tokens(app).await;
    let closed = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(THAI, 2040, ("2000-01-01", "2000-12-31"), &["Closed"]),
    )
    .await;
    advance(app, &t.secretariat, id_of(&closed), "open").await;
    let category = str_of(&closed["categories"][0], "slug").to_owned();
    for (token, city) in [(&t.secretariat, Some("phayao")), (&t.editor, None)] {
        let reply = nominate(app, token, &category, city).await;
        let problem = reply.problem(409, "nomination_window_closed");
        assert!(detail(problem).contains("2000-12-31"), "{problem}");
    }

    let future = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(THAI, 2041, ("2999-01-01", "2999-12-31"), &["Future"]),
    )
    .await;
    let future_id = id_of(&future);
    advance(app, &t.secretariat, future_id, "open").await;
    let future_category = str_of(&future["categories"][0], "slug").to_owned();
    let reply = nominate(app, &t.secretariat, &future_category, Some("phayao")).await;
    let problem = reply.problem(409, "nomination_window_closed");
    assert!(detail(problem).contains("2999-01-01"), "{problem}");
    // Moving the window opens it.
    let moved = app
        .patch(
            &format!("/api/v1/award-cycles/{future_id}"),
            Some(&t.secretariat),
            &json!({"nominations_open_on": "2000-01-01"}),
            None,
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.body["nominations_open_on"], "2000-01-01");
    nominated(app, &t.secretariat, &future_category, Some("phayao")).await;

    // Around the server's today: the first and the last day both count.
    let today = server_today(&closed);
    let day = |n: i64| today.plus(n).text();
    for (year, window, open) in [
        (2042, (day(-30), day(0)), true),
        (2043, (day(-30), day(-1)), false),
        (2044, (day(1), day(30)), false),
        (2045, (day(0), day(30)), true),
    ] {
        let cycle = create_cycle(
            app,
            &t.secretariat,
            &cycle_body(
                THAI,
                year,
                (window.0.as_str(), window.1.as_str()),
                &["Window"],
            ),
        )
        .await;
        advance(app, &t.secretariat, id_of(&cycle), "open").await;
        let category = str_of(&cycle["categories"][0], "slug");
        let reply = nominate(app, &t.editor, category, None).await;
        if open {
            assert_eq!(reply.status, 201, "{year} {window:?}: {}", reply.body);
        } else {
            let problem = reply.problem(409, "nomination_window_closed");
            let edge = if year == 2043 { &window.1 } else { &window.0 };
            assert!(detail(problem).contains(edge.as_str()), "{problem}");
        }
    }
    // No dates: always open.
    let mut undated = cycle_body(THAI, 2046, ALWAYS_OPEN, &["Undated"]);
    if let Some(o) = undated.as_object_mut() {
        o.remove("nominations_open_on");
        o.remove("nominations_close_on");
    }
    let undated = create_cycle(app, &t.secretariat, &undated).await;
    assert_eq!(undated["nominations_close_on"], Value::Null);
    advance(app, &t.secretariat, id_of(&undated), "open").await;
    nominated(
        app,
        &t.editor,
        str_of(&undated["categories"][0], "slug"),
        None,
    )
    .await;

    // Invalid cycles are refused whole.
    let total = staff_cycle_total(app, &t.admin).await;
    let audit = audit_total(app, &t.admin, "award_cycle").await;
    refuse(
        app,
        &t.secretariat,
        cycle_body(THAI, 2050, ("2030-06-01", "2030-05-31"), &["Backwards"]),
        vec!["nominations_close_on"],
    )
    .await;
    let mut no_categories = cycle_body(THAI, 2050, ALWAYS_OPEN, &[]);
    refuse(
        app,
        &t.secretariat,
        no_categories.clone(),
        vec!["categories"],
    )
    .await;
    if let Some(o) = no_categories.as_object_mut() {
        o.remove("categories");
    }
    refuse(app, &t.secretariat, no_categories, vec!["categories"]).await;
    refuse(
        app,
        &t.secretariat,
        json!({"categories": [{"name": {"th": "ไม่มีชื่ออังกฤษ"}}]}),
        vec!["categories[0].name.en", "programme", "title.en", "year"],
    )
    .await;
    refuse(
        app,
        &t.secretariat,
        cycle_body("nobel-prize", 2050, ALWAYS_OPEN, &["Peace"]),
        vec!["programme"],
    )
    .await;
    refuse(
        app,
        &t.secretariat,
        cycle_body(THAI, 1800, ALWAYS_OPEN, &["Old"]),
        vec!["year"],
    )
    .await;
    let mut with_status = cycle_body(THAI, 2050, ALWAYS_OPEN, &["Status"]);
    with_status["status"] = json!("published");
    refuse(app, &t.secretariat, with_status, vec!["status"]).await;
    let mut bad_date = cycle_body(THAI, 2050, ALWAYS_OPEN, &["Dates"]);
    bad_date["ceremony_on"] = json!("31/10/2050");
    refuse(app, &t.secretariat, bad_date, vec!["ceremony_on"]).await;
    // A category slug already used refuses the whole cycle, and the year stays free.
    let mut taken = cycle_body(THAI, 2050, ALWAYS_OPEN, &["Taken"]);
    taken["categories"][0]["slug"] = json!(format!("{THAI}-2025-equity"));
    refuse(app, &t.secretariat, taken, vec!["categories[0].slug"]).await;
    refuse(
        app,
        &t.secretariat,
        cycle_body(THAI, 2050, ALWAYS_OPEN, &["Twice", "Twice"]),
        vec!["categories[1].slug"],
    )
    .await;
    for (year, detail_has) in [(2025, "2025"), (2040, "2040")] {
        let reply = app
            .post(
                "/api/v1/award-cycles",
                Some(&t.secretariat),
                &cycle_body(THAI, year, ALWAYS_OPEN, &["Again"]),
            )
            .await;
        assert!(detail(reply.problem(409, "duplicate")).contains(detail_has));
    }
    assert_eq!(
        staff_cycle_total(app, &t.admin).await,
        total,
        "refused creates left no cycle behind"
    );
    assert_eq!(
        audit_total(app, &t.admin, "award_cycle").await,
        audit,
        "nor an audit entry"
    );
    let (categories, _) = app
        .all_pages(&format!(
            "/api/v1/award-categories?programme={THAI}&limit=200"
        ))
        .await;
    assert!(
        common::slugs(&categories)
            .iter()
            .all(|s| !s.contains("2050")),
        "nor a category"
    );
    let fine = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(THAI, 2050, ALWAYS_OPEN, &["Twice"]),
    )
    .await;
    let fine_id = id_of(&fine);
    let path = format!("/api/v1/award-cycles/{fine_id}");

    // Edits keep the same rules.
    let backwards = app
        .patch(
            &path,
            Some(&t.secretariat),
            &json!({"nominations_close_on": "1999-12-31"}),
            None,
        )
        .await;
    assert_eq!(
        error_fields(backwards.problem(422, "validation_failed")),
        vec!["nominations_close_on"]
    );
    for (patch, field) in [
        (json!({"programme": UNESCO}), "programme"),
        (json!({"year": 2051}), "year"),
        (json!({"categories": []}), "categories"),
        (json!({"status": "open"}), "status"),
        (json!({"title": {"en": null}}), "title.en"),
        (json!({"source_url": "ftp://x"}), "source_url"),
    ] {
        let reply = app.patch(&path, Some(&t.secretariat), &patch, None).await;
        assert_eq!(
            error_fields(reply.problem(422, "validation_failed")),
            vec![field],
            "{patch}"
        );
    }
    for token in [&t.evaluator, &t.analyst, &t.editor] {
        app.patch(&path, Some(token), &json!({"summary": {"en": "x"}}), None)
            .await
            .problem(403, "forbidden");
    }
    app.patch(
        "/api/v1/award-cycles/999999",
        Some(&t.secretariat),
        &json!({"summary": {"en": "x"}}),
        None,
    )
    .await
    .problem(404, "not_found");
    let unchanged = app.get_as(&path, &t.admin).await;
    assert_eq!(unchanged.body, fine, "refused edits changed nothing");
    let cleared = app
        .patch(
            &path,
            Some(&t.secretariat),
            &json!({"nominations_close_on": null, "title": {"th": null}}),
            None,
        )
        .await;
    assert_eq!(cleared.status, 200, "{}", cleared.body);
    assert_eq!(cleared.body["nominations_close_on"], Value::Null);
    assert_eq!(cleared.body["nominations_open_on"], ALWAYS_OPEN.0);
    assert_eq!(
        cleared.body["title"],
        json!({"en": "Awards 2050", "th": null})
    );
}

/// Asserts that creating `body` is refused with errors on exactly `fields`.
async fn refuse(app: &TestApp, token: &str, body: Value, fields: Vec<&str>) {
    let reply = app.post("/api/v1/award-cycles", Some(token), &body).await;
    let problem = reply.problem(422, "validation_failed");
    assert_eq!(error_fields(problem), fields, "{body}");
}

// ---------- 5. ETags

async fn cycle_etags_give_304_and_stale_writes_412(app: &TestApp) {
    let t = tokens(app).await;
    let seeded = app
        .json(&format!(
            "/api/v1/award-cycles?programme={UNESCO}&year=2024"
        ))
        .await;
    let seeded_id = id_of(&items(&seeded)[0]);
    for path in [
        format!("/api/v1/award-cycles/{seeded_id}"),
        format!("/api/v1/award-programmes/{UNESCO}"),
        format!("/api/v1/award-categories/{THAI}-2025-economy"),
    ] {
        let first = app.get(&path).await;
        assert_eq!(first.status, 200, "{path}");
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
        assert_eq!(again.status, 304, "{path}");
        let other = app
            .send(
                app.client
                    .get(format!("{}{path}", app.url))
                    .header("if-none-match", "\"other\""),
            )
            .await;
        assert_eq!(other.status, 200, "{path}");
    }

    let created = app
        .post(
            "/api/v1/award-cycles",
            Some(&t.secretariat),
            &cycle_body(THAI, 2060, ALWAYS_OPEN, &["Tags"]),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = id_of(&created.body);
    let path = format!("/api/v1/award-cycles/{id}");
    let tag = created.etag();
    assert_eq!(app.get_as(&path, &t.secretariat).await.etag(), tag);
    let not_modified = app
        .send(
            app.request(reqwest::Method::GET, &path, Some(&t.secretariat))
                .header("if-none-match", &tag),
        )
        .await;
    assert_eq!(not_modified.status, 304);

    let edited = app
        .patch(
            &path,
            Some(&t.secretariat),
            &json!({"summary": {"en": "Tagged"}}),
            Some(&tag),
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    let current = edited.etag();
    assert_ne!(current, tag, "a change changes the ETag");
    let stale = app
        .send(
            app.request(
                reqwest::Method::POST,
                &format!("{path}/status"),
                Some(&t.secretariat),
            )
            .header("if-match", &tag)
            .json(&json!({"status": "open"})),
        )
        .await;
    stale.problem(412, "precondition_failed");
    assert_eq!(
        app.get_as(&path, &t.admin).await.body["status"],
        "draft",
        "a stale transition changed nothing"
    );
    assert_eq!(
        audit_actions(app, &t.admin, "award_cycle", id).await,
        vec!["update", "create"]
    );
    app.patch(
        &path,
        Some(&t.secretariat),
        &json!({"summary": {"en": "Stale"}}),
        Some(&tag),
    )
    .await
    .problem(412, "precondition_failed");
    let fresh = app
        .send(
            app.request(
                reqwest::Method::POST,
                &format!("{path}/status"),
                Some(&t.secretariat),
            )
            .header("if-match", &current)
            .json(&json!({"status": "open"})),
        )
        .await;
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    assert_eq!(fresh.body["status"], "open");
    assert_eq!(fresh.body["summary"]["en"], "Tagged");
    assert_ne!(fresh.etag(), current);

    // Decisions honour If-Match too.
    let category = str_of(&created.body["categories"][0], "slug").to_owned();
    let nomination = nominated(app, &t.editor, &category, None).await;
    let nomination_id = id_of(&nomination);
    let nomination_path = format!("/api/v1/nominations/{nomination_id}");
    let nomination_tag = app.get_as(&nomination_path, &t.secretariat).await.etag();
    let cached = app
        .send(
            app.request(reqwest::Method::GET, &nomination_path, Some(&t.editor))
                .header("if-none-match", &nomination_tag),
        )
        .await;
    assert_eq!(cached.status, 304);
    advance(app, &t.secretariat, id, "judging").await;
    let decision = |tag: &str| {
        app.request(
            reqwest::Method::POST,
            &format!("{nomination_path}/decision"),
            Some(&t.secretariat),
        )
        .header("if-match", tag)
        .json(&json!({"status": "winner"}))
    };
    app.send(decision("\"stale\""))
        .await
        .problem(412, "precondition_failed");
    assert_eq!(
        nomination_status(app, &t.admin, nomination_id).await,
        "submitted"
    );
    let won = app.send(decision(&nomination_tag)).await;
    assert_eq!(won.status, 200, "{}", won.body);
    assert_eq!(won.body["status"], "winner");
    app.send(decision(&nomination_tag))
        .await
        .problem(412, "precondition_failed");
}

// ---------- 6. criteria round trip

async fn criteria_are_read_back_as_written(app: &TestApp) {
    let t = tokens(app).await;
    let mut body = cycle_body(THAI, 2075, ALWAYS_OPEN, &["Criteria"]);
    let criteria = json!(["Equity\nand inclusion", "Community participation"]);
    body["criteria"] = criteria.clone();
    let reply = app
        .post("/api/v1/award-cycles", Some(&t.secretariat), &body)
        .await;
    if reply.status == 422 {
        // Refusing line breaks would be as good as keeping them.
        assert_eq!(
            error_fields(reply.problem(422, "validation_failed")),
            vec!["criteria"]
        );
        return;
    }
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(
        reply.body["criteria"], criteria,
        "what was written is read back"
    );
    let id = id_of(&reply.body);
    let patched = app
        .patch(
            &format!("/api/v1/award-cycles/{id}"),
            Some(&t.secretariat),
            &json!({"criteria": ["One\ntwo"]}),
            None,
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.body["criteria"], json!(["One\ntwo"]));
}

// ---------- 7. concurrent writes

/// Sends `requests` at once; returns each status and body.
async fn all_at_once(requests: Vec<reqwest::RequestBuilder>) -> Vec<(u16, Value)> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|request| {
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
    replies
}

/// Asserts one success with `ok` and a conflict `code` for every other reply.
fn exactly_one(replies: &[(u16, Value)], ok: u16, code: &str, what: &str) {
    let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == ok).count(),
        1,
        "{what}: {replies:?}"
    );
    for (status, body) in replies.iter().filter(|(s, _)| *s != ok) {
        assert_eq!(*status, 409, "{what}: {body}");
        assert_eq!(body["code"], code, "{what}: {body}");
    }
}

async fn concurrent_duplicate_nominations_let_exactly_one_in(app: &TestApp) {
    let t = tokens(app).await;
    let cycle = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(THAI, 2070, ALWAYS_OPEN, &["Race"]),
    )
    .await;
    let id = id_of(&cycle);
    advance(app, &t.secretariat, id, "open").await;
    let category = str_of(&cycle["categories"][0], "slug").to_owned();
    for (round, city) in ["phayao", "chiang-rai", "chiang-mai"].iter().enumerate() {
        let requests = (0..6)
            .map(|_| {
                app.request(
                    reqwest::Method::POST,
                    "/api/v1/nominations",
                    Some(&t.secretariat),
                )
                .json(&json!({"category": category, "city": city}))
            })
            .collect();
        let replies = all_at_once(requests).await;
        exactly_one(&replies, 201, "duplicate_nomination", city);
        let (ids, total, _) =
            nomination_ids(app, &t.admin, &format!("?cycle={id}&city={city}")).await;
        assert_eq!((ids.len(), total), (1, 1), "round {round}: one nomination");
    }
    assert_eq!(audit_total(app, &t.admin, "nomination").await, 3);
}

async fn concurrent_winners_from_one_country_let_exactly_one_win(app: &TestApp) {
    let t = tokens(app).await;
    let cycle = create_cycle(
        app,
        &t.secretariat,
        &cycle_body(UNESCO, 2071, ALWAYS_OPEN, &["Race"]),
    )
    .await;
    let id = id_of(&cycle);
    advance(app, &t.secretariat, id, "open").await;
    let category = str_of(&cycle["categories"][0], "slug").to_owned();
    let mut ids = Vec::new();
    for city in [
        "andong",
        "jincheon",
        "dobong-gu",
        "hwaseong",
        "nonsan",
        "sejong",
    ] {
        ids.push(id_of(
            &nominated(app, &t.secretariat, &category, Some(city)).await,
        ));
    }
    advance(app, &t.secretariat, id, "judging").await;
    for round in 0..3 {
        let requests = ids
            .iter()
            .map(|n| {
                app.request(
                    reqwest::Method::POST,
                    &format!("/api/v1/nominations/{n}/decision"),
                    Some(&t.secretariat),
                )
                .json(&json!({"status": "winner"}))
            })
            .collect();
        let replies = all_at_once(requests).await;
        exactly_one(
            &replies,
            200,
            "country_winner_limit",
            &format!("round {round}"),
        );
        let (winners, total, _) =
            nomination_ids(app, &t.admin, &format!("?cycle={id}&status=winner")).await;
        assert_eq!(
            total, 1,
            "round {round}: one Korean winner, not {winners:?}"
        );
        decided(app, &t.secretariat, winners[0], "submitted").await;
    }
}

async fn concurrent_cycles_for_one_year_let_exactly_one_in(app: &TestApp) {
    let t = tokens(app).await;
    for (round, year) in [2080, 2081, 2082].iter().enumerate() {
        let requests = (0..6)
            .map(|i| {
                app.request(
                    reqwest::Method::POST,
                    "/api/v1/award-cycles",
                    Some(&t.secretariat),
                )
                .json(&cycle_body(
                    THAI,
                    *year,
                    ALWAYS_OPEN,
                    &[&format!("Race {i}")],
                ))
            })
            .collect();
        let replies = all_at_once(requests).await;
        exactly_one(&replies, 201, "duplicate", &format!("round {round}"));
        let listed = app
            .get_as(&format!("/api/v1/award-cycles?year={year}"), &t.admin)
            .await;
        assert_eq!(listed.body["total"], 1, "round {round}");
    }
}

on_both_backends!(
    seeded_programmes_and_cycles_are_public,
    seeded_categories_and_city_awards,
    a_thai_cycle_runs_from_draft_to_published,
    unesco_eligibility_rules_apply,
    nomination_windows_and_cycle_validation,
    cycle_etags_give_304_and_stale_writes_412,
);

mod races {
    use super::*;

    on_both_backends!(
        concurrent_duplicate_nominations_let_exactly_one_in,
        concurrent_winners_from_one_country_let_exactly_one_win,
        concurrent_cycles_for_one_year_let_exactly_one_in,
        criteria_are_read_back_as_written,
    );
}
