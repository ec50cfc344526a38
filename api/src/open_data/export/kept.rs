//! Downloads kept whole, gzip-compressed, until the data changes.
//!
//! A full download reads and encodes every row, and analysts pull the same ones again and
//! again; between two changes to the data the answer is the same bytes. So a download whose
//! rows do not depend on who asks is compressed while it is first sent and kept in the
//! [`ResponseCache`], which forgets it on the same exact invalidation as the cached JSON
//! answers (a write here, or `data_version` moving). Later requests get the kept bytes: as they
//! are with `Content-Encoding: gzip` when the client accepts gzip, otherwise decompressed on
//! the fly, in pieces, with a `Content-Length`.

use std::io::Read;

use actix_web::body::SizedStream;
use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};

use super::sink::{Copy, PIECE};
use super::Format;
use crate::http::response_cache::{Kept, ResponseCache};

/// Where a download would be kept: its cache key and the cache generation current when the
/// request started (a copy made across an invalidation is never kept).
pub struct Slot {
    cache: web::Data<ResponseCache>,
    key: String,
    generation: u64,
}

impl Slot {
    /// The slot of this request's download, when the service keeps downloads.
    pub fn of(req: &HttpRequest, format: Format) -> Option<Slot> {
        let cache = req.app_data::<web::Data<ResponseCache>>()?.clone();
        let format = match format {
            Format::Csv { bom: false } => "csv",
            Format::Csv { bom: true } => "csv+bom",
            Format::Ndjson => "ndjson",
            Format::Json => return None,
        };
        let key = format!("{}?{}\n{format}", req.path(), req.query_string());
        let generation = cache.generation();
        Some(Slot {
            cache,
            key,
            generation,
        })
    }

    /// The kept download, if there is a current one.
    pub fn hit(&self) -> Option<std::sync::Arc<Kept>> {
        self.cache.download(&self.key)
    }

    /// A compressed copy to make while sending, within the cache's budget for one download.
    pub fn copy(&self) -> Copy {
        Copy::new(self.cache.download_budget())
    }

    /// Keeps a finished copy.
    pub fn keep(self, gzip: Vec<Bytes>, len: u64) {
        self.cache
            .keep_download(self.key, self.generation, gzip, len);
    }
}

/// Whether `Accept-Encoding` allows gzip (RFC 9110 §12.5.3: by name or `*`, with a weight
/// above zero; an explicit `gzip;q=0` refuses it).
pub fn accepts_gzip(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut gzip = None;
    let mut any = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let weight = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match name.as_str() {
            "gzip" | "x-gzip" => gzip = Some(weight > 0.0),
            "*" => any = Some(weight > 0.0),
            _ => {}
        }
    }
    gzip.or(any).unwrap_or(false)
}

/// Reads pieces one after the other.
struct InOrder<'a> {
    pieces: &'a [Bytes],
    /// Bytes of the first piece already read.
    read: usize,
}

impl Read for InOrder<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while let Some(piece) = self.pieces.first() {
            let rest = &piece[self.read..];
            if rest.is_empty() {
                self.pieces = &self.pieces[1..];
                self.read = 0;
                continue;
            }
            let n = rest.len().min(out.len());
            out[..n].copy_from_slice(&rest[..n]);
            self.read += n;
            return Ok(n);
        }
        Ok(0)
    }
}

/// The answer from a kept download: `head` carries the download's own headers.
pub fn answer(
    req: &HttpRequest,
    kept: std::sync::Arc<Kept>,
    mut head: HttpResponseBuilder,
) -> HttpResponse {
    if accepts_gzip(req) {
        let pieces = kept.gzip.clone().into_iter().map(Ok::<_, std::io::Error>);
        return head
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(SizedStream::new(
                kept.gzip_len,
                futures_util::stream::iter(pieces),
            ));
    }
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let len = kept.len;
    actix_web::rt::task::spawn_blocking(move || {
        let mut decoder = flate2::read::GzDecoder::new(InOrder {
            pieces: &kept.gzip,
            read: 0,
        });
        loop {
            let mut piece = vec![0; PIECE];
            let mut filled = 0;
            while filled < PIECE {
                match decoder.read(&mut piece[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) => {
                        let _ = tx.blocking_send(Err(e));
                        return;
                    }
                }
            }
            if filled == 0 {
                return;
            }
            piece.truncate(filled);
            if tx.blocking_send(Ok(Bytes::from(piece))).is_err() {
                return;
            }
        }
    });
    let body = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    head.body(SizedStream::new(len, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn accepts(value: &str) -> bool {
        accepts_gzip(
            &TestRequest::default()
                .insert_header((header::ACCEPT_ENCODING, value))
                .to_http_request(),
        )
    }

    #[test]
    fn pieces_read_in_order() {
        let pieces = [
            Bytes::from_static(b"ab"),
            Bytes::new(),
            Bytes::from_static(b"cde"),
        ];
        let mut text = String::new();
        let read = InOrder {
            pieces: &pieces,
            read: 0,
        }
        .read_to_string(&mut text);
        assert_eq!(read.ok(), Some(5));
        assert_eq!(text, "abcde");
    }

    #[test]
    fn gzip_is_accepted_by_name_or_wildcard_unless_weighted_zero() {
        assert!(accepts("gzip"));
        assert!(accepts("br, gzip;q=0.5"));
        assert!(accepts("*"));
        assert!(accepts("GZIP"));
        assert!(!accepts("identity"));
        assert!(!accepts("gzip;q=0"));
        assert!(!accepts("*, gzip; q=0"));
        assert!(!accepts_gzip(&TestRequest::default().to_http_request()));
    }
}
