//! The built single-page app (`frontend/dist`): its static files, and `index.html` for every
//! other page path so that the app's own routes survive a reload or a shared link.
//!
//! A path names a file only when every segment is plain ASCII (letters, digits, `-`, `_`, `.`)
//! and no segment starts with a dot, so no path can leave the folder or reach a hidden file.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

/// Where the built app lives; `None` when the folder has no `index.html` (not built).
#[derive(Debug, Clone)]
pub struct Frontend {
    root: Option<PathBuf>,
}

/// Hashed build output: the name changes with the content, so it may be cached for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (`index.html`, the favicon) is checked with the server on each use.
const REVALIDATE: &str = "no-cache";

impl Frontend {
    /// Uses `dir` if it holds a built app.
    pub fn at(dir: &Path) -> Frontend {
        let root = dir
            .join("index.html")
            .is_file()
            .then(|| dir.canonicalize().ok())
            .flatten();
        Frontend { root }
    }

    /// The folder served, if the app is built.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Answers a GET for `path` outside the API: the file it names, else `index.html` for page
    /// paths; `None` for a file path that does not exist (the caller answers 404).
    pub async fn serve(&self, req: &HttpRequest) -> Option<HttpResponse> {
        let root = self.root.as_ref()?;
        let path = req.path();
        if let Some(relative) = file_path(path) {
            if let Ok(file) = NamedFile::open_async(root.join(&relative)).await {
                let cache = if path.starts_with("/assets/") {
                    IMMUTABLE
                } else {
                    REVALIDATE
                };
                return Some(with_cache(file.into_response(req), cache));
            }
        }
        if looks_like_file(path) {
            return None;
        }
        let index = NamedFile::open_async(root.join("index.html")).await.ok()?;
        Some(with_cache(index.into_response(req), REVALIDATE))
    }
}

fn with_cache(mut response: HttpResponse, value: &'static str) -> HttpResponse {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// The relative file path `path` names, if every segment is safe.
pub(crate) fn file_path(path: &str) -> Option<PathBuf> {
    let trimmed = path.strip_prefix('/')?;
    if trimmed.is_empty() {
        return None;
    }
    let safe = |segment: &str| {
        !segment.is_empty()
            && !segment.starts_with('.')
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    trimmed
        .split('/')
        .all(safe)
        .then(|| trimmed.split('/').collect())
}

/// Paths of build output (`/assets/...`) or with an extension are files, never app pages, so a
/// missing one gets a 404 rather than the app's HTML.
fn looks_like_file(path: &str) -> bool {
    path.starts_with("/assets/")
        || path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_segments_name_files() {
        assert_eq!(
            file_path("/assets/index-AbC_1.js"),
            Some(PathBuf::from("assets/index-AbC_1.js"))
        );
        assert_eq!(
            file_path("/favicon.svg"),
            Some(PathBuf::from("favicon.svg"))
        );
        for refused in [
            "/",
            "/../Cargo.toml",
            "/assets/../../etc/passwd",
            "/.env",
            "/assets/.hidden",
            "/a//b",
            "/a%2F..%2Fb",
            "/a\\..\\b",
            "/เมือง",
        ] {
            assert_eq!(file_path(refused), None, "{refused}");
        }
    }

    #[test]
    fn page_paths_are_not_files() {
        assert!(looks_like_file("/assets/missing"));
        assert!(looks_like_file("/robots.txt"));
        assert!(!looks_like_file("/cities/phayao"));
        assert!(!looks_like_file("/"));
    }
}
