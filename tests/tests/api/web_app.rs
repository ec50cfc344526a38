//! The service serves the built web app: its files, `index.html` for the app's own page paths,
//! immutable caching of hashed assets, and no way out of the folder; the API keeps its problems.
//! It serves the built manual at `/docs/` the same way, and the web app never answers there.

use std::path::Path;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{Backend, TestApp};

const INDEX: &str = "<!doctype html><title>Learning cities</title><div id=\"root\"></div>";
const SCRIPT: &str = "console.log('app');";
const SECRET: &str = "outside-the-web-app";

/// A built app in `dir/dist`, with a file beside `dist` that must never be served.
fn build_app(dir: &Path) -> std::path::PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("assets")).expect("mkdir");
    std::fs::write(dist.join("index.html"), INDEX).expect("index");
    std::fs::write(dist.join("assets/index-Ab12_x.js"), SCRIPT).expect("script");
    std::fs::write(dist.join("favicon.svg"), "<svg/>").expect("icon");
    std::fs::write(dist.join(".env"), SECRET).expect("hidden");
    std::fs::write(dir.join("secret.txt"), SECRET).expect("secret");
    dist
}

async fn spawn_with_app(backend: Backend, dir: &Path) -> TestApp {
    let dist = build_app(dir);
    TestApp::spawn_with(backend, move |c| c.frontend_dir = dist).await
}

const BOOK_INDEX: &str = "<!doctype html><title>Manual</title><h1>Introduction</h1>";
const BOOK_PAGE: &str = "<!doctype html><title>Awards</title><h1>Awards</h1>";
const BOOK_SECTION: &str = "<!doctype html><title>Benchmarks</title><h1>Benchmarks</h1>";

/// A built manual in `dir/book`, with a hidden file and a file beside `book` that must never be
/// served.
fn build_book(dir: &Path) -> std::path::PathBuf {
    let book = dir.join("book");
    std::fs::create_dir_all(book.join("bench")).expect("mkdir");
    std::fs::write(book.join("index.html"), BOOK_INDEX).expect("index");
    std::fs::write(book.join("awards.html"), BOOK_PAGE).expect("page");
    std::fs::write(book.join("bench/index.html"), BOOK_SECTION).expect("section");
    std::fs::write(book.join(".hidden"), SECRET).expect("hidden");
    std::fs::write(dir.join("secret.txt"), SECRET).expect("secret");
    book
}

/// Sends `target` as written (no client-side path normalisation) and returns the raw answer.
async fn raw_get(app: &TestApp, target: &str) -> String {
    let addr = app.url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("read");
    answer
}

async fn text(app: &TestApp, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let response = app
        .client
        .get(format!("{}{path}", app.url))
        .send()
        .await
        .expect("get");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("body"))
}

fn header<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn serves_files_and_pages(backend: Backend) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_with_app(backend, dir.path()).await;

    for page in [
        "/",
        "/cities",
        "/cities/phayao",
        "/admin/users?x=1",
        "/networks/unesco-gnlc",
    ] {
        let (status, headers, body) = text(&app, page).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(body, INDEX, "{page} is the app");
        assert!(header(&headers, "content-type").starts_with("text/html"));
        assert_eq!(header(&headers, "cache-control"), "no-cache", "{page}");
        assert!(header(&headers, "content-security-policy").contains("script-src 'self'"));
    }

    let (status, headers, body) = text(&app, "/assets/index-Ab12_x.js").await;
    assert_eq!(status, 200);
    assert_eq!(body, SCRIPT);
    assert!(header(&headers, "content-type").contains("javascript"));
    assert_eq!(
        header(&headers, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let (status, headers, _) = text(&app, "/favicon.svg").await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "image/svg+xml");

    for missing in ["/assets/gone-123.js", "/assets/nothing", "/robots.txt"] {
        app.get(missing).await.problem(404, "route_not_found");
    }
    app.get("/api/v1/nowhere")
        .await
        .problem(404, "route_not_found");
    app.get("/api").await.problem(404, "route_not_found");
    assert_eq!(app.json("/api/v1/cities/phayao").await["slug"], "phayao");
    assert_eq!(app.json("/healthz").await["status"], "ok");

    let post = app
        .client
        .post(format!("{}/cities", app.url))
        .send()
        .await
        .expect("post");
    assert_eq!(post.status().as_u16(), 404, "pages are read-only");

    let head = app
        .client
        .head(format!("{}/cities/phayao", app.url))
        .send()
        .await
        .expect("head");
    assert_eq!(head.status().as_u16(), 200);
    app.stop().await;
}

