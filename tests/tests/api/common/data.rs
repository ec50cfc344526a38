//! The seed data shipped with the service, and picking values out of JSON lists.

use serde_json::Value;

/// The rows of a seed CSV shipped in `api/seed-data/`, as column -> value maps.
pub fn seed_rows(file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = format!("{}/../api/seed-data/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(&path).expect("seed file");
    reader.deserialize().map(|r| r.expect("seed row")).collect()
}

/// A JSON seed file shipped in `api/seed-data/`.
pub fn seed_json(file: &str) -> Value {
    let path = format!("{}/../api/seed-data/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("seed file")).expect("seed JSON")
}

/// The `slug` of every item.
pub fn slugs(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|c| c["slug"].as_str().expect("slug").to_owned())
        .collect()
}
