//! The public city directory: every filter, every sort, paging, Thai search and the city profile.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::common::{enc, seed_json, seed_rows, slugs, TestApp};

/// The GNLC rows of the shipped data joined to their ISO country code.
fn gnlc_rows() -> Vec<HashMap<String, String>> {
    let codes: HashMap<(String, String), String> = seed_rows("city_coordinates.csv")
        .into_iter()
        .map(|r| {
            (
                (r["city"].clone(), r["country"].clone()),
                r["country_iso2"].clone(),
            )
        })
        .collect();
    seed_rows("gnlc_members_known.csv")
        .into_iter()
        .map(|mut r| {
            let iso = codes[&(r["city"].clone(), r["country"].clone())].clone();
            r.insert("iso2".into(), iso);
            r
        })
        .collect()
}

/// Every seeded city: the GNLC members, the UNESCO Learning City Award winners and the pilot
/// areas of the seeded initiatives, once each, as (name, ISO country code).
fn all_cities() -> HashSet<(String, String)> {
    let codes: HashMap<(String, String), String> = seed_rows("city_coordinates.csv")
        .into_iter()
        .map(|r| {
            (
                (r["city"].clone(), r["country"].clone()),
                r["country_iso2"].clone(),
            )
        })
        .collect();
    seed_rows("gnlc_members_known.csv")
        .into_iter()
        .chain(seed_rows("unesco_learning_city_awardees.csv"))
        .map(|r| {
            let key = (r["city"].clone(), r["country"].clone());
            (r["city"].clone(), codes[&key].clone())
        })
        .chain(
            pilot_areas()
                .into_iter()
                .map(|city| (city, "TH".to_owned())),
        )
        .collect()
}

/// The Thai cities taking part in the seeded initiatives (`stewardship.json`).
fn pilot_areas() -> Vec<String> {
    pilot_provinces()
        .into_iter()
        .map(|(city, _)| city)
        .collect()
}

/// The pilot areas of the seeded initiatives with their province codes.
fn pilot_provinces() -> Vec<(String, String)> {
    let data = seed_json("stewardship.json");
    data["initiatives"]
        .as_array()
        .expect("initiatives")
        .iter()
        .flat_map(|i| i["cities"].as_array().expect("cities").iter())
        .map(|c| {
            (
                c["city"].as_str().expect("city").to_owned(),
                c["province"].as_str().expect("province").to_owned(),
            )
        })
        .collect()
}

fn names(items: &[Value]) -> HashSet<String> {
    items
        .iter()
        .map(|c| c["name"]["en"].as_str().expect("name").to_owned())
        .collect()
}

async fn list_has_every_seeded_city_with_its_fields(app: &TestApp) {
    let cities = all_cities();
    let page = app.json("/api/v1/cities").await;
    assert_eq!(page["total"], cities.len() as i64);
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 50, "default limit");
    assert!(page["next_cursor"].is_string());
    for city in items {
        for field in [
            "id",
            "slug",
            "name",
            "country",
            "province",
            "lat",
            "lon",
            "population",
            "memberships",
            "created_at",
        ] {
            assert!(city.get(field).is_some(), "{field} missing in {city}");
        }
        assert!(city["name"]["en"].is_string());
        assert!(city["created_at"]
            .as_str()
            .expect("timestamp")
            .ends_with('Z'));
    }
    let (all, total) = app.all_pages("/api/v1/cities?limit=200").await;
    assert_eq!(all.len() as i64, total);
    let expected: HashSet<String> = cities.into_iter().map(|(name, _)| name).collect();
    assert_eq!(names(&all), expected);
}

/// Pages through a sort with a small page size and checks coverage and order.
async fn assert_sorted_paging(
    app: &TestApp,
    sort: &str,
    key: impl Fn(&Value) -> Option<i64>,
    desc: bool,
) {
    let (items, total) = app
        .all_pages(&format!("/api/v1/cities?sort={sort}&limit=7"))
        .await;
    assert_eq!(items.len() as i64, total, "{sort}: every row once");
    let ids: HashSet<i64> = items
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), items.len(), "{sort}: no duplicates");
    let keys: Vec<Option<i64>> = items.iter().map(&key).collect();
    let known: Vec<i64> = keys.iter().flatten().copied().collect();
    let first_unknown = keys.iter().position(Option::is_none).unwrap_or(keys.len());
    assert!(
        keys[first_unknown..].iter().all(Option::is_none),
        "{sort}: unknown values last"
    );
    for pair in known.windows(2) {
        if desc {
            assert!(pair[0] >= pair[1], "{sort}: {pair:?}");
        } else {
            assert!(pair[0] <= pair[1], "{sort}: {pair:?}");
        }
    }
}

