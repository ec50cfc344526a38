//! Accounts and access control through the HTTP API: sign-in, access tokens, refresh rotation,
//! user administration, API keys, rate limits, the audit log, security headers and CORS.
//!
//! Access tokens are forged here without a JWT crate, with the SHA-256 / HMAC-SHA256 and
//! base64url of [`crate::common::tokens`]. Every forging helper is checked against published
//! test vectors, and every forged-token refusal has a control: the same construction signed with
//! the service's real secret is accepted.

use std::net::{IpAddr, Ipv4Addr};

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common;
use crate::common::tokens::{
    b64url, b64url_decode, check_forging_helpers, claims_of, good_claims, hmac_sha256, sha256_hex,
    sign_hs256, unix_now,
};
use crate::common::{error_fields, Backend, TestApp, ADMIN_PASSWORD, USER_PASSWORD};

const ADMIN_EMAIL: &str = "admin@example.org";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A response with its body as text (for byte-level comparisons and leak checks).
struct Raw {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
}

/// The secret part of an API key `lck_<prefix>_<secret>`: URL-safe base64, which may itself
/// contain `_`, so everything after the (hex) prefix.
fn secret_of(key: &str) -> &str {
    key.splitn(3, '_').nth(2).expect("secret part")
}

async fn raw(request: reqwest::RequestBuilder) -> Raw {
    let response = request.send().await.expect("request");
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    Raw {
        status,
        headers,
        text,
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// A client whose connections come from another loopback address, so that per-address limits
/// can be told apart from the default client's.
fn client_from(last_octet: u8) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last_octet)))
        .build()
        .expect("client")
}

/// Creates an account with `USER_PASSWORD` as `admin`; returns the created account.
async fn create_user(
    app: &TestApp,
    admin: &str,
    email: &str,
    role: &str,
    city: Option<&str>,
) -> Value {
    let mut body = json!({
        "email": email, "display_name": format!("{role} user"), "role": role,
        "password": USER_PASSWORD
    });
    if let Some(city) = city {
        body["city"] = json!(city);
    }
    let reply = app.post("/api/v1/users", Some(admin), &body).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "create {email}: {}",
        reply.body
    );
    reply.body
}

/// Signs in (asserting 200); returns (access token, refresh token).
async fn session(app: &TestApp, email: &str, password: &str) -> (String, String) {
    let body = app.login(email, password).await;
    (
        body["access_token"].as_str().expect("access").to_owned(),
        body["refresh_token"].as_str().expect("refresh").to_owned(),
    )
}

async fn login_reply(app: &TestApp, email: &str, password: &str) -> common::Reply {
    app.post(
        "/api/v1/auth/login",
        None,
        &json!({"email": email, "password": password}),
    )
    .await
}

async fn refresh(app: &TestApp, token: &str) -> common::Reply {
    app.post(
        "/api/v1/auth/refresh",
        None,
        &json!({"refresh_token": token}),
    )
    .await
}

/// `GET /me` with a raw `Authorization` header value.
async fn me_with_authorization(app: &TestApp, value: &str) -> common::Reply {
    app.send(
        app.request(Method::GET, "/api/v1/me", None)
            .header("authorization", value),
    )
    .await
}

/// Issues an API key as `token` with `body`; returns the 201 body.
async fn issue_key(app: &TestApp, token: &str, body: Value) -> Value {
    let reply = app.post("/api/v1/api-keys", Some(token), &body).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "issue key: {}",
        reply.body
    );
    reply.body
}

/// Asserts a 429 problem with a `Retry-After` of a positive number of seconds (at most a minute,
/// since every limit is per minute).
fn assert_rate_limited(reply: &common::Reply) {
    reply.problem(429, "too_many_requests");
    let retry = header(&reply.headers, "retry-after")
        .expect("retry-after header")
        .parse::<u64>()
        .expect("retry-after is an integer");
    assert!((1..=60).contains(&retry), "retry-after {retry}");
}

const SECRET_A: &str = "first test secret of at least thirty-two bytes";
const SECRET_B: &str = "second test secret, also thirty-two bytes or more";

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

async fn login_issues_a_token_pair_and_me_returns_the_user(app: &TestApp) {
    let admin = app.admin_token().await;
    let reply = login_reply(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.content_type().starts_with("application/json"));
    assert_eq!(header(&reply.headers, "cache-control"), Some("no-store"));
    let body = &reply.body;
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let access = body["access_token"].as_str().expect("access_token");
    let refresh_token = body["refresh_token"].as_str().expect("refresh_token");
    assert_eq!(access.split('.').count(), 3, "a JWT");
    assert!(refresh_token.len() >= 40, "refresh token {refresh_token}");

    let me = app.get_as("/api/v1/me", access).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    assert_eq!(header(&me.headers, "cache-control"), Some("no-store"));
    assert_eq!(me.body["email"], ADMIN_EMAIL);
    assert_eq!(me.body["role"], "admin");
    assert!(me.body["city"].is_null());
    let id = me.body["id"].as_i64().expect("id");

    let claims = claims_of(access);
    assert_eq!(claims["sub"], id.to_string());
    assert_eq!(claims["iss"], "learning-city");
    assert_eq!(claims["aud"], "learning-city-api");
    assert_eq!(
        claims["exp"].as_i64().expect("exp") - claims["iat"].as_i64().expect("iat"),
        900
    );

    // Emails are stored lowercased and matched without regard to case or surrounding spaces.
    let created = create_user(
        app,
        &admin,
        "Mixed.Case@Example.ORG",
        "city_editor",
        Some("phayao"),
    )
    .await;
    assert_eq!(created["email"], "mixed.case@example.org");
    let (token, _) = session(app, "  MIXED.case@example.org ", USER_PASSWORD).await;
    let me = app.get_as("/api/v1/me", &token).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    assert_eq!(me.body["email"], "mixed.case@example.org");
    assert_eq!(me.body["role"], "city_editor");
    assert_eq!(me.body["city"], "phayao");
    assert_eq!(me.body["display_name"], "city_editor user");
}

async fn failed_logins_are_indistinguishable(app: &TestApp) {
    let admin = app.admin_token().await;
    let user = create_user(app, &admin, "dormant@example.org", "analyst", None).await;
    let attempt = |email: &'static str, password: &'static str| async move {
        raw(app
            .request(Method::POST, "/api/v1/auth/login", None)
            .json(&json!({"email": email, "password": password})))
        .await
    };
    let wrong_password = attempt(ADMIN_EMAIL, "not the admin password").await;
    let unknown_email = attempt("nobody@example.org", ADMIN_PASSWORD).await;
    for reply in [&wrong_password, &unknown_email] {
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.text);
        let body: Value = serde_json::from_str(&reply.text).expect("problem");
        assert_eq!(body["code"], "invalid_credentials");
        assert!(!reply.headers.contains_key("retry-after"));
    }
    assert_eq!(
        wrong_password.text, unknown_email.text,
        "byte-identical bodies"
    );
    assert_eq!(
        header(&wrong_password.headers, "content-type"),
        header(&unknown_email.headers, "content-type")
    );

    // A deactivated account with the right password looks the same too.
    let id = user["id"].as_i64().expect("id");
    let reply = app
        .delete(&format!("/api/v1/users/{id}"), Some(&admin), None)
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let deactivated = attempt("dormant@example.org", USER_PASSWORD).await;
    assert_eq!(deactivated.status, StatusCode::UNAUTHORIZED);
    assert_eq!(deactivated.text, unknown_email.text);
}

async fn login_bodies_are_checked(app: &TestApp) {
    let reply = app.post("/api/v1/auth/login", None, &json!({})).await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["email", "password"]
    );
    let reply = app
        .post("/api/v1/auth/login", None, &json!({"email": ADMIN_EMAIL}))
        .await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["password"]
    );
    let reply = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": 5, "password": "x", "remember_me": true}),
        )
        .await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["email", "remember_me"]
    );

    let form = app
        .send(
            app.request(Method::POST, "/api/v1/auth/login", None)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("email=admin%40example.org&password=x"),
        )
        .await;
    form.problem(415, "unsupported_media_type");
    let untyped = app
        .send(
            app.request(Method::POST, "/api/v1/auth/login", None)
                .body(r#"{"email":"a@example.org","password":"x"}"#),
        )
        .await;
    untyped.problem(415, "unsupported_media_type");

    for broken in [
        r#"{"email": "a@example.org", "password": "#,
        "{not json",
        "",
    ] {
        let reply = app
            .send(
                app.request(Method::POST, "/api/v1/auth/login", None)
                    .header("content-type", "application/json")
                    .body(broken),
            )
            .await;
        reply.problem(400, "malformed_json");
    }
    let array = app
        .post("/api/v1/auth/login", None, &json!(["a@example.org", "x"]))
        .await;
    array.problem(400, "malformed_json");
}

