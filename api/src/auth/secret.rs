//! The access-token signing secret: from configuration, or generated once and kept (in a file
//! beside the SQLite database, or in the PostgreSQL database so that every instance shares it).

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use diesel::prelude::*;

use super::tokens::random_bytes;
use crate::db::schema::service_secrets;
use crate::db::{now, Backend, DbConnection};

const NAME: &str = "jwt-secret";

/// The secret bytes to sign with.
pub fn signing_secret(
    configured: Option<&str>,
    backend: &Backend,
    conn: &mut DbConnection,
) -> Result<Vec<u8>, String> {
    if let Some(secret) = configured {
        return Ok(secret.as_bytes().to_vec());
    }
    match backend {
        Backend::Sqlite(path) => {
            let dir = Path::new(path).parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            file_secret(&dir.join(NAME))
        }
        Backend::Postgres(_) => database_secret(conn),
    }
}

fn decode(text: &str, origin: &str) -> Result<Vec<u8>, String> {
    STANDARD
        .decode(text.trim())
        .map_err(|e| format!("{origin} does not hold a base64 secret: {e}"))
}

fn file_secret(path: &Path) -> Result<Vec<u8>, String> {
    let origin = path.display().to_string();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            let secret = random_bytes(48);
            file.write_all(STANDARD.encode(&secret).as_bytes())
                .map_err(|e| format!("cannot write {origin}: {e}"))?;
            Ok(secret)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {origin}: {e}"))?;
            decode(&text, &origin)
        }
        Err(e) => Err(format!("cannot create {origin}: {e}")),
    }
}

fn stored(conn: &mut DbConnection) -> Result<Option<String>, String> {
    service_secrets::table
        .find(NAME)
        .select(service_secrets::value)
        .first::<String>(conn)
        .optional()
        .map_err(|e| e.to_string())
}

fn database_secret(conn: &mut DbConnection) -> Result<Vec<u8>, String> {
    if let Some(value) = stored(conn)? {
        return decode(&value, "the stored secret");
    }
    let inserted = diesel::insert_into(service_secrets::table)
        .values((
            service_secrets::name.eq(NAME),
            service_secrets::value.eq(STANDARD.encode(random_bytes(48))),
            service_secrets::created_at.eq(now()),
        ))
        .execute(conn);
    if let Err(e) = inserted {
        // Another instance may have stored one first; use whichever is there.
        tracing::debug!(error = %e, "secret insert lost a race");
    }
    let value = stored(conn)?.ok_or("no secret could be stored")?;
    decode(&value, "the stored secret")
}
