//! The report as plain data: every number and text the report shows, computed once, with no
//! formatting. The widget's report view and the text rendering (`report_text`) only lay it out,
//! section by section in the order `Report::sections` gives, in the words of `report_vocab`.
//!
//! The types say what can go together: a dimension's score comes with its band and summary (and
//! its previous score when compared), a finding's answer exists only when it scored, and the
//! two projections are always both there.

mod comparison;
mod section;

pub use comparison::{Comparison, PlanFollowUp, QuestionRef};
pub use section::ReportSection;

use crate::answers::{Answer, Answers};
use crate::answers_file::AnswersFile;
use crate::bank::{Bank, QuestionKind, Reference, ReferenceKind, Service};
use crate::lang::Text;
use crate::plan::{planned_actions, projected_scores, PlanChoices, PlannedAction, Step};
use crate::profile::Profile;
use crate::score::{band_for, Band, QuestionState, Scores};
use crate::visibility::Visibility;

#[cfg(test)]
mod tests {
    #[test]
    fn first_sentence_ends_at_the_first_full_stop_or_semicolon() {
        use super::first_sentence;
        assert_eq!(first_sentence("先做甲；再做乙。"), "先做甲。");
        assert_eq!(first_sentence("先做甲。再做乙。"), "先做甲。");
        assert_eq!(first_sentence("Do a. Then b."), "Do a.");
        assert_eq!(first_sentence("Do a; then b."), "Do a.");
        assert_eq!(first_sentence("Only one sentence."), "Only one sentence.");
        assert_eq!(first_sentence("只有一句。"), "只有一句。");
        assert_eq!(first_sentence("Use e.g.a tool"), "Use e.g.a tool");
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub title: Text,
    pub bank_id: String,
    pub bank_version: String,
    /// The date the report was made, as given by the caller (the core has no clock).
    pub date: Option<String>,
    /// Only when the user typed one.
    pub org_name: Option<String>,
    pub profile: Profile,
    pub overall: u8,
    pub level: u8,
    pub level_name: Text,
    pub level_description: Text,
    /// The level the score alone would reach, when red flags capped it lower.
    pub capped_from: Option<LevelName>,
    pub answered: usize,
    pub visible: usize,
    pub completeness: u8,
    pub dimensions: Vec<DimensionReport>,
    pub red_flags: Vec<RedFlag>,
    /// In priority order, each with its step of the plan.
    pub actions: Vec<ActionItem>,
    /// The overall score and level once the actions planned within 3 months, then within 12
    /// months, are done (see `plan`).
    pub projections: Projections,
    /// The evidence index: per measure listed in SPC 2020 provisions Art. 6, the records that
    /// would show it; empty when the bank has none.
    pub evidence: Vec<EvidenceMeasureReport>,
    pub comparison: Option<Comparison>,
    /// Every source the visible questions rest on, once each, grouped by kind (laws first).
    pub references: Vec<Reference>,
    pub services: Vec<Service>,
    pub disclaimer: Text,
    pub red_flag_level_cap: u8,
    /// Level thresholds for the methodology, lowest first.
    pub levels: Vec<LevelThreshold>,
}

impl Report {
    /// The change of the overall score against the compared self-check.
    pub fn overall_delta(&self) -> Option<i16> {
        (self.comparison.as_ref()).map(|c| i16::from(self.overall) - i16::from(c.previous_overall))
    }
}

/// A level by number and name.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelName {
    pub level: u8,
    pub name: Text,
}

/// A level as the bank defines it: reached when the rounded overall score is at least `min`.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelThreshold {
    pub level: u8,
    /// The bank's minimum, unrounded (a minimum of 62.5 is shown as 62.5).
    pub min: f64,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionReport {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub weight: f64,
    /// `None` when nothing counted.
    pub scored: Option<DimensionScored>,
    pub visible: usize,
    pub answered: usize,
    pub not_applicable: usize,
    pub completeness: u8,
    pub findings: Vec<Finding>,
    /// Rounded 0–100 once the actions planned within 12 months are done; `None` when nothing
    /// would count.
    pub projected: Option<u8>,
}

