//! Reading a criterion change body.

use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};

/// A checked change of one criterion.
pub struct CriterionChange {
    pub title_en: Patch<String>,
    pub title_th: Patch<String>,
    pub weight: Patch<f64>,
    pub scale_min: Patch<i64>,
    pub scale_max: Patch<i64>,
    pub required: Patch<bool>,
}

/// Reads a criterion change.
pub fn read_criterion(body: JsonBody) -> Result<CriterionChange, ApiError> {
    let mut f = Fields::new(body.0)?;
    let (title_en, title_th) = match f.localized("title", 500) {
        Patch::Set(p) => p,
        _ => (Patch::Absent, Patch::Absent),
    };
    let weight = f.number("weight", 0.0..=1000.0);
    let scale_min = f.integer("scale_min", -100..=100);
    let scale_max = f.integer("scale_max", -100..=100);
    let required = f.boolean("required");
    if matches!(weight, Patch::Set(w) if w <= 0.0) {
        f.fail("weight", "must be more than 0");
    }
    f.finish()?;
    Ok(CriterionChange {
        title_en,
        title_th,
        weight,
        scale_min,
        scale_max,
        required,
    })
}
