//! Reads the body of `POST /api-keys`.

use chrono::NaiveDateTime;

use super::types::SCOPES;
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};

/// A checked request for a new key.
#[derive(Debug)]
pub struct NewKey {
    pub name: String,
    pub owner: String,
    pub scopes: Vec<String>,
    pub rate_limit_per_minute: Option<i32>,
    pub expires_at: Option<NaiveDateTime>,
}

/// Checks every field of the body; all problems are reported together.
pub fn read(body: JsonBody) -> Result<NewKey, ApiError> {
    let mut f = Fields::new(body.0)?;
    let name = f.text("name", 200);
    let owner = f.text("owner", 200);
    let scopes = f.strings("scopes", 50);
    let rate = f.integer("rate_limit_per_minute", 1..=100_000);
    let expires_at = match f.text("expires_at", 40) {
        Patch::Set(raw) => match chrono::DateTime::parse_from_rfc3339(&raw) {
            Ok(t) if t.with_timezone(&chrono::Utc) > chrono::Utc::now() => {
                Some(t.with_timezone(&chrono::Utc).naive_utc())
            }
            Ok(_) => {
                f.fail("expires_at", "must be in the future");
                None
            }
            Err(_) => {
                f.fail("expires_at", "must be an RFC 3339 time");
                None
            }
        },
        _ => None,
    };
    f.require("name", &name);
    f.require("owner", &owner);
    let scopes = scopes.set().unwrap_or_else(|| vec!["read".to_owned()]);
    if let Some(bad) = scopes.iter().find(|s| !SCOPES.contains(&s.as_str())) {
        f.fail(
            "scopes",
            format!("`{bad}` is not a scope; known: {}", SCOPES.join(", ")),
        );
    }
    f.finish()?;
    Ok(NewKey {
        name: name.set().unwrap_or_default(),
        owner: owner.set().unwrap_or_default(),
        scopes,
        rate_limit_per_minute: rate.set().and_then(|r| i32::try_from(r).ok()),
        expires_at,
    })
}
