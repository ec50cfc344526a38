//! Reading a conflict declaration body.

use crate::auth::{Role, User};
use crate::error::ApiError;
use crate::input::{Fields, JsonBody};

/// A checked declaration.
pub struct NewConflict {
    /// The evaluator's user id.
    pub evaluator: i64,
    /// The city's slug.
    pub city: String,
    pub reason: String,
}

/// Reads and checks a declaration by `actor`: an evaluator declares for themselves (and may
/// leave `evaluator` out); staff name the evaluator.
pub fn read_conflict(body: JsonBody, actor: &User) -> Result<NewConflict, ApiError> {
    let mut f = Fields::new(body.0)?;
    let evaluator = f.integer("evaluator", 1..=i64::MAX);
    let city = f.slug("city");
    let reason = f.text("reason", 1000);
    f.require("city", &city);
    f.require("reason", &reason);
    f.finish()?;
    let evaluator = match (actor.role, evaluator.set()) {
        (Role::Evaluator, Some(e)) if e != actor.id => {
            return Err(ApiError::forbidden(
                "forbidden",
                "an evaluator declares conflicts for themselves only",
            ));
        }
        (Role::Evaluator, _) => actor.id,
        (_, Some(e)) => e,
        (_, None) => return Err(ApiError::field("evaluator", "is required")),
    };
    Ok(NewConflict {
        evaluator,
        city: city.set().unwrap_or_default(),
        reason: reason.set().unwrap_or_default(),
    })
}
