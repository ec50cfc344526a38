//! Reads the provenance fields of a record's body: `sources` (a list that replaces the
//! record's sources) and `unverified_reason` (marks the record unverified; `null` clears it).

use serde_json::Value;

use super::types::Source;
use crate::input::{Fields, Patch};

/// The most sources one record may carry.
pub const MAX_SOURCES: usize = 20;

/// The provenance fields of a write; `None` leaves that part as it is.
#[derive(Debug, Default)]
pub struct ProvenanceChanges {
    /// The new list of sources.
    pub sources: Option<Vec<Source>>,
    /// The new mark: `Some(None)` clears it.
    pub unverified_reason: Option<Option<String>>,
}

impl ProvenanceChanges {
    /// Whether the write changes anything here.
    pub fn is_empty(&self) -> bool {
        self.sources.is_none() && self.unverified_reason.is_none()
    }
}

/// Reads `sources` and `unverified_reason` from `f`, recording every bad field in it. The
/// field `verified` is answered, not written: sending it is refused as read-only.
pub fn read(f: &mut Fields) -> ProvenanceChanges {
    f.read_only(&["verified"]);
    let sources = match f.array("sources") {
        Some(items) if items.len() > MAX_SOURCES => {
            f.fail("sources", format!("lists at most {MAX_SOURCES} sources"));
            None
        }
        Some(items) => read_sources(f, items),
        None => None,
    };
    let unverified_reason = match f.text("unverified_reason", 500) {
        Patch::Set(reason) => Some(Some(reason)),
        Patch::Null => Some(None),
        Patch::Absent => None,
    };
    ProvenanceChanges {
        sources,
        unverified_reason,
    }
}

/// Reads the items of a `sources` list; `None` when any is bad (each error recorded).
fn read_sources(f: &mut Fields, items: Vec<Value>) -> Option<Vec<Source>> {
    let mut list = Vec::with_capacity(items.len());
    let mut bad = false;
    for (i, item) in items.into_iter().enumerate() {
        let prefix = format!("sources[{i}].");
        let mut s = match Fields::nested(item, &prefix) {
            Ok(s) => s,
            Err(message) => {
                f.fail(&format!("sources[{i}]"), message);
                bad = true;
                continue;
            }
        };
        let url = s.url("url").set();
        let title = s.text("title", 500).set();
        if url.is_none() && title.is_none() {
            s.fail(
                "url",
                "give a url, or a title where the document has no public address",
            );
        }
        let source = Source {
            url,
            title,
            publisher: s.text("publisher", 300).set(),
            published_on: s.date("published_on").set(),
            accessed_on: s.date("accessed_on").set(),
            excerpt: s.text("excerpt", 2000).set(),
        };
        let before = f.error_count();
        f.absorb(s);
        bad |= f.error_count() > before;
        list.push(source);
    }
    (!bad).then_some(list)
}