async fn bodies_over_the_limit_are_refused(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.limits.max_body_bytes = 1024).await;
    let admin = app.admin_token().await;
    let huge = "x".repeat(2000);
    let reply = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": ADMIN_EMAIL, "password": huge}),
        )
        .await;
    reply.problem(413, "payload_too_large");
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({"email": "big@example.org", "display_name": huge, "role": "analyst",
                    "password": USER_PASSWORD}),
        )
        .await;
    reply.problem(413, "payload_too_large");
    let reply = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": huge}),
        )
        .await;
    reply.problem(413, "payload_too_large");

    // Just under the limit is read and judged on its content.
    let reply = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": ADMIN_EMAIL, "password": "y".repeat(900)}),
        )
        .await;
    reply.problem(401, "invalid_credentials");
    let listed = app.get_as("/api/v1/users", &admin).await;
    assert_eq!(
        listed.body["total"], 1,
        "the oversized account was not created"
    );
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Access tokens
// ---------------------------------------------------------------------------------------------

async fn me_needs_a_valid_access_token(app: &TestApp) {
    let admin = app.admin_token().await;
    let anonymous = app.get("/api/v1/me").await;
    anonymous.problem(401, "authentication_required");
    assert_eq!(
        header(&anonymous.headers, "www-authenticate"),
        Some("Bearer realm=\"learning-city\"")
    );

    for value in [
        "Basic x".to_owned(),
        "Basic YWRtaW5AZXhhbXBsZS5vcmc6YWRtaW4gcGFzc3dvcmQgZm9yIHRlc3Rz".to_owned(),
        "Bearer garbage".to_owned(),
        "Bearer ".to_owned(),
        "Bearer a.b.c".to_owned(),
        admin.clone(),
        format!("Token {admin}"),
    ] {
        let reply = me_with_authorization(app, &value).await;
        reply.problem(401, "invalid_token");
        assert!(
            reply.headers.contains_key("www-authenticate"),
            "{value}: no WWW-Authenticate"
        );
    }

    let valid = me_with_authorization(app, &format!("Bearer {admin}")).await;
    assert_eq!(valid.status, StatusCode::OK, "{}", valid.body);

    // Tampering: the payload is changed to name another user, the signature is kept.
    let analyst = create_user(app, &admin, "analyst@example.org", "analyst", None).await;
    let (analyst_token, _) = session(app, "analyst@example.org", USER_PASSWORD).await;
    let mut claims = claims_of(&analyst_token);
    let admin_id = valid.body["id"].as_i64().expect("id");
    assert_ne!(analyst["id"].as_i64(), Some(admin_id));
    claims["sub"] = json!(admin_id.to_string());
    let parts: Vec<&str> = analyst_token.split('.').collect();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        b64url(claims.to_string().as_bytes()),
        parts[2]
    );
    app.get_as("/api/v1/me", &tampered)
        .await
        .problem(401, "invalid_token");
    // One character of the payload changed.
    let mut payload: Vec<char> = parts[1].chars().collect();
    let middle = payload.len() / 2;
    payload[middle] = if payload[middle] == 'A' { 'B' } else { 'A' };
    let one_char = format!(
        "{}.{}.{}",
        parts[0],
        payload.iter().collect::<String>(),
        parts[2]
    );
    app.get_as("/api/v1/me", &one_char)
        .await
        .problem(401, "invalid_token");
    // The signature cut off, or replaced by the signature of another token.
    let unsigned = format!("{}.{}.", parts[0], parts[1]);
    app.get_as("/api/v1/me", &unsigned)
        .await
        .problem(401, "invalid_token");
    let admin_sig = admin.rsplit('.').next().expect("signature");
    let swapped = format!("{}.{}.{admin_sig}", parts[0], parts[1]);
    app.get_as("/api/v1/me", &swapped)
        .await
        .problem(401, "invalid_token");

    // `alg: none` with the genuine claims of a real token.
    let genuine = claims_of(&admin);
    let none = format!(
        "{}.{}.",
        b64url(br#"{"alg":"none","typ":"JWT"}"#),
        b64url(genuine.to_string().as_bytes())
    );
    app.get_as("/api/v1/me", &none)
        .await
        .problem(401, "invalid_token");

    // The untouched tokens still work.
    let me = app.get_as("/api/v1/me", &analyst_token).await;
    assert_eq!(me.body["email"], "analyst@example.org");
}

