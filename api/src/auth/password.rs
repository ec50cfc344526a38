//! Password hashing with argon2id at the OWASP-recommended parameters, and the password rules.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

/// argon2id with m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// At most one argon2 computation per CPU core at a time. Each takes 19 MiB: unbounded, a burst
/// of logins would ask for that much per waiting blocking thread, and more parallel hashes than
/// cores only make every login slower. (That the allocator gave none of it back, leaving the
/// process at several GB after a burst, was glibc's sliding mmap threshold: see
/// [`crate::memory`].)
struct Gate {
    running: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
    limit: usize,
}

/// Holds one place in the [`Gate`] until dropped.
struct Turn(&'static Gate);

impl Drop for Turn {
    fn drop(&mut self) {
        let mut running = self.0.running.lock().unwrap_or_else(|e| e.into_inner());
        *running -= 1;
        self.0.freed.notify_one();
    }
}

fn turn() -> Turn {
    static GATE: std::sync::OnceLock<Gate> = std::sync::OnceLock::new();
    let gate = GATE.get_or_init(|| Gate {
        running: std::sync::Mutex::new(0),
        freed: std::sync::Condvar::new(),
        limit: std::thread::available_parallelism().map_or(2, usize::from),
    });
    let mut running = gate.running.lock().unwrap_or_else(|e| e.into_inner());
    while *running >= gate.limit {
        running = gate.freed.wait(running).unwrap_or_else(|e| e.into_inner());
    }
    *running += 1;
    Turn(gate)
}

/// Hashes a password into a PHC string. Slow by design: call it off the async workers.
pub fn hash(password: &str) -> Result<String, String> {
    let _turn = turn();
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against a PHC string; any malformed hash counts as a mismatch.
pub fn verify(password: &str, phc: &str) -> bool {
    let _turn = turn();
    PasswordHash::new(phc)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Why a password is refused, or `None` when it is acceptable.
pub fn weakness(password: &str, email: &str) -> Option<&'static str> {
    if password.chars().count() < 12 {
        return Some("must be at least 12 characters");
    }
    if password.chars().count() > 256 {
        return Some("must be at most 256 characters");
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Some("must not be the email address");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_use_argon2id() {
        let phc = hash("correct horse battery").unwrap_or_default();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery", &phc));
        assert!(!verify("wrong horse battery", &phc));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn password_rules() {
        assert!(weakness("short", "a@b.org").is_some());
        assert!(weakness("editor@city.go.th", "Editor@City.go.th").is_some());
        assert_eq!(weakness("a long passphrase", "a@b.org"), None);
    }
}
