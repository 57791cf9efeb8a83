//! Which questions and sections apply, given the profile and the answers so far.
//!
//! A question is visible when its module's condition and its own condition hold. An answer
//! condition only sees answers to questions that are themselves visible, so hiding a question
//! also switches off whatever depends on it.

use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::profile::Profile;

/// Visibility of every question of a bank, by index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visibility {
    visible: Vec<bool>,
}

impl Visibility {
    pub fn compute(bank: &Bank, profile: &Profile, answers: &Answers) -> Visibility {
        let mut memo = vec![None; bank.questions().len()];
        for i in 0..memo.len() {
            is_visible(i, bank, profile, answers, &mut memo);
        }
        Visibility {
            visible: memo.into_iter().map(|v| v.unwrap_or(false)).collect(),
        }
    }

    pub fn is_visible(&self, question: usize) -> bool {
        self.visible.get(question).copied().unwrap_or(false)
    }

    /// Indices of the visible questions, in bank order.
    pub fn questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.visible
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(i, _)| i)
    }

    /// The sections to show: indices of dimensions with at least one visible question, in bank
    /// order. One dimension is one page of the questionnaire.
    pub fn sections(&self, bank: &Bank) -> Vec<usize> {
        let mut has = vec![false; bank.dimensions().len()];
        for i in self.questions() {
            has[bank.questions()[i].dimension] = true;
        }
        (0..has.len()).filter(|&d| has[d]).collect()
    }

    /// Visible questions of one dimension, in bank order.
    pub fn questions_of<'b>(
        &'b self,
        bank: &'b Bank,
        dimension: usize,
    ) -> impl Iterator<Item = usize> + 'b {
        self.questions()
            .filter(move |&i| bank.questions()[i].dimension == dimension)
    }
}

// Recursion follows show_if references, which the bank validator proves acyclic.
fn is_visible(
    i: usize,
    bank: &Bank,
    profile: &Profile,
    answers: &Answers,
    memo: &mut Vec<Option<bool>>,
) -> bool {
    if let Some(v) = memo[i] {
        return v;
    }
    let question = &bank.questions()[i];
    let module = &bank.modules()[question.module];
    let mut answer_of = |j: usize| -> Option<&Answer> {
        if is_visible(j, bank, profile, answers, memo) {
            answers.get(&bank.questions()[j].id)
        } else {
            None
        }
    };
    let visible = module
        .show_if
        .as_ref()
        .is_none_or(|c| c.holds(profile, &mut answer_of))
        && question
            .show_if
            .as_ref()
            .is_none_or(|c| c.holds(profile, &mut answer_of));
    memo[i] = Some(visible);
    visible
}