/// With a known signing secret, properly signed tokens with wrong claims are refused.
async fn forged_tokens_are_checked_claim_by_claim(backend: Backend) {
    check_forging_helpers();
    let app = TestApp::spawn_with(backend, |c| {
        c.auth.jwt_secret = Some(SECRET_A.to_owned());
        c.auth.access_token_ttl_secs = 120;
    })
    .await;
    let admin = app.admin_token().await;
    // The configured lifetime is the one announced and signed.
    let pair = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(pair["expires_in"], 120);
    let claims = claims_of(pair["access_token"].as_str().expect("token"));
    assert_eq!(
        claims["exp"].as_i64().expect("exp") - claims["iat"].as_i64().expect("iat"),
        120
    );
    let analyst = create_user(&app, &admin, "forged@example.org", "analyst", None).await;
    let analyst_id = analyst["id"].as_i64().expect("id");
    let admin_id = app.get_as("/api/v1/me", &admin).await.body["id"]
        .as_i64()
        .expect("id");
    let secret = SECRET_A.as_bytes();

    // Controls: the service's own token verifies under the helpers, and a token built here with
    // the real secret and the service's claims is accepted.
    let parts: Vec<&str> = admin.split('.').collect();
    let header_json: Value = serde_json::from_slice(&b64url_decode(parts[0])).expect("header");
    assert_eq!(header_json["alg"], "HS256");
    assert_eq!(
        b64url(&hmac_sha256(
            secret,
            format!("{}.{}", parts[0], parts[1]).as_bytes()
        )),
        parts[2],
        "the service signs with HMAC-SHA256 under the configured secret"
    );
    let control = app
        .get_as("/api/v1/me", &sign_hs256(secret, &good_claims(analyst_id)))
        .await;
    assert_eq!(control.status, StatusCode::OK, "{}", control.body);
    assert_eq!(control.body["email"], "forged@example.org");
    let control = app
        .get_as("/api/v1/me", &sign_hs256(secret, &good_claims(admin_id)))
        .await;
    assert_eq!(control.body["role"], "admin");

    let now = unix_now();
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut claims = good_claims(admin_id);
    claims["aud"] = json!("another-api");
    cases.push(("wrong audience", claims));
    let mut claims = good_claims(admin_id);
    claims["iss"] = json!("someone-else");
    cases.push(("wrong issuer", claims));
    let mut claims = good_claims(admin_id);
    claims["iat"] = json!(now - 7200);
    claims["exp"] = json!(now - 3600);
    cases.push(("expired an hour ago", claims));
    let mut claims = good_claims(admin_id);
    claims.as_object_mut().expect("object").remove("exp");
    cases.push(("no exp", claims));
    let mut claims = good_claims(admin_id);
    claims.as_object_mut().expect("object").remove("aud");
    cases.push(("no aud", claims));
    let mut claims = good_claims(admin_id);
    claims.as_object_mut().expect("object").remove("iss");
    cases.push(("no iss", claims));
    let mut claims = good_claims(admin_id);
    claims.as_object_mut().expect("object").remove("sub");
    cases.push(("no sub", claims));
    let mut claims = good_claims(admin_id);
    claims["sub"] = json!("admin");
    cases.push(("non-numeric sub", claims));
    cases.push(("no such user", good_claims(987_654)));
    for (what, claims) in cases {
        let reply = app.get_as("/api/v1/me", &sign_hs256(secret, &claims)).await;
        assert_eq!(
            reply.status,
            StatusCode::UNAUTHORIZED,
            "{what}: {}",
            reply.body
        );
        reply.problem(401, "invalid_token");
    }
    // Signed with another secret; and `alg: none` over good claims.
    app.get_as(
        "/api/v1/me",
        &sign_hs256(SECRET_B.as_bytes(), &good_claims(admin_id)),
    )
    .await
    .problem(401, "invalid_token");
    let none = format!(
        "{}.{}.",
        b64url(br#"{"alg":"none","typ":"JWT"}"#),
        b64url(good_claims(admin_id).to_string().as_bytes())
    );
    app.get_as("/api/v1/me", &none)
        .await
        .problem(401, "invalid_token");
    app.stop().await;
}

/// A token issued by a service with another signing secret is refused.
async fn tokens_of_another_secret_are_refused(backend: Backend) {
    let first = TestApp::spawn_with(backend, |c| {
        c.auth.jwt_secret = Some(SECRET_A.to_owned());
    })
    .await;
    let second = TestApp::spawn_with(backend, |c| {
        c.auth.jwt_secret = Some(SECRET_B.to_owned());
    })
    .await;
    let token_a = first.admin_token().await;
    let token_b = second.admin_token().await;
    // Both admins exist in their own database under the same id; only the key differs.
    let me_a = first.get_as("/api/v1/me", &token_a).await;
    let me_b = second.get_as("/api/v1/me", &token_b).await;
    assert_eq!(me_a.status, StatusCode::OK);
    assert_eq!(me_a.body["id"], me_b.body["id"]);
    assert_eq!(claims_of(&token_a)["sub"], claims_of(&token_b)["sub"]);
    second
        .get_as("/api/v1/me", &token_a)
        .await
        .problem(401, "invalid_token");
    first
        .get_as("/api/v1/me", &token_b)
        .await
        .problem(401, "invalid_token");

    // Generated secrets (none configured) differ between installations too.
    let generated = TestApp::spawn(backend).await;
    let token_g = generated.admin_token().await;
    assert_eq!(
        generated.get_as("/api/v1/me", &token_g).await.status,
        StatusCode::OK
    );
    generated
        .get_as("/api/v1/me", &token_a)
        .await
        .problem(401, "invalid_token");
    first
        .get_as("/api/v1/me", &token_g)
        .await
        .problem(401, "invalid_token");
    first.stop().await;
    second.stop().await;
    generated.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Refresh tokens
// ---------------------------------------------------------------------------------------------

async fn refresh_rotates_and_reuse_revokes_the_family(app: &TestApp) {
    app.admin_token().await;
    let (_, first) = session(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let (other_access, other_family) = session(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;

    let rotated = refresh(app, &first).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    assert_eq!(header(&rotated.headers, "cache-control"), Some("no-store"));
    assert_eq!(rotated.body["token_type"], "Bearer");
    assert_eq!(rotated.body["expires_in"], 900);
    let second = rotated.body["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();
    let access = rotated.body["access_token"]
        .as_str()
        .expect("access")
        .to_owned();
    assert_ne!(second, first);
    let me = app.get_as("/api/v1/me", &access).await;
    assert_eq!(me.body["email"], ADMIN_EMAIL);

    let again = refresh(app, &second).await;
    assert_eq!(
        again.status,
        StatusCode::OK,
        "the new token works: {}",
        again.body
    );
    let third = again.body["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();
    assert_ne!(third, second);

    // The first token again: reuse. The whole family goes, the newest token included.
    refresh(app, &first)
        .await
        .problem(401, "refresh_token_reused");
    refresh(app, &third)
        .await
        .problem(401, "invalid_refresh_token");
    refresh(app, &second)
        .await
        .problem(401, "invalid_refresh_token");

    // Another sign-in is another family, unaffected.
    let other = refresh(app, &other_family).await;
    assert_eq!(other.status, StatusCode::OK, "{}", other.body);
    assert_eq!(
        app.get_as("/api/v1/me", &other_access).await.status,
        StatusCode::OK
    );

    // Unknown and malformed refresh tokens.
    refresh(app, "lcr_not-a-token-this-service-issued")
        .await
        .problem(401, "invalid_refresh_token");
    let reply = app.post("/api/v1/auth/refresh", None, &json!({})).await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["refresh_token"]
    );
    let reply = app
        .post("/api/v1/auth/refresh", None, &json!({"refresh_token": 42}))
        .await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["refresh_token"]
    );
}

async fn logout_revokes_the_session(app: &TestApp) {
    app.admin_token().await;
    let (_, kept) = session(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let (_, first) = session(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let rotated = refresh(app, &first).await;
    assert_eq!(rotated.status, StatusCode::OK);
    let second = rotated.body["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();

    let out = app
        .post(
            "/api/v1/auth/logout",
            None,
            &json!({"refresh_token": second}),
        )
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT, "{}", out.body);
    refresh(app, &second)
        .await
        .problem(401, "invalid_refresh_token");
    // The family is gone, so the used ancestor is merely invalid now.
    refresh(app, &first)
        .await
        .problem(401, "invalid_refresh_token");
    // Logging out again, or with an unknown token, still answers 204.
    let again = app
        .post(
            "/api/v1/auth/logout",
            None,
            &json!({"refresh_token": second}),
        )
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    let unknown = app
        .post(
            "/api/v1/auth/logout",
            None,
            &json!({"refresh_token": "lcr_unknown"}),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NO_CONTENT);
    let reply = app.post("/api/v1/auth/logout", None, &json!({})).await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["refresh_token"]
    );
    // The other sign-in is untouched.
    assert_eq!(refresh(app, &kept).await.status, StatusCode::OK);
}

/// Several clients presenting one refresh token at once: exactly one new pair, the others a
/// 401, never a server error.
async fn concurrent_refreshes_issue_exactly_one_pair(app: &TestApp) {
    app.admin_token().await;
    for round in 0..3 {
        let (_, token) = session(app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
        let replies =
            futures_join_all((0..6).map(|_| refresh(app, &token)).collect::<Vec<_>>()).await;
        let mut issued = 0;
        for reply in &replies {
            match reply.status.as_u16() {
                200 => issued += 1,
                401 => {
                    let code = reply.body["code"].as_str().unwrap_or_default();
                    assert!(
                        code == "refresh_token_reused" || code == "invalid_refresh_token",
                        "round {round}: {}",
                        reply.body
                    );
                }
                other => panic!("round {round}: status {other}: {}", reply.body),
            }
        }
        assert_eq!(issued, 1, "round {round}: {issued} pairs from one token");
    }
}

/// Awaits every future (the tests crate has no `futures` dependency).
async fn futures_join_all<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: std::future::Future,
{
    let mut out = Vec::new();
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, slot) in pinned.iter_mut().zip(done.iter_mut()) {
            if slot.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *slot = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    for slot in done {
        out.push(slot.expect("finished"));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

async fn new_accounts_are_validated(app: &TestApp) {
    let admin = app.admin_token().await;
    let base = json!({
        "email": "new.user@example.org", "display_name": "New User", "role": "analyst",
        "password": USER_PASSWORD
    });
    let with = |changes: Value| {
        let mut body = base.clone();
        for (k, v) in changes.as_object().expect("object") {
            if v.is_null() {
                body.as_object_mut().expect("object").remove(k);
            } else {
                body[k] = v.clone();
            }
        }
        body
    };
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (with(json!({"password": "elevenchars"})), vec!["password"]),
        (with(json!({"password": "short"})), vec!["password"]),
        (
            with(
                json!({"email": "Same.Person@example.org", "password": "same.person@EXAMPLE.org"}),
            ),
            vec!["password"],
        ),
        (with(json!({"role": "city_editor"})), vec!["city"]),
        (
            with(json!({"role": "city_editor", "city": "atlantis"})),
            vec!["city"],
        ),
        (
            with(json!({"role": "city_editor", "city": "Not A Slug"})),
            vec!["city"],
        ),
        (with(json!({"city": "phayao"})), vec!["city"]),
        (with(json!({"role": "superuser"})), vec!["role"]),
        (with(json!({"role": "Admin"})), vec!["role"]),
        (with(json!({"email": "not-an-email"})), vec!["email"]),
        (with(json!({"email": "a@b"})), vec!["email"]),
        (with(json!({"email": "a b@example.org"})), vec!["email"]),
        (with(json!({"email": 42})), vec!["email"]),
        (with(json!({"display_name": null})), vec!["display_name"]),
        (with(json!({"active": "yes"})), vec!["active"]),
        (with(json!({"is_admin": true})), vec!["is_admin"]),
        (with(json!({"id": 5})), vec!["id"]),
        (json!({}), vec!["display_name", "email", "password", "role"]),
        (
            with(json!({"email": "nope", "role": "boss"})),
            vec!["email", "role"],
        ),
    ];
    for (body, expected) in cases {
        let reply = app.post("/api/v1/users", Some(&admin), &body).await;
        assert_eq!(
            error_fields(reply.problem(422, "validation_failed")),
            expected,
            "{body}"
        );
    }
    let listed = app.get_as("/api/v1/users", &admin).await;
    assert_eq!(
        listed.body["total"], 1,
        "nothing was created: {}",
        listed.body
    );

    // Twelve characters is enough; the email is unique regardless of case.
    let ok = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &with(json!({"password": "twelve chars"})),
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    assert!(ok.body.get("password").is_none());
    assert!(ok.body.get("password_hash").is_none());
    assert_eq!(ok.body["active"], true);
    for email in ["new.user@example.org", "NEW.User@Example.org"] {
        let reply = app
            .post(
                "/api/v1/users",
                Some(&admin),
                &with(json!({"email": email})),
            )
            .await;
        reply.problem(409, "email_taken");
    }
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &with(json!({"email": ADMIN_EMAIL})),
        )
        .await;
    reply.problem(409, "email_taken");
    let listed = app.get_as("/api/v1/users", &admin).await;
    assert_eq!(listed.body["total"], 2);
}

async fn users_are_listed_for_admins_and_evaluators_for_the_secretariat(app: &TestApp) {
    let admin = app.admin_token().await;
    let analyst = create_user(app, &admin, "ana@example.org", "analyst", None).await;
    create_user(app, &admin, "sec@example.org", "secretariat", None).await;
    create_user(app, &admin, "ed@example.org", "city_editor", Some("phayao")).await;
    create_user(app, &admin, "eva@example.org", "evaluator", None).await;

    let all = raw(app.request(Method::GET, "/api/v1/users", Some(&admin))).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(header(&all.headers, "cache-control"), Some("no-store"));
    assert!(
        !all.text.contains("argon2"),
        "no password hashes: {}",
        all.text
    );
    assert!(!all.text.contains("password"), "{}", all.text);
    let body: Value = serde_json::from_str(&all.text).expect("json");
    assert_eq!(body["total"], 5);
    let emails: Vec<&str> = body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|u| u["email"].as_str().expect("email"))
        .collect();
    assert_eq!(
        emails,
        vec![
            ADMIN_EMAIL,
            "ana@example.org",
            "sec@example.org",
            "ed@example.org",
            "eva@example.org"
        ],
        "oldest first"
    );
    let editor = &body["items"][3];
    assert_eq!(editor["role"], "city_editor");
    assert_eq!(editor["city"], "phayao");

    let analysts = app.get_as("/api/v1/users?role=analyst", &admin).await;
    assert_eq!(analysts.body["total"], 1);
    assert_eq!(analysts.body["items"][0]["id"], analyst["id"]);
    let admins = app.get_as("/api/v1/users?role=admin", &admin).await;
    assert_eq!(admins.body["items"][0]["email"], ADMIN_EMAIL);
    assert_eq!(admins.body["total"], 1);
    let inactive = app.get_as("/api/v1/users?active=false", &admin).await;
    assert_eq!(inactive.body["total"], 0);
    let page = app.get_as("/api/v1/users?limit=2", &admin).await;
    assert_eq!(page.body["items"].as_array().map(Vec::len), Some(2));
    assert!(page.body["next_cursor"].is_string());
    let reply = app.get_as("/api/v1/users?role=boss", &admin).await;
    reply.problem(400, "invalid_query");

    let id = analyst["id"].as_i64().expect("id");
    let one = app.get_as(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body["email"], "ana@example.org");
    app.get_as("/api/v1/users/999999", &admin)
        .await
        .problem(404, "not_found");

    let (secretariat, _) = session(app, "sec@example.org", USER_PASSWORD).await;
    let (editor_token, _) = session(app, "ed@example.org", USER_PASSWORD).await;

    // The secretariat assigns evaluators, so it may list them, and no other accounts.
    let evaluators = app
        .get_as("/api/v1/users?role=evaluator", &secretariat)
        .await;
    assert_eq!(evaluators.status, 200, "{}", evaluators.body);
    let expected = app.get_as("/api/v1/users?role=evaluator", &admin).await;
    assert_eq!(evaluators.body["items"], expected.body["items"]);
    let listed = evaluators.body["items"].as_array().expect("items");
    assert_eq!(listed.len(), 1, "eva@example.org");
    assert!(listed.iter().all(|u| u["role"] == "evaluator"));
    for other in ["", "?role=admin", "?role=city_editor", "?active=false"] {
        app.get_as(&format!("/api/v1/users{other}"), &secretariat)
            .await
            .problem(403, "forbidden");
    }
    app.get_as("/api/v1/users?role=evaluator", &editor_token)
        .await
        .problem(403, "forbidden");

    for token in [&secretariat, &editor_token] {
        app.get_as("/api/v1/users", token)
            .await
            .problem(403, "forbidden");
        app.get_as(&format!("/api/v1/users/{id}"), token)
            .await
            .problem(403, "forbidden");
        app.post(
            "/api/v1/users",
            Some(token),
            &json!({"email": "x@example.org", "display_name": "X", "role": "admin",
                    "password": USER_PASSWORD}),
        )
        .await
        .problem(403, "forbidden");
        app.patch(
            &format!("/api/v1/users/{id}"),
            Some(token),
            &json!({"role": "admin"}),
            None,
        )
        .await
        .problem(403, "forbidden");
        app.delete(&format!("/api/v1/users/{id}"), Some(token), None)
            .await
            .problem(403, "forbidden");
    }
    app.get("/api/v1/users")
        .await
        .problem(401, "authentication_required");
    app.post(
        "/api/v1/users",
        None,
        &json!({"email": "x@example.org", "display_name": "X", "role": "admin",
                "password": USER_PASSWORD}),
    )
    .await
    .problem(401, "authentication_required");
    let after = app.get_as("/api/v1/users", &admin).await;
    assert_eq!(after.body["total"], 5, "no refused write got through");
    assert_eq!(
        app.get_as(&format!("/api/v1/users/{id}"), &admin)
            .await
            .body["role"],
        "analyst"
    );
}

async fn deactivation_cuts_access_at_once(app: &TestApp) {
    let admin = app.admin_token().await;
    let user = create_user(app, &admin, "leaver@example.org", "evaluator", None).await;
    let id = user["id"].as_i64().expect("id");
    let (access, refresh_token) = session(app, "leaver@example.org", USER_PASSWORD).await;
    assert_eq!(
        app.get_as("/api/v1/me", &access).await.status,
        StatusCode::OK
    );

    let gone = app
        .delete(&format!("/api/v1/users/{id}"), Some(&admin), None)
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT, "{}", gone.body);
    app.get_as("/api/v1/me", &access)
        .await
        .problem(401, "invalid_token");
    refresh(app, &refresh_token)
        .await
        .problem(401, "invalid_refresh_token");
    login_reply(app, "leaver@example.org", USER_PASSWORD)
        .await
        .problem(401, "invalid_credentials");
    let account = app.get_as(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(account.body["active"], false);
    let inactive = app.get_as("/api/v1/users?active=false", &admin).await;
    assert_eq!(inactive.body["total"], 1);
    assert_eq!(inactive.body["items"][0]["id"], id);

    let back = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"active": true}),
            None,
        )
        .await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);
    assert_eq!(back.body["active"], true);
    let (fresh, _) = session(app, "leaver@example.org", USER_PASSWORD).await;
    let me = app.get_as("/api/v1/me", &fresh).await;
    assert_eq!(me.body["email"], "leaver@example.org");
    assert_eq!(me.body["role"], "evaluator");
    // Sessions revoked by the deactivation stay revoked, access tokens included.
    refresh(app, &refresh_token)
        .await
        .problem(401, "invalid_refresh_token");
    app.get_as("/api/v1/me", &access)
        .await
        .problem(401, "invalid_token");

    // Deactivating also works through PATCH, and an unknown id is a 404.
    let off = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"active": false}),
            None,
        )
        .await;
    assert_eq!(off.body["active"], false);
    app.get_as("/api/v1/me", &fresh)
        .await
        .problem(401, "invalid_token");
    app.delete("/api/v1/users/999999", Some(&admin), None)
        .await
        .problem(404, "not_found");
}