impl DimensionReport {
    /// Rounded 0–100; `None` when nothing counted.
    pub fn score(&self) -> Option<u8> {
        self.scored.as_ref().map(|s| s.score)
    }
}

/// A dimension's score with what goes with it.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScored {
    /// Rounded 0–100.
    pub score: u8,
    pub band: Band,
    /// The bank's summary for the band.
    pub summary: Text,
    /// The score of the compared self-check, when one is loaded and the dimension scored then.
    pub previous: Option<u8>,
}

impl DimensionScored {
    /// The change against the compared self-check.
    pub fn delta(&self) -> Option<i16> {
        (self.previous).map(|p| i16::from(self.score) - i16::from(p))
    }
}

/// How one visible question counted: the "how was this computed" of a dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub question_id: String,
    pub text: Text,
    pub weight: f64,
    pub critical: bool,
    pub red_flag: bool,
    pub state: FindingState,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FindingState {
    Unanswered,
    NotApplicable,
    Scored {
        /// Rounded 0–100.
        score: u8,
        /// The chosen option(s), in bank order; empty when a checklist has none ticked.
        answer: Vec<Text>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct RedFlag {
    pub question_id: String,
    pub dimension: Text,
    pub text: Text,
    /// The question's short name (its title, or its text).
    pub title: Text,
    /// The item of SPC 2020 provisions Art. 6.
    pub measure: u8,
    pub unanswered: bool,
    /// The legal references of the question.
    pub basis: Vec<Text>,
    pub recommendation: Text,
    /// The role that owns the action, when the bank names one.
    pub owner: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActionItem {
    pub question_id: String,
    pub dimension: Text,
    pub text: Text,
    pub recommendation: Text,
    /// The recommendation's first sentence: the action in a line, for the summary and plan.
    pub headline: Text,
    pub references: Vec<Text>,
    pub red_flag: bool,
    /// Rounded 0–100 current score of the question; `None` when unanswered.
    pub current: Option<u8>,
    /// The role that owns the action, when the bank names one.
    pub owner: Option<Text>,
    pub step: Step,
    /// Whether the step is the user's choice rather than the default.
    pub step_chosen: bool,
}

/// Where the plan leads: after the actions planned within 3 months, then within 12 months.
#[derive(Clone, Debug, PartialEq)]
pub struct Projections {
    pub within_3_months: Projection,
    pub within_12_months: Projection,
}

impl Projections {
    /// Both, in the order of the plan.
    pub fn both(&self) -> [&Projection; 2] {
        [&self.within_3_months, &self.within_12_months]
    }
}

/// Where the plan leads by one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub step: Step,
    /// Rounded 0–100.
    pub overall: u8,
    pub level: u8,
    pub level_name: Text,
    /// How many actions are planned by this step (this one and the earlier ones).
    pub actions: usize,
}

/// One measure of the evidence index.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceMeasureReport {
    /// The item of Art. 6 (1–7).
    pub measure: u8,
    pub name: Text,
    pub records: Vec<EvidenceItem>,
}

/// One record of the evidence index, present or missing according to the answers given.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceItem {
    pub id: String,
    pub text: Text,
    pub have: bool,
}

