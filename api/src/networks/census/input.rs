//! Reads and checks the fields of a census entry.

use crate::error::FieldError;
use crate::input::{Fields, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// Checked fields of a census write; `Absent` means unchanged.
#[derive(Debug)]
pub struct CensusChanges {
    pub as_of: Patch<chrono::NaiveDate>,
    pub members: Patch<i64>,
    pub countries: Patch<i64>,
    pub new_members: Patch<i64>,
    pub new_countries: Patch<i64>,
    pub note: Patch<String>,
    pub provenance: ProvenanceChanges,
}

/// The largest count a census entry takes.
const MAX_COUNT: i64 = 1_000_000;

/// Reads a census entry from `f` (`as_of` is required on create), with every field error.
pub fn read(mut f: Fields, creating: bool) -> (CensusChanges, Vec<FieldError>) {
    f.read_only(&["id"]);
    let as_of = f.date("as_of");
    let members = f.integer("members", 0..=MAX_COUNT);
    let countries = f.integer("countries", 0..=MAX_COUNT);
    let new_members = f.integer("new_members", 0..=MAX_COUNT);
    let new_countries = f.integer("new_countries", 0..=MAX_COUNT);
    let note = f.text("note", 2000);
    let provenance = provenance::read(&mut f);
    if matches!(as_of, Patch::Null) {
        f.fail("as_of", "cannot be cleared");
    }
    if creating {
        f.require("as_of", &as_of);
    }
    let changes = CensusChanges {
        as_of,
        members,
        countries,
        new_members,
        new_countries,
        note,
        provenance,
    };
    (changes, f.into_errors())
}