async fn admins_cannot_lock_themselves_out(app: &TestApp) {
    let admin = app.admin_token().await;
    let id = app.get_as("/api/v1/me", &admin).await.body["id"]
        .as_i64()
        .expect("id");
    let path = format!("/api/v1/users/{id}");
    app.delete(&path, Some(&admin), None)
        .await
        .problem(409, "own_account");
    app.patch(&path, Some(&admin), &json!({"active": false}), None)
        .await
        .problem(409, "own_account");
    app.patch(&path, Some(&admin), &json!({"role": "analyst"}), None)
        .await
        .problem(409, "own_account");
    let me = app.get_as("/api/v1/me", &admin).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["role"], "admin");
    // Other changes to one's own account are fine.
    let renamed = app
        .patch(&path, Some(&admin), &json!({"display_name": "Chief"}), None)
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    assert_eq!(renamed.body["display_name"], "Chief");
    assert_eq!(renamed.body["active"], true);
    // The email cannot change.
    let reply = app
        .patch(
            &path,
            Some(&admin),
            &json!({"email": "boss@example.org"}),
            None,
        )
        .await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["email"]
    );
}

async fn role_changes_apply_to_existing_tokens(app: &TestApp) {
    let admin = app.admin_token().await;
    let user = create_user(app, &admin, "staff@example.org", "secretariat", None).await;
    let id = user["id"].as_i64().expect("id");
    let (token, _) = session(app, "staff@example.org", USER_PASSWORD).await;
    issue_key(app, &token, json!({"name": "First", "owner": "Portal"})).await;

    let demoted = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"role": "analyst"}),
            None,
        )
        .await;
    assert_eq!(demoted.status, StatusCode::OK, "{}", demoted.body);
    assert_eq!(
        app.get_as("/api/v1/me", &token).await.body["role"],
        "analyst"
    );
    app.post(
        "/api/v1/api-keys",
        Some(&token),
        &json!({"name": "Second", "owner": "Portal"}),
    )
    .await
    .problem(403, "forbidden");
    // A city editor needs a city, and loses it with another role.
    let reply = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"role": "city_editor"}),
            None,
        )
        .await;
    assert_eq!(
        error_fields(reply.problem(422, "validation_failed")),
        vec!["city"]
    );
    let editor = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"role": "city_editor", "city": "phayao"}),
            None,
        )
        .await;
    assert_eq!(editor.body["city"], "phayao");
    assert_eq!(
        app.get_as("/api/v1/me", &token).await.body["city"],
        "phayao"
    );
}