/// Builds the report of a self-check with its plan, optionally compared with a previous
/// answers file.
pub fn build(
    bank: &Bank,
    profile: &Profile,
    answers: &Answers,
    plan: &PlanChoices,
    date: Option<&str>,
    previous: Option<&AnswersFile>,
) -> Report {
    let visibility = Visibility::compute(bank, profile, answers);
    let scores = crate::score::score_with(bank, &visibility, answers);
    let plan = planned_actions(bank, &scores, plan);
    let after_3m = projected_scores(bank, profile, answers, &plan, Step::Within3Months);
    let after_12m = projected_scores(bank, profile, answers, &plan, Step::Within12Months);
    let level_def = &bank.scoring().levels[usize::from(scores.level) - 1];
    let capped_from = (scores.level < scores.uncapped_level).then(|| LevelName {
        level: scores.uncapped_level,
        name: level_name(bank, scores.uncapped_level),
    });
    let before = previous.map(|prev| crate::score::score(bank, &prev.profile, &prev.answers));
    let dimensions = visibility
        .sections(bank)
        .into_iter()
        .map(|d| {
            let mut report = dimension_report(bank, &scores, answers, d);
            report.projected = after_12m.dimensions[d].rounded();
            if let (Some(scored), Some(before)) = (&mut report.scored, &before) {
                scored.previous = before.dimensions[d].rounded();
            }
            report
        })
        .collect::<Vec<_>>();
    let red_flags = scores
        .red_flags
        .iter()
        .map(|&i| {
            let q = &bank.questions()[i];
            RedFlag {
                question_id: q.id.clone(),
                dimension: bank.dimensions()[q.dimension].name.clone(),
                text: q.text.clone(),
                title: q.short_name().clone(),
                measure: q.critical.as_ref().map(|c| c.measure).unwrap_or(0),
                unanswered: scores.questions[i] == QuestionState::Unanswered,
                basis: q
                    .references
                    .iter()
                    .filter(|r| r.kind == ReferenceKind::Law)
                    .map(|r| r.text.clone())
                    .collect(),
                recommendation: q.recommendation.clone(),
                owner: bank.owner_of(q).cloned(),
            }
        })
        .collect();
    let actions = plan
        .iter()
        .map(
            |&PlannedAction {
                 question: i,
                 step,
                 chosen,
             }| {
                let q = &bank.questions()[i];
                ActionItem {
                    question_id: q.id.clone(),
                    dimension: bank.dimensions()[q.dimension].name.clone(),
                    text: q.text.clone(),
                    recommendation: q.recommendation.clone(),
                    headline: Text {
                        zh: first_sentence(&q.recommendation.zh),
                        en: first_sentence(&q.recommendation.en),
                    },
                    references: q.references.iter().map(|r| r.text.clone()).collect(),
                    red_flag: scores.is_red_flag(i),
                    current: match scores.questions[i] {
                        QuestionState::Scored(s) => Some(crate::score::round_percent(100.0 * s)),
                        _ => None,
                    },
                    owner: bank.owner_of(q).cloned(),
                    step,
                    step_chosen: chosen,
                }
            },
        )
        .collect();
    let projection = |step: Step, after: &Scores| Projection {
        step,
        overall: after.overall_rounded(),
        level: after.level,
        level_name: level_name(bank, after.level),
        actions: plan.iter().filter(|a| a.step <= step).count(),
    };
    let projections = Projections {
        within_3_months: projection(Step::Within3Months, &after_3m),
        within_12_months: projection(Step::Within12Months, &after_12m),
    };
    let evidence = evidence_index(bank, profile, answers, &visibility);
    let comparison = previous
        .zip(before.as_ref())
        .map(|(prev, before)| comparison::compare(bank, &scores, before, prev));
    let org = profile.org_name.trim();
    Report {
        title: bank.title().clone(),
        bank_id: bank.id().to_string(),
        bank_version: bank.version().to_string(),
        date: date.map(str::to_string),
        org_name: (!org.is_empty()).then(|| org.to_string()),
        profile: profile.clone(),
        overall: scores.overall_rounded(),
        level: scores.level,
        level_name: level_def.name.clone(),
        level_description: level_def.description.clone(),
        capped_from,
        answered: scores.answered(),
        visible: scores.visible(),
        completeness: scores.completeness(),
        dimensions,
        red_flags,
        actions,
        projections,
        evidence,
        comparison,
        references: references_of(bank, &scores),
        services: bank.services().to_vec(),
        disclaimer: bank.disclaimer().clone(),
        red_flag_level_cap: bank.scoring().red_flag_level_cap,
        levels: bank
            .scoring()
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| LevelThreshold {
                level: i as u8 + 1,
                min: l.min,
                name: l.name.clone(),
            })
            .collect(),
    }
}

/// The name of a level (1–5).
fn level_name(bank: &Bank, level: u8) -> Text {
    bank.scoring().levels[usize::from(level) - 1].name.clone()
}

