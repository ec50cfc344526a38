//! Reading a monitoring round body.

use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};

/// A checked new monitoring round.
pub struct NewRound {
    /// The framework's slug.
    pub framework: String,
    pub year: i32,
    pub title_en: String,
    pub title_th: Option<String>,
}

/// Reads and checks a round body: framework, year and `title.en` are required.
pub fn read_round(body: JsonBody) -> Result<NewRound, ApiError> {
    let mut f = Fields::new(body.0)?;
    let framework = f.slug("framework");
    let year = f.integer("year", 1900..=2200);
    let title = f.localized("title", 300);
    f.require("framework", &framework);
    f.require("year", &year);
    let (title_en, title_th) = match title {
        Patch::Set((en, th)) => (en, th),
        _ => (Patch::Absent, Patch::Absent),
    };
    f.require("title.en", &title_en);
    f.finish()?;
    Ok(NewRound {
        framework: framework.set().unwrap_or_default(),
        year: year
            .set()
            .and_then(|y| i32::try_from(y).ok())
            .unwrap_or_default(),
        title_en: title_en.set().unwrap_or_default(),
        title_th: title_th.set(),
    })
}
