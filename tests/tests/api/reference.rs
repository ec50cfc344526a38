//! Countries and Thai provinces.

use std::collections::HashSet;

use crate::common::{seed_rows, TestApp};

async fn countries_with_thai_names_and_groups(app: &TestApp) {
    let (all, total) = app.all_pages("/api/v1/countries?limit=200").await;
    assert_eq!(total, 249, "every ISO 3166-1 alpha-2 code");
    assert_eq!(all.len(), 249);
    let codes: HashSet<&str> = all
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes.len(), 249);
    let thailand = all.iter().find(|c| c["code"] == "TH").expect("TH");
    assert_eq!(thailand["name"]["en"], "Thailand");
    assert_eq!(thailand["name"]["th"], "ไทย");
    assert_eq!(
        thailand["groups"],
        serde_json::json!(["asean", "asean_plus_3"])
    );
    let japan = all.iter().find(|c| c["code"] == "JP").expect("JP");
    assert_eq!(japan["groups"], serde_json::json!(["asean_plus_3"]));
    let france = all.iter().find(|c| c["code"] == "FR").expect("FR");
    assert_eq!(france["groups"], serde_json::json!([]));

    let asean = app.json("/api/v1/countries?group=asean&limit=200").await;
    assert_eq!(asean["total"], 11, "ASEAN with Timor-Leste");
    assert!(asean["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|c| c["code"] == "TL"));
    assert_eq!(
        app.json("/api/v1/countries?group=asean_plus_3").await["total"],
        14
    );

    let by_code = app.json("/api/v1/countries?sort=code&limit=3").await;
    let first: Vec<&str> = by_code["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(first, vec!["AD", "AE", "AF"]);
    let by_code_desc = app.json("/api/v1/countries?sort=-code&limit=1").await;
    assert_eq!(by_code_desc["items"][0]["code"], "ZW");
    let (by_name, _) = app.all_pages("/api/v1/countries?sort=-name&limit=60").await;
    assert_eq!(by_name.len(), 249);
    let search = app
        .json("/api/v1/countries?q=%E0%B9%84%E0%B8%97%E0%B8%A2")
        .await;
    assert!(
        search["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|c| c["code"] == "TH"),
        "Thai search: ไทย"
    );
}

async fn provinces_with_regions(app: &TestApp) {
    let seeded = seed_rows("th_provinces.csv");
    let (all, total) = app.all_pages("/api/v1/provinces?limit=50").await;
    assert_eq!(total, 77);
    assert_eq!(all.len(), 77);
    let phayao = all.iter().find(|p| p["code"] == "TH-56").expect("TH-56");
    assert_eq!(phayao["name"]["en"], "Phayao");
    assert_eq!(phayao["name"]["th"], "พะเยา");
    assert_eq!(phayao["dopa_code"], "56");
    assert_eq!(phayao["region"]["key"], "northern");
    assert_eq!(phayao["region"]["name"]["th"], "ภาคเหนือ");
    for region in [
        "central",
        "eastern",
        "northeastern",
        "northern",
        "southern",
        "western",
    ] {
        let expected = seeded
            .iter()
            .filter(|p| p["region6_en"].to_lowercase() == region)
            .count() as i64;
        let (items, total) = app
            .all_pages(&format!("/api/v1/provinces?region={region}"))
            .await;
        assert_eq!(total, expected, "{region}");
        assert!(items.iter().all(|p| p["region"]["key"] == region));
    }
    let by_code = app.json("/api/v1/provinces?sort=code&limit=1").await;
    assert_eq!(by_code["items"][0]["code"], "TH-10");
    assert_eq!(
        app.json("/api/v1/provinces?q=%E0%B8%9E%E0%B8%B0%E0%B9%80%E0%B8%A2%E0%B8%B2")
            .await["items"][0]["code"],
        "TH-56"
    );
}

on_both_backends!(countries_with_thai_names_and_groups, provinces_with_regions);
