//! Small API types shared by several resources.

use serde::Serialize;
use utoipa::ToSchema;

/// Text in English and Thai. `th` is `null` where no Thai form is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Localized {
    /// English.
    #[schema(example = "Phayao")]
    pub en: String,
    /// Thai, as written in Thai script.
    #[schema(example = "พะเยา")]
    pub th: Option<String>,
}

impl Localized {
    /// Text with both languages given (the Thai form may be missing).
    pub fn new(en: impl Into<String>, th: Option<String>) -> Self {
        Localized { en: en.into(), th }
    }
}

/// Optional bilingual text, such as a description: `null` when neither language is given.
pub fn optional_localized(en: Option<String>, th: Option<String>) -> Option<Localized> {
    match (en, th) {
        (None, None) => None,
        (en, th) => Some(Localized {
            en: en.unwrap_or_default(),
            th,
        }),
    }
}

/// A UTC timestamp as stored, rendered as RFC 3339 with a zone.
pub fn utc(at: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    at.and_utc()
}

/// Bilingual text in a request body; in a PATCH each language may be left out (unchanged) or
/// `null` (cleared).
#[derive(Debug, ToSchema)]
pub struct LocalizedInput {
    /// English.
    pub en: Option<String>,
    /// Thai.
    pub th: Option<String>,
}
