//! The report as plain data: every number and text the report shows, computed once, with no
//! formatting. The widget's report view and the text rendering (`report_text`) only lay it out.

use crate::answers::{Answer, Answers};
use crate::answers_file::AnswersFile;
use crate::bank::{Bank, QuestionKind, ReferenceKind};
use crate::lang::Text;
use crate::plan::{planned_actions, projected_scores, PlanChoices, PlannedAction, Step};
use crate::profile::Profile;
use crate::score::{band_for, score, Band, QuestionState, Scores};
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
    pub capped_from: Option<(u8, Text)>,
    pub answered: usize,
    pub visible: usize,
    pub completeness: u8,
    pub dimensions: Vec<DimensionReport>,
    pub red_flags: Vec<RedFlag>,
    /// In priority order, each with its step of the plan.
    pub actions: Vec<ActionItem>,
    /// The overall score and level once the actions planned within 3 months, then within 12
    /// months, are done (see `plan`).
    pub projections: Vec<Projection>,
    /// The evidence index: per measure listed in SPC 2020 provisions Art. 6, the records that
    /// would show it; empty when the bank has none.
    pub evidence: Vec<EvidenceMeasureReport>,
    pub comparison: Option<Comparison>,
    /// Every source the visible questions rest on, once each, grouped by kind (laws first).
    pub references: Vec<(ReferenceKind, Text)>,
    pub services: Vec<(Text, Text)>,
    pub disclaimer: Text,
    pub red_flag_level_cap: u8,
    /// Level thresholds for the methodology: (level, min, name).
    pub levels: Vec<(u8, u8, Text)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionReport {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub weight: f64,
    /// Rounded 0–100; `None` when nothing counted.
    pub score: Option<u8>,
    pub band: Option<Band>,
    pub summary: Option<Text>,
    pub visible: usize,
    pub answered: usize,
    pub not_applicable: usize,
    pub completeness: u8,
    pub findings: Vec<Finding>,
    /// Rounded 0–100 once the actions planned within 12 months are done; `None` when nothing
    /// would count.
    pub projected: Option<u8>,
}

/// How one visible question counted: the "how was this computed" of a dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub question_id: String,
    pub text: Text,
    pub weight: f64,
    pub critical: bool,
    pub red_flag: bool,
    /// The chosen option(s), in bank order; empty when unanswered, not applicable or none ticked.
    pub answer: Vec<Text>,
    pub state: FindingState,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FindingState {
    Unanswered,
    NotApplicable,
    /// Rounded 0–100.
    Scored(u8),
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

/// What became of the actions a previous self-check planned for 3 months.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFollowUp {
    /// Planned then, and now at their strongest answer.
    pub done: Vec<(String, Text)>,
    /// Planned then, and not yet at their strongest answer (or no longer asked).
    pub open: Vec<(String, Text)>,
}

/// The change against a previous self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub previous_date: Option<String>,
    pub previous_overall: u8,
    pub previous_level: u8,
    pub overall_delta: i16,
    /// Per dimension (same order as `Report::dimensions`): previous score and delta, when both exist.
    pub dimensions: Vec<Option<(u8, i16)>>,
    pub improved: Vec<(String, Text)>,
    pub regressed: Vec<(String, Text)>,
    /// Answers of the previous file that this bank no longer has.
    pub ignored: usize,
    /// Present when the previous file had actions planned for 3 months.
    pub plan_follow_up: Option<PlanFollowUp>,
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
    let capped_from = (scores.level < scores.uncapped_level).then(|| {
        let l = &bank.scoring().levels[usize::from(scores.uncapped_level) - 1];
        (scores.uncapped_level, l.name.clone())
    });
    let dimensions = visibility
        .sections(bank)
        .into_iter()
        .map(|d| {
            let mut report = dimension_report(bank, &scores, answers, d);
            report.projected = after_12m.dimensions[d].rounded();
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
    let projections = [
        (Step::Within3Months, &after_3m),
        (Step::Within12Months, &after_12m),
    ]
    .into_iter()
    .map(|(step, after)| Projection {
        step,
        overall: after.overall_rounded(),
        level: after.level,
        level_name: bank.scoring().levels[usize::from(after.level) - 1]
            .name
            .clone(),
        actions: plan.iter().filter(|a| a.step <= step).count(),
    })
    .collect();
    let evidence = evidence_index(bank, profile, answers, &visibility);
    let comparison = previous.map(|prev| compare(bank, &scores, &dimensions, prev));
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
        services: bank
            .services()
            .iter()
            .map(|s| (s.name.clone(), s.description.clone()))
            .collect(),
        disclaimer: bank.disclaimer().clone(),
        red_flag_level_cap: bank.scoring().red_flag_level_cap,
        levels: bank
            .scoring()
            .levels
            .iter()
            .enumerate()
            // A level is reached when the rounded score is at least its minimum, so a minimum
            // of 59.5 is reached from 60: show the smallest score that reaches it.
            .map(|(i, l)| (i as u8 + 1, l.min.ceil() as u8, l.name.clone()))
            .collect(),
    }
}

