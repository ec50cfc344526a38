//! Request ids: taken from a well-formed incoming `X-Request-Id` (so a load balancer's id follows
//! the request), otherwise made here; echoed in the response and written on every log line.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use actix_web::http::header::HeaderMap;

/// The header that carries the id, both ways.
pub const HEADER: &str = "x-request-id";

/// The id of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

static NEXT: AtomicU64 = AtomicU64::new(0);

/// A random prefix per process, so that ids from several instances do not collide.
fn process_prefix() -> &'static str {
    static PREFIX: OnceLock<String> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).unwrap_or_default();
        hex::encode(bytes)
    })
}

/// An accepted incoming id: 1 to 64 characters of letters, digits, `-`, `_`, `.` and `:`.
fn acceptable(value: &str) -> bool {
    (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

impl RequestId {
    /// The caller's id when acceptable, else a new one (`<process prefix>-<counter>`).
    pub fn for_request(headers: &HeaderMap) -> RequestId {
        if let Some(given) = headers.get(HEADER).and_then(|v| v.to_str().ok()) {
            if acceptable(given) {
                return RequestId(given.to_owned());
            }
        }
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        RequestId(format!("{}-{n:x}", process_prefix()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    #[test]
    fn keeps_a_good_id_and_replaces_a_bad_one() {
        let mut headers = HeaderMap::new();
        let name = HeaderName::from_static(HEADER);
        headers.insert(name.clone(), HeaderValue::from_static("lb-1234.abc"));
        assert_eq!(RequestId::for_request(&headers).0, "lb-1234.abc");
        headers.insert(name, HeaderValue::from_static("has spaces"));
        let made = RequestId::for_request(&headers).0;
        assert!(made.starts_with(process_prefix()), "{made}");
        assert_ne!(made, RequestId::for_request(&headers).0);
    }
}
