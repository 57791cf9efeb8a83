//! The report's words, in one place for both of its renderers: the widget's report
//! (`ui/components/report_*.rs`) and the text report (`report_text`, printed by `tscheck score`).
//! Each label, line and number format of the report is spelled here once, so the two cannot
//! drift apart; neither renderer imports from the other. Plain strings only: no markup.

use crate::bank::ReferenceKind;
use crate::lang::{Lang, Text};
use crate::plan::Step;
use crate::report::{
    Comparison, DimensionReport, EvidenceMeasureReport, FindingState, LevelThreshold, PlanFollowUp,
    Projection, Projections, Report, ReportSection,
};
use crate::score::Band;
use crate::strings::{fill, measure_item, S};

/// How many actions the summary lists.
pub const SUMMARY_ACTIONS: usize = 5;

/// How many actions the action list shows with their references; the rest stay short, so the
/// printed list stays readable.
pub const TOP_ACTIONS: usize = 10;

/// What a table cell or a line shows for a value that does not exist (no owner, no score then).
pub const NO_VALUE: &str = "—";

/// Between the parts of one line: a dimension and its measure, a score and its band.
pub const PART_SEPARATOR: &str = " · ";

/// The heading of a section.
pub fn section_title(section: ReportSection) -> S {
    match section {
        ReportSection::Summary => S::SummaryHeading,
        ReportSection::RedFlags => S::RedFlagsHeading,
        ReportSection::Actions => S::ActionsHeading,
        ReportSection::Plan => S::PlanHeading,
        ReportSection::Dimensions => S::DimensionsHeading,
        ReportSection::Evidence => S::EvidenceHeading,
        ReportSection::Comparison => S::ComparisonHeading,
        ReportSection::Findings => S::FindingsHeading,
        ReportSection::References => S::ReferencesHeading,
        ReportSection::Services => S::ServicesHeading,
        ReportSection::Method => S::MethodologyHeading,
        ReportSection::Disclaimer => S::DisclaimerHeading,
    }
}

pub fn band_label(band: Band) -> S {
    match band {
        Band::High => S::BandHigh,
        Band::Medium => S::BandMedium,
        Band::Low => S::BandLow,
    }
}

pub fn reference_kind_label(kind: ReferenceKind) -> S {
    match kind {
        ReferenceKind::Law => S::RefKindLaw,
        ReferenceKind::Standard => S::RefKindStandard,
        ReferenceKind::Guideline => S::RefKindGuideline,
        ReferenceKind::Case => S::RefKindCase,
    }
}

/// The kinds of reference in the order the report lists them.
pub const REFERENCE_KINDS: [ReferenceKind; 4] = [
    ReferenceKind::Law,
    ReferenceKind::Standard,
    ReferenceKind::Guideline,
    ReferenceKind::Case,
];

pub fn step_label(step: Step) -> S {
    match step {
        Step::Within3Months => S::Step3m,
        Step::Within12Months => S::Step12m,
        Step::Later => S::StepLater,
    }
}

/// `label: value` with the language's colon.
pub fn labelled(label: S, value: &str, lang: Lang) -> String {
    format!("{}{}{value}", label.get(lang), S::Colon.get(lang))
}

/// Texts joined with the language's list separator.
pub fn joined<'a>(texts: impl IntoIterator<Item = &'a Text>, lang: Lang) -> String {
    texts
        .into_iter()
        .map(|t| t.get(lang))
        .collect::<Vec<_>>()
        .join(S::ListSeparator.get(lang))
}

/// A signed change such as `+5`, `-3` or `0`.
pub fn signed(delta: i16) -> String {
    if delta > 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

/// A weight as people read it (`2`, `0.5`, `0.3333`).
pub fn weight(value: f64) -> String {
    crate::number::decimal(value)
}

/// A score, or "no score" when nothing counted.
pub fn score_or_none(score: Option<u8>, lang: Lang) -> String {
    score.map_or_else(|| S::ChartNoScore.get(lang).to_string(), |s| s.to_string())
}

/// A dimension's score with its band ("75 · Medium risk"), or "no score".
pub fn dimension_score(d: &DimensionReport, lang: Lang) -> String {
    match &d.scored {
        Some(s) => format!(
            "{}{PART_SEPARATOR}{}",
            s.score,
            band_label(s.band).get(lang)
        ),
        None => S::ChartNoScore.get(lang).to_string(),
    }
}

/// A number or "—".
pub fn number_or_dash(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| NO_VALUE.to_string(), |v| v.to_string())
}

