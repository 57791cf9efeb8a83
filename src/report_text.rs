//! The report as plain text in one language: what `tscheck score` prints and what the golden
//! tests compare. It shows the same facts as the widget's report, in the same order.

use crate::bank::ReferenceKind;
use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{FindingState, Report};
use crate::score::Band;
use crate::strings::{fill, measure_item, measure_label, S};
use std::fmt::Write;

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

pub fn step_label(step: Step) -> S {
    match step {
        Step::Within3Months => S::Step3m,
        Step::Within12Months => S::Step12m,
        Step::Later => S::StepLater,
    }
}

/// How many actions the summary lists.
pub const SUMMARY_ACTIONS: usize = 5;

/// Question ids joined by commas, or "none" for an empty list.
fn ids_or_none(list: &[(String, crate::lang::Text)], lang: Lang) -> String {
    if list.is_empty() {
        return S::NoChanges.get(lang).to_string();
    }
    list.iter()
        .map(|(id, _)| id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A signed change such as `+5`, `-3` or `0`.
pub fn signed(delta: i16) -> String {
    if delta > 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

pub fn to_text(report: &Report, lang: Lang) -> String {
    let t = |s: S| s.get(lang);
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("# {}", t(S::ReportHeading)));
    if let Some(name) = &report.org_name {
        line(fill(t(S::ReportFor), &[("name", name)]));
    }
    if let Some(date) = &report.date {
        line(fill(t(S::ReportDate), &[("date", date)]));
    }
    line(fill(
        t(S::ReportBank),
        &[(
            "version",
            &format!("{} {}", report.bank_id, report.bank_version),
        )],
    ));
    line(String::new());
    line(format!(
        "{}{}{} / 100",
        t(S::OverallScore),
        t(S::Colon),
        report.overall
    ));
    line(format!(
        "{}{}{} {}",
        t(S::LevelLabel),
        t(S::Colon),
        fill(t(S::LevelOf), &[("level", &report.level)]),
        report.level_name.get(lang)
    ));
    line(report.level_description.get(lang).to_string());
    if let Some((from, name)) = &report.capped_from {
        line(fill(
            t(S::LevelCapped),
            &[
                ("from", from),
                ("name", &name.get(lang)),
                ("cap", &report.red_flag_level_cap),
            ],
        ));
    }
    line(fill(
        t(S::CompletenessLine),
        &[
            ("answered", &report.answered),
            ("total", &report.visible),
            ("percent", &report.completeness),
        ],
    ));
    line(String::new());

    line(format!("## {}", t(S::SummaryHeading)));
    line(fill(
        t(S::SummaryRedFlags),
        &[("n", &report.red_flags.len())],
    ));
    if report.red_flags.is_empty() {
        line(format!("  {}", t(S::NoRedFlags)));
    }
    for flag in &report.red_flags {
        line(format!("- [{}] {}", flag.question_id, flag.title.get(lang)));
    }
    line(t(S::SummaryTopActions).to_string());
    for (n, action) in report.actions.iter().take(SUMMARY_ACTIONS).enumerate() {
        let owner = action.owner.as_ref().map_or_else(String::new, |o| {
            let role = fill(t(S::OwnerLabel), &[("role", &o.get(lang))]);
            format!("{}{role}", t(S::ListSeparator))
        });
        line(format!(
            "{}. [{}] {}{}",
            n + 1,
            action.question_id,
            action.headline.get(lang),
            owner
        ));
    }
    if let [p3, p12] = report.projections.as_slice() {
        line(fill(
            t(S::SummaryPlanLine),
            &[
                ("score3", &p3.overall),
                ("level3", &p3.level),
                ("score12", &p12.overall),
                ("level12", &p12.level),
            ],
        ));
    }
    line(String::new());

    line(format!("## {}", t(S::RedFlagsHeading)));
    if report.red_flags.is_empty() {
        line(t(S::NoRedFlags).to_string());
    }
    for flag in &report.red_flags {
        let unanswered = if flag.unanswered {
            t(S::UnansweredFlag)
        } else {
            ""
        };
        line(format!(
            "- [{}] {}{}",
            flag.question_id,
            flag.text.get(lang),
            unanswered
        ));
        line(format!("  {}", measure_label(lang, flag.measure)));
        for basis in &flag.basis {
            line(format!(
                "  {}{}{}",
                t(S::LegalBasis),
                t(S::Colon),
                basis.get(lang)
            ));
        }
    }
    line(String::new());

    line(format!("## {}", t(S::ActionsHeading)));
    if report.actions.is_empty() {
        line(t(S::NoActions).to_string());
    }
    for (n, action) in report.actions.iter().enumerate() {
        line(format!(
            "{}. [{}] {}",
            n + 1,
            action.question_id,
            action.recommendation.get(lang)
        ));
        let mut meta = format!(
            "{}{}{}",
            t(S::PlanSelectLabel),
            t(S::Colon),
            t(step_label(action.step))
        );
        if let Some(owner) = &action.owner {
            let _ = write!(
                meta,
                "{}{}",
                t(S::ListSeparator),
                fill(t(S::OwnerLabel), &[("role", &owner.get(lang))])
            );
        }
        line(format!("   {meta}"));
    }
    line(String::new());

    line(format!("## {}", t(S::PlanHeading)));
    for p in &report.projections {
        let when = match p.step {
            Step::Within3Months => S::Projected3m,
            _ => S::Projected12m,
        };
        line(format!(
            "{}{}{}",
            fill(t(when), &[("n", &p.actions)]),
            t(S::Colon),
            fill(
                t(S::ProjectedValue),
                &[
                    ("score", &p.overall),
                    ("level", &p.level),
                    ("name", &p.level_name.get(lang))
                ]
            )
        ));
    }
    for step in Step::ALL {
        line(format!("### {}", t(step_label(step))));
        let planned: Vec<_> = report.actions.iter().filter(|a| a.step == step).collect();
        if planned.is_empty() {
            line(t(S::PlanStepEmpty).to_string());
        }
        for action in planned {
            let owner = action.owner.as_ref().map_or("—", |o| o.get(lang));
            line(format!(
                "- [{}] {} | {}",
                action.question_id,
                action.headline.get(lang),
                owner
            ));
        }
    }
    line(String::new());

    line(format!("## {}", t(S::DimensionsHeading)));
    for (i, d) in report.dimensions.iter().enumerate() {
        let score = d
            .score
            .map_or_else(|| t(S::ChartNoScore).to_string(), |s| s.to_string());
        let band = d.band.map_or("", |b| t(band_label(b)));
        let mut row = format!(
            "- {} [{}]{}{} {}",
            d.name.get(lang),
            d.id,
            t(S::Colon),
            score,
            band
        );
        if let Some(Some((_, delta))) = report.comparison.as_ref().map(|c| c.dimensions[i]) {
            let _ = write!(row, " ({})", signed(delta));
        }
        if let (Some(now), Some(planned)) = (d.score, d.projected) {
            if planned != now {
                let _ = write!(row, " → {}{}{}", t(S::ColProjected), t(S::Colon), planned);
            }
        }
        line(row.trim_end().to_string());
        for f in &d.findings {
            let state = match f.state {
                FindingState::Unanswered => t(S::NotAnswered).to_string(),
                FindingState::NotApplicable => t(S::NotApplicableShort).to_string(),
                FindingState::Scored(s) => s.to_string(),
            };
            line(format!(
                "    {} ×{}{}{}",
                f.question_id,
                f.weight,
                t(S::Colon),
                state
            ));
        }
    }
    if !report.evidence.is_empty() {
        line(String::new());
        line(format!("## {}", t(S::EvidenceHeading)));
        for m in &report.evidence {
            let have = m.records.iter().filter(|r| r.have).count();
            line(format!(
                "### {} {}",
                measure_item(S::EvidenceItemNumber, lang, m.measure),
                m.name.get(lang)
            ));
            line(fill(
                t(S::EvidenceCount),
                &[("have", &have), ("total", &m.records.len())],
            ));
            for r in &m.records {
                let mark = if r.have {
                    S::EvidenceHave
                } else {
                    S::EvidenceMissing
                };
                line(format!("- [{}] {}", t(mark), r.text.get(lang)));
            }
        }
    }
    if let Some(c) = &report.comparison {
        line(String::new());
        line(format!("## {}", t(S::ComparisonHeading)));
        let date = c
            .previous_date
            .clone()
            .unwrap_or_else(|| t(S::ComparisonUndated).to_string());
        line(fill(
            t(S::ComparisonLead),
            &[
                ("date", &date),
                ("score", &c.previous_overall),
                ("level", &c.previous_level),
            ],
        ));
        line(fill(
            t(S::OverallChange),
            &[("delta", &signed(c.overall_delta))],
        ));
        for (heading, list) in [
            (S::ImprovedHeading, &c.improved),
            (S::RegressedHeading, &c.regressed),
        ] {
            line(format!(
                "{}{}{}",
                t(heading),
                t(S::Colon),
                ids_or_none(list, lang)
            ));
        }
        if let Some(f) = &c.plan_follow_up {
            line(format!("### {}", t(S::PlanFollowUpHeading)));
            line(fill(
                t(S::PlanFollowUpLine),
                &[("done", &f.done.len()), ("open", &f.open.len())],
            ));
            for (heading, list) in [(S::PlanDone, &f.done), (S::PlanOpen, &f.open)] {
                line(format!(
                    "{}{}{}",
                    t(heading),
                    t(S::Colon),
                    ids_or_none(list, lang)
                ));
            }
        }
    }
    line(String::new());
    line(format!("## {}", t(S::ReferencesHeading)));
    for (kind, text) in &report.references {
        line(format!(
            "- [{}] {}",
            t(reference_kind_label(*kind)),
            text.get(lang)
        ));
    }
    line(String::new());
    line(format!("## {}", t(S::DisclaimerHeading)));
    line(report.disclaimer.get(lang).to_string());
    out
}
