//! What operators see: one structured log line per request carrying its request id, and the
//! Prometheus metrics ([`metrics`]). The [`observe`] middleware is the outermost layer, so it
//! sees every answer, refusals included.

pub mod metrics;
pub mod request_id;

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use tracing::Instrument;

pub use metrics::Metrics;
pub use request_id::RequestId;

/// The route label of a request: its route template, or `unmatched`.
fn route_of(req: &ServiceRequest) -> String {
    req.match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned())
}

/// The middleware: request id in, request id out, a log line and the metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let id = RequestId::for_request(req.headers());
    req.extensions_mut().insert(id.clone());
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().clone();
    let route = route_of(&req);
    let logging = tracing::enabled!(target: "request", tracing::Level::INFO);
    let (path, peer) = if logging {
        (
            req.path().to_owned(),
            req.peer_addr()
                .map(|a| a.ip().to_string())
                .unwrap_or_default(),
        )
    } else {
        Default::default()
    };
    let span = tracing::info_span!("request", request_id = %id.0);
    let mut response = next.call(req).instrument(span.clone()).await?;
    let status = response.status();
    let seconds = started.elapsed().as_secs_f64();
    if let Some(metrics) = metrics {
        metrics.record(&method, &route, status, seconds);
    }
    if logging {
        span.in_scope(|| {
            tracing::info!(
                target: "request",
                method = %method,
                path = %path,
                route = %route,
                status = status.as_u16(),
                duration_ms = seconds * 1000.0,
                peer = %peer,
                "answered"
            );
        });
    }
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(request_id::HEADER), value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use actix_web::{middleware, test, web, App};

    use super::observe;

    /// Log output kept in memory.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("log buffer").extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
        type Writer = Captured;

        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    #[actix_web::test]
    async fn one_json_line_per_request_carries_its_id() {
        let captured = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_writer(captured.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let app = test::init_service(
            App::new()
                .wrap(middleware::from_fn(observe))
                .route("/things/{id}", web::get().to(|| async { "thing" })),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/things/7")
            .insert_header(("x-request-id", "lb-7"))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(
            response
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok()),
            Some("lb-7")
        );
        let text = String::from_utf8(captured.0.lock().expect("log").clone()).expect("utf-8");
        let line = text
            .lines()
            .find(|l| l.contains("answered"))
            .unwrap_or_else(|| panic!("no request line in {text}"));
        let line: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["span"]["request_id"], "lb-7");
        assert_eq!(line["fields"]["status"], 200);
        assert_eq!(line["fields"]["method"], "GET");
        assert_eq!(line["fields"]["path"], "/things/7");
        assert_eq!(line["fields"]["route"], "/things/{id}");
        assert!(line["fields"]["duration_ms"].as_f64().is_some());
    }
}