async fn password_changes_revoke_sessions(app: &TestApp) {
    let admin = app.admin_token().await;
    let user = create_user(app, &admin, "mover@example.org", "analyst", None).await;
    let path = format!("/api/v1/users/{}", user["id"]);
    let (_, refresh_token) = session(app, "mover@example.org", USER_PASSWORD).await;
    for weak in ["too short", "MOVER@example.org"] {
        let reply = app
            .patch(&path, Some(&admin), &json!({"password": weak}), None)
            .await;
        assert_eq!(
            error_fields(reply.problem(422, "validation_failed")),
            vec!["password"],
            "{weak}"
        );
    }
    // Refused changes leave the sessions alone.
    let rotated = refresh(app, &refresh_token).await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.body);
    let current = rotated.body["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();

    let changed = raw(app
        .request(Method::PATCH, &path, Some(&admin))
        .header("content-type", "application/merge-patch+json")
        .body(json!({"password": "a brand new passphrase"}).to_string()))
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert!(!changed.text.contains("argon2"));
    assert!(!changed.text.contains("passphrase"));
    refresh(app, &current)
        .await
        .problem(401, "invalid_refresh_token");
    login_reply(app, "mover@example.org", USER_PASSWORD)
        .await
        .problem(401, "invalid_credentials");
    session(app, "mover@example.org", "a brand new passphrase").await;
}

// ---------------------------------------------------------------------------------------------
// API keys
// ---------------------------------------------------------------------------------------------

async fn api_keys_are_shown_once_used_and_revoked(app: &TestApp) {
    let admin = app.admin_token().await;
    let staff = create_user(app, &admin, "keys@example.org", "secretariat", None).await;
    let (token, _) = session(app, "keys@example.org", USER_PASSWORD).await;

    let created = raw(app
        .request(Method::POST, "/api/v1/api-keys", Some(&token))
        .json(&json!({"name": "City portal", "owner": "Phayao municipality"})))
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(header(&created.headers, "cache-control"), Some("no-store"));
    let body: Value = serde_json::from_str(&created.text).expect("json");
    let key = body["key"].as_str().expect("key").to_owned();
    let info = &body["api_key"];
    let prefix = info["prefix"].as_str().expect("prefix");
    assert!(key.starts_with("lck_"), "{key}");
    assert!(
        key.starts_with(&format!("lck_{prefix}_")),
        "{key} / {prefix}"
    );
    assert!(key.contains(prefix));
    assert!(key.len() >= 4 + prefix.len() + 1 + 32, "{key}");
    assert_eq!(info["name"], "City portal");
    assert_eq!(info["owner"], "Phayao municipality");
    assert_eq!(info["scopes"], json!(["read"]));
    assert_eq!(info["created_by"], staff["id"]);
    assert!(info["last_used_at"].is_null());
    assert!(info["revoked_at"].is_null());
    assert!(info["expires_at"].is_null());
    assert!(info.get("key").is_none() && info.get("key_hash").is_none());
    let id = info["id"].as_i64().expect("id");
    let secret = secret_of(&key);

    let listing = raw(app.request(Method::GET, "/api/v1/api-keys", Some(&token))).await;
    assert_eq!(listing.status, StatusCode::OK, "{}", listing.text);
    assert!(!listing.text.contains(&key), "the key is shown once only");
    assert!(!listing.text.contains(secret));
    assert!(!listing.text.contains(&sha256_hex(&key)), "nor its hash");
    let listed: Value = serde_json::from_str(&listing.text).expect("json");
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["id"], id);
    assert_eq!(listed["items"][0]["prefix"], prefix);
    assert!(listed["items"][0]["last_used_at"].is_null());

    let used = app.get_with_key("/api/v1/cities?limit=3", &key).await;
    assert_eq!(used.status, StatusCode::OK, "{}", used.body);
    assert_eq!(used.body["items"].as_array().map(Vec::len), Some(3));
    let listed = app.get_as("/api/v1/api-keys", &token).await;
    let last_used = listed.body["items"][0]["last_used_at"]
        .as_str()
        .expect("last_used_at is set after a request");
    assert!(last_used.ends_with('Z'), "{last_used}");

    // A key is for reading public data, not for signed-in endpoints.
    app.get_with_key("/api/v1/api-keys", &key)
        .await
        .problem(401, "authentication_required");
    app.get_with_key("/api/v1/me", &key)
        .await
        .problem(401, "authentication_required");

    // Wrong secret with the right prefix, malformed keys.
    let last = key.chars().last().expect("char");
    let wrong = format!(
        "{}{}",
        &key[..key.len() - 1],
        if last == 'A' { 'B' } else { 'A' }
    );
    for bad in [
        wrong.as_str(),
        &format!("lck_{prefix}_short"),
        "lck_",
        "garbage",
        &format!("lck_0000000000_{secret}"),
        &key.to_uppercase(),
    ] {
        app.get_with_key("/api/v1/cities", bad)
            .await
            .problem(401, "invalid_api_key");
    }

    let revoked = app
        .delete(&format!("/api/v1/api-keys/{id}"), Some(&token), None)
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.body);
    app.get_with_key("/api/v1/cities", &key)
        .await
        .problem(401, "invalid_api_key");
    let live = app.get_as("/api/v1/api-keys", &token).await;
    assert_eq!(live.body["total"], 0);
    let all = app.get_as("/api/v1/api-keys?revoked=true", &token).await;
    assert_eq!(all.body["total"], 1);
    assert!(all.body["items"][0]["revoked_at"].is_string());
    let again = app
        .delete(&format!("/api/v1/api-keys/{id}"), Some(&token), None)
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);
    app.delete("/api/v1/api-keys/999999", Some(&token), None)
        .await
        .problem(404, "not_found");

    // Admins may issue keys too; keys are independent of each other.
    let other = issue_key(app, &admin, json!({"name": "Analytics", "owner": "UIL"})).await;
    let other_key = other["key"].as_str().expect("key");
    assert_ne!(other["api_key"]["prefix"], prefix);
    assert_eq!(
        app.get_with_key("/api/v1/networks", other_key).await.status,
        StatusCode::OK
    );
}