/// What one question scored: its score, "not answered" or "not applicable".
pub fn finding_score(state: &FindingState, lang: Lang) -> String {
    match state {
        FindingState::Scored { score, .. } => score.to_string(),
        FindingState::NotApplicable => S::NotApplicableShort.get(lang).to_string(),
        FindingState::Unanswered => S::NotAnswered.get(lang).to_string(),
    }
}

/// What was answered: the chosen options, "none ticked", or "—" when the score column already
/// says "not answered" or "not applicable".
pub fn finding_answer(state: &FindingState, lang: Lang) -> String {
    match state {
        FindingState::Unanswered | FindingState::NotApplicable => NO_VALUE.to_string(),
        FindingState::Scored { answer, .. } if answer.is_empty() => {
            S::NothingTicked.get(lang).to_string()
        }
        FindingState::Scored { answer, .. } => joined(answer, lang),
    }
}

// The summary's lines.

pub fn org_line(name: &str, lang: Lang) -> String {
    fill(S::ReportFor.get(lang), &[("name", &name)])
}

pub fn date_line(date: &str, lang: Lang) -> String {
    fill(S::ReportDate.get(lang), &[("date", &date)])
}

/// The bank the report was scored against: its id and version, as the answers file names it.
pub fn bank_line(r: &Report, lang: Lang) -> String {
    fill(
        S::ReportBank.get(lang),
        &[("id", &r.bank_id), ("version", &r.bank_version)],
    )
}

/// "Level 2 of 5".
pub fn level_of(level: u8, lang: Lang) -> String {
    fill(S::LevelOf.get(lang), &[("level", &level)])
}

/// Why the level is lower than the score alone would reach, when red flags capped it.
pub fn capped_line(r: &Report, lang: Lang) -> Option<String> {
    r.capped_from.as_ref().map(|from| {
        fill(
            S::LevelCapped.get(lang),
            &[
                ("from", &from.level),
                ("name", &from.name.get(lang)),
                ("cap", &r.red_flag_level_cap),
            ],
        )
    })
}

pub fn completeness_line(r: &Report, lang: Lang) -> String {
    fill(
        S::CompletenessLine.get(lang),
        &[
            ("answered", &r.answered),
            ("total", &r.visible),
            ("percent", &r.completeness),
        ],
    )
}

/// Where the plan leads, in one line.
pub fn plan_line(p: &Projections, lang: Lang) -> String {
    fill(
        S::SummaryPlanLine.get(lang),
        &[
            ("score3", &p.within_3_months.overall),
            ("level3", &p.within_3_months.level),
            ("score12", &p.within_12_months.overall),
            ("level12", &p.within_12_months.level),
        ],
    )
}

pub fn summary_red_flags(n: usize, lang: Lang) -> String {
    fill(S::SummaryRedFlags.get(lang), &[("n", &n)])
}

pub fn owner_line(owner: &Text, lang: Lang) -> String {
    fill(S::OwnerLabel.get(lang), &[("role", &owner.get(lang))])
}

// Red flags and actions.

pub fn legal_basis_line(basis: &[Text], lang: Lang) -> String {
    labelled(S::LegalBasis, &joined(basis, lang), lang)
}

pub fn references_line(references: &[Text], lang: Lang) -> String {
    labelled(S::ReferencesLabel, &joined(references, lang), lang)
}

pub fn current_score(score: u8, lang: Lang) -> String {
    fill(S::CurrentScore.get(lang), &[("score", &score)])
}

pub fn step_line(step: Step, lang: Lang) -> String {
    labelled(S::PlanSelectLabel, step_label(step).get(lang), lang)
}

pub fn actions_rest(n: usize, lang: Lang) -> String {
    fill(S::ActionsRest.get(lang), &[("n", &n)])
}

// The plan.