fn earliest_join(city: &Value) -> Option<i64> {
    city["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .filter_map(|m| m["joined_year"].as_i64())
        .min()
}

async fn every_sort_pages_to_the_end_in_order(app: &TestApp) {
    let population = |c: &Value| c["population"].as_i64();
    assert_sorted_paging(app, "population", population, false).await;
    assert_sorted_paging(app, "-population", population, true).await;
    assert_sorted_paging(app, "joined", earliest_join, false).await;
    assert_sorted_paging(app, "-joined", earliest_join, true).await;

    for (sort, desc) in [("name", false), ("-name", true)] {
        let (items, total) = app
            .all_pages(&format!("/api/v1/cities?sort={sort}&limit=9"))
            .await;
        assert_eq!(items.len() as i64, total);
        let ids: HashSet<i64> = items
            .iter()
            .map(|c| c["id"].as_i64().expect("id"))
            .collect();
        assert_eq!(ids.len(), items.len());
        let folded: Vec<String> = items
            .iter()
            .map(|c| fold(c["name"]["en"].as_str().expect("name")))
            .collect();
        let mut expected = folded.clone();
        expected.sort();
        if desc {
            expected.reverse();
        }
        assert_eq!(folded, expected, "{sort}");
    }
}

/// Lower-case without Latin accents: how the service orders names.
fn fold(name: &str) -> String {
    learning_city::text::fold(name)
}

async fn filters_narrow_the_list(app: &TestApp) {
    let rows = gnlc_rows();
    let count = |pred: &dyn Fn(&HashMap<String, String>) -> bool| {
        rows.iter().filter(|r| pred(r)).count() as i64
    };
    let cities = all_cities();
    let in_countries =
        |codes: &HashSet<String>| cities.iter().filter(|(_, c)| codes.contains(c)).count() as i64;

    let thai = app.all_pages("/api/v1/cities?country=TH").await;
    let thai_members = count(&|r| r["iso2"] == "TH");
    assert_eq!(thai_members, 13, "the 13 Thai GNLC members");
    assert_eq!(thai.1, in_countries(&HashSet::from(["TH".to_owned()])));
    assert_eq!(thai.1, 16, "and three EEF pilot areas that are not members");
    assert!(thai.0.iter().all(|c| c["country"] == "TH"));
    assert_eq!(
        app.json("/api/v1/cities?country=th").await["total"],
        16,
        "codes are case-insensitive"
    );

    let phayao = app.json("/api/v1/cities?province=TH-56").await;
    assert_eq!(
        slugs(phayao["items"].as_array().expect("items")),
        vec!["phayao"]
    );

    let countries = seed_rows("countries.csv");
    let asean: HashSet<String> = countries
        .iter()
        .filter(|c| c["asean"] == "true")
        .map(|c| c["code"].clone())
        .collect();
    let plus3: HashSet<String> = countries
        .iter()
        .filter(|c| c["asean_plus_3"] == "true")
        .map(|c| c["code"].clone())
        .collect();
    let (items, total) = app.all_pages("/api/v1/cities?group=asean").await;
    assert_eq!(total, in_countries(&asean));
    assert!(items
        .iter()
        .all(|c| asean.contains(c["country"].as_str().expect("country"))));
    let (items, total) = app.all_pages("/api/v1/cities?group=asean_plus_3").await;
    assert_eq!(total, in_countries(&plus3));
    assert!(
        total > in_countries(&asean),
        "ASEAN+3 adds China, Japan, Korea"
    );
    assert!(items.iter().any(|c| c["country"] == "KR"));

    let northern: HashSet<String> = seed_rows("th_provinces.csv")
        .into_iter()
        .filter(|p| p["region6_en"] == "Northern")
        .map(|p| p["iso_3166_2"].clone())
        .collect();
    let (items, total) = app.all_pages("/api/v1/cities?th_region=northern").await;
    let members: HashSet<String> = rows.iter().map(|r| r["city"].clone()).collect();
    let northern_pilots = pilot_provinces()
        .into_iter()
        .filter(|(city, province)| !members.contains(city) && northern.contains(province))
        .count() as i64;
    assert_eq!(
        total,
        count(&|r| northern.contains(&r["th_province_iso"])) + northern_pilots
    );
    assert!(total >= 3);
    assert!(items
        .iter()
        .all(|c| northern.contains(c["province"].as_str().expect("province"))));

    assert_eq!(
        app.json("/api/v1/cities?network=unesco-gnlc").await["total"],
        rows.len() as i64
    );
    assert_eq!(
        app.json("/api/v1/cities?network=asean-learning-cities")
            .await["total"],
        0
    );
    assert_eq!(
        app.json("/api/v1/cities?network=no-such-network").await["total"],
        0
    );

    let year = |r: &HashMap<String, String>| r["join_year"].parse::<i64>().ok();
    for (range, pred) in [
        (
            "2024",
            Box::new(|y: i64| y == 2024) as Box<dyn Fn(i64) -> bool>,
        ),
        ("2019..2020", Box::new(|y| (2019..=2020).contains(&y))),
        ("2024..", Box::new(|y| y >= 2024)),
        ("..2019", Box::new(|y| y <= 2019)),
    ] {
        let (items, total) = app
            .all_pages(&format!("/api/v1/cities?member_since={range}"))
            .await;
        assert_eq!(
            total,
            count(&|r| year(r).is_some_and(&pred)),
            "member_since={range}"
        );
        assert!(items.iter().all(|c| earliest_join(c).is_some_and(&pred)));
    }

    let combined = app
        .all_pages("/api/v1/cities?country=TH&member_since=2022..&network=unesco-gnlc&sort=joined")
        .await;
    assert_eq!(
        combined.1,
        count(&|r| r["iso2"] == "TH" && year(r).is_some_and(|y| y >= 2022))
    );
    let years: Vec<i64> = combined.0.iter().filter_map(earliest_join).collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(years, sorted);
}

async fn search_matches_english_case_insensitively_and_thai_as_typed(app: &TestApp) {
    let found = |body: Value| {
        let mut s = slugs(body["items"].as_array().expect("items"));
        s.sort();
        s
    };
    assert_eq!(
        found(app.json("/api/v1/cities?q=chiang").await),
        vec!["chiang-mai", "chiang-rai"]
    );
    assert_eq!(
        found(app.json("/api/v1/cities?q=CHIANG%20M").await),
        vec!["chiang-mai"]
    );
    assert_eq!(
        found(app.json(&format!("/api/v1/cities?q={}", enc("เชียง"))).await),
        vec!["chiang-mai", "chiang-rai"]
    );
    assert_eq!(
        found(
            app.json(&format!("/api/v1/cities?q={}", enc("พะเยา")))
                .await
        ),
        vec!["phayao"]
    );
    assert_eq!(
        found(
            app.json(&format!("/api/v1/cities?q={}", enc("กรุงเทพ")))
                .await
        ),
        vec!["bangkok"]
    );
    assert_eq!(
        found(app.json("/api/v1/cities?q=cordoba").await),
        vec!["cordoba"]
    );
    assert_eq!(
        found(
            app.json(&format!("/api/v1/cities?q={}", enc("CÓRDOBA")))
                .await
        ),
        vec!["cordoba"]
    );
    assert_eq!(
        app.json("/api/v1/cities?q=%25").await["total"],
        0,
        "% is literal, not a wildcard"
    );
    assert_eq!(
        app.json("/api/v1/cities?q=_").await["total"],
        0,
        "_ is literal, not a wildcard"
    );
    assert_eq!(app.json("/api/v1/cities?q=zzzz").await["total"], 0);
}

async fn city_profile_embeds_its_memberships(app: &TestApp) {
    let city = app.json("/api/v1/cities/phayao").await;
    assert_eq!(city["slug"], "phayao");
    assert_eq!(city["name"]["en"], "Phayao");
    assert_eq!(city["name"]["th"], "พะเยา");
    assert_eq!(city["country"], "TH");
    assert_eq!(city["province"], "TH-56");
    assert!(city["lat"]
        .as_f64()
        .is_some_and(|lat| (19.0..19.5).contains(&lat)));
    assert!(city["lon"]
        .as_f64()
        .is_some_and(|lon| (99.5..100.0).contains(&lon)));
    let memberships = city["memberships"].as_array().expect("memberships");
    assert_eq!(memberships.len(), 1);
    let gnlc = &memberships[0];
    assert_eq!(gnlc["network"], "unesco-gnlc");
    assert_eq!(
        gnlc["network_name"]["en"],
        "UNESCO Global Network of Learning Cities"
    );
    assert_eq!(gnlc["joined_year"], 2022);
    assert_eq!(gnlc["joined_on"], "2022-09-02");
    assert_eq!(gnlc["role"], "member");
    assert_eq!(gnlc["status"], "active");

    let kyiv = app.json("/api/v1/cities/kyiv").await;
    assert_eq!(kyiv["memberships"][0]["joined_year"], 2022);
    assert_eq!(
        kyiv["memberships"][0]["joined_on"],
        Value::Null,
        "a month-only date stays unknown"
    );

    let no_point = app.json("/api/v1/cities/kirklees").await;
    assert_eq!(
        no_point["lat"],
        Value::Null,
        "cities without a GeoNames match have no point"
    );

    app.get("/api/v1/cities/atlantis")
        .await
        .problem(404, "not_found");
}

on_both_backends!(
    list_has_every_seeded_city_with_its_fields,
    every_sort_pages_to_the_end_in_order,
    filters_narrow_the_list,
    search_matches_english_case_insensitively_and_thai_as_typed,
    city_profile_embeds_its_memberships,
);