async fn api_key_requests_are_validated_and_staff_only(app: &TestApp) {
    let admin = app.admin_token().await;
    let staff = app.user_token(&admin, "secretariat", None).await;
    let cases = [
        (
            json!({"name": "Old", "owner": "X", "expires_at": "2000-01-01T00:00:00Z"}),
            vec!["expires_at"],
        ),
        (
            json!({"name": "Soon", "owner": "X", "expires_at": "tomorrow"}),
            vec!["expires_at"],
        ),
        (json!({}), vec!["name", "owner"]),
        (json!({"name": "", "owner": "X"}), vec!["name"]),
        (
            json!({"name": "N", "owner": "X", "scopes": ["write"]}),
            vec!["scopes"],
        ),
        (
            json!({"name": "N", "owner": "X", "rate_limit_per_minute": 0}),
            vec!["rate_limit_per_minute"],
        ),
        (
            json!({"name": "N", "owner": "X", "key": "lck_mine"}),
            vec!["key"],
        ),
    ];
    for (body, expected) in cases {
        let reply = app.post("/api/v1/api-keys", Some(&staff), &body).await;
        assert_eq!(
            error_fields(reply.problem(422, "validation_failed")),
            expected,
            "{body}"
        );
    }

    let future = issue_key(
        app,
        &staff,
        json!({"name": "Until 2999", "owner": "X", "expires_at": "2999-01-01T00:00:00Z",
               "rate_limit_per_minute": 100}),
    )
    .await;
    assert!(future["api_key"]["expires_at"]
        .as_str()
        .is_some_and(|t| t.starts_with("2999-01-01T00:00:00")));
    assert_eq!(future["api_key"]["rate_limit_per_minute"], 100);
    let key = future["key"].as_str().expect("key");
    assert_eq!(
        app.get_with_key("/api/v1/countries", key).await.status,
        StatusCode::OK
    );

    for role in ["evaluator", "analyst", "city_editor"] {
        let city = (role == "city_editor").then_some("phayao");
        let token = app.user_token(&admin, role, city).await;
        app.post(
            "/api/v1/api-keys",
            Some(&token),
            &json!({"name": "Mine", "owner": "Me"}),
        )
        .await
        .problem(403, "forbidden");
        app.get_as("/api/v1/api-keys", &token)
            .await
            .problem(403, "forbidden");
        let id = future["api_key"]["id"].as_i64().expect("id");
        app.delete(&format!("/api/v1/api-keys/{id}"), Some(&token), None)
            .await
            .problem(403, "forbidden");
    }
    app.post(
        "/api/v1/api-keys",
        None,
        &json!({"name": "Mine", "owner": "Me"}),
    )
    .await
    .problem(401, "authentication_required");
    app.get("/api/v1/api-keys")
        .await
        .problem(401, "authentication_required");
    let listed = app.get_as("/api/v1/api-keys", &admin).await;
    assert_eq!(listed.body["total"], 1, "only the valid key exists");
    assert_eq!(
        app.get_with_key("/api/v1/countries", key).await.status,
        StatusCode::OK,
        "refused revocations left the key alone"
    );
}

async fn api_keys_keep_their_own_rate_limit(app: &TestApp) {
    let admin = app.admin_token().await;
    let limited = issue_key(
        app,
        &admin,
        json!({"name": "Tight", "owner": "X", "rate_limit_per_minute": 2}),
    )
    .await;
    let free = issue_key(app, &admin, json!({"name": "Default", "owner": "Y"})).await;
    let limited = limited["key"].as_str().expect("key");
    let free = free["key"].as_str().expect("key");
    for n in 1..=2 {
        let reply = app.get_with_key("/api/v1/countries", limited).await;
        assert_eq!(reply.status, StatusCode::OK, "request {n}: {}", reply.body);
    }
    let third = app.get_with_key("/api/v1/countries", limited).await;
    assert_rate_limited(&third);
    for _ in 0..5 {
        assert_eq!(
            app.get_with_key("/api/v1/countries", free).await.status,
            StatusCode::OK
        );
    }
    // Anonymous requests from the same address are counted separately.
    assert_eq!(app.get("/api/v1/countries").await.status, StatusCode::OK);
}

// ---------------------------------------------------------------------------------------------
// Rate limits
// ---------------------------------------------------------------------------------------------

async fn login_attempts_are_limited_per_account(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.limits.login_per_account_per_minute = 3).await;
    let admin = app.admin_token().await;
    create_user(&app, &admin, "target@example.org", "analyst", None).await;
    create_user(&app, &admin, "bystander@example.org", "analyst", None).await;
    for n in 1..=3 {
        login_reply(&app, "target@example.org", &format!("guess number {n}"))
            .await
            .problem(401, "invalid_credentials");
    }
    // The fourth attempt is refused before the password is looked at, even the right one, and
    // whatever the case of the address.
    assert_rate_limited(&login_reply(&app, "target@example.org", USER_PASSWORD).await);
    assert_rate_limited(&login_reply(&app, "TARGET@Example.org", USER_PASSWORD).await);
    // Other accounts are unaffected, known or not.
    login_reply(&app, "nobody@example.org", "some password")
        .await
        .problem(401, "invalid_credentials");
    login_reply(&app, "bystander@example.org", "wrong password")
        .await
        .problem(401, "invalid_credentials");
    session(&app, "bystander@example.org", USER_PASSWORD).await;
    // Signed-in requests of the admin go on.
    assert_eq!(
        app.get_as("/api/v1/me", &admin).await.status,
        StatusCode::OK
    );
    app.stop().await;
}

async fn login_attempts_are_limited_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.limits.login_per_ip_per_minute = 3).await;
    app.admin_token().await;
    let attacker = client_from(2);
    let attempt = |email: String| {
        attacker
            .post(format!("{}/api/v1/auth/login", app.url))
            .json(&json!({"email": email, "password": "not it at all"}))
    };
    for n in 1..=3 {
        app.send(attempt(format!("user{n}@example.org")))
            .await
            .problem(401, "invalid_credentials");
    }
    assert_rate_limited(&app.send(attempt("user4@example.org".to_owned())).await);
    assert_rate_limited(
        &app.send(
            attacker
                .post(format!("{}/api/v1/auth/login", app.url))
                .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})),
        )
        .await,
    );
    // The default client's address has its own budget.
    session(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    app.stop().await;
}

async fn anonymous_requests_are_limited_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.limits.anonymous_per_minute = 5).await;
    let admin = app.admin_token().await;
    let issued = issue_key(&app, &admin, json!({"name": "Portal", "owner": "X"})).await;
    let key = issued["key"].as_str().expect("key");
    let visitor = client_from(3);
    let url = format!("{}/api/v1/countries", app.url);
    for n in 1..=5 {
        let reply = app.send(visitor.get(&url)).await;
        assert_eq!(reply.status, StatusCode::OK, "request {n}: {}", reply.body);
    }
    let sixth = app.send(visitor.get(&url)).await;
    assert_rate_limited(&sixth);
    assert!(sixth.headers.contains_key("x-content-type-options"));
    // A forwarded-for header does not buy a fresh budget.
    assert_rate_limited(
        &app.send(visitor.get(&url).header("x-forwarded-for", "203.0.113.7"))
            .await,
    );
    // With credentials, the same address goes on.
    let keyed = app.send(visitor.get(&url).header("x-api-key", key)).await;
    assert_eq!(keyed.status, StatusCode::OK, "{}", keyed.body);
    let signed_in = app.send(visitor.get(&url).bearer_auth(&admin)).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    // Another address is unaffected.
    assert_eq!(app.get("/api/v1/countries").await.status, StatusCode::OK);
    // The probes are never limited.
    let health = app.send(visitor.get(format!("{}/healthz", app.url))).await;
    assert_eq!(health.status, StatusCode::OK);
    app.stop().await;
}

