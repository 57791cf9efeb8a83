//! `show_if` conditions on the profile and on earlier answers, as validated from a bank.

use crate::answers::Answer;
use crate::profile::{Industry, Profile, Size, Stage};

/// A condition that switches a module or question on.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    Industry(Vec<Industry>),
    Size(Vec<Size>),
    Stage(Vec<Stage>),
    CrossBorder(bool),
    Partners(bool),
    /// The enterprise develops or trains AI models or algorithms (`ai_models`).
    AiModels(bool),
    /// The question (by index in the bank) is visible and answered with one of these options
    /// (for a checklist: at least one of them is ticked).
    Answer {
        question: usize,
        any_of: Vec<String>,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Evaluates the condition. `answer_of(i)` returns the answer of question `i` if that
    /// question is visible and answered.
    pub fn holds<'a>(
        &self,
        profile: &Profile,
        answer_of: &mut dyn FnMut(usize) -> Option<&'a Answer>,
    ) -> bool {
        match self {
            Condition::Industry(set) => set.contains(&profile.industry),
            Condition::Size(set) => profile.size.is_some_and(|s| set.contains(&s)),
            Condition::Stage(set) => profile.stage.is_some_and(|s| set.contains(&s)),
            Condition::CrossBorder(want) => profile.cross_border == *want,
            Condition::Partners(want) => profile.partners == *want,
            Condition::AiModels(want) => profile.ai_models == *want,
            Condition::Answer { question, any_of } => match answer_of(*question) {
                Some(Answer::Choice(option)) => any_of.contains(option),
                Some(Answer::Checked(ticked)) => any_of.iter().any(|o| ticked.contains(o)),
                Some(Answer::NotApplicable) | None => false,
            },
            Condition::All(parts) => parts.iter().all(|c| c.holds(profile, answer_of)),
            Condition::Any(parts) => parts.iter().any(|c| c.holds(profile, answer_of)),
            Condition::Not(inner) => !inner.holds(profile, answer_of),
        }
    }

    /// The questions this condition reads, for cycle detection.
    pub fn questions(&self, out: &mut Vec<usize>) {
        match self {
            Condition::Answer { question, .. } => out.push(*question),
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.questions(out))
            }
            Condition::Not(inner) => inner.questions(out),
            _ => {}
        }
    }
}
