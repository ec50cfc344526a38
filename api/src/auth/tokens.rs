//! Access tokens (HS256 JWTs with pinned issuer and audience), opaque refresh tokens and API
//! keys, and the random and hashing helpers they share.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `iss` of every access token.
pub const ISSUER: &str = "learning-city";
/// The `aud` of every access token.
pub const AUDIENCE: &str = "learning-city-api";

/// The claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    /// The user's session epoch when issued; ending a user's sessions moves it on.
    #[serde(default)]
    pub epoch: i32,
}

/// Signs and checks access tokens.
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Access token lifetime in seconds.
    pub access_ttl: i64,
    /// Refresh token lifetime in days.
    pub refresh_ttl_days: i64,
}

impl TokenKeys {
    /// Keys from a secret of at least 32 bytes.
    pub fn new(secret: &[u8], access_ttl: i64, refresh_ttl_days: i64) -> Result<Self, String> {
        if secret.len() < 32 {
            return Err("the JWT secret must be at least 32 bytes".to_owned());
        }
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Ok(TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl: access_ttl.max(1),
            refresh_ttl_days: refresh_ttl_days.max(1),
        })
    }

    /// A signed access token for `user_id` in session epoch `epoch`.
    pub fn access_token(&self, user_id: i64, epoch: i32) -> Result<String, String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            exp: now + self.access_ttl,
            epoch,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| e.to_string())
    }

    /// The user id and session epoch of a valid access token.
    pub fn verify(&self, token: &str) -> Option<(i64, i32)> {
        let claims = decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()?
            .claims;
        Some((claims.sub.parse().ok()?, claims.epoch))
    }
}

/// `n` random bytes from the operating system.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// A random URL-safe token of 32 bytes of entropy.
pub fn random_token() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes(32))
}

/// SHA-256 as hex: how refresh tokens and API keys are stored.
pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// A new refresh token (`lcr_...`).
pub fn new_refresh_token() -> String {
    format!("lcr_{}", random_token())
}

/// A new API key `lck_<prefix>_<secret>` and its visible prefix.
pub fn new_api_key() -> (String, String) {
    let prefix = hex::encode(random_bytes(5));
    (format!("lck_{prefix}_{}", random_token()), prefix)
}

/// The prefix of an API key, if it has the right shape.
pub fn api_key_prefix(key: &str) -> Option<&str> {
    let rest = key.strip_prefix("lck_")?;
    let (prefix, secret) = rest.split_once('_')?;
    (prefix.len() == 10 && prefix.chars().all(|c| c.is_ascii_hexdigit()) && secret.len() >= 32)
        .then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_tokens_round_trip_and_reject_other_keys() {
        let keys = TokenKeys::new(&[7u8; 32], 60, 1).expect("keys");
        let other = TokenKeys::new(&[8u8; 32], 60, 1).expect("keys");
        let token = keys.access_token(42, 3).expect("token");
        assert_eq!(keys.verify(&token), Some((42, 3)));
        assert_eq!(other.verify(&token), None);
        assert!(TokenKeys::new(b"short", 60, 1).is_err());
    }

    #[test]
    fn api_keys_have_a_visible_prefix() {
        let (key, prefix) = new_api_key();
        assert_eq!(api_key_prefix(&key), Some(prefix.as_str()));
        assert_eq!(api_key_prefix("lck_short_x"), None);
        assert_ne!(sha256_hex(&key), key);
    }
}