async fn rate_limits_can_be_switched_off(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| {
        c.limits.rate_limits = false;
        c.limits.anonymous_per_minute = 5;
        c.limits.login_per_account_per_minute = 3;
        c.limits.login_per_ip_per_minute = 3;
    })
    .await;
    let admin = app.admin_token().await;
    let issued = issue_key(
        &app,
        &admin,
        json!({"name": "Tight", "owner": "X", "rate_limit_per_minute": 2}),
    )
    .await;
    let key = issued["key"].as_str().expect("key");
    for n in 0..12 {
        let reply = app.get("/api/v1/countries").await;
        assert_eq!(reply.status, StatusCode::OK, "anonymous {n}");
    }
    for n in 0..6 {
        let reply = app.get_with_key("/api/v1/countries", key).await;
        assert_eq!(reply.status, StatusCode::OK, "key {n}");
    }
    for _ in 0..6 {
        login_reply(&app, ADMIN_EMAIL, "wrong password")
            .await
            .problem(401, "invalid_credentials");
    }
    session(&app, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

async fn writes_are_audited_without_secrets(app: &TestApp) {
    let admin = app.admin_token().await;
    let admin_id = app.get_as("/api/v1/me", &admin).await.body["id"].clone();
    let user = create_user(app, &admin, "audited@example.org", "analyst", None).await;
    let issued = issue_key(app, &admin, json!({"name": "Audited", "owner": "X"})).await;
    let key = issued["key"].as_str().expect("key").to_owned();
    let key_id = issued["api_key"]["id"].clone();
    let user_path = format!("/api/v1/users/{}", user["id"]);
    let off = app.delete(&user_path, Some(&admin), None).await;
    assert_eq!(off.status, StatusCode::NO_CONTENT);
    let revoked = app
        .delete(&format!("/api/v1/api-keys/{key_id}"), Some(&admin), None)
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);

    let log = raw(app.request(Method::GET, "/api/v1/audit-log?limit=200", Some(&admin))).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.text);
    assert_eq!(header(&log.headers, "cache-control"), Some("no-store"));
    for secret in [
        "argon2",
        key.as_str(),
        secret_of(&key),
        &sha256_hex(&key),
        USER_PASSWORD,
        ADMIN_PASSWORD,
        "password",
        "key_hash",
    ] {
        assert!(!log.text.contains(secret), "the audit log shows {secret:?}");
    }
    let body: Value = serde_json::from_str(&log.text).expect("json");
    let items = body["items"].as_array().expect("items");
    assert_eq!(body["total"], items.len() as i64);
    let find = |entity: &str, action: &str| {
        items
            .iter()
            .find(|e| e["entity"] == entity && e["action"] == action)
            .unwrap_or_else(|| panic!("no {action} of {entity} in {body}"))
    };

    let created = find("user", "create");
    // The first admin came from the command line; the entry found first (newest) is the API's.
    assert_eq!(created["entity_id"], user["id"].to_string());
    assert_eq!(created["actor"], ADMIN_EMAIL);
    assert_eq!(created["actor_user_id"], admin_id);
    assert!(created["before"].is_null());
    assert_eq!(created["after"]["email"], "audited@example.org");
    assert_eq!(created["after"]["role"], "analyst");
    let mut keys: Vec<&String> = created["after"]
        .as_object()
        .expect("after")
        .keys()
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "active",
            "city",
            "created_at",
            "display_name",
            "email",
            "id",
            "role",
            "updated_at"
        ]
    );
    assert!(created["at"].as_str().is_some_and(|t| t.ends_with('Z')));

    let cli = items
        .iter()
        .find(|e| e["entity"] == "user" && e["action"] == "create" && e["actor"] == "cli")
        .expect("the command-line creation of the first admin");
    assert!(cli["actor_user_id"].is_null());
    assert_eq!(cli["after"]["email"], ADMIN_EMAIL);

    let key_created = find("api_key", "create");
    assert_eq!(key_created["entity_id"], key_id.to_string());
    assert_eq!(key_created["actor"], ADMIN_EMAIL);
    assert_eq!(key_created["after"]["prefix"], issued["api_key"]["prefix"]);
    assert!(key_created["after"].get("key").is_none());

    let deactivated = find("user", "deactivate");
    assert_eq!(deactivated["before"]["active"], true);
    assert_eq!(deactivated["after"]["active"], false);
    let key_revoked = find("api_key", "revoke");
    assert!(key_revoked["before"]["revoked_at"].is_null());
    assert!(key_revoked["after"]["revoked_at"].is_string());

    // Newest first.
    let ids: Vec<i64> = items
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");

    let only_keys = app.get_as("/api/v1/audit-log?entity=api_key", &admin).await;
    assert_eq!(only_keys.body["total"], 2);
    assert!(only_keys.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|e| e["entity"] == "api_key"));
    let by_admin = app
        .get_as("/api/v1/audit-log?actor=ADMIN@example.org", &admin)
        .await;
    assert_eq!(by_admin.body["total"], 4, "{}", by_admin.body);
    app.get_as("/api/v1/audit-log?since=yesterday", &admin)
        .await
        .problem(400, "invalid_query");

    let staff = app.user_token(&admin, "secretariat", None).await;
    app.get_as("/api/v1/audit-log", &staff)
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/audit-log")
        .await
        .problem(401, "authentication_required");
    let other = issue_key(app, &admin, json!({"name": "Reader", "owner": "X"})).await;
    app.get_with_key("/api/v1/audit-log", other["key"].as_str().expect("key"))
        .await
        .problem(401, "authentication_required");
}

// ---------------------------------------------------------------------------------------------
// Security headers and CORS
// ---------------------------------------------------------------------------------------------

async fn responses_carry_security_headers(app: &TestApp) {
    let admin = app.admin_token().await;
    let samples = [
        app.get("/api/v1/cities?limit=1").await,
        app.get_as("/api/v1/me", &admin).await,
        app.get("/api/v1/me").await,
        app.get_as("/api/v1/me", "garbage").await,
        app.get("/api/v1/no-such-thing").await,
        login_reply(app, ADMIN_EMAIL, "wrong password").await,
        app.send(
            app.request(Method::POST, "/api/v1/auth/login", None)
                .body("x"),
        )
        .await,
    ];
    let statuses: Vec<u16> = samples.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(statuses, vec![200, 200, 401, 401, 404, 401, 415]);
    for reply in &samples {
        assert_eq!(
            header(&reply.headers, "x-content-type-options"),
            Some("nosniff"),
            "{}",
            reply.status
        );
        let policy = header(&reply.headers, "content-security-policy").unwrap_or_default();
        assert!(
            policy.contains("default-src 'none'"),
            "{}: {policy}",
            reply.status
        );
        assert!(policy.contains("frame-ancestors 'none'"));
        assert_eq!(header(&reply.headers, "x-frame-options"), Some("DENY"));
        assert_eq!(
            header(&reply.headers, "referrer-policy"),
            Some("no-referrer")
        );
    }
    let home = raw(app.client.get(format!("{}/", app.url))).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(header(&home.headers, "content-type").is_some_and(|t| t.starts_with("text/html")));
    assert_eq!(
        header(&home.headers, "x-content-type-options"),
        Some("nosniff")
    );
    assert!(header(&home.headers, "content-security-policy")
        .is_some_and(|p| p.contains("script-src 'self'")));
}

