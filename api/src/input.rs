//! Request bodies: the JSON extractor (content type, size, syntax) and [`Fields`], which reads
//! a JSON object field by field and reports every invalid field in one problem.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest};
use serde_json::{Map, Value};

use crate::db::TextEnum;
use crate::error::{ApiError, FieldError};

/// A JSON request body (`application/json`, `application/merge-patch+json` or any `+json`).
pub struct JsonBody(pub Value);

fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl FromRequest for JsonBody {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<JsonBody, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !is_json(&content_type) {
                return Err(ApiError::refused(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "send the body as `Content-Type: application/json`",
                )
                .into());
            }
            let bytes = bytes.await.map_err(|e| {
                let too_large =
                    e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE;
                if too_large {
                    ApiError::refused(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "payload_too_large",
                        "the request body is larger than this service accepts",
                    )
                } else {
                    ApiError::BadRequest {
                        code: "unreadable_body",
                        detail: e.to_string(),
                    }
                }
            })?;
            let value: Value =
                serde_json::from_slice(&bytes).map_err(|e| ApiError::BadRequest {
                    code: "malformed_json",
                    detail: format!("the body is not valid JSON: {e}"),
                })?;
            Ok(JsonBody(value))
        })
    }
}

/// A field of a partial update: absent (unchanged), `null` (cleared) or a new value.
#[derive(Debug, Clone, PartialEq)]
pub enum Patch<T> {
    Absent,
    Null,
    Set(T),
}

impl<T> Patch<T> {
    /// The value as a nullable column value, or `None` when absent.
    pub fn into_change(self) -> Option<Option<T>> {
        match self {
            Patch::Absent => None,
            Patch::Null => Some(None),
            Patch::Set(v) => Some(Some(v)),
        }
    }

    /// The value when set.
    pub fn set(self) -> Option<T> {
        match self {
            Patch::Set(v) => Some(v),
            _ => None,
        }
    }

    /// The value after applying this patch to a nullable `current` value.
    pub fn merged(&self, current: Option<T>) -> Option<T>
    where
        T: Clone,
    {
        match self {
            Patch::Absent => current,
            Patch::Null => None,
            Patch::Set(v) => Some(v.clone()),
        }
    }

    /// True unless absent.
    pub fn is_present(&self) -> bool {
        !matches!(self, Patch::Absent)
    }
}

/// Reads the fields of a JSON object, collecting every error.
pub struct Fields {
    map: Map<String, Value>,
    prefix: String,
    errors: Vec<FieldError>,
}

impl Fields {
    /// The fields of a body that must be a JSON object.
    pub fn new(body: Value) -> Result<Fields, ApiError> {
        match body {
            Value::Object(map) => Ok(Fields {
                map,
                prefix: String::new(),
                errors: Vec::new(),
            }),
            _ => Err(ApiError::BadRequest {
                code: "malformed_json",
                detail: "the body must be a JSON object".to_owned(),
            }),
        }
    }

