//! The built manual (`docs/book`, an mdBook) at `/docs/`, so that a running platform carries its
//! own documentation.
//!
//! `/docs` redirects to `/docs/`, which is the book's `index.html`; `/docs/<path>` is the file at
//! that path, or the `index.html` of a folder when the path ends with `/`. Paths are checked as
//! the web app's are ([`crate::http::spa`]), so none can leave the folder or reach a hidden file.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

use crate::http::spa::file_path;

/// Where the manual is served.
pub const MOUNT: &str = "/docs";

/// The policy for the manual's pages: mdBook's pages run inline scripts (the table of contents,
/// the theme), so they may, unlike the service's other pages. The book is static, built from
/// the repository, and shows nothing a request sends.
const PAGE_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     script-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'; form-action 'self'";

/// Where the built book lives; `None` when the folder has no `index.html` (not built).
#[derive(Debug, Clone)]
pub struct Manual {
    root: Option<PathBuf>,
}

impl Manual {
    /// Uses `dir` if it holds a built book.
    pub fn at(dir: &Path) -> Manual {
        let root = dir
            .join("index.html")
            .is_file()
            .then(|| dir.canonicalize().ok())
            .flatten();
        Manual { root }
    }

    /// The folder served, if the book is built.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Whether `path` belongs to the manual rather than to the web app.
    pub fn owns(path: &str) -> bool {
        path.strip_prefix(MOUNT)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    /// Answers a GET for a path the manual owns: the redirect from `/docs`, or the file the path
    /// names; `None` when the book is not built or has no such file (the caller answers 404).
    pub async fn serve(&self, req: &HttpRequest) -> Option<HttpResponse> {
        let root = self.root.as_ref()?;
        let rest = req.path().strip_prefix(MOUNT)?;
        if rest.is_empty() {
            return Some(
                HttpResponse::PermanentRedirect()
                    .insert_header((header::LOCATION, "/docs/"))
                    .finish(),
            );
        }
        let relative = if rest.ends_with('/') {
            file_path(&format!("{rest}index.html"))?
        } else {
            file_path(rest)?
        };
        let file = NamedFile::open_async(root.join(relative)).await.ok()?;
        if !file.metadata().is_file() {
            return None;
        }
        let mut response = file.into_response(req);
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        let page = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if page {
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(PAGE_POLICY),
            );
        }
        Some(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owns_only_its_own_prefix() {
        for owned in ["/docs", "/docs/", "/docs/index.html", "/docs/a/b.html"] {
            assert!(Manual::owns(owned), "{owned}");
        }
        for other in ["/", "/docsx", "/documents", "/api/docs/", "/cities/docs"] {
            assert!(!Manual::owns(other), "{other}");
        }
    }
}
