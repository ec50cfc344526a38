//! In-process rate limits (GCRA via `governor`): anonymous requests per IP, requests per API key,
//! and login attempts per IP and per account. Each instance counts on its own.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::Key;
use crate::config::LimitConfig;
use crate::error::ApiError;

/// Keyed limiters are pruned of idle keys once they track this many.
const PRUNE_AT: usize = 10_000;

fn quota(per_minute: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))
}

fn keyed<K: Hash + Eq + Clone>(per_minute: u32) -> DefaultKeyedRateLimiter<K> {
    RateLimiter::keyed(quota(per_minute))
}

/// Every limit of one service instance.
pub struct Limits {
    enabled: bool,
    anonymous: DefaultKeyedRateLimiter<IpAddr>,
    login_ip: DefaultKeyedRateLimiter<IpAddr>,
    login_account: DefaultKeyedRateLimiter<String>,
    key_default: u32,
    keys: Mutex<HashMap<i64, (u32, DefaultDirectRateLimiter)>>,
}

impl Limits {
    /// Limits as configured.
    pub fn new(config: &LimitConfig) -> Self {
        Limits {
            enabled: config.rate_limits,
            anonymous: keyed(config.anonymous_per_minute),
            login_ip: keyed(config.login_per_ip_per_minute),
            login_account: keyed(config.login_per_account_per_minute),
            key_default: config.api_key_per_minute,
            keys: Mutex::new(HashMap::new()),
        }
    }

    fn keyed_check<K: Hash + Eq + Clone>(
        &self,
        limiter: &DefaultKeyedRateLimiter<K>,
        key: &K,
        what: &str,
    ) -> Result<(), ApiError> {
        if !self.enabled {
            return Ok(());
        }
        if limiter.len() > PRUNE_AT {
            limiter.retain_recent();
        }
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::too_many_requests(format!("too many {what}; retry later"), wait.as_secs() + 1)
        })
    }

    /// An anonymous request from `ip`.
    pub fn anonymous(&self, ip: IpAddr) -> Result<(), ApiError> {
        self.keyed_check(&self.anonymous, &ip, "requests from this address")
    }

    /// A request with API key `key`, at its own limit or the default.
    pub fn api_key(&self, key: &Key) -> Result<(), ApiError> {
        if !self.enabled {
            return Ok(());
        }
        let per_minute = key.rate_limit_per_minute.unwrap_or(self.key_default);
        let mut keys = self
            .keys
            .lock()
            .map_err(|_| ApiError::Internal("rate limiter lock poisoned".to_owned()))?;
        let entry = keys
            .entry(key.id)
            .or_insert_with(|| (per_minute, RateLimiter::direct(quota(per_minute))));
        if entry.0 != per_minute {
            *entry = (per_minute, RateLimiter::direct(quota(per_minute)));
        }
        entry.1.check().map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::too_many_requests(
                format!(
                    "API key {} is over its limit of {per_minute} requests per minute",
                    key.prefix
                ),
                wait.as_secs() + 1,
            )
        })
    }

    /// A login attempt from `ip` for `email` (counted against both).
    pub fn login(&self, ip: IpAddr, email: &str) -> Result<(), ApiError> {
        self.keyed_check(&self.login_ip, &ip, "login attempts from this address")?;
        self.keyed_check(
            &self.login_account,
            &email.trim().to_lowercase(),
            "login attempts for this account",
        )
    }
}
