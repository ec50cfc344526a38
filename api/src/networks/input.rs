//! Reads and checks the body of a network create or update.

use chrono::Datelike;

use super::types::{NetworkScope, NetworkStatus};
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// Checked fields of a network write.
pub struct NetworkChanges {
    pub slug: Patch<String>,
    pub name_en: Patch<String>,
    pub name_th: Patch<String>,
    pub scope: Patch<NetworkScope>,
    pub status: Patch<NetworkStatus>,
    pub country: Patch<String>,
    pub secretariat_en: Patch<String>,
    pub secretariat_th: Patch<String>,
    pub founded_year: Patch<i64>,
    pub website: Patch<String>,
    pub description_en: Patch<String>,
    pub description_th: Patch<String>,
    pub provenance: ProvenanceChanges,
}

/// Reads and checks a network body; on create `name.en` and `scope` are required.
pub fn read(body: JsonBody, creating: bool) -> Result<NetworkChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&["id", "member_count", "reported", "created_at", "updated_at"]);
    let slug = f.slug("slug");
    let (name_en, name_th) = f.localized_parts("name", 200);
    let scope = f.enumerated::<NetworkScope>("scope");
    let status = f.enumerated::<NetworkStatus>("status");
    let country = f.text("country", 2);
    let (secretariat_en, secretariat_th) = f.localized_parts("secretariat", 300);
    let next_year = i64::from(chrono::Utc::now().year() + 1);
    let founded_year = f.integer("founded_year", 1900..=next_year);
    let website = f.url("website");
    let (description_en, description_th) = f.localized_parts("description", 5000);
    let provenance = provenance::read(&mut f);
    for (name, cleared) in [
        ("slug", matches!(slug, Patch::Null)),
        ("name.en", matches!(name_en, Patch::Null)),
        ("scope", matches!(scope, Patch::Null)),
        ("status", matches!(status, Patch::Null)),
    ] {
        if cleared {
            f.fail(name, "cannot be cleared");
        }
    }
    if creating {
        f.require("name.en", &name_en);
        f.require("scope", &scope);
    }
    f.finish()?;
    Ok(NetworkChanges {
        slug,
        name_en,
        name_th,
        scope,
        status,
        country: match country {
            Patch::Set(c) => Patch::Set(c.to_ascii_uppercase()),
            other => other,
        },
        secretariat_en,
        secretariat_th,
        founded_year,
        website,
        description_en,
        description_th,
        provenance,
    })
}
