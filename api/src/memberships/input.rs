//! Reads and checks the body of a membership create or update.

use chrono::Datelike;

use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::networks::types::{MembershipRole, MembershipStatus};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// Checked fields of a membership write.
pub struct MembershipChanges {
    pub city: Patch<String>,
    pub network: Patch<String>,
    pub role: Patch<MembershipRole>,
    pub status: Patch<MembershipStatus>,
    pub joined_year: Patch<i64>,
    pub joined_on: Patch<chrono::NaiveDate>,
    pub left_year: Patch<i64>,
    pub source_url: Patch<String>,
    pub note: Patch<String>,
    pub provenance: ProvenanceChanges,
}

/// Reads and checks a membership body; `city` and `network` only on create.
pub fn read(body: JsonBody, creating: bool) -> Result<MembershipChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&["id", "created_at", "updated_at", "archived_at"]);
    if !creating {
        f.read_only(&["city", "network"]);
    }
    let city = f.slug("city");
    let network = f.slug("network");
    let role = f.enumerated::<MembershipRole>("role");
    let status = f.enumerated::<MembershipStatus>("status");
    let last = i64::from(chrono::Utc::now().year() + 1);
    let joined_year = f.integer("joined_year", 1900..=last);
    let joined_on = f.date("joined_on");
    let left_year = f.integer("left_year", 1900..=last);
    let source_url = f.url("source_url");
    let note = f.text("note", 2000);
    let provenance = provenance::read(&mut f);
    for (name, cleared) in [
        ("role", matches!(role, Patch::Null)),
        ("status", matches!(status, Patch::Null)),
    ] {
        if cleared {
            f.fail(name, "cannot be cleared");
        }
    }
    if creating {
        f.require("city", &city);
        f.require("network", &network);
    }
    f.finish()?;
    Ok(MembershipChanges {
        city,
        network,
        role,
        status,
        joined_year,
        joined_on,
        left_year,
        source_url,
        note,
        provenance,
    })
}
