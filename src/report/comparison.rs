//! The comparison with a previous self-check: what it scored, which answers got better or
//! worse, and what became of the actions it planned within 3 months. Each dimension's previous
//! score sits on the dimension itself (`DimensionScored::previous`).

use crate::answers_file::AnswersFile;
use crate::bank::Bank;
use crate::lang::Text;
use crate::plan::Step;
use crate::score::{QuestionState, Scores};

/// The change against a previous self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub previous_date: Option<String>,
    pub previous_overall: u8,
    pub previous_level: u8,
    pub improved: Vec<QuestionRef>,
    pub regressed: Vec<QuestionRef>,
    /// Answers of the previous file that this bank no longer has.
    pub ignored: usize,
    /// Present when the previous file had actions planned for 3 months.
    pub plan_follow_up: Option<PlanFollowUp>,
}

/// What became of the actions a previous self-check planned for 3 months.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFollowUp {
    /// Planned then, and now at their strongest answer.
    pub done: Vec<QuestionRef>,
    /// Planned then, and not yet at their strongest answer (or no longer asked).
    pub open: Vec<QuestionRef>,
}

/// A question named in a list: its id and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionRef {
    pub id: String,
    pub text: Text,
}

impl QuestionRef {
    fn of(bank: &Bank, i: usize) -> QuestionRef {
        let q = &bank.questions()[i];
        QuestionRef {
            id: q.id.clone(),
            text: q.text.clone(),
        }
    }
}

/// Compares the scores now with `before`, the scores of the `previous` file.
pub(super) fn compare(
    bank: &Bank,
    now: &Scores,
    before: &Scores,
    previous: &AnswersFile,
) -> Comparison {
    let plan_follow_up = previous.plan.as_ref().and_then(|plan| {
        let planned: Vec<&String> = plan
            .iter()
            .filter(|(_, step)| **step == Step::Within3Months)
            .map(|(id, _)| id)
            .collect();
        if planned.is_empty() {
            return None;
        }
        let (mut done, mut open) = (Vec::new(), Vec::new());
        for id in planned {
            let Some(i) = bank.question_index(id) else {
                continue;
            };
            if now.questions[i] == QuestionState::Scored(1.0) {
                done.push(QuestionRef::of(bank, i));
            } else {
                open.push(QuestionRef::of(bank, i));
            }
        }
        Some(PlanFollowUp { done, open })
    });
    let mut improved = Vec::new();
    let mut regressed = Vec::new();
    for i in 0..bank.questions().len() {
        if let (QuestionState::Scored(a), QuestionState::Scored(b)) =
            (before.questions[i], now.questions[i])
        {
            if b > a {
                improved.push(QuestionRef::of(bank, i));
            } else if b < a {
                regressed.push(QuestionRef::of(bank, i));
            }
        }
    }
    Comparison {
        previous_date: previous.saved_at.clone(),
        previous_overall: before.overall_rounded(),
        previous_level: before.level,
        improved,
        regressed,
        ignored: previous.ignored.len(),
        plan_follow_up,
    }
}
