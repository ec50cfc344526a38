//! Reads and checks the body of an organisation create or update.

use super::types::OrganisationKind;
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// Checked fields of an organisation write; `Absent` means unchanged.
pub struct OrganisationChanges {
    pub slug: Patch<String>,
    pub name_en: Patch<String>,
    pub name_th: Patch<String>,
    pub abbreviation_en: Patch<String>,
    pub abbreviation_th: Patch<String>,
    pub kind: Patch<OrganisationKind>,
    pub country: Patch<String>,
    pub website: Patch<String>,
    pub description_en: Patch<String>,
    pub description_th: Patch<String>,
    pub provenance: ProvenanceChanges,
}

/// Reads and checks an organisation body; on create `name.en` and `kind` are required.
pub fn read(body: JsonBody, creating: bool) -> Result<OrganisationChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&["id", "roles", "created_at", "updated_at"]);
    let slug = f.slug("slug");
    let (name_en, name_th) = f.localized_parts("name", 300);
    let (abbreviation_en, abbreviation_th) = f.localized_parts("abbreviation", 50);
    let kind = f.enumerated::<OrganisationKind>("kind");
    let country = f.text("country", 2);
    let website = f.url("website");
    let (description_en, description_th) = f.localized_parts("description", 5000);
    let provenance = provenance::read(&mut f);
    for (name, cleared) in [
        ("slug", matches!(slug, Patch::Null)),
        ("name.en", matches!(name_en, Patch::Null)),
        ("kind", matches!(kind, Patch::Null)),
    ] {
        if cleared {
            f.fail(name, "cannot be cleared");
        }
    }
    if creating {
        f.require("name.en", &name_en);
        f.require("kind", &kind);
    }
    f.finish()?;
    Ok(OrganisationChanges {
        slug,
        name_en,
        name_th,
        abbreviation_en,
        abbreviation_th,
        kind,
        country: match country {
            Patch::Set(c) => Patch::Set(c.to_ascii_uppercase()),
            other => other,
        },
        website,
        description_en,
        description_th,
        provenance,
    })
}