    fn path(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Records an error for `name`.
    pub fn fail(&mut self, name: &str, message: impl Into<String>) {
        let path = self.path(name);
        self.errors.push(FieldError::new(path, message));
    }

    /// Records "is required" for `name` unless it is present or already has an error.
    pub fn require<T>(&mut self, name: &str, value: &Patch<T>) {
        let path = self.path(name);
        if !value.is_present()
            && !self
                .errors
                .iter()
                .any(|e| e.field == path || e.field.starts_with(&format!("{path}.")))
        {
            self.errors.push(FieldError::new(path, "is required"));
        }
    }

    fn take(&mut self, name: &str) -> Patch<Value> {
        match self.map.remove(name) {
            None => Patch::Absent,
            Some(Value::Null) => Patch::Null,
            Some(v) => Patch::Set(v),
        }
    }

    /// A string of 1 to `max` characters after trimming.
    pub fn text(&mut self, name: &str, max: usize) -> Patch<String> {
        match self.take(name) {
            Patch::Set(Value::String(s)) => {
                let s = s.trim().to_owned();
                let n = s.chars().count();
                if n == 0 || n > max {
                    self.fail(name, format!("must be 1 to {max} characters"));
                    Patch::Absent
                } else if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                    self.fail(name, "must not contain control characters");
                    Patch::Absent
                } else {
                    Patch::Set(s)
                }
            }
            Patch::Set(_) => {
                self.fail(name, "must be a string");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A secret such as a password: taken exactly as sent (not trimmed), 1 to `max` characters.
    pub fn secret(&mut self, name: &str, max: usize) -> Patch<String> {
        match self.take(name) {
            Patch::Set(Value::String(s)) if (1..=max).contains(&s.chars().count()) => Patch::Set(s),
            Patch::Set(_) => {
                self.fail(name, format!("must be a string of 1 to {max} characters"));
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// An integer within `range`.
    pub fn integer(&mut self, name: &str, range: std::ops::RangeInclusive<i64>) -> Patch<i64> {
        match self.take(name) {
            Patch::Set(Value::Number(n)) => match n.as_i64().filter(|v| range.contains(v)) {
                Some(v) => Patch::Set(v),
                None => {
                    self.fail(
                        name,
                        format!(
                            "must be an integer from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    );
                    Patch::Absent
                }
            },
            Patch::Set(_) => {
                self.fail(name, "must be an integer");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A number within `range`.
    pub fn number(&mut self, name: &str, range: std::ops::RangeInclusive<f64>) -> Patch<f64> {
        match self.take(name) {
            Patch::Set(Value::Number(n)) => match n.as_f64().filter(|v| range.contains(v)) {
                Some(v) => Patch::Set(v),
                None => {
                    self.fail(
                        name,
                        format!("must be a number from {} to {}", range.start(), range.end()),
                    );
                    Patch::Absent
                }
            },
            Patch::Set(_) => {
                self.fail(name, "must be a number");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A boolean.
    pub fn boolean(&mut self, name: &str) -> Patch<bool> {
        match self.take(name) {
            Patch::Set(Value::Bool(b)) => Patch::Set(b),
            Patch::Set(_) => {
                self.fail(name, "must be true or false");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// One of `allowed`.
    pub fn choice(&mut self, name: &str, allowed: &[&str]) -> Patch<String> {
        match self.take(name) {
            Patch::Set(Value::String(s)) if allowed.contains(&s.as_str()) => Patch::Set(s),
            Patch::Set(_) => {
                self.fail(name, format!("must be one of {}", allowed.join(", ")));
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// One value of the closed set `E`.
    pub fn enumerated<E: TextEnum>(&mut self, name: &str) -> Patch<E> {
        match self.choice(name, E::VALUES) {
            Patch::Set(text) => E::parse(&text).map_or(Patch::Absent, Patch::Set),
            Patch::Null => Patch::Null,
            Patch::Absent => Patch::Absent,
        }
    }

    /// A slug: lower-case ASCII words joined by `-`, at most 100 characters.
    pub fn slug(&mut self, name: &str) -> Patch<String> {
        match self.text(name, 100) {
            Patch::Set(s) if is_slug(&s) => Patch::Set(s),
            Patch::Set(_) => {
                self.fail(
                    name,
                    "must be lower-case letters and digits in words joined by -",
                );
                Patch::Absent
            }
            other => other,
        }
    }

    /// An `http` or `https` URL of at most 500 characters.
    pub fn url(&mut self, name: &str) -> Patch<String> {
        match self.text(name, 500) {
            Patch::Set(s)
                if (s.starts_with("https://") || s.starts_with("http://"))
                    && s.len() > "https://".len()
                    && !s.contains(char::is_whitespace) =>
            {
                Patch::Set(s)
            }
            Patch::Set(_) => {
                self.fail(name, "must be an http:// or https:// URL");
                Patch::Absent
            }
            other => other,
        }
    }

    /// A calendar date `YYYY-MM-DD`.
    pub fn date(&mut self, name: &str) -> Patch<chrono::NaiveDate> {
        match self.take(name) {
            Patch::Set(Value::String(s)) => match chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            {
                Ok(d) => Patch::Set(d),
                Err(_) => {
                    self.fail(name, "must be a date YYYY-MM-DD");
                    Patch::Absent
                }
            },
            Patch::Set(_) => {
                self.fail(name, "must be a date YYYY-MM-DD");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A bilingual text object `{"en": ..., "th": ...}`; each part follows merge-patch rules.
    pub fn localized(&mut self, name: &str, max: usize) -> Patch<(Patch<String>, Patch<String>)> {
        match self.take(name) {
            Patch::Set(Value::Object(map)) => {
                let mut inner = Fields {
                    map,
                    prefix: format!("{}{name}.", self.prefix),
                    errors: Vec::new(),
                };
                let en = inner.text("en", max);
                let th = inner.text("th", max);
                inner.reject_unknown();
                self.errors.append(&mut inner.errors);
                Patch::Set((en, th))
            }
            Patch::Set(_) => {
                self.fail(name, "must be an object {\"en\": ..., \"th\": ...}");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A bilingual text object split into its languages: absent leaves both unchanged, `null`
    /// clears both.
    pub fn localized_parts(&mut self, name: &str, max: usize) -> (Patch<String>, Patch<String>) {
        match self.localized(name, max) {
            Patch::Absent => (Patch::Absent, Patch::Absent),
            Patch::Null => (Patch::Null, Patch::Null),
            Patch::Set(parts) => parts,
        }
    }

    /// A list of strings, each of 1 to `max` characters.
    pub fn strings(&mut self, name: &str, max: usize) -> Patch<Vec<String>> {
        match self.take(name) {
            Patch::Set(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) if (1..=max).contains(&s.trim().chars().count()) => {
                            out.push(s.trim().to_owned());
                        }
                        _ => {
                            self.fail(
                                name,
                                format!("must be a list of strings of 1 to {max} characters"),
                            );
                            return Patch::Absent;
                        }
                    }
                }
                Patch::Set(out)
            }
            Patch::Set(_) => {
                self.fail(name, "must be a list of strings");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// A JSON array, taken as it is for the caller to read item by item.
    pub fn array(&mut self, name: &str) -> Option<Vec<Value>> {
        match self.take(name) {
            Patch::Set(Value::Array(items)) => Some(items),
            Patch::Set(_) | Patch::Null => {
                self.fail(name, "must be a list");
                None
            }
            Patch::Absent => None,
        }
    }

    /// An object field, to be read with its own reader (errors named `name.field`) and then
    /// handed back with [`Fields::absorb`].
    pub fn object(&mut self, name: &str) -> Patch<Fields> {
        match self.take(name) {
            Patch::Set(Value::Object(map)) => Patch::Set(Fields {
                map,
                prefix: format!("{}{name}.", self.prefix),
                errors: Vec::new(),
            }),
            Patch::Set(_) => {
                self.fail(name, "must be an object");
                Patch::Absent
            }
            other => other.map_none(),
        }
    }

    /// Reads an object nested in a list; its errors are named `prefix` + field.
    pub fn nested(value: Value, prefix: &str) -> Result<Fields, &'static str> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                prefix: prefix.to_owned(),
                errors: Vec::new(),
            }),
            _ => Err("must be an object"),
        }
    }

    /// How many errors have been recorded so far.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// Takes over the errors of a nested reader (unknown fields included).
    pub fn absorb(&mut self, nested: Fields) {
        let mut errors = nested.into_errors();
        self.errors.append(&mut errors);
    }

    /// Refuses these fields if sent (read-only fields of the resource).
    pub fn read_only(&mut self, names: &[&str]) {
        for name in names {
            if self.map.remove(*name).is_some() {
                self.fail(name, "is read-only");
            }
        }
    }

    fn reject_unknown(&mut self) {
        let unknown: BTreeSet<String> = self.map.keys().cloned().collect();
        for name in unknown {
            self.fail(&name, "is not a field of this resource");
        }
        self.map.clear();
    }

    /// Ends reading: unknown fields and every error so far become one 422 problem.
    pub fn finish(self) -> Result<(), ApiError> {
        let errors = self.into_errors();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(errors))
        }
    }

    /// Ends reading and hands over the errors (unknown fields included), for writes that add
    /// the errors of checks against the database before answering.
    pub fn into_errors(mut self) -> Vec<FieldError> {
        self.reject_unknown();
        self.errors
    }
}

impl Patch<Value> {
    fn map_none<T>(self) -> Patch<T> {
        match self {
            Patch::Null => Patch::Null,
            _ => Patch::Absent,
        }
    }
}

/// Whether `s` is a well-formed slug.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_bad_field_is_reported() {
        let mut f = Fields::new(json!({
            "slug": "Bad Slug", "lat": 95, "name": {"en": "", "xx": 1}, "extra": true, "population": "many"
        }))
        .expect("object");
        assert_eq!(f.slug("slug"), Patch::Absent);
        f.number("lat", -90.0..=90.0);
        f.localized("name", 200);
        f.integer("population", 0..=i64::MAX);
        let Err(ApiError::Validation(errors)) = f.finish() else {
            panic!("expected a validation error");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["slug", "lat", "name.en", "name.xx", "population", "extra"]
        );
    }

    #[test]
    fn null_absent_and_values_are_distinguished() {
        let mut f = Fields::new(json!({"website": null, "population": 5})).expect("object");
        assert_eq!(f.url("website"), Patch::Null);
        assert_eq!(f.integer("population", 0..=10), Patch::Set(5));
        assert_eq!(f.integer("area_km2", 0..=10), Patch::Absent);
        assert!(f.finish().is_ok());
    }

    #[test]
    fn json_content_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/merge-patch+json; charset=utf-8"));
        assert!(!is_json("text/plain"));
        assert!(!is_json(""));
    }
}