/// "Projected 94, level 5 (Optimised)".
pub fn projected_value(overall: u8, level: u8, name: &Text, lang: Lang) -> String {
    fill(
        S::ProjectedValue.get(lang),
        &[
            ("score", &overall),
            ("level", &level),
            ("name", &name.get(lang)),
        ],
    )
}

/// "After the actions planned within 3 months (4)".
pub fn projection_when(p: &Projection, lang: Lang) -> String {
    let when = match p.step {
        Step::Within3Months => S::Projected3m,
        _ => S::Projected12m,
    };
    fill(when.get(lang), &[("n", &p.actions)])
}

/// "Within 3 months (4)".
pub fn step_count(step: Step, n: usize, lang: Lang) -> String {
    fill(
        S::PlanStepCount.get(lang),
        &[("step", &step_label(step).get(lang)), ("n", &n)],
    )
}

// Findings, evidence and comparison.

pub fn dimension_completeness(d: &DimensionReport, lang: Lang) -> String {
    fill(
        S::DimensionCompleteness.get(lang),
        &[
            ("answered", &d.answered),
            ("total", &d.visible),
            ("na", &d.not_applicable),
        ],
    )
}

/// "Art. 6(1)" in the language's numerals.
pub fn evidence_number(measure: u8, lang: Lang) -> String {
    measure_item(S::EvidenceItemNumber, lang, measure)
}

pub fn evidence_count(m: &EvidenceMeasureReport, lang: Lang) -> String {
    let have = m.records.iter().filter(|r| r.have).count();
    fill(
        S::EvidenceCount.get(lang),
        &[("have", &have), ("total", &m.records.len())],
    )
}

pub fn evidence_mark(have: bool) -> S {
    if have {
        S::EvidenceHave
    } else {
        S::EvidenceMissing
    }
}

pub fn comparison_lead(c: &Comparison, lang: Lang) -> String {
    let date =
        (c.previous_date.clone()).unwrap_or_else(|| S::ComparisonUndated.get(lang).to_string());
    fill(
        S::ComparisonLead.get(lang),
        &[
            ("date", &date),
            ("score", &c.previous_overall),
            ("level", &c.previous_level),
        ],
    )
}

pub fn overall_change(delta: i16, lang: Lang) -> String {
    fill(S::OverallChange.get(lang), &[("delta", &signed(delta))])
}

pub fn comparison_ignored(n: usize, lang: Lang) -> String {
    fill(S::ComparisonIgnored.get(lang), &[("n", &n)])
}

pub fn follow_up_line(f: &PlanFollowUp, lang: Lang) -> String {
    fill(
        S::PlanFollowUpLine.get(lang),
        &[("done", &f.done.len()), ("open", &f.open.len())],
    )
}

// The method.

/// "Level 3 Defined: 62.5 and above": the minimum as the bank defines it.
pub fn level_threshold(l: &LevelThreshold, lang: Lang) -> String {
    fill(
        S::MethodologyLevel.get(lang),
        &[
            ("level", &l.level),
            ("name", &l.name.get(lang)),
            ("min", &crate::number::decimal(l.min)),
        ],
    )
}

pub fn methodology_cap(cap: u8, lang: Lang) -> String {
    fill(S::MethodologyCap.get(lang), &[("cap", &cap)])
}

pub fn methodology_plan(lang: Lang) -> String {
    fill(
        S::MethodologyPlan.get(lang),
        &[("n", &crate::plan::DEFAULT_12M_ACTIONS)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_its_own_heading() {
        for (i, a) in ReportSection::ALL.into_iter().enumerate() {
            for b in &ReportSection::ALL[i + 1..] {
                assert_ne!(section_title(a), section_title(*b), "{a:?} and {b:?}");
                assert_ne!(a.code(), b.code());
            }
        }
    }

    #[test]
    fn a_threshold_shows_as_the_bank_defines_it() {
        let l = LevelThreshold {
            level: 3,
            min: 62.5,
            name: Text {
                zh: "已定义".into(),
                en: "Defined".into(),
            },
        };
        assert_eq!(
            level_threshold(&l, Lang::En),
            "Level 3 Defined: 62.5 and above"
        );
        assert_eq!(
            level_threshold(&l, Lang::Zh),
            "第 3 级 已定义：62.5 分及以上"
        );
    }
}
