//! Reading assignment, score and reason bodies.

use crate::error::ApiError;
use crate::input::{Fields, JsonBody, Patch};

/// What is being evaluated.
pub enum Target {
    Nomination(i64),
    Round { round: i64, city: String },
}

/// Reads an assignment body: the evaluator and what they evaluate.
pub fn read_assignment(body: JsonBody) -> Result<(i64, Target), ApiError> {
    let mut f = Fields::new(body.0)?;
    let evaluator = f.integer("evaluator", 1..=i64::MAX);
    let nomination = f.integer("nomination", 1..=i64::MAX);
    let round = f.integer("round", 1..=i64::MAX);
    let city = f.slug("city");
    f.require("evaluator", &evaluator);
    let target = match (nomination.set(), round.set(), city.set()) {
        (Some(n), None, None) => Some(Target::Nomination(n)),
        (None, Some(round), Some(city)) => Some(Target::Round { round, city }),
        _ => {
            f.fail(
                "nomination",
                "give either `nomination`, or `round` and `city`",
            );
            None
        }
    };
    f.finish()?;
    match (evaluator.set(), target) {
        (Some(e), Some(t)) => Ok((e, t)),
        _ => Err(ApiError::field("evaluator", "is required")),
    }
}

/// One checked score to save.
pub struct ScoreChange {
    /// Criterion code.
    pub criterion: String,
    /// `None` removes the score.
    pub score: Option<f64>,
    pub comment: Option<String>,
    pub links: Vec<String>,
}

/// Reads a bulk score body.
pub fn read_scores(body: JsonBody) -> Result<Vec<ScoreChange>, ApiError> {
    let mut f = Fields::new(body.0)?;
    let items = f.array("scores");
    let mut out = Vec::new();
    match items {
        Some(items) if items.len() <= 500 => {
            for (i, item) in items.into_iter().enumerate() {
                let mut s = match Fields::nested(item, &format!("scores[{i}].")) {
                    Ok(s) => s,
                    Err(message) => {
                        f.fail(&format!("scores[{i}]"), message);
                        continue;
                    }
                };
                let criterion = s.text("criterion", 50);
                let score = s.number("score", -1e6..=1e6);
                let comment = s.text("comment", 5000);
                let links = s.strings("evidence_links", 500);
                s.require("criterion", &criterion);
                if matches!(score, Patch::Absent) {
                    s.fail("score", "is required (null removes the score)");
                }
                f.absorb(s);
                if let Some(criterion) = criterion.set() {
                    out.push(ScoreChange {
                        criterion,
                        score: score.set(),
                        comment: comment.set(),
                        links: links.set().unwrap_or_default(),
                    });
                }
            }
        }
        Some(_) => f.fail("scores", "at most 500 scores at a time"),
        None => f.fail("scores", "is required"),
    }
    f.finish()?;
    Ok(out)
}

/// Reads a required reason (of a recusal or a return).
pub fn read_reason(body: JsonBody) -> Result<String, ApiError> {
    let mut f = Fields::new(body.0)?;
    let reason = f.text("reason", 2000);
    f.require("reason", &reason);
    f.finish()?;
    Ok(reason.set().unwrap_or_default())
}
