//! The pure rules of award cycles: the cycle life cycle, nomination decisions, and eligibility.
//! No database here, so every rule is unit-tested directly.

use chrono::{Months, NaiveDate};

use super::cycles::types::CycleStatus;
use super::nominations::types::NominationStatus;

/// The statuses the secretariat may set by a decision (everything but a withdrawal).
pub const DECISIONS: &[NominationStatus] = &[
    NominationStatus::Submitted,
    NominationStatus::Shortlisted,
    NominationStatus::Winner,
    NominationStatus::NotAwarded,
];

/// The statuses of nominations still undecided; publishing a cycle marks them `not_awarded`.
pub const UNDECIDED: &[NominationStatus] =
    &[NominationStatus::Submitted, NominationStatus::Shortlisted];

/// Whether a cycle may move from `from` to `to`: one step forward at a time.
pub fn transition_allowed(from: CycleStatus, to: CycleStatus) -> bool {
    let position = |s: CycleStatus| CycleStatus::ALL.iter().position(|c| *c == s);
    matches!((position(from), position(to)), (Some(f), Some(t)) if t == f + 1)
}

/// Whether the secretariat may set a nomination to `to` while its cycle is in `cycle_status`.
/// Decisions are made while judging and until results are published; withdrawn nominations are
/// final.
pub fn decision_allowed(
    cycle_status: CycleStatus,
    from: NominationStatus,
    to: NominationStatus,
) -> bool {
    matches!(cycle_status, CycleStatus::Judging | CycleStatus::Closed)
        && from != NominationStatus::Withdrawn
        && DECISIONS.contains(&to)
}

/// Whether a nomination may still be withdrawn: only before judging starts.
pub fn withdrawal_allowed(cycle_status: CycleStatus, nomination_status: NominationStatus) -> bool {
    cycle_status == CycleStatus::Open && nomination_status == NominationStatus::Submitted
}

/// The status a city editor sees: the secretariat's decisions show only once results are
/// published; until then a shortlisted, winning or not awarded nomination shows as `submitted`.
pub fn shown_to_editor(status: NominationStatus, cycle_published: bool) -> NominationStatus {
    match status {
        NominationStatus::Shortlisted | NominationStatus::Winner | NominationStatus::NotAwarded
            if !cycle_published =>
        {
            NominationStatus::Submitted
        }
        other => other,
    }
}

/// Where a date falls relative to a nomination window.
#[derive(Debug, PartialEq, Eq)]
pub enum Window {
    NotYetOpen,
    Open,
    Closed,
}

/// The window state on `today`; open ends are unbounded.
pub fn window(today: NaiveDate, opens: Option<NaiveDate>, closes: Option<NaiveDate>) -> Window {
    if opens.is_some_and(|o| today < o) {
        Window::NotYetOpen
    } else if closes.is_some_and(|c| today > c) {
        Window::Closed
    } else {
        Window::Open
    }
}

/// A programme's eligibility rules; `None` means the rule does not apply.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Only cities of this country.
    pub country: Option<String>,
    /// The network whose membership `min_membership_months` counts (its slug, for messages).
    pub network: Option<String>,
    /// Membership must have lasted more than this many months.
    pub min_membership_months: Option<i32>,
    /// Past winners may not win again until this many years have passed.
    pub cooldown_years: Option<i32>,
    /// At most this many winners from one country in one cycle.
    pub max_winners_per_country: Option<i32>,
}

/// What is known about a city when it is nominated.
#[derive(Debug, Clone)]
pub struct Facts {
    pub country: String,
    /// When its membership of the rules' network began: the day if known, else the last day of
    /// the join year (the latest it can have been). `None`: not a current member.
    pub member_since: Option<NaiveDate>,
    /// Years of the cycles in which it won this programme before.
    pub past_wins: Vec<i32>,
    /// Winners already marked from its country in this cycle.
    pub country_winners: i64,
    pub cycle_year: i32,
    pub today: NaiveDate,
}

/// One refused rule: its name and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub rule: &'static str,
    pub reason: String,
}

/// The start of a membership as counted by the rules.
pub fn membership_start(
    joined_on: Option<NaiveDate>,
    joined_year: Option<i32>,
) -> Option<NaiveDate> {
    joined_on.or_else(|| joined_year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)))
}

