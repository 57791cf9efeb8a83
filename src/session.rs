//! The state of one self-check and every way it can change: a pure `apply(state, action)`.
//!
//! The widget's reducer delegates here, so the whole flow (stages, sections, answers, language,
//! imports) is tested natively. Nothing here does IO.

use crate::answers::{Answer, Answers, NONE_OF_THESE, NOT_APPLICABLE};
use crate::answers_file::AnswersFile;
use crate::bank::{Bank, QuestionKind};
use crate::coded_enum::coded_enum;
use crate::lang::Lang;
use crate::plan::{planned_actions, PlanChoices, Step};
use crate::profile::{bound_org_name, Profile};
use crate::strings::S;
use crate::visibility::Visibility;
use std::collections::BTreeSet;

coded_enum! {
    /// Where the respondent is; the code is the `data-stage` value.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum Stage {
        #[default]
        Start = "start",
        Profile = "profile",
        Questions = "questions",
        Review = "review",
        Report = "report",
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub stage: Stage,
    /// The dimension id of the section shown while answering.
    pub section: Option<String>,
    pub lang: Lang,
    pub profile: Profile,
    pub answers: Answers,
    /// The steps the user chose for the report's actions (the others take their defaults).
    pub plan: PlanChoices,
    /// A previous self-check loaded for comparison.
    pub previous: Option<AnswersFile>,
}

/// The derived state of a session (see [`Session::progress`]).
pub struct Progress {
    pub visibility: Visibility,
    pub scores: crate::score::Scores,
    /// Indices of the dimensions shown as sections, in order.
    pub sections: Vec<usize>,
}

/// How far a section is answered, as the section list and the review page show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    /// Every visible question answered ("not applicable" is an answer).
    Done,
}

impl SectionStatus {
    pub fn label(self) -> S {
        match self {
            SectionStatus::NotStarted => S::StatusNotStarted,
            SectionStatus::InProgress => S::StatusInProgress,
            SectionStatus::Done => S::StatusDone,
        }
    }
}

impl Progress {
    /// The status of the section of dimension `dimension` (an index into the bank's dimensions).
    pub fn section_status(&self, dimension: usize) -> SectionStatus {
        let d = &self.scores.dimensions[dimension];
        if d.answered == 0 {
            SectionStatus::NotStarted
        } else if d.answered < d.visible {
            SectionStatus::InProgress
        } else {
            SectionStatus::Done
        }
    }

