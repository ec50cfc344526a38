//! Bulk import: a dry run reports and writes nothing, a file applies in one transaction or not
//! at all, is audited as one import and shows in the changes feed, re-importing changes nothing,
//! Thai Excel files (windows-874 CSV, xlsx) read like UTF-8, and bad files get clear problems.
//! The rows written here are test data, named so.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::tokens::sha256_hex;
use crate::common::{error_fields, Reply, TestApp};

const CSV: &str = "text/csv";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// POSTs `body` to `/imports/{kind}{query}` as `content_type`.
async fn import(
    app: &TestApp,
    token: &str,
    kind: &str,
    query: &str,
    content_type: &str,
    body: Vec<u8>,
) -> Reply {
    app.send(
        app.request(
            reqwest::Method::POST,
            &format!("/api/v1/imports/{kind}{query}"),
            Some(token),
        )
        .header("content-type", content_type)
        .body(body),
    )
    .await
}

/// The body of a download, as text.
async fn text(app: &TestApp, path: &str) -> String {
    let response = app
        .client
        .get(format!("{}{path}", app.url))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.text().await.expect("body")
}

/// The header and rows of a CSV text.
fn parse(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// CSV text of `header` and `rows`.
fn write(header: &[String], rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("header");
    for row in rows {
        writer.write_record(row).expect("row");
    }
    String::from_utf8(writer.into_inner().expect("csv")).expect("utf-8")
}

/// Everything an import could change, as the public downloads and the feed show it.
async fn public_state(app: &TestApp) -> Vec<String> {
    let mut state = Vec::new();
    for path in [
        "/api/v1/cities?format=csv",
        "/api/v1/networks/unesco-gnlc/members?format=csv",
        "/api/v1/networks/unesco-gnlc/census?format=csv",
        "/api/v1/changes?limit=200&since=0",
    ] {
        state.push(text(app, path).await);
    }
    state
}

async fn staff(app: &TestApp) -> (String, String) {
    let admin = app.admin_token().await;
    let secretariat = app.user_token(&admin, "secretariat", None).await;
    (admin, secretariat)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The cities export with Bangkok as it is, Phayao with a new English description and a new
/// test city; answers the file and Phayao's old description.
async fn edited_city_export(app: &TestApp) -> (String, Value) {
    let (header, rows) = parse(&text(app, "/api/v1/cities?format=csv").await);
    let slug = column(&header, "slug");
    let description = column(&header, "description.en");
    let pick = |s: &str| {
        rows.iter()
            .find(|r| r[slug] == s)
            .cloned()
            .unwrap_or_else(|| panic!("{s} exported"))
    };
    let bangkok = pick("bangkok");
    let mut phayao = pick("phayao");
    let old = phayao[description].clone();
    let old = if old.is_empty() {
        Value::Null
    } else {
        Value::String(old)
    };
    phayao[description] = "Test description written by the import test.".to_owned();
    let mut new = vec![String::new(); header.len()];
    for (name, value) in [
        ("slug", "import-test-town"),
        ("name.en", "Import Test Town"),
        ("country", "TH"),
        ("province", "TH-56"),
        ("lat", "19.1"),
        ("lon", "99.9"),
    ] {
        new[column(&header, name)] = value.to_owned();
    }
    (write(&header, &[bangkok, phayao, new]), old)
}

async fn a_dry_run_changes_nothing_and_an_import_applies_once(app: &TestApp) {
    let (admin, secretariat) = staff(app).await;
    let (file, old) = edited_city_export(app).await;
    let before = public_state(app).await;
    let audit_before = app.get_as("/api/v1/audit-log", &admin).await.body["total"].clone();

    let dry = import(
        app,
        &secretariat,
        "cities",
        "?dry_run=true",
        CSV,
        file.clone().into(),
    )
    .await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    let report = &dry.body;
    assert_eq!(report["kind"], "cities");
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["rows"], 3);
    assert_eq!(
        report["summary"],
        json!({"create": 1, "update": 1, "unchanged": 1, "error": 0})
    );
    assert_eq!(report["import_id"], Value::Null);
    assert_eq!(report["sha256"], sha256_hex(&file));
    let items = report["items"].as_array().expect("items");
    assert_eq!(items[0]["row"], 2);
    assert_eq!(items[0]["key"], "bangkok");
    assert_eq!(items[0]["action"], "unchanged");
    assert_eq!(items[1]["action"], "update");
    assert_eq!(
        items[1]["changes"],
        json!({"description.en": [old, "Test description written by the import test."]})
    );
    assert_eq!(items[2]["action"], "create");
    assert_eq!(items[2]["key"], "import-test-town");
    assert_eq!(
        items[2]["changes"]["name.en"],
        json!([null, "Import Test Town"])
    );
    assert_eq!(public_state(app).await, before, "a dry run writes nothing");
    assert_eq!(
        app.get_as("/api/v1/audit-log", &admin).await.body["total"],
        audit_before
    );

    let applied = import(app, &secretariat, "cities", "", CSV, file.clone().into()).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(applied.body["dry_run"], false);
    assert_eq!(applied.body["summary"], report["summary"]);
    let import_id = applied.body["import_id"].as_i64().expect("import id");
    let town = app.json("/api/v1/cities/import-test-town").await;
    assert_eq!(town["province"], "TH-56");
    assert_eq!(
        app.json("/api/v1/cities/phayao").await["description"]["en"],
        "Test description written by the import test."
    );

    // One import entry with the file's hash and the actor; the records' entries point to it.
    let me = app.get_as("/api/v1/me", &secretariat).await.body;
    let imports = app
        .get_as("/api/v1/audit-log?entity=import", &admin)
        .await
        .body;
    assert_eq!(imports["total"], 1, "{imports}");
    let entry = &imports["items"][0];
    assert_eq!(entry["id"], import_id);
    assert_eq!(entry["action"], "import");
    assert_eq!(entry["actor"], me["email"]);
    assert_eq!(entry["after"]["sha256"], sha256_hex(&file));
    assert_eq!(entry["after"]["summary"]["create"], 1);
    let linked = app
        .get_as(&format!("/api/v1/audit-log?import_id={import_id}"), &admin)
        .await
        .body;
    assert_eq!(linked["total"], 2, "{linked}");
    assert!(linked["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|e| e["entity"] == "city" && e["import_id"] == import_id));
    let (feed, _) = all_changes(app).await;
    let from_import: Vec<(&str, &str)> = feed
        .iter()
        .filter(|c| c["import_id"] == import_id)
        .map(|c| {
            (
                c["entity"].as_str().unwrap_or(""),
                c["action"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(from_import, [("city", "updated"), ("city", "created")]);
    assert!(feed
        .iter()
        .any(|c| c["href"] == "/api/v1/cities/import-test-town" && c["import_id"] == import_id));

    // The same file again changes nothing and records nothing.
    let after_first = public_state(app).await;
    let again = import(app, &secretariat, "cities", "", CSV, file.into()).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(
        again.body["summary"],
        json!({"create": 0, "update": 0, "unchanged": 3, "error": 0})
    );
    assert_eq!(again.body["import_id"], Value::Null);
    assert_eq!(public_state(app).await, after_first);
    assert_eq!(
        app.get_as("/api/v1/audit-log?entity=import", &admin)
            .await
            .body["total"],
        1
    );
}

/// Every change of the feed from the start.
async fn all_changes(app: &TestApp) -> (Vec<Value>, i64) {
    let mut items = Vec::new();
    let mut since = 0;
    loop {
        let page = app
            .json(&format!("/api/v1/changes?limit=200&since={since}"))
            .await;
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        since = page["next_since"].as_i64().expect("next_since");
        if page["more"] != true {
            return (items, since);
        }
    }
}

async fn a_file_with_a_bad_row_writes_nothing(app: &TestApp) {
    let (_, secretariat) = staff(app).await;
    let before = public_state(app).await;
    let file = "slug,name.en,country,lat,lon\n\
                import-good-town,Import Good Town,TH,18.8,98.9\n\
                import-north-town,Import North Town,TH,north,98.9\n\
                import-nowhere-town,Import Nowhere Town,XX,,\n\
                import-good-town,Import Good Town Again,TH,,\n";
    let preview = import(
        app,
        &secretariat,
        "cities",
        "?dry_run=true",
        CSV,
        file.into(),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(
        preview.body["summary"]["error"], 3,
        "a dry run reports refused rows"
    );
    let refused = import(app, &secretariat, "cities", "", CSV, file.into()).await;
    let problem = refused.problem(422, "import_refused");
    let report = &problem["report"];
    assert_eq!(report["dry_run"], true, "nothing was written");
    assert_eq!(
        report["summary"],
        json!({"create": 1, "update": 0, "unchanged": 0, "error": 3})
    );
    let errors = |i: usize| -> Vec<(String, String)> {
        report["items"][i]["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| {
                (
                    e["column"].as_str().unwrap_or("").to_owned(),
                    e["code"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(report["items"][0]["action"], "create");
    assert_eq!(report["items"][1]["action"], "error");
    assert_eq!(errors(1), [("lat".to_owned(), "invalid_value".to_owned())]);
    assert_eq!(
        errors(2),
        [("country".to_owned(), "invalid_value".to_owned())]
    );
    assert_eq!(report["items"][3]["row"], 5);
    assert_eq!(errors(3), [("slug".to_owned(), "duplicate_key".to_owned())]);
    assert!(report["items"][3]["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("row 2")));
    assert_eq!(public_state(app).await, before);
    assert_eq!(
        app.get("/api/v1/cities/import-good-town").await.status,
        StatusCode::NOT_FOUND
    );
}

/// A Thai file in every form Excel writes: UTF-8, UTF-8 with a byte-order mark, windows-874
/// and xlsx. Answers the CSV text.
fn thai_file() -> String {
    "slug,name.en,name.th,country,province,lat,lon,population,description.th\n\
     phayao,Phayao,พะเยา,TH,TH-56,19.16,99.9,,ข้อมูลทดสอบจากการนำเข้า\n\
     ,Import Thai Town,เมืองทดสอบนำเข้า,TH,TH-50,18.79,98.98,12345,ข้อมูลทดสอบ\n"
        .to_owned()
}

fn thai_workbook(csv_text: &str) -> Vec<u8> {
    let (header, rows) = parse(csv_text);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, name).expect("header cell");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n),
                Err(_) => sheet.write_string(r, c, cell),
            }
            .expect("cell");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

async fn thai_excel_files_read_like_utf8(app: &TestApp) {
    let (_, secretariat) = staff(app).await;
    let file = thai_file();
    let utf8 = import(
        app,
        &secretariat,
        "cities",
        "?dry_run=true",
        CSV,
        file.clone().into(),
    )
    .await;
    assert_eq!(utf8.status, StatusCode::OK, "{}", utf8.body);
    assert_eq!(
        utf8.body["summary"],
        json!({"create": 1, "update": 1, "unchanged": 0, "error": 0})
    );
    let created = &utf8.body["items"][1];
    assert_eq!(created["key"], "Import Thai Town (TH)");
    assert_eq!(created["changes"]["name.th"][1], "เมืองทดสอบนำเข้า");
    assert_eq!(created["changes"]["population"][1], 12345);
    let (windows_874, _, unmappable) = encoding_rs::WINDOWS_874.encode(&file);
    assert!(!unmappable);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(file.as_bytes());
    let forms: [(&str, Vec<u8>); 4] = [
        ("text/csv; charset=utf-8", with_bom),
        ("text/csv; charset=windows-874", windows_874.to_vec()),
        ("text/csv; charset=TIS-620", windows_874.to_vec()),
        (XLSX, thai_workbook(&file)),
    ];
    for (content_type, body) in forms {
        let reply = import(
            app,
            &secretariat,
            "cities",
            "?dry_run=true",
            content_type,
            body,
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{content_type}: {}",
            reply.body
        );
        assert_eq!(
            reply.body["summary"], utf8.body["summary"],
            "{content_type}"
        );
        assert_eq!(reply.body["items"], utf8.body["items"], "{content_type}");
    }
    let unlabelled = import(
        app,
        &secretariat,
        "cities",
        "?dry_run=true",
        CSV,
        windows_874.to_vec(),
    )
    .await;
    let problem = unlabelled.problem(400, "bad_encoding");
    assert!(problem["detail"]
        .as_str()
        .is_some_and(|d| d.contains("windows-874")));
    // Applied from the workbook, the Thai city is public with its Thai name.
    let applied = import(app, &secretariat, "cities", "", XLSX, thai_workbook(&file)).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    let town = app.json("/api/v1/cities/import-thai-town").await;
    assert_eq!(town["name"]["th"], "เมืองทดสอบนำเข้า");
    assert_eq!(town["population"], 12345);
    assert_eq!(town["lat"], 18.79);
}

async fn memberships_and_census_import_from_their_exports(app: &TestApp) {
    let (_, secretariat) = staff(app).await;
    let created = app
        .post(
            "/api/v1/cities",
            Some(&secretariat),
            &json!({"slug": "import-member-town", "name": {"en": "Import Member Town"}, "country": "TH"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);

    // The members export of a network, edited, with the network given for the whole file.
    let members = "/api/v1/networks/unesco-gnlc/members?format=csv";
    let (header, rows) = parse(&text(app, members).await);
    let mut first = rows[0].clone();
    let city = first[column(&header, "city.slug")].clone();
    first[column(&header, "note")] = "Test note written by the import test.".to_owned();
    let mut new = vec![String::new(); header.len()];
    new[column(&header, "city.slug")] = "import-member-town".to_owned();
    new[column(&header, "joined_year")] = "2025".to_owned();
    let mut file_rows = vec![first];
    file_rows.extend(rows[1..].iter().cloned());
    file_rows.push(new);
    let file = write(&header, &file_rows);
    let query = "?network=unesco-gnlc";
    let applied = import(
        app,
        &secretariat,
        "memberships",
        query,
        CSV,
        file.clone().into(),
    )
    .await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(
        applied.body["summary"],
        json!({"create": 1, "update": 1, "unchanged": rows.len() - 1, "error": 0})
    );
    assert_eq!(
        applied.body["items"][0]["key"],
        format!("unesco-gnlc/{city}")
    );
    assert_eq!(
        applied.body["items"][0]["changes"]["note"][1],
        "Test note written by the import test."
    );
    let town = app.json("/api/v1/cities/import-member-town").await;
    let membership = &town["memberships"][0];
    assert_eq!(membership["network"], "unesco-gnlc");
    assert_eq!(membership["joined_year"], 2025);
    assert_eq!(membership["role"], "member");
    let again = import(app, &secretariat, "memberships", query, CSV, file.into()).await;
    assert_eq!(again.body["summary"]["unchanged"], rows.len() + 1);

    // A census file with a network column; the export of the census imports back unchanged.
    let census = "network,as_of,members,note\n\
                  unesco-gnlc,2026-06-30,1,Test entry written by the import test.\n";
    let applied = import(app, &secretariat, "network-census", "", CSV, census.into()).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(applied.body["summary"]["create"], 1);
    let import_id = applied.body["import_id"].clone();
    let (entries, _) = app.all_pages("/api/v1/networks/unesco-gnlc/census").await;
    assert_eq!(entries[0]["as_of"], "2026-06-30");
    assert_eq!(entries[0]["members"], 1);
    let (feed, _) = all_changes(app).await;
    assert!(feed.iter().any(|c| c["entity"] == "network_census"
        && c["href"] == "/api/v1/networks/unesco-gnlc/census"
        && c["import_id"] == import_id));
    let export = text(app, "/api/v1/networks/unesco-gnlc/census?format=csv").await;
    let round = import(
        app,
        &secretariat,
        "network-census",
        "?network=unesco-gnlc",
        CSV,
        export.into(),
    )
    .await;
    assert_eq!(round.status, StatusCode::OK, "{}", round.body);
    assert_eq!(round.body["summary"]["unchanged"], entries.len());
    assert_eq!(round.body["summary"]["update"], 0);
}

async fn organisations_import_from_their_export(app: &TestApp) {
    let (_, secretariat) = staff(app).await;
    let (header, rows) = parse(&text(app, "/api/v1/organisations?format=csv").await);
    let mut new = vec![String::new(); header.len()];
    for (name, value) in [
        ("name.en", "Import Test Foundation"),
        ("kind", "ngo"),
        ("country", "TH"),
        ("description.en", "Test data written by the import test."),
    ] {
        new[column(&header, name)] = value.to_owned();
    }
    let mut all = rows.clone();
    all.push(new);
    let file = write(&header, &all);
    let applied = import(
        app,
        &secretariat,
        "organisations",
        "",
        CSV,
        file.clone().into(),
    )
    .await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(
        applied.body["summary"],
        json!({"create": 1, "update": 0, "unchanged": rows.len(), "error": 0}),
        "the export imports back unchanged"
    );
    let created = app
        .json("/api/v1/organisations/import-test-foundation")
        .await;
    assert_eq!(created["kind"], "ngo");
    assert_eq!(created["country"], "TH");
    let again = import(app, &secretariat, "organisations", "", CSV, file.into()).await;
    assert_eq!(again.body["summary"]["unchanged"], rows.len() + 1);
}

async fn bad_files_get_clear_problems(app: &TestApp) {
    let (admin, secretariat) = staff(app).await;
    let editor = app.user_token(&admin, "city_editor", Some("phayao")).await;
    let file = || -> Vec<u8> { "slug,name.en,country\nimport-x,Import X,TH\n".into() };
    let anonymous = app
        .send(
            app.client
                .post(format!("{}/api/v1/imports/cities", app.url))
                .header("content-type", CSV)
                .body(file()),
        )
        .await;
    anonymous.problem(401, "authentication_required");
    import(app, &editor, "cities", "", CSV, file())
        .await
        .problem(403, "forbidden");
    import(app, &secretariat, "awards", "", CSV, file())
        .await
        .problem(404, "not_found");
    import(app, &secretariat, "cities", "", "application/json", file())
        .await
        .problem(415, "unsupported_media_type");
    import(app, &secretariat, "cities", "?dry_run=maybe", CSV, file())
        .await
        .problem(400, "invalid_query");
    import(app, &secretariat, "cities", "", CSV, Vec::new())
        .await
        .problem(400, "empty_file");
    let unknown = import(
        app,
        &secretariat,
        "cities",
        "",
        CSV,
        "slug,name.en,colour\n".into(),
    )
    .await;
    assert_eq!(
        error_fields(unknown.problem(422, "bad_columns")),
        ["column 3 (`colour`)"]
    );
    let missing = import(
        app,
        &secretariat,
        "cities",
        "",
        CSV,
        "name.th\nเมือง\n".into(),
    )
    .await;
    assert_eq!(
        error_fields(missing.problem(422, "bad_columns")),
        ["country", "name.en"]
    );
    let no_network = import(
        app,
        &secretariat,
        "memberships",
        "",
        CSV,
        "city.slug\nphayao\n".into(),
    )
    .await;
    assert_eq!(
        error_fields(no_network.problem(422, "bad_columns")),
        ["network"]
    );
    let mut many = String::from("slug,name.en,country\n");
    for i in 0..10_001 {
        many.push_str(&format!("import-{i},Import {i},TH\n"));
    }
    import(app, &secretariat, "cities", "", CSV, many.into())
        .await
        .problem(413, "too_many_rows");

    // The kinds are documented, and each template imports cleanly as a dry run.
    let kinds = app.get_as("/api/v1/imports", &secretariat).await;
    assert_eq!(kinds.status, StatusCode::OK);
    let names: Vec<&str> = kinds.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|k| k["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "cities",
            "memberships",
            "network-census",
            "organisations",
            "events"
        ]
    );
    for kind in names {
        let template = app
            .get_as(&format!("/api/v1/imports/{kind}/template"), &secretariat)
            .await;
        assert_eq!(template.status, StatusCode::OK);
        let csv_text = text_as(
            app,
            &format!("/api/v1/imports/{kind}/template"),
            &secretariat,
        )
        .await;
        let dry = import(
            app,
            &secretariat,
            kind,
            "?dry_run=true",
            CSV,
            csv_text.into(),
        )
        .await;
        // The example row names an example city or network: it reads, and only its record is
        // not found.
        assert_eq!(dry.status, StatusCode::OK, "{kind}: {}", dry.body);
        let report = &dry.body;
        if kind == "cities" {
            assert_eq!(report["summary"]["create"], 1);
        }
        assert_eq!(report["rows"], 1, "{kind}");
        for error in report["items"][0]["errors"].as_array().expect("errors") {
            assert_eq!(error["code"], "not_found", "{kind}: {error}");
        }
    }
}

/// A signed-in download as text.
async fn text_as(app: &TestApp, path: &str, token: &str) -> String {
    let response = app
        .client
        .get(format!("{}{path}", app.url))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.text().await.expect("body")
}

on_both_backends!(
    a_dry_run_changes_nothing_and_an_import_applies_once,
    a_file_with_a_bad_row_writes_nothing,
    thai_excel_files_read_like_utf8,
    memberships_and_census_import_from_their_exports,
    organisations_import_from_their_export,
    bad_files_get_clear_problems,
);