async fn cors_preflights_are_answered(app: &TestApp) {
    let preflight = |method: &'static str, headers: &'static str| {
        app.client
            .request(Method::OPTIONS, format!("{}/api/v1/cities", app.url))
            .header("origin", "https://portal.example")
            .header("access-control-request-method", method)
            .header("access-control-request-headers", headers)
    };
    let reply = raw(preflight("GET", "x-api-key")).await;
    assert!(
        reply.status.is_success(),
        "{}: {}",
        reply.status,
        reply.text
    );
    assert_eq!(
        header(&reply.headers, "access-control-allow-origin"),
        Some("*")
    );
    let methods = header(&reply.headers, "access-control-allow-methods").unwrap_or_default();
    assert!(methods.contains("GET"), "{methods}");
    let allowed = header(&reply.headers, "access-control-allow-headers")
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(allowed.contains("x-api-key"), "{allowed}");
    let reply = raw(preflight("PATCH", "authorization, if-match, content-type")).await;
    assert!(reply.status.is_success(), "{}", reply.status);
    let allowed = header(&reply.headers, "access-control-allow-headers")
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("if-match"));

    let simple = app
        .send(
            app.client
                .get(format!("{}/api/v1/cities?limit=1", app.url))
                .header("origin", "https://portal.example"),
        )
        .await;
    assert_eq!(simple.status, StatusCode::OK);
    assert_eq!(
        header(&simple.headers, "access-control-allow-origin"),
        Some("*")
    );
    let exposed = header(&simple.headers, "access-control-expose-headers")
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(
        exposed.contains("retry-after") && exposed.contains("etag"),
        "{exposed}"
    );
}

async fn cors_origins_can_be_restricted(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| {
        c.cors_origins = "https://portal.example, https://other.example".to_owned();
    })
    .await;
    let preflight = |origin: &'static str| {
        raw(app
            .client
            .request(Method::OPTIONS, format!("{}/api/v1/cities", app.url))
            .header("origin", origin)
            .header("access-control-request-method", "GET"))
    };
    let allowed = preflight("https://portal.example").await;
    assert!(allowed.status.is_success(), "{}", allowed.status);
    assert_eq!(
        header(&allowed.headers, "access-control-allow-origin"),
        Some("https://portal.example")
    );
    let second = preflight("https://other.example").await;
    assert_eq!(
        header(&second.headers, "access-control-allow-origin"),
        Some("https://other.example")
    );
    let refused = preflight("https://evil.example").await;
    assert!(
        !refused.headers.contains_key("access-control-allow-origin"),
        "{:?}",
        refused.headers
    );
    app.stop().await;
}

/// RFC 9110 section 11.1: the authentication scheme is a case-insensitive token, so
/// `bearer <token>` is the same credential as `Bearer <token>`.
async fn the_bearer_scheme_is_case_insensitive(app: &TestApp) {
    let admin = app.admin_token().await;
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let reply = me_with_authorization(app, &format!("{scheme} {admin}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{scheme}: {}", reply.body);
        assert_eq!(reply.body["email"], ADMIN_EMAIL);
    }
}

/// A password set with `learning-city user add` signs in with exactly that password.
async fn cli_passwords_with_surrounding_spaces_sign_in(app: &TestApp) {
    let database = app.database();
    let password = "  padded passphrase  ";
    let created = tokio::task::spawn_blocking(move || {
        learning_city::cli::add_user(
            &database,
            "padded@example.org",
            "analyst",
            None,
            None,
            password,
        )
    })
    .await
    .expect("task")
    .expect("user created");
    assert_eq!(created.email, "padded@example.org");
    let reply = login_reply(app, "padded@example.org", password).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let me = app
        .get_as(
            "/api/v1/me",
            reply.body["access_token"].as_str().expect("token"),
        )
        .await;
    assert_eq!(me.body["email"], "padded@example.org");
}

/// Requests whose credentials are refused are still requests without credentials: they count
/// against the per-address limit, or guessing keys and tokens is unlimited (and every guessed
/// API key costs a database lookup).
async fn refused_credentials_count_against_the_address_limit(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.limits.anonymous_per_minute = 5).await;
    let visitor = client_from(4);
    let url = format!("{}/api/v1/countries", app.url);
    for n in 1..=5 {
        let reply = app.send(visitor.get(&url)).await;
        assert_eq!(reply.status, StatusCode::OK, "request {n}");
    }
    assert_rate_limited(&app.send(visitor.get(&url)).await);
    let guess = format!("lck_0123456789_{}", "A".repeat(43));
    for n in 0..20 {
        let reply = app
            .send(visitor.get(&url).header("x-api-key", &guess))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::TOO_MANY_REQUESTS,
            "guessed key {n}: {}",
            reply.body
        );
        let reply = app
            .send(visitor.get(&url).bearer_auth("forged.token.here"))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::TOO_MANY_REQUESTS,
            "forged token {n}: {}",
            reply.body
        );
    }
    app.stop().await;
}

/// An editor whose city was archived can still be renamed and deactivated; moving them to an
/// archived city is refused.
async fn editors_of_an_archived_city_can_be_deactivated(app: &TestApp) {
    let admin = app.admin_token().await;
    let editor = create_user(
        app,
        &admin,
        "nan-ed@example.org",
        "city_editor",
        Some("phayao"),
    )
    .await;
    let id = editor["id"].as_i64().expect("id");
    let city = app.get("/api/v1/cities/phayao").await;
    let tag = city.headers["etag"].to_str().expect("etag").to_owned();
    let archived = app
        .delete("/api/v1/cities/phayao", Some(&admin), Some(&tag))
        .await;
    assert_eq!(archived.status, StatusCode::NO_CONTENT, "{}", archived.body);

    let renamed = app
        .patch(
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &json!({"display_name": "Former Phayao editor"}),
            None,
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
    assert_eq!(renamed.body["city"], "phayao");
    let gone = app
        .delete(&format!("/api/v1/users/{id}"), Some(&admin), None)
        .await;
    assert!(gone.status.is_success(), "{}", gone.body);
    let after = app.get_as(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(after.body["active"], false);

    let other = create_user(
        app,
        &admin,
        "ked@example.org",
        "city_editor",
        Some("khon-kaen"),
    )
    .await;
    app.patch(
        &format!("/api/v1/users/{}", other["id"]),
        Some(&admin),
        &json!({"city": "phayao"}),
        None,
    )
    .await
    .problem(422, "validation_failed");
}

on_both_backends!(
    editors_of_an_archived_city_can_be_deactivated,
    login_issues_a_token_pair_and_me_returns_the_user,
    failed_logins_are_indistinguishable,
    login_bodies_are_checked,
    me_needs_a_valid_access_token,
    refresh_rotates_and_reuse_revokes_the_family,
    logout_revokes_the_session,
    concurrent_refreshes_issue_exactly_one_pair,
    new_accounts_are_validated,
    users_are_listed_for_admins_and_evaluators_for_the_secretariat,
    deactivation_cuts_access_at_once,
    admins_cannot_lock_themselves_out,
    role_changes_apply_to_existing_tokens,
    password_changes_revoke_sessions,
    api_keys_are_shown_once_used_and_revoked,
    api_key_requests_are_validated_and_staff_only,
    api_keys_keep_their_own_rate_limit,
    writes_are_audited_without_secrets,
    responses_carry_security_headers,
    cors_preflights_are_answered,
);

/// Tests that start their apps with a configuration of their own, on each backend.
mod configured {
    use super::*;

    with_both_backends!(
        bodies_over_the_limit_are_refused,
        forged_tokens_are_checked_claim_by_claim,
        tokens_of_another_secret_are_refused,
        login_attempts_are_limited_per_account,
        login_attempts_are_limited_per_address,
        anonymous_requests_are_limited_per_address,
        rate_limits_can_be_switched_off,
        cors_origins_can_be_restricted,
    );
}

// Regressions: behaviour these tests once found broken.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_the_bearer_scheme_is_case_insensitive() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    the_bearer_scheme_is_case_insensitive(&app).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_the_bearer_scheme_is_case_insensitive() {
    let app = TestApp::spawn(Backend::Postgres).await;
    the_bearer_scheme_is_case_insensitive(&app).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_cli_passwords_with_surrounding_spaces_sign_in() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    cli_passwords_with_surrounding_spaces_sign_in(&app).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_cli_passwords_with_surrounding_spaces_sign_in() {
    let app = TestApp::spawn(Backend::Postgres).await;
    cli_passwords_with_surrounding_spaces_sign_in(&app).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_refused_credentials_count_against_the_address_limit() {
    refused_credentials_count_against_the_address_limit(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_refused_credentials_count_against_the_address_limit() {
    refused_credentials_count_against_the_address_limit(Backend::Postgres).await;
}