/// Every rule the city fails; empty when it is eligible.
pub fn refusals(rules: &Rules, facts: &Facts) -> Vec<Refusal> {
    let mut out = Vec::new();
    if let Some(country) = &rules.country {
        if *country != facts.country {
            out.push(Refusal {
                rule: "country",
                reason: format!("only cities in {country} may be nominated"),
            });
        }
    }
    if let Some(months) = rules.min_membership_months {
        let network = rules.network.as_deref().unwrap_or("the network");
        let long_enough = facts.member_since.is_some_and(|start| {
            u32::try_from(months)
                .ok()
                .and_then(|m| start.checked_add_months(Months::new(m)))
                .is_some_and(|limit| limit < facts.today)
        });
        if !long_enough {
            let since = facts
                .member_since
                .map_or("is not a member".to_owned(), |d| {
                    format!("has been a member since {d}")
                });
            out.push(Refusal {
                rule: "min_membership_months",
                reason: format!("a city must have been a member of {network} for more than {months} months; this city {since}"),
            });
        }
    }
    if let Some(years) = rules.cooldown_years {
        if let Some(last) = facts
            .past_wins
            .iter()
            .filter(|w| facts.cycle_year - **w < years)
            .max()
        {
            out.push(Refusal {
                rule: "cooldown_years",
                reason: format!("past winners wait {years} years; this city won in {last}"),
            });
        }
    }
    if let Some(max) = rules.max_winners_per_country {
        if facts.country_winners >= i64::from(max) {
            out.push(Refusal {
                rule: "max_winners_per_country",
                reason: format!(
                    "at most {max} winner(s) per country per cycle, and {} already has that many",
                    facts.country
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn unesco() -> Rules {
        Rules {
            country: None,
            network: Some("unesco-gnlc".into()),
            min_membership_months: Some(12),
            cooldown_years: Some(6),
            max_winners_per_country: Some(1),
        }
    }

    fn facts() -> Facts {
        Facts {
            country: "TH".into(),
            member_since: Some(day(2022, 9, 2)),
            past_wins: vec![],
            country_winners: 0,
            cycle_year: 2026,
            today: day(2026, 3, 1),
        }
    }

    #[test]
    fn cycles_move_one_step_forward() {
        use CycleStatus::*;
        assert!(transition_allowed(Draft, Open));
        assert!(transition_allowed(Closed, Published));
        assert!(!transition_allowed(Draft, Judging));
        assert!(!transition_allowed(Open, Draft));
        assert!(!transition_allowed(Published, Draft));
        assert_eq!(CycleStatus::parse("nonsense"), None);
    }

    #[test]
    fn decisions_and_withdrawals_have_their_moments() {
        use NominationStatus::*;
        assert!(decision_allowed(CycleStatus::Judging, Submitted, Winner));
        assert!(decision_allowed(CycleStatus::Closed, Winner, NotAwarded));
        assert!(!decision_allowed(CycleStatus::Open, Submitted, Shortlisted));
        assert!(!decision_allowed(CycleStatus::Judging, Withdrawn, Winner));
        assert!(!decision_allowed(
            CycleStatus::Judging,
            Submitted,
            Withdrawn
        ));
        assert!(withdrawal_allowed(CycleStatus::Open, Submitted));
        assert!(!withdrawal_allowed(CycleStatus::Judging, Submitted));
    }

    #[test]
    fn editors_see_decisions_once_published() {
        use NominationStatus::*;
        assert_eq!(shown_to_editor(Winner, false), Submitted);
        assert_eq!(shown_to_editor(NotAwarded, false), Submitted);
        assert_eq!(shown_to_editor(Winner, true), Winner);
        assert_eq!(shown_to_editor(Withdrawn, false), Withdrawn);
    }

    #[test]
    fn windows() {
        let (o, c) = (Some(day(2026, 1, 1)), Some(day(2026, 1, 31)));
        assert_eq!(window(day(2025, 12, 31), o, c), Window::NotYetOpen);
        assert_eq!(
            window(day(2026, 1, 31), o, c),
            Window::Open,
            "the closing day counts"
        );
        assert_eq!(window(day(2026, 2, 1), o, c), Window::Closed);
        assert_eq!(window(day(2030, 1, 1), None, None), Window::Open);
    }

    #[test]
    fn membership_must_be_more_than_twelve_months() {
        assert!(refusals(&unesco(), &facts()).is_empty());
        let mut f = facts();
        f.member_since = Some(day(2025, 3, 1));
        assert_eq!(
            refusals(&unesco(), &f)[0].rule,
            "min_membership_months",
            "exactly 12 months is not more"
        );
        f.member_since = Some(day(2025, 2, 28));
        assert!(refusals(&unesco(), &f).is_empty());
        f.member_since = None;
        assert_eq!(refusals(&unesco(), &f)[0].rule, "min_membership_months");
        assert_eq!(membership_start(None, Some(2024)), Some(day(2024, 12, 31)));
    }

    #[test]
    fn cooldown_and_country_limit() {
        let mut f = facts();
        f.past_wins = vec![2015, 2021];
        let refused = refusals(&unesco(), &f);
        assert_eq!(refused.len(), 1);
        assert!(refused[0].reason.contains("2021"));
        f.past_wins = vec![2015, 2020];
        assert!(
            refusals(&unesco(), &f).is_empty(),
            "six years after 2020 is allowed again"
        );
        f.country_winners = 1;
        assert_eq!(refusals(&unesco(), &f)[0].rule, "max_winners_per_country");
        let thai = Rules {
            country: Some("TH".into()),
            ..Rules::default()
        };
        f.country = "LA".into();
        assert_eq!(refusals(&thai, &f)[0].rule, "country");
    }
}
