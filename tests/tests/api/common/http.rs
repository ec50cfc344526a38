//! Requests to a [`TestApp`] and what comes back: JSON replies, problem documents, ETags and
//! paging.

use reqwest::StatusCode;
use serde_json::Value;

use super::server::TestApp;

/// A response: status, headers and the body parsed as JSON (`Null` when it is not JSON).
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The `content-type` header.
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The `etag` header.
    pub fn etag(&self) -> String {
        self.headers
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .expect("etag header")
            .to_owned()
    }

    /// Asserts this is a problem document with `status` and `code`, and returns it.
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.content_type(), "application/problem+json");
        assert_eq!(self.body["status"], status);
        assert_eq!(self.body["code"], code, "body: {}", self.body);
        assert_eq!(
            self.body["type"],
            format!("urn:learning-city:problem:{code}")
        );
        assert!(self.body["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(self.body["detail"].as_str().is_some_and(|t| !t.is_empty()));
        &self.body
    }
}

/// The `field` of every entry of a problem's `errors`, sorted.
pub fn error_fields(problem: &Value) -> Vec<String> {
    let mut fields: Vec<String> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field").to_owned())
        .collect();
    fields.sort();
    fields
}

/// Percent-encodes a query value (for Thai text and other non-ASCII input).
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl TestApp {
    /// A request with an optional bearer token.
    pub fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
    ) -> reqwest::RequestBuilder {
        let builder = self.client.request(method, format!("{}{path}", self.url));
        match token.or(self.default_token.get().map(String::as_str)) {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    /// Sends a request and reads the reply.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }

    /// GET `path` (relative to the server root).
    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(reqwest::Method::GET, path, None))
            .await
    }

    /// GET with a bearer token.
    pub async fn get_as(&self, path: &str, token: &str) -> Reply {
        self.send(self.request(reqwest::Method::GET, path, Some(token)))
            .await
    }

    /// GET with an API key in `X-API-Key`.
    pub async fn get_with_key(&self, path: &str, key: &str) -> Reply {
        self.send(
            self.request(reqwest::Method::GET, path, None)
                .header("x-api-key", key),
        )
        .await
    }

    /// GET `path` with `If-None-Match: tag`.
    pub async fn get_if_none_match(&self, path: &str, tag: &str) -> Reply {
        self.send(
            self.request(reqwest::Method::GET, path, None)
                .header("if-none-match", tag),
        )
        .await
    }

    /// POST a JSON body.
    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.send(self.request(reqwest::Method::POST, path, token).json(body))
            .await
    }

    /// PATCH a JSON merge patch, with an optional `If-Match`.
    pub async fn patch(
        &self,
        path: &str,
        token: Option<&str>,
        body: &Value,
        if_match: Option<&str>,
    ) -> Reply {
        let mut request = self
            .request(reqwest::Method::PATCH, path, token)
            .header("content-type", "application/merge-patch+json")
            .body(body.to_string());
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        self.send(request).await
    }

    /// DELETE, with an optional `If-Match`.
    pub async fn delete(&self, path: &str, token: Option<&str>, if_match: Option<&str>) -> Reply {
        let mut request = self.request(reqwest::Method::DELETE, path, token);
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        self.send(request).await
    }

    /// GET `path`, asserting 200 with a JSON body.
    pub async fn json(&self, path: &str) -> Value {
        let reply = self.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "GET {path}: {}", reply.body);
        assert!(reply.content_type().starts_with("application/json"));
        reply.body
    }

    /// Follows `next_cursor` from `path` to the last page; returns every item and the `total`
    /// the first page reported.
    pub async fn all_pages(&self, path: &str) -> (Vec<Value>, i64) {
        let sep = if path.contains('?') { '&' } else { '?' };
        let first = self.json(path).await;
        let total = first["total"].as_i64().expect("total");
        let mut items = first["items"].as_array().expect("items").clone();
        let mut next = first["next_cursor"].as_str().map(str::to_owned);
        while let Some(cursor) = next {
            let page = self.json(&format!("{path}{sep}cursor={cursor}")).await;
            assert_eq!(page["total"], total, "total is stable across pages");
            let page_items = page["items"].as_array().expect("items");
            assert!(
                !page_items.is_empty(),
                "a page with a cursor is never empty"
            );
            items.extend(page_items.iter().cloned());
            next = page["next_cursor"].as_str().map(str::to_owned);
        }
        (items, total)
    }
}
