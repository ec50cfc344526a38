//! Entity tags: a strong `ETag` derived from the exact JSON a resource serialises to, answers to
//! `If-None-Match` (304) and checks of `If-Match` (412).

use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// The body and the strong ETag of a value.
pub fn tagged<T: Serialize>(value: &T) -> Result<(Vec<u8>, String), ApiError> {
    let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    let tag = of_bytes(&body);
    Ok((body, tag))
}

/// The strong ETag of a response body.
pub fn of_bytes(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("\"{}\"", hex::encode(&digest[..12]))
}

/// Whether an `If-None-Match` / `If-Match` value names `tag` (or is `*`).
pub fn matches(header_value: &str, tag: &str) -> bool {
    listed(header_value, tag)
}

/// The ETag of a value.
pub fn of<T: Serialize>(value: &T) -> Result<String, ApiError> {
    tagged(value).map(|(_, tag)| tag)
}

fn listed(header_value: &str, tag: &str) -> bool {
    header_value
        .split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

/// A JSON response carrying its ETag; 304 when `If-None-Match` already names it.
pub fn respond<T: Serialize>(
    req: &HttpRequest,
    status: StatusCode,
    value: &T,
) -> Result<HttpResponse, ApiError> {
    let (body, tag) = tagged(value)?;
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| listed(v, &tag));
    if not_modified && status == StatusCode::OK {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .finish());
    }
    Ok(HttpResponse::build(status)
        .insert_header((header::ETAG, tag))
        .content_type("application/json")
        .body(body))
}

/// A 201 answer with the created resource, its ETag and its `Location`.
pub fn created<T: Serialize>(
    req: &HttpRequest,
    value: &T,
    location: String,
) -> Result<HttpResponse, ApiError> {
    let mut response = respond(req, StatusCode::CREATED, value)?;
    if let Ok(location) = header::HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The `If-Match` header of a request, if any.
pub fn if_match(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::IF_MATCH)
        .map(|v| v.to_str().unwrap_or("\"invalid\"").to_owned())
}

/// Refuses a write whose `If-Match` does not name the current version (`current`).
pub fn check(if_match: Option<&str>, current: &str) -> Result<(), ApiError> {
    match if_match {
        Some(value) if !listed(value, current) => Err(ApiError::refused(
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
            format!("the resource has changed (its ETag is now {current}); fetch it again and reapply your change"),
        )),
        _ => Ok(()),
    }
}

/// 412 for a record that another write changed between reading and writing it.
pub fn changed_meanwhile(what: &str) -> ApiError {
    ApiError::refused(
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
        format!("the {what} changed while this request was applied; fetch it again and reapply your change"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_follow_content_and_match_lists() {
        let a = of(&serde_json::json!({"a": 1})).unwrap_or_default();
        let b = of(&serde_json::json!({"a": 2})).unwrap_or_default();
        assert_ne!(a, b);
        assert!(check(Some(&a), &a).is_ok());
        assert!(check(Some(&format!("{b}, {a}")), &a).is_ok());
        assert!(check(Some("*"), &a).is_ok());
        assert!(check(None, &a).is_ok());
        assert!(check(Some(&b), &a).is_err());
    }
}
