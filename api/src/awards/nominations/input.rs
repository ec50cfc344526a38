//! Reading nomination bodies: a nomination, and the secretariat's decision on one.

use super::types::NominationStatus;
use crate::awards::rules::DECISIONS;
use crate::error::ApiError;
use crate::input::{Fields, JsonBody};

/// Checked fields of a nomination.
pub struct NominationChanges {
    pub(super) category: String,
    pub(super) city: Option<String>,
    pub(super) statement: Option<String>,
    pub(super) evidence_links: Vec<String>,
}

/// Reads a nomination body.
pub fn read_nomination(body: JsonBody) -> Result<NominationChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    let category = f.slug("category");
    let city = f.slug("city");
    let statement = f.text("statement", 10_000);
    let links = f.strings("evidence_links", 500);
    f.require("category", &category);
    let links = links.set().unwrap_or_default();
    if links.len() > 20 {
        f.fail("evidence_links", "at most 20 links");
    }
    for (i, link) in links.iter().enumerate() {
        if !(link.starts_with("https://") || link.starts_with("http://"))
            || link.contains(char::is_whitespace)
        {
            f.fail(
                &format!("evidence_links[{i}]"),
                "must be an http:// or https:// URL",
            );
        }
    }
    f.finish()?;
    Ok(NominationChanges {
        category: category.set().unwrap_or_default(),
        city: city.set(),
        statement: statement.set(),
        evidence_links: links,
    })
}

/// Reads the body of `POST /nominations/{id}/decision`: one of the [`DECISIONS`].
pub fn read_decision(body: JsonBody) -> Result<NominationStatus, ApiError> {
    let allowed: Vec<&str> = DECISIONS.iter().map(|s| s.as_str()).collect();
    let mut f = Fields::new(body.0)?;
    let to = f.choice("status", &allowed);
    f.require("status", &to);
    f.finish()?;
    to.set()
        .as_deref()
        .and_then(NominationStatus::parse)
        .ok_or_else(|| ApiError::field("status", "is required"))
}