    /// The questions of a section (question indices, in bank order) shown and not answered
    /// yet: what its page counts and the review lists.
    pub fn unanswered_in<'a>(
        &'a self,
        bank: &'a Bank,
        dimension: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        (self.visibility.questions_of(bank, dimension))
            .filter(|&i| self.scores.questions[i] == crate::score::QuestionState::Unanswered)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Leave the start screen for the profile.
    Start,
    /// Back to the start screen (answers are kept).
    Home,
    SetProfile(Profile),
    /// Go to the questions (from the profile), at the first section.
    BeginQuestions,
    EditProfile,
    /// Choose an option of a single-choice question (or `na`).
    Choose {
        question: String,
        option: String,
    },
    /// Tick or untick a checklist box (a practice, "none of these" or "not applicable").
    Tick {
        question: String,
        option: String,
        ticked: bool,
    },
    ClearAnswer {
        question: String,
    },
    /// Plan the action of a question for a step.
    Plan {
        question: String,
        step: Step,
    },
    ShowSection(String),
    Next,
    Prev,
    Review,
    Finish,
    /// Replace profile and answers with an imported file.
    Import(AnswersFile),
    Compare(AnswersFile),
    ClearComparison,
    /// Forget everything but the language.
    Reset,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session {
            lang,
            ..Session::default()
        }
    }

    pub fn visibility(&self, bank: &Bank) -> Visibility {
        Visibility::compute(bank, &self.profile, &self.answers)
    }

    /// What the screens derive from the session: visibility, scores and sections, computed once.
    pub fn progress(&self, bank: &Bank) -> Progress {
        let visibility = self.visibility(bank);
        let scores = crate::score::score_with(bank, &visibility, &self.answers);
        let sections = visibility.sections(bank);
        Progress {
            visibility,
            scores,
            sections,
        }
    }

    /// The plan of this self-check as an answers file stores it: every current action with
    /// its step, defaults included.
    pub fn plan_for_file(&self, bank: &Bank) -> PlanChoices {
        let scores = self.progress(bank).scores;
        crate::plan::as_choices(bank, &planned_actions(bank, &scores, &self.plan))
    }

    /// The sections (dimension indices) that apply now.
    pub fn sections(&self, bank: &Bank) -> Vec<usize> {
        self.visibility(bank).sections(bank)
    }

    /// The index of the current section in `sections`, falling back to the first.
    pub fn section_position(&self, bank: &Bank, sections: &[usize]) -> usize {
        self.section
            .as_deref()
            .and_then(|id| bank.dimension_index(id))
            .and_then(|d| sections.iter().position(|&s| s == d))
            .unwrap_or(0)
    }

    /// Where "continue" on the start screen leads: the section shown last if it still applies,
    /// else the first that does; `None` when there is nothing to continue (no answer yet, or no
    /// section applies).
    pub fn resume_target(&self, bank: &Bank) -> Option<String> {
        if self.answers.is_empty() {
            return None;
        }
        let sections = self.sections(bank);
        let position = self.section_position(bank, &sections);
        sections
            .get(position)
            .map(|&d| bank.dimensions()[d].id.clone())
    }

    pub fn apply(mut self, bank: &Bank, action: Action) -> Session {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::Start => self.stage = Stage::Profile,
            Action::Home => self.stage = Stage::Start,
            Action::SetProfile(mut profile) => {
                profile.org_name = bound_org_name(&profile.org_name);
                self.profile = profile;
            }
            Action::BeginQuestions => {
                self.stage = Stage::Questions;
                self.section = self
                    .sections(bank)
                    .first()
                    .map(|&d| bank.dimensions()[d].id.clone());
            }
            Action::EditProfile => self.stage = Stage::Profile,
            Action::Choose { question, option } => {
                let answer = match bank.question(&question) {
                    Some(q) if option == NOT_APPLICABLE && q.not_applicable => {
                        Some(Answer::NotApplicable)
                    }
                    Some(q) if q.kind == QuestionKind::Single && q.option(&option).is_some() => {
                        Some(Answer::Choice(option))
                    }
                    _ => None,
                };
                if let Some(answer) = answer {
                    self = self.set_answer(bank, &question, Some(answer));
                }
            }
            Action::Tick {
                question,
                option,
                ticked,
            } => {
                if let Some(answer) = self.ticked_answer(bank, &question, &option, ticked) {
                    self = self.set_answer(bank, &question, answer);
                }
            }
            Action::ClearAnswer { question } => self = self.set_answer(bank, &question, None),
            Action::Plan { question, step } => {
                if bank.question(&question).is_some() {
                    self.plan.insert(question, step);
                }
            }
            Action::ShowSection(id) => {
                if bank.dimension_index(&id).is_some() {
                    self.stage = Stage::Questions;
                    self.section = Some(id);
                }
            }
            Action::Next | Action::Prev => {
                let sections = self.sections(bank);
                let pos = self.section_position(bank, &sections);
                let target = if action == Action::Next {
                    sections.get(pos + 1)
                } else {
                    pos.checked_sub(1).and_then(|p| sections.get(p))
                };
                match target {
                    Some(&d) => self.section = Some(bank.dimensions()[d].id.clone()),
                    None if action == Action::Next => self.stage = Stage::Review,
                    None => self.stage = Stage::Profile,
                }
            }
            Action::Review => self.stage = Stage::Review,
            Action::Finish => self.stage = Stage::Report,
            Action::Import(file) => {
                self.profile = file.profile;
                self.answers = file.answers;
                // A file with a plan plans every action it does not name for later; a file
                // without one leaves the defaults.
                self.plan = match file.plan {
                    Some(mut plan) => {
                        let scores = self.progress(bank).scores;
                        for action in planned_actions(bank, &scores, &plan) {
                            let id = &bank.questions()[action.question].id;
                            plan.entry(id.clone()).or_insert(Step::Later);
                        }
                        plan
                    }
                    None => PlanChoices::new(),
                };
                self.stage = Stage::Review;
                self.section = None;
            }
            Action::Compare(file) => self.previous = Some(file),
            Action::ClearComparison => self.previous = None,
            Action::Reset => self = Session::new(self.lang),
        }
        self
    }

    /// The answer a checklist box click leads to: `Some(None)` clears it, `None` ignores the click.
    fn ticked_answer(
        &self,
        bank: &Bank,
        question: &str,
        option: &str,
        ticked: bool,
    ) -> Option<Option<Answer>> {
        let q = bank.question(question)?;
        if q.kind != QuestionKind::Checklist {
            return None;
        }
        // "None of these" and "not applicable" exclude every practice, and each other.
        if option == NONE_OF_THESE || option == NOT_APPLICABLE {
            if option == NOT_APPLICABLE && !q.not_applicable {
                return None;
            }
            return Some(ticked.then(|| {
                if option == NONE_OF_THESE {
                    Answer::Checked(BTreeSet::new())
                } else {
                    Answer::NotApplicable
                }
            }));
        }
        q.option(option)?;
        let mut set = match self.answers.get(question) {
            Some(Answer::Checked(set)) => set.clone(),
            _ => BTreeSet::new(),
        };
        if ticked {
            set.insert(option.to_string());
        } else {
            set.remove(option);
        }
        // Unticking the last practice leaves the question unanswered, not "none of these".
        Some((!set.is_empty()).then_some(Answer::Checked(set)))
    }

    /// Sets or clears one answer. Follow-up questions that this change hides lose their
    /// answers, so a later stronger answer reveals them empty (scores only ever rise with
    /// better answers). A follow-up that this change reveals loses any answer it kept while
    /// hidden (one hidden by a profile change keeps its answer), for the same reason.
    fn set_answer(mut self, bank: &Bank, question: &str, answer: Option<Answer>) -> Session {
        if bank.question(question).is_none() {
            return self;
        }
        let before = self.visibility(bank);
        match answer {
            Some(a) => self.answers.insert(question.to_string(), a),
            None => self.answers.remove(question),
        };
        let after = self.visibility(bank);
        for (i, q) in bank.questions().iter().enumerate() {
            if before.is_visible(i) != after.is_visible(i) {
                self.answers.remove(&q.id);
            }
        }
        self
    }
}
