//! Deterministic scoring: question → dimension → overall → level, plus red flags and the
//! priority of actions. Total: every input gives a result; nothing here can fail.
//!
//! The method (published in the README):
//! - A question scores in 0–1: a single choice scores its option's score; a checklist scores the
//!   weighted share of practices ticked. "Not applicable" and unanswered questions do not count.
//! - A dimension scores 0–100: the weighted mean of its counted questions (question weights).
//! - The overall score is 0–100: the weighted mean of the dimensions that have a score
//!   (dimension weights). Numbers are rounded half up only at the end.
//! - The level is the highest of the bank's five levels whose minimum the rounded overall score
//!   reaches; any red flag caps it at the bank's `red_flag_level_cap` (this tool's rule, not
//!   the law's).
//! - A red flag is a visible critical question (a measure listed in SPC 2020 provisions Art. 6)
//!   that is unanswered, scores below its threshold, or, for a checklist, leaves one of its
//!   `required` practices unticked: the evidence of that measure is weak or missing.

use crate::answers::{Answer, Answers};
use crate::bank::{Bank, Question, QuestionKind};
use crate::coded_enum::coded_enum;
use crate::profile::Profile;
use crate::visibility::Visibility;

/// How one question stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuestionState {
    /// Switched off by the profile or by another answer.
    Hidden,
    Unanswered,
    NotApplicable,
    /// Counted, with this score in 0–1.
    Scored(f64),
}

/// A dimension's result.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    /// Weighted mean of counted question scores, 0–100, unrounded; `None` when nothing counted.
    pub score: Option<f64>,
    /// Visible questions.
    pub visible: usize,
    /// Visible questions answered (including "not applicable").
    pub answered: usize,
    pub not_applicable: usize,
}

impl DimensionScore {
    pub fn rounded(&self) -> Option<u8> {
        self.score.map(round_percent)
    }
}

coded_enum! {
    /// Risk band of a dimension score.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Band {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
}

/// The scores of a whole self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub questions: Vec<QuestionState>,
    /// One per bank dimension, by index (hidden dimensions have `visible == 0`).
    pub dimensions: Vec<DimensionScore>,
    /// 0–100, unrounded; 0 when nothing counted.
    pub overall: f64,
    /// Indices of questions that are red flags, in bank order.
    pub red_flags: Vec<usize>,
    /// 1–5 after the red-flag cap.
    pub level: u8,
    /// The level the score alone would reach (before the cap).
    pub uncapped_level: u8,
}

impl Scores {
    pub fn overall_rounded(&self) -> u8 {
        round_percent(self.overall)
    }

    pub fn visible(&self) -> usize {
        self.dimensions.iter().map(|d| d.visible).sum()
    }

    pub fn answered(&self) -> usize {
        self.dimensions.iter().map(|d| d.answered).sum()
    }

    /// Share of visible questions answered, 0–100, rounded down so 100 means truly complete.
    pub fn completeness(&self) -> u8 {
        percent_of(self.answered(), self.visible())
    }

    pub fn is_red_flag(&self, question: usize) -> bool {
        self.red_flags.binary_search(&question).is_ok()
    }
}

/// `part` as a whole percentage of `whole`, rounded down (so 100 means all); 100 when `whole` is 0.
pub fn percent_of(part: usize, whole: usize) -> u8 {
    (part * 100)
        .checked_div(whole)
        .map_or(100, |p| p.min(100) as u8)
}

/// Rounds a 0–100 score half up to an integer.
pub fn round_percent(score: f64) -> u8 {
    (score.clamp(0.0, 100.0) + 0.5).floor() as u8
}

/// The score of one answer to one question, or its state when it does not count. An answer
/// that does not fit the question (unknown option, wrong shape) counts as unanswered.
pub fn question_state(question: &Question, answer: Option<&Answer>) -> QuestionState {
    match (answer, question.kind) {
        (None, _) => QuestionState::Unanswered,
        (Some(Answer::NotApplicable), _) if question.not_applicable => QuestionState::NotApplicable,
        (Some(Answer::Choice(id)), QuestionKind::Single) => match question.option(id) {
            Some(option) => QuestionState::Scored(option.value),
            None => QuestionState::Unanswered,
        },
        (Some(Answer::Checked(ticked)), QuestionKind::Checklist) => {
            let total: f64 = question.options.iter().map(|o| o.value).sum();
            let got: f64 = question
                .options
                .iter()
                .filter(|o| ticked.contains(&o.id))
                .map(|o| o.value)
                .sum();
            QuestionState::Scored(if total > 0.0 { got / total } else { 0.0 })
        }
        _ => QuestionState::Unanswered,
    }
}

