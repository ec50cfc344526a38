//! HTTP caching for reads: every successful JSON `GET` carries a strong `ETag` (lists too) and
//! answers `If-None-Match` with 304; `Cache-Control` lets shared caches keep anonymous answers
//! briefly and keeps answers to signed-in callers private; paged lists give an RFC 8288
//! `Link: <...>; rel="next"` header.

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::HttpResponse;

/// How long shared caches may keep an anonymous answer, in seconds.
pub const PUBLIC_MAX_AGE: u32 = 60;

/// The next page's URL: this request's path and query with `cursor` replaced.
fn next_link(path: &str, query: &str, cursor: &str) -> String {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    pairs.retain(|(k, _)| k != "cursor");
    pairs.push(("cursor".to_owned(), cursor.to_owned()));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("<{path}?{query}>; rel=\"next\"")
}

/// The `next_cursor` of a page (`{"items": [...], "next_cursor": ..., ...}`), found without
/// parsing the items: pages serialise `items` first, and inside JSON strings a quote is always
/// escaped, so the last `"next_cursor":` in the body is the page's own key.
fn next_cursor(body: &[u8]) -> Option<String> {
    const KEY: &[u8] = b"\"next_cursor\":";
    if !body.starts_with(b"{\"items\":") {
        return None;
    }
    let at = body.windows(KEY.len()).rposition(|w| w == KEY)? + KEY.len();
    serde_json::Deserializer::from_slice(&body[at..])
        .into_iter::<Option<String>>()
        .next()?
        .ok()?
}

/// Sets `Cache-Control` (unless the handler chose one) and `Vary`.
fn policy(headers: &mut header::HeaderMap, signed_in: bool) {
    if !headers.contains_key(header::CACHE_CONTROL) {
        let policy = if signed_in {
            "private, no-cache".to_owned()
        } else {
            format!("public, max-age={PUBLIC_MAX_AGE}")
        };
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CACHE_CONTROL, value);
        }
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept, Authorization, X-API-Key"),
    );
}

/// True when `headers` say the body is JSON.
pub fn is_json(headers: &header::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// A `304 Not Modified` carrying the validators and caching headers of the full answer's
/// `headers`.
pub fn not_modified(headers: &header::HeaderMap) -> HttpResponse {
    let mut response = HttpResponse::NotModified();
    for name in [
        header::ETAG,
        header::CACHE_CONTROL,
        header::VARY,
        header::LINK,
    ] {
        if let Some(value) = headers.get(&name) {
            response.insert_header((name.clone(), value.clone()));
        }
    }
    response.finish()
}

/// A response's head and its whole body (JSON answers are small and already in memory).
pub async fn read_whole(
    response: HttpResponse<BoxBody>,
) -> Result<(HttpResponse<()>, Bytes), actix_web::Error> {
    let (head, payload) = response.into_parts();
    let bytes = body::to_bytes(payload)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    Ok((head, bytes))
}

/// The middleware.
pub async fn conditional(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let reading = req.method() == Method::GET || req.method() == Method::HEAD;
    let signed_in = req.headers().contains_key(header::AUTHORIZATION);
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (path, query) = (req.path().to_owned(), req.query_string().to_owned());
    let response = next.call(req).await?.map_into_boxed_body();
    let json = is_json(response.headers());
    if reading && response.status() == StatusCode::NOT_MODIFIED && path.starts_with("/api/v1") {
        let mut response = response;
        policy(response.headers_mut(), signed_in);
        return Ok(response);
    }
    if reading && response.status() == StatusCode::OK && !json && path.starts_with("/api/v1") {
        // Downloads: the same URL answers JSON or CSV by `Accept`, and a kept download is sent
        // gzip-encoded to clients that accept it, so caches must tell them apart.
        let mut response = response;
        policy(response.headers_mut(), signed_in);
        response.headers_mut().insert(
            header::VARY,
            HeaderValue::from_static("Accept, Accept-Encoding, Authorization, X-API-Key"),
        );
        return Ok(response);
    }
    if !reading || response.status() != StatusCode::OK || !json || !path.starts_with("/api/v1") {
        return Ok(response);
    }
    let (request, response) = response.into_parts();
    let (mut head, bytes) = read_whole(response).await?;
    let headers = head.headers_mut();
    policy(headers, signed_in);
    let tag = match headers.get(header::ETAG).and_then(|v| v.to_str().ok()) {
        Some(tag) => tag.to_owned(),
        None => {
            let tag = crate::http::etag::of_bytes(&bytes);
            if let Ok(value) = HeaderValue::from_str(&tag) {
                headers.insert(header::ETAG, value);
            }
            tag
        }
    };
    if let Some(cursor) = next_cursor(&bytes) {
        if let Ok(value) = HeaderValue::from_str(&next_link(&path, &query, &cursor)) {
            headers.insert(header::LINK, value);
        }
    }
    if if_none_match.is_some_and(|v| crate::http::etag::matches(&v, &tag)) {
        return Ok(ServiceResponse::new(request, not_modified(head.headers())));
    }
    let response = head.set_body(BoxBody::new(bytes));
    Ok(ServiceResponse::new(request, response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_replace_the_cursor() {
        assert_eq!(
            next_link("/api/v1/cities", "country=TH&cursor=old&limit=5", "new"),
            "</api/v1/cities?country=TH&limit=5&cursor=new>; rel=\"next\""
        );
        assert_eq!(next_link("/x", "", "c"), "</x?cursor=c>; rel=\"next\"");
    }

    #[test]
    fn next_cursors_are_read_from_the_page_key() {
        let page = br#"{"items":[{"note":"\"next_cursor\":\"fake\"","next_cursor":"inner"}],"next_cursor":"abc_-1","total":3}"#;
        assert_eq!(next_cursor(page).as_deref(), Some("abc_-1"));
        let last = br#"{"items":[{"next_cursor":"inner"}],"next_cursor":null,"total":1}"#;
        assert_eq!(next_cursor(last), None);
        assert_eq!(next_cursor(br#"{"id":1,"next_cursor":"x"}"#), None);
        assert_eq!(next_cursor(br#"{"items":[],"next_cursor":"#), None);
    }
}