async fn no_path_leaves_the_folder(backend: Backend) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_with_app(backend, dir.path()).await;
    for target in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/.env",
        "//secret.txt",
    ] {
        let answer = raw_get(&app, target).await;
        assert!(!answer.contains(SECRET), "{target} leaked a file: {answer}");
        let status = answer.split_whitespace().nth(1).unwrap_or_default();
        assert!(
            status == "200" || status.starts_with('4'),
            "{target}: {answer}"
        );
        if status == "200" {
            assert!(
                answer.ends_with(INDEX),
                "{target} is only ever the app page"
            );
        }
    }
    app.stop().await;
}

async fn without_a_build_the_api_still_works(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, headers, body) = text(&app, "/").await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert!(
        body.contains("/api/docs/"),
        "the placeholder links the API docs"
    );
    app.get("/cities/phayao")
        .await
        .problem(404, "route_not_found");
    assert_eq!(app.json("/api/v1/cities/phayao").await["slug"], "phayao");
    app.stop().await;
}

async fn serves_the_manual(backend: Backend) {
    let dir = tempfile::tempdir().expect("tempdir");
    let dist = build_app(dir.path());
    let book = build_book(dir.path());
    let app = TestApp::spawn_with(backend, move |c| {
        c.frontend_dir = dist;
        c.manual_dir = book;
    })
    .await;

    for (page, body) in [
        ("/docs/", BOOK_INDEX),
        ("/docs/index.html", BOOK_INDEX),
        ("/docs/awards.html", BOOK_PAGE),
        ("/docs/bench/", BOOK_SECTION),
        ("/docs/bench/index.html", BOOK_SECTION),
    ] {
        let (status, headers, text) = text(&app, page).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(text, body, "{page}");
        assert!(header(&headers, "content-type").starts_with("text/html"));
        assert_eq!(header(&headers, "cache-control"), "no-cache", "{page}");
        let policy = header(&headers, "content-security-policy");
        assert!(
            policy.contains("script-src 'self' 'unsafe-inline'"),
            "{page}: {policy}"
        );
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{page}: {policy}"
        );
    }
    let (_, headers, _) = text(&app, "/cities").await;
    assert!(
        !header(&headers, "content-security-policy").contains("script-src 'self' 'unsafe-inline'"),
        "only the manual's pages may run inline scripts"
    );

    let answer = raw_get(&app, "/docs").await.to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 308"), "/docs: {answer}");
    assert!(
        answer.contains("\r\nlocation: /docs/\r\n"),
        "/docs: {answer}"
    );

    for missing in [
        "/docs/missing.html",
        "/docs/missing-page",
        "/docs/bench",
        "/docs/nowhere/",
    ] {
        app.get(missing).await.problem(404, "route_not_found");
    }
    assert_eq!(
        text(&app, "/docsx").await.2,
        INDEX,
        "only /docs/ is the manual's"
    );

    for target in [
        "/docs/../Cargo.toml",
        "/docs/../secret.txt",
        "/docs/%2e%2e/secret.txt",
        "/docs/%2E%2E/%2e%2e/Cargo.toml",
        "/docs/..%2fsecret.txt",
        "/docs/bench/..%5c..%5csecret.txt",
        "/docs/.hidden",
        "/docs//secret.txt",
    ] {
        let answer = raw_get(&app, target).await;
        assert!(!answer.contains(SECRET), "{target} leaked a file: {answer}");
        let status = answer.split_whitespace().nth(1).unwrap_or_default();
        assert_eq!(status, "404", "{target}: {answer}");
    }

    let post = app
        .client
        .post(format!("{}/docs/", app.url))
        .send()
        .await
        .expect("post");
    assert_eq!(post.status().as_u16(), 404, "the manual is read-only");
    app.stop().await;
}

async fn without_a_book_docs_is_not_found(backend: Backend) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = spawn_with_app(backend, dir.path()).await;
    for path in ["/docs", "/docs/", "/docs/index.html", "/docs/awards"] {
        app.get(path).await.problem(404, "route_not_found");
    }
    assert_eq!(
        text(&app, "/cities").await.2,
        INDEX,
        "the web app still works"
    );
    app.stop().await;
}

with_both_backends!(
    serves_files_and_pages,
    no_path_leaves_the_folder,
    without_a_build_the_api_still_works,
    serves_the_manual,
    without_a_book_docs_is_not_found
);