/// The references of the visible questions, each once: laws first, then standards, guidelines
/// and cases, each group sorted by its Chinese text so the articles of one law stand together.
fn references_of(bank: &Bank, scores: &Scores) -> Vec<(ReferenceKind, Text)> {
    let mut out: Vec<(ReferenceKind, Text)> = Vec::new();
    for (question, state) in bank.questions().iter().zip(&scores.questions) {
        if *state == QuestionState::Hidden {
            continue;
        }
        for r in &question.references {
            // A linear scan: a report cites a few hundred sources at most.
            if !out.iter().any(|(_, seen)| seen.zh == r.text.zh) {
                out.push((r.kind, r.text.clone()));
            }
        }
    }
    out.sort_by(|(ka, ta), (kb, tb)| {
        (*ka as u8)
            .cmp(&(*kb as u8))
            .then_with(|| ta.zh.cmp(&tb.zh))
    });
    out
}

fn dimension_report(bank: &Bank, scores: &Scores, answers: &Answers, d: usize) -> DimensionReport {
    let def = &bank.dimensions()[d];
    let ds = &scores.dimensions[d];
    let score = ds.rounded();
    let band = score.map(|s| band_for(bank, s));
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
            answer: chosen_texts(bank, i, answers.get(&q.id)),
            state: match scores.questions[i] {
                QuestionState::Scored(s) => {
                    FindingState::Scored(crate::score::round_percent(100.0 * s))
                }
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
        score,
        band,
        summary: band.map(|b| match b {
            Band::High => def.summary.high_risk.clone(),
            Band::Medium => def.summary.medium_risk.clone(),
            Band::Low => def.summary.low_risk.clone(),
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

fn compare(
    bank: &Bank,
    now: &Scores,
    dimensions: &[DimensionReport],
    previous: &AnswersFile,
) -> Comparison {
    let before = score(bank, &previous.profile, &previous.answers);
    let previous_overall = before.overall_rounded();
    let dims = dimensions
        .iter()
        .map(|dr| {
            let d = bank.dimension_index(&dr.id)?;
            let prev = before.dimensions[d].rounded()?;
            let cur = dr.score?;
            Some((prev, i16::from(cur) - i16::from(prev)))
        })
        .collect();
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
            let entry = (id.clone(), bank.questions()[i].text.clone());
            if now.questions[i] == QuestionState::Scored(1.0) {
                done.push(entry);
            } else {
                open.push(entry);
            }
        }
        Some(PlanFollowUp { done, open })
    });
    let mut improved = Vec::new();
    let mut regressed = Vec::new();
    for (i, q) in bank.questions().iter().enumerate() {
        if let (QuestionState::Scored(a), QuestionState::Scored(b)) =
            (before.questions[i], now.questions[i])
        {
            if b > a {
                improved.push((q.id.clone(), q.text.clone()));
            } else if b < a {
                regressed.push((q.id.clone(), q.text.clone()));
            }
        }
    }
    Comparison {
        previous_date: previous.saved_at.clone(),
        previous_overall,
        previous_level: before.level,
        overall_delta: i16::from(now.overall_rounded()) - i16::from(previous_overall),
        dimensions: dims,
        improved,
        regressed,
        ignored: previous.ignored.len(),
        plan_follow_up,
    }
}