/// Scores a self-check.
pub fn score(bank: &Bank, profile: &Profile, answers: &Answers) -> Scores {
    let visibility = Visibility::compute(bank, profile, answers);
    score_with(bank, &visibility, answers)
}

/// Scores with a visibility computed already (the widget keeps one per state).
pub fn score_with(bank: &Bank, visibility: &Visibility, answers: &Answers) -> Scores {
    let mut dimensions = vec![
        DimensionScore {
            score: None,
            visible: 0,
            answered: 0,
            not_applicable: 0,
        };
        bank.dimensions().len()
    ];
    let mut sums = vec![(0.0_f64, 0.0_f64); bank.dimensions().len()];
    let mut red_flags = Vec::new();
    let questions: Vec<QuestionState> = bank
        .questions()
        .iter()
        .enumerate()
        .map(|(i, question)| {
            if !visibility.is_visible(i) {
                return QuestionState::Hidden;
            }
            let state = question_state(question, answers.get(&question.id));
            let dim = &mut dimensions[question.dimension];
            dim.visible += 1;
            match state {
                QuestionState::Scored(s) => {
                    dim.answered += 1;
                    sums[question.dimension].0 += question.weight * s;
                    sums[question.dimension].1 += question.weight;
                }
                QuestionState::NotApplicable => {
                    dim.answered += 1;
                    dim.not_applicable += 1;
                }
                _ => {}
            }
            if let Some(critical) = &question.critical {
                let ticked = match answers.get(&question.id) {
                    Some(Answer::Checked(ticked)) => Some(ticked),
                    _ => None,
                };
                let flagged = match state {
                    QuestionState::Unanswered => true,
                    QuestionState::Scored(s) => critical.falls_short(s, ticked),
                    _ => false,
                };
                if flagged {
                    red_flags.push(i);
                }
            }
            state
        })
        .collect();
    let (mut num, mut den) = (0.0, 0.0);
    for ((dim, (sum, weight)), def) in dimensions.iter_mut().zip(&sums).zip(bank.dimensions()) {
        if *weight > 0.0 {
            let s = 100.0 * sum / weight;
            dim.score = Some(s);
            num += def.weight * s;
            den += def.weight;
        }
    }
    let overall = if den > 0.0 { num / den } else { 0.0 };
    let uncapped_level = level_for(bank, round_percent(overall));
    let level = if red_flags.is_empty() {
        uncapped_level
    } else {
        uncapped_level.min(bank.scoring().red_flag_level_cap)
    };
    Scores {
        questions,
        dimensions,
        overall,
        red_flags,
        level,
        uncapped_level,
    }
}

/// The level (1–5) a rounded overall score reaches.
pub fn level_for(bank: &Bank, overall: u8) -> u8 {
    let reached = bank
        .scoring()
        .levels
        .iter()
        .filter(|l| f64::from(overall) >= l.min)
        .count();
    reached.max(1) as u8
}

/// The risk band of a rounded dimension score.
pub fn band_for(bank: &Bank, score: u8) -> Band {
    let s = f64::from(score);
    if s < bank.scoring().high_risk_below {
        Band::High
    } else if s >= bank.scoring().low_risk_from {
        Band::Low
    } else {
        Band::Medium
    }
}

/// The gap (1 − score) of a question that needs action, or `None` when it needs none.
/// Unanswered questions need action only when they are critical (they are red flags).
pub fn gap(question: &Question, state: QuestionState) -> Option<f64> {
    match state {
        QuestionState::Scored(s) if s < 1.0 => Some(1.0 - s),
        QuestionState::Unanswered if question.critical.is_some() => Some(1.0),
        _ => None,
    }
}

/// Questions that need action, most urgent first: red flags first, then by
/// dimension weight × question weight × gap, ties in bank order.
pub fn prioritised_actions(bank: &Bank, scores: &Scores) -> Vec<usize> {
    let mut items: Vec<(bool, f64, usize)> = scores
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, state)| {
            let question = &bank.questions()[i];
            let gap = gap(question, *state)?;
            let priority = bank.dimensions()[question.dimension].weight * question.weight * gap;
            Some((scores.is_red_flag(i), priority, i))
        })
        .collect();
    items.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    items.into_iter().map(|(_, _, i)| i).collect()
}
