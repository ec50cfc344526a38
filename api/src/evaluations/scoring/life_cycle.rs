//! The life cycle of an evaluation, pure: its statuses, the steps between them, who takes each
//! step, and when scores may change. No database here, so every transition is unit-tested.

crate::text_enum! {
    /// Statuses of an evaluation.
    pub enum EvaluationStatus {
        Draft = "draft",
        Submitted = "submitted",
        Returned = "returned",
        Final = "final",
        Recused = "recused",
    }
}

/// Statuses whose scores count in aggregates.
pub const COUNTED: &[EvaluationStatus] = &[EvaluationStatus::Submitted, EvaluationStatus::Final];

impl EvaluationStatus {
    /// Whether the evaluator may still save scores: while a draft or returned.
    pub fn editable(self) -> bool {
        matches!(self, EvaluationStatus::Draft | EvaluationStatus::Returned)
    }
}

/// The steps of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The evaluator submits a complete draft or returned evaluation.
    Submit,
    /// The evaluator recuses from a draft or returned evaluation.
    Recuse,
    /// The secretariat sends a submitted evaluation back.
    Return,
    /// The secretariat accepts a submitted evaluation as final.
    Finalise,
}

impl Step {
    /// The status this step leads to from `from`; `None` when it is not allowed from there.
    pub fn leads_to(self, from: EvaluationStatus) -> Option<EvaluationStatus> {
        use EvaluationStatus::{Draft, Final, Recused, Returned, Submitted};
        match (self, from) {
            (Step::Submit, Draft | Returned) => Some(Submitted),
            (Step::Recuse, Draft | Returned) => Some(Recused),
            (Step::Return, Submitted) => Some(Returned),
            (Step::Finalise, Submitted) => Some(Final),
            _ => None,
        }
    }

    /// Whether the evaluator takes this step on their own evaluation (otherwise the staff do).
    pub fn by_evaluator(self) -> bool {
        matches!(self, Step::Submit | Step::Recuse)
    }

    /// The action recorded in the audit log.
    pub fn action(self) -> &'static str {
        match self {
            Step::Submit => "submit",
            Step::Recuse => "recuse",
            Step::Return => "return",
            Step::Finalise => "finalise",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EvaluationStatus::{Draft, Final, Recused, Returned, Submitted};
    use super::*;

    const STEPS: [Step; 4] = [Step::Submit, Step::Recuse, Step::Return, Step::Finalise];

    /// Every allowed transition; every other pair of step and status is refused.
    const ALLOWED: [(Step, EvaluationStatus, EvaluationStatus); 6] = [
        (Step::Submit, Draft, Submitted),
        (Step::Submit, Returned, Submitted),
        (Step::Recuse, Draft, Recused),
        (Step::Recuse, Returned, Recused),
        (Step::Return, Submitted, Returned),
        (Step::Finalise, Submitted, Final),
    ];

    #[test]
    fn every_allowed_transition_leads_to_its_status() {
        for (step, from, to) in ALLOWED {
            assert_eq!(step.leads_to(from), Some(to), "{step:?} from {from}");
        }
    }

    #[test]
    fn every_other_transition_is_refused() {
        let mut refused = 0;
        for step in STEPS {
            for from in EvaluationStatus::ALL.iter().copied() {
                if !ALLOWED.iter().any(|(s, f, _)| *s == step && *f == from) {
                    assert_eq!(step.leads_to(from), None, "{step:?} from {from}");
                    refused += 1;
                }
            }
        }
        assert_eq!(
            refused,
            STEPS.len() * EvaluationStatus::ALL.len() - ALLOWED.len()
        );
    }

    #[test]
    fn final_and_recused_are_terminal() {
        for step in STEPS {
            assert_eq!(step.leads_to(Final), None);
            assert_eq!(step.leads_to(Recused), None);
        }
    }

    #[test]
    fn returned_evaluations_can_be_resubmitted() {
        let returned = Step::Return.leads_to(Submitted).expect("return");
        assert_eq!(Step::Submit.leads_to(returned), Some(Submitted));
    }

    #[test]
    fn scores_change_only_in_a_draft_or_returned_evaluation() {
        assert!(Draft.editable());
        assert!(Returned.editable());
        assert!(!Submitted.editable());
        assert!(!Final.editable());
        assert!(!Recused.editable());
    }

    #[test]
    fn evaluators_submit_and_recuse_staff_return_and_finalise() {
        assert!(Step::Submit.by_evaluator());
        assert!(Step::Recuse.by_evaluator());
        assert!(!Step::Return.by_evaluator());
        assert!(!Step::Finalise.by_evaluator());
    }

    #[test]
    fn audit_actions() {
        let actions: Vec<&str> = STEPS.iter().map(|s| s.action()).collect();
        assert_eq!(actions, ["submit", "recuse", "return", "finalise"]);
    }

    #[test]
    fn submitted_and_final_count() {
        assert_eq!(COUNTED, &[Submitted, Final]);
        assert_eq!(
            EvaluationStatus::VALUES,
            &["draft", "submitted", "returned", "final", "recused"]
        );
    }

    #[test]
    fn the_schema_lists_the_stored_values() {
        let schema = <EvaluationStatus as utoipa::PartialSchema>::schema();
        let schema = serde_json::to_value(schema).expect("json");
        assert_eq!(
            schema,
            serde_json::json!({
                "type": "string",
                "description": "Statuses of an evaluation.",
                "enum": ["draft", "submitted", "returned", "final", "recused"],
            })
        );
    }
}
