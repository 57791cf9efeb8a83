//! The improvement plan ("planned versus current"): when each recommended action is to be
//! done, and the score the enterprise reaches once the actions planned by then are done.
//!
//! The method (published in the README):
//! - Every action of the report is planned for one step: within 3 months, within 12 months, or
//!   later. Until the user chooses, red flags default to 3 months, the next
//!   [`DEFAULT_12M_ACTIONS`] actions in priority order to 12 months, and the rest to later.
//! - A projection assumes that each action planned by then brings its question to its strongest
//!   answer (the top of a scale; every practice of a checklist) and scores the result exactly as
//!   the report scores the answers given, red-flag level cap included.
//! - So planning nothing moves nothing, planning more never lowers a projection (a strongest
//!   answer never scores less than another, and never hides a question), and planning
//!   everything for 3 months gives the score of every action done.

use crate::answers::{Answer, Answers};
use crate::bank::{Bank, Question, QuestionKind};
use crate::profile::Profile;
use crate::score::{prioritised_actions, Scores};
use std::collections::BTreeMap;

/// When an action is planned. Ordered: an earlier step comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Within3Months,
    Within12Months,
    Later,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Within3Months, Step::Within12Months, Step::Later];
    pub const CODES: &'static [&'static str] = &["3m", "12m", "later"];

    /// The code in files and in the DOM (`data-plan` values).
    pub fn code(self) -> &'static str {
        match self {
            Step::Within3Months => "3m",
            Step::Within12Months => "12m",
            Step::Later => "later",
        }
    }

    pub fn from_code(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The steps the user chose, by question id. An action without a choice takes its default.
pub type PlanChoices = BTreeMap<String, Step>;

/// How many actions after the red flags are planned for 12 months until the user chooses.
pub const DEFAULT_12M_ACTIONS: usize = 10;

/// One action of the plan: a question (index into the bank) and its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedAction {
    pub question: usize,
    pub step: Step,
    /// Whether the step is the user's choice rather than the default.
    pub chosen: bool,
}

/// The plan of a self-check: every action, in priority order, with its step.
pub fn planned_actions(bank: &Bank, scores: &Scores, choices: &PlanChoices) -> Vec<PlannedAction> {
    let mut next_tier = 0;
    prioritised_actions(bank, scores)
        .into_iter()
        .map(|question| {
            let default = if scores.is_red_flag(question) {
                Step::Within3Months
            } else {
                next_tier += 1;
                if next_tier <= DEFAULT_12M_ACTIONS {
                    Step::Within12Months
                } else {
                    Step::Later
                }
            };
            let chosen = choices.get(&bank.questions()[question].id).copied();
            PlannedAction {
                question,
                step: chosen.unwrap_or(default),
                chosen: chosen.is_some(),
            }
        })
        .collect()
}

/// The plan as a complete set of choices (what an answers file stores): every current action
/// with its step, defaults included, so a file read back plans the same.
pub fn as_choices(bank: &Bank, plan: &[PlannedAction]) -> PlanChoices {
    plan.iter()
        .map(|a| (bank.questions()[a.question].id.clone(), a.step))
        .collect()
}

/// The strongest answer to a question: the top of its scale, or every practice ticked.
pub fn strongest_answer(question: &Question) -> Answer {
    match question.kind {
        QuestionKind::Single => {
            let best = question
                .options
                .iter()
                .max_by(|a, b| a.value.total_cmp(&b.value))
                .map(|o| o.id.clone())
                .unwrap_or_default();
            Answer::Choice(best)
        }
        QuestionKind::Checklist => {
            Answer::Checked(question.options.iter().map(|o| o.id.clone()).collect())
        }
    }
}

/// The answers once every action planned for `by` or earlier is done.
pub fn answers_after(bank: &Bank, answers: &Answers, plan: &[PlannedAction], by: Step) -> Answers {
    let mut after = answers.clone();
    for action in plan.iter().filter(|a| a.step <= by) {
        let question = &bank.questions()[action.question];
        after.insert(question.id.clone(), strongest_answer(question));
    }
    after
}

/// The scores once every action planned for `by` or earlier is done.
pub fn projected_scores(
    bank: &Bank,
    profile: &Profile,
    answers: &Answers,
    plan: &[PlannedAction],
    by: Step,
) -> Scores {
    crate::score::score(bank, profile, &answers_after(bank, answers, plan, by))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for step in Step::ALL {
            assert_eq!(Step::from_code(step.code()), Some(step));
        }
        assert_eq!(Step::from_code("6m"), None);
        assert_eq!(Step::from_code("3M"), None);
        assert_eq!(
            Step::CODES,
            Step::ALL.map(Step::code).as_slice(),
            "CODES lists every step in order"
        );
    }
}