/// The references of the visible questions, each once: laws first, then standards, guidelines
/// and cases, each group sorted by its Chinese text so the articles of one law stand together.
fn references_of(bank: &Bank, scores: &Scores) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    for (question, state) in bank.questions().iter().zip(&scores.questions) {
        if *state == QuestionState::Hidden {
            continue;
        }
        for r in &question.references {
            // A linear scan: a report cites a few hundred sources at most.
            if !out.iter().any(|seen| seen.text.zh == r.text.zh) {
                out.push(r.clone());
            }
        }
    }
    out.sort_by(|a, b| {
        (a.kind as u8)
            .cmp(&(b.kind as u8))
            .then_with(|| a.text.zh.cmp(&b.text.zh))
    });
    out
}

fn dimension_report(bank: &Bank, scores: &Scores, answers: &Answers, d: usize) -> DimensionReport {
    let def = &bank.dimensions()[d];
    let ds = &scores.dimensions[d];
    let findings = bank
        .questions()
        .iter()
        .enumerate()
        .filter(|(i, q)| q.dimension == d && scores.questions[*i] != QuestionState::Hidden)
        .map(|(i, q)| Finding {
            question_id: q.id.clone(),
            text: q.text.clone(),
            weight: q.weight,
            critical: q.critical.is_some(),
            red_flag: scores.is_red_flag(i),
            state: match scores.questions[i] {
                QuestionState::Scored(s) => FindingState::Scored {
                    score: crate::score::round_percent(100.0 * s),
                    answer: chosen_texts(bank, i, answers.get(&q.id)),
                },
                QuestionState::NotApplicable => FindingState::NotApplicable,
                _ => FindingState::Unanswered,
            },
        })
        .collect();
    DimensionReport {
        id: def.id.clone(),
        name: def.name.clone(),
        description: def.description.clone(),
        weight: def.weight,
        scored: ds.rounded().map(|score| {
            let band = band_for(bank, score);
            DimensionScored {
                score,
                band,
                summary: match band {
                    Band::High => def.summary.high_risk.clone(),
                    Band::Medium => def.summary.medium_risk.clone(),
                    Band::Low => def.summary.low_risk.clone(),
                },
                previous: None,
            }
        }),
        visible: ds.visible,
        answered: ds.answered,
        not_applicable: ds.not_applicable,
        completeness: crate::score::percent_of(ds.answered, ds.visible),
        findings,
        projected: None,
    }
}

/// The first sentence (or clause, up to `；` / `; `) of a recommendation, ending with a full
/// stop; the whole text when it has one sentence.
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = ["。", "；", ". ", "; "]
        .iter()
        .filter_map(|stop| text.find(stop).map(|i| (i, *stop)))
        .min_by_key(|(i, _)| *i);
    match end {
        Some((i, stop)) if i + stop.len() < text.len() => {
            let full_stop = if stop.is_ascii() { "." } else { "。" };
            format!("{}{full_stop}", &text[..i])
        }
        _ => text.to_string(),
    }
}

/// The evidence index: a record is present when its condition holds on the answers of the
/// visible questions (an answer to a hidden question shows nothing).
fn evidence_index(
    bank: &Bank,
    profile: &Profile,
    answers: &Answers,
    visibility: &Visibility,
) -> Vec<EvidenceMeasureReport> {
    let mut answer_of = |i: usize| {
        visibility
            .is_visible(i)
            .then(|| answers.get(&bank.questions()[i].id))
            .flatten()
    };
    bank.evidence()
        .iter()
        .map(|m| EvidenceMeasureReport {
            measure: m.measure,
            name: m.name.clone(),
            records: m
                .records
                .iter()
                .map(|r| EvidenceItem {
                    id: r.id.clone(),
                    text: r.text.clone(),
                    have: r.have_if.holds(profile, &mut answer_of),
                })
                .collect(),
        })
        .collect()
}

fn chosen_texts(bank: &Bank, i: usize, answer: Option<&Answer>) -> Vec<Text> {
    let q = &bank.questions()[i];
    match (answer, q.kind) {
        (Some(Answer::Choice(id)), QuestionKind::Single) => q
            .option(id)
            .map(|o| vec![o.text.clone()])
            .unwrap_or_default(),
        (Some(Answer::Checked(ticked)), QuestionKind::Checklist) => q
            .options
            .iter()
            .filter(|o| ticked.contains(&o.id))
            .map(|o| o.text.clone())
            .collect(),
        _ => Vec::new(),
    }
}
