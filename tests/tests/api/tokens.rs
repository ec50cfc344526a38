//! Access tokens are checked strictly: signature, algorithm, issuer, audience and expiry. The
//! tests sign their own tokens with the service's configured secret, so that each refusal is
//! about the one claim that is wrong.

use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use crate::common::tokens::{b64url, unix_now};
use crate::common::{Backend, TestApp};

const SECRET: &str = "a test secret that is long enough for HS256 signing";

fn sign(claims: &Value, secret: &str, algorithm: Algorithm) -> String {
    encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("sign")
}

fn claims(sub: &str, iss: &str, aud: &str, exp_offset: i64) -> Value {
    let now = unix_now();
    json!({"sub": sub, "iss": iss, "aud": aud, "iat": now, "exp": now + exp_offset})
}

#[test]
fn the_hand_made_base64url_is_right() {
    assert_eq!(b64url(b"hello"), "aGVsbG8");
    assert_eq!(b64url(br#"{"alg":"none"}"#), "eyJhbGciOiJub25lIn0");
}

async fn check(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c| c.auth.jwt_secret = Some(SECRET.to_owned())).await;
    let admin = app.admin_token().await;
    let me = app.get_as("/api/v1/me", &admin).await;
    assert_eq!(me.status, 200);
    let id = me.body["id"].as_i64().expect("id").to_string();

    let good = sign(
        &claims(&id, "learning-city", "learning-city-api", 600),
        SECRET,
        Algorithm::HS256,
    );
    assert_eq!(
        app.get_as("/api/v1/me", &good).await.status,
        200,
        "a correctly signed token works"
    );

    let refused = [
        (
            "expired",
            sign(
                &claims(&id, "learning-city", "learning-city-api", -600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong audience",
            sign(
                &claims(&id, "learning-city", "another-api", 600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong issuer",
            sign(
                &claims(&id, "someone-else", "learning-city-api", 600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "other key",
            sign(
                &claims(&id, "learning-city", "learning-city-api", 600),
                "another secret that is also long enough",
                Algorithm::HS256,
            ),
        ),
        (
            "other algorithm",
            sign(
                &claims(&id, "learning-city", "learning-city-api", 600),
                SECRET,
                Algorithm::HS384,
            ),
        ),
        (
            "unknown user",
            sign(
                &claims("999999", "learning-city", "learning-city-api", 600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "alg none",
            format!(
                "{}.{}.",
                b64url(br#"{"alg":"none","typ":"JWT"}"#),
                b64url(
                    claims(&id, "learning-city", "learning-city-api", 600)
                        .to_string()
                        .as_bytes()
                )
            ),
        ),
        ("tampered", {
            let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
            parts[1] = b64url(
                claims(&id, "learning-city", "learning-city-api", 6000)
                    .to_string()
                    .as_bytes(),
            );
            parts.join(".")
        }),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (what, token) in refused {
        let reply = app.get_as("/api/v1/me", &token).await;
        reply.problem(401, "invalid_token");
        assert!(reply.headers.contains_key("www-authenticate"), "{what}");
        let write = app
            .post(
                "/api/v1/cities",
                Some(&token),
                &json!({"name": {"en": "Forged"}, "country": "TH"}),
            )
            .await;
        write.problem(401, "invalid_token");
    }
    assert_eq!(
        app.json("/api/v1/cities?q=forged").await["total"],
        0,
        "no forged write landed"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_checked_strictly_on_sqlite() {
    check(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_checked_strictly_on_postgres() {
    check(Backend::Postgres).await;
}
