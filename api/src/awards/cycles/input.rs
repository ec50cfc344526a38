//! Reading cycle bodies: a cycle with its categories, and the stage a cycle moves to.

use super::types::CycleStatus;
use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};
use crate::provenance::input::{self as provenance, ProvenanceChanges};

/// A category to create with a cycle.
pub(super) struct NewCategory {
    pub(super) slug: Option<String>,
    pub(super) name_en: String,
    pub(super) name_th: Option<String>,
    pub(super) description_en: Option<String>,
    pub(super) description_th: Option<String>,
}

/// Checked fields of a cycle write.
pub struct CycleChanges {
    pub(super) programme: Patch<String>,
    pub(super) year: Patch<i64>,
    pub(super) title_en: Patch<String>,
    pub(super) title_th: Patch<String>,
    pub(super) opens: Patch<chrono::NaiveDate>,
    pub(super) closes: Patch<chrono::NaiveDate>,
    pub(super) ceremony_on: Patch<chrono::NaiveDate>,
    pub(super) ceremony_en: Patch<String>,
    pub(super) ceremony_th: Patch<String>,
    pub(super) summary_en: Patch<String>,
    pub(super) summary_th: Patch<String>,
    pub(super) criteria: Patch<Vec<String>>,
    pub(super) source_url: Patch<String>,
    pub(super) framework: Patch<String>,
    pub(super) announced_winners: Patch<i64>,
    pub(super) categories: Vec<NewCategory>,
    pub(super) provenance: ProvenanceChanges,
}

impl CycleChanges {
    /// Whether the write changes the cycle itself, not only its sources and announced winners
    /// (which may still change once it is published).
    pub(super) fn edits_the_record(&self) -> bool {
        [
            self.title_en.is_present(),
            self.title_th.is_present(),
            self.opens.is_present(),
            self.closes.is_present(),
            self.ceremony_on.is_present(),
            self.ceremony_en.is_present(),
            self.ceremony_th.is_present(),
            self.summary_en.is_present(),
            self.summary_th.is_present(),
            self.criteria.is_present(),
            self.source_url.is_present(),
            self.framework.is_present(),
        ]
        .contains(&true)
    }
}

/// Reads a cycle body; on create `programme`, `year`, `title.en` and at least one category.
pub fn read_cycle(body: JsonBody, creating: bool) -> Result<CycleChanges, ApiError> {
    let mut f = Fields::new(body.0)?;
    f.read_only(&[
        "id",
        "status",
        "published_at",
        "results",
        "recorded_winners",
        "created_at",
        "updated_at",
    ]);
    if !creating {
        f.read_only(&["programme", "year", "categories"]);
    }
    let programme = f.slug("programme");
    let year = f.integer("year", 1900..=2200);
    let (title_en, title_th) = f.localized_parts("title", 300);
    let opens = f.date("nominations_open_on");
    let closes = f.date("nominations_close_on");
    let ceremony_on = f.date("ceremony_on");
    let (ceremony_en, ceremony_th) = f.localized_parts("ceremony", 500);
    let (summary_en, summary_th) = f.localized_parts("summary", 5000);
    let criteria = f.strings("criteria", 500);
    let source_url = f.url("source_url");
    let framework = f.slug("framework");
    let announced_winners = f.integer("announced_winners", 0..=1000);
    let provenance = provenance::read(&mut f);
    let mut categories = Vec::new();
    if creating {
        match f.array("categories") {
            Some(items) if !items.is_empty() && items.len() <= 50 => {
                for (i, item) in items.into_iter().enumerate() {
                    let mut c = match Fields::nested(item, &format!("categories[{i}].")) {
                        Ok(c) => c,
                        Err(message) => {
                            f.fail(&format!("categories[{i}]"), message);
                            continue;
                        }
                    };
                    let slug = c.slug("slug").set();
                    let (en, th) = c.localized_parts("name", 200);
                    let (den, dth) = c.localized_parts("description", 2000);
                    c.require("name.en", &en);
                    f.absorb(c);
                    if let Some(name_en) = en.set() {
                        categories.push(NewCategory {
                            slug,
                            name_en,
                            name_th: th.set(),
                            description_en: den.set(),
                            description_th: dth.set(),
                        });
                    }
                }
            }
            _ => f.fail("categories", "must be a list of 1 to 50 categories"),
        }
        f.require("programme", &programme);
        f.require("year", &year);
        f.require("title.en", &title_en);
    }
    if matches!(title_en, Patch::Null) {
        f.fail("title.en", "cannot be cleared");
    }
    if let (Patch::Set(o), Patch::Set(c)) = (&opens, &closes) {
        if c < o {
            f.fail(
                "nominations_close_on",
                "must not be before nominations_open_on",
            );
        }
    }
    f.finish()?;
    Ok(CycleChanges {
        programme,
        year,
        title_en,
        title_th,
        opens,
        closes,
        ceremony_on,
        ceremony_en,
        ceremony_th,
        summary_en,
        summary_th,
        criteria,
        source_url,
        framework,
        announced_winners,
        categories,
        provenance,
    })
}

/// Reads the body of `POST /award-cycles/{id}/status`: the stage to move to.
pub fn read_status(body: JsonBody) -> Result<CycleStatus, ApiError> {
    let mut f = Fields::new(body.0)?;
    let to = f.choice("status", CycleStatus::VALUES);
    f.require("status", &to);
    f.finish()?;
    to.set()
        .as_deref()
        .and_then(CycleStatus::parse)
        .ok_or_else(|| ApiError::field("status", "is required"))
}
