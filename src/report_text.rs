//! The report as plain text in one language: what `tscheck score` prints and what the golden
//! tests compare. It walks `Report::sections` like the widget's report, each section under a
//! `## ` heading, in the words of `report_vocab`.

use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{QuestionRef, Report, ReportSection};
use crate::report_vocab::{self as vocab, labelled, NO_VALUE, PART_SEPARATOR, SUMMARY_ACTIONS};
use crate::strings::{measure_label, S};

/// The lines of a report being written.
struct Lines {
    out: String,
    lang: Lang,
}

impl Lines {
    fn line(&mut self, text: impl AsRef<str>) {
        self.out.push_str(text.as_ref());
        self.out.push('\n');
    }

    fn t(&self, s: S) -> &'static str {
        s.get(self.lang)
    }

    /// `- [id] text` for each question, or "none".
    fn questions(&mut self, list: &[QuestionRef]) {
        if list.is_empty() {
            self.line(self.t(S::NoChanges));
        }
        for q in list {
            let text = format!("- [{}] {}", q.id, q.text.get(self.lang));
            self.line(text);
        }
    }
}

pub fn to_text(report: &Report, lang: Lang) -> String {
    let mut w = Lines {
        out: String::new(),
        lang,
    };
    w.line(format!("# {}", w.t(S::ReportHeading)));
    for section in report.sections() {
        w.line("");
        w.line(format!("## {}", w.t(vocab::section_title(section))));
        match section {
            ReportSection::Summary => summary(&mut w, report),
            ReportSection::RedFlags => red_flags(&mut w, report),
            ReportSection::Actions => actions(&mut w, report),
            ReportSection::Plan => plan(&mut w, report),
            ReportSection::Dimensions => dimensions(&mut w, report),
            ReportSection::Evidence => evidence(&mut w, report),
            ReportSection::Comparison => comparison(&mut w, report),
            ReportSection::Findings => findings(&mut w, report),
            ReportSection::References => references(&mut w, report),
            ReportSection::Services => services(&mut w, report),
            ReportSection::Method => method(&mut w, report),
            ReportSection::Disclaimer => w.line(report.disclaimer.get(lang)),
        }
    }
    w.out
}

fn summary(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    if let Some(name) = &r.org_name {
        w.line(vocab::org_line(name, lang));
    }
    if let Some(date) = &r.date {
        w.line(vocab::date_line(date, lang));
    }
    w.line(vocab::bank_line(r, lang));
    w.line(labelled(
        S::OverallScore,
        &format!("{} / 100", r.overall),
        lang,
    ));
    let level = format!(
        "{}{PART_SEPARATOR}{}",
        vocab::level_of(r.level, lang),
        r.level_name.get(lang)
    );
    w.line(labelled(S::LevelLabel, &level, lang));
    w.line(r.level_description.get(lang));
    if let Some(capped) = vocab::capped_line(r, lang) {
        w.line(capped);
    }
    w.line(vocab::completeness_line(r, lang));
    if r.completeness < 100 {
        w.line(w.t(S::IncompleteWarning));
    }
    w.line(vocab::plan_line(&r.projections, lang));
    w.line(format!(
        "### {}",
        vocab::summary_red_flags(r.red_flags.len(), lang)
    ));
    if r.red_flags.is_empty() {
        w.line(w.t(S::NoRedFlags));
    }
    for flag in &r.red_flags {
        w.line(format!("- [{}] {}", flag.question_id, flag.title.get(lang)));
    }
    w.line(format!("### {}", w.t(S::SummaryTopActions)));
    if r.actions.is_empty() {
        w.line(w.t(S::NoActions));
    }
    for (n, action) in r.actions.iter().take(SUMMARY_ACTIONS).enumerate() {
        let owner = action.owner.as_ref().map_or_else(String::new, |o| {
            format!("{}{}", w.t(S::ListSeparator), vocab::owner_line(o, lang))
        });
        w.line(format!(
            "{}. [{}] {}{owner}",
            n + 1,
            action.question_id,
            action.headline.get(lang)
        ));
    }
}

fn red_flags(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    if r.red_flags.is_empty() {
        w.line(w.t(S::NoRedFlags));
    }
    for flag in &r.red_flags {
        let unanswered = if flag.unanswered {
            w.t(S::UnansweredFlag)
        } else {
            ""
        };
        w.line(format!(
            "- [{}] {}{unanswered}",
            flag.question_id,
            flag.text.get(lang)
        ));
        w.line(format!(
            "  {}{PART_SEPARATOR}{}",
            flag.dimension.get(lang),
            measure_label(lang, flag.measure)
        ));
        w.line(format!("  {}", flag.recommendation.get(lang)));
        if !flag.basis.is_empty() {
            w.line(format!("  {}", vocab::legal_basis_line(&flag.basis, lang)));
        }
    }
}

fn actions(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    if r.actions.is_empty() {
        w.line(w.t(S::NoActions));
    }
    for (n, action) in r.actions.iter().enumerate() {
        if n == vocab::TOP_ACTIONS {
            w.line(format!(
                "### {}",
                vocab::actions_rest(r.actions.len() - n, lang)
            ));
        }
        w.line(format!(
            "{}. [{}] {}",
            n + 1,
            action.question_id,
            action.recommendation.get(lang)
        ));
        let mut about = vec![
            action.dimension.get(lang).to_string(),
            action.text.get(lang).to_string(),
        ];
        if let Some(score) = action.current {
            about.push(vocab::current_score(score, lang));
        }
        w.line(format!("   {}", about.join(PART_SEPARATOR)));
        if n < vocab::TOP_ACTIONS && !action.references.is_empty() {
            w.line(format!(
                "   {}",
                vocab::references_line(&action.references, lang)
            ));
        }
        let mut plan = vocab::step_line(action.step, lang);
        if let Some(owner) = &action.owner {
            plan.push_str(w.t(S::ListSeparator));
            plan.push_str(&vocab::owner_line(owner, lang));
        }
        w.line(format!("   {plan}"));
    }
}

fn plan(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    let now = vocab::projected_value(r.overall, r.level, &r.level_name, lang);
    w.line(labelled(S::PlanNow, &now, lang));
    for p in r.projections.both() {
        let value = vocab::projected_value(p.overall, p.level, &p.level_name, lang);
        w.line(format!(
            "{}{}{value}",
            vocab::projection_when(p, lang),
            w.t(S::Colon)
        ));
    }
    for step in Step::ALL {
        let planned: Vec<_> = r.actions.iter().filter(|a| a.step == step).collect();
        w.line(format!(
            "### {}",
            vocab::step_count(step, planned.len(), lang)
        ));
        if planned.is_empty() {
            w.line(w.t(S::PlanStepEmpty));
        }
        for action in planned {
            let owner = action.owner.as_ref().map_or(NO_VALUE, |o| o.get(lang));
            w.line(format!(
                "- [{}] {} | {owner} | {}",
                action.question_id,
                action.headline.get(lang),
                action.dimension.get(lang)
            ));
        }
    }
}

fn dimensions(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    for d in &r.dimensions {
        let mut cells = vec![
            labelled(S::ColScore, &vocab::dimension_score(d, lang), lang),
            labelled(S::ColWeight, &vocab::weight(d.weight), lang),
            labelled(S::ColProjected, &vocab::number_or_dash(d.projected), lang),
        ];
        if r.comparison.is_some() {
            let previous = d.scored.as_ref().and_then(|s| s.previous);
            let delta = d.scored.as_ref().and_then(|s| s.delta()).map(vocab::signed);
            cells.push(labelled(
                S::ColPrevious,
                &vocab::number_or_dash(previous),
                lang,
            ));
            cells.push(labelled(S::ColChange, &vocab::number_or_dash(delta), lang));
        }
        w.line(format!("- {} [{}]", d.name.get(lang), d.id));
        w.line(format!("  {}", cells.join(w.t(S::ListSeparator))));
    }
}

fn evidence(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    for m in &r.evidence {
        w.line(format!(
            "### {} {}",
            vocab::evidence_number(m.measure, lang),
            m.name.get(lang)
        ));
        w.line(vocab::evidence_count(m, lang));
        for record in &m.records {
            let mark = w.t(vocab::evidence_mark(record.have));
            w.line(format!("- [{mark}] {}", record.text.get(lang)));
        }
    }
}

fn comparison(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    let (Some(c), Some(delta)) = (&r.comparison, r.overall_delta()) else {
        return;
    };
    w.line(vocab::comparison_lead(c, lang));
    w.line(vocab::overall_change(delta, lang));
    w.line(format!("### {}", w.t(S::ImprovedHeading)));
    w.questions(&c.improved);
    w.line(format!("### {}", w.t(S::RegressedHeading)));
    w.questions(&c.regressed);
    if c.ignored > 0 {
        w.line(vocab::comparison_ignored(c.ignored, lang));
    }
    if let Some(f) = &c.plan_follow_up {
        w.line(format!("### {}", w.t(S::PlanFollowUpHeading)));
        w.line(vocab::follow_up_line(f, lang));
        w.line(format!("#### {}", w.t(S::PlanDone)));
        w.questions(&f.done);
        w.line(format!("#### {}", w.t(S::PlanOpen)));
        w.questions(&f.open);
    }
}

fn findings(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    for d in &r.dimensions {
        w.line(format!(
            "### {} — {}",
            d.name.get(lang),
            vocab::dimension_score(d, lang)
        ));
        w.line(d.description.get(lang));
        if let Some(scored) = &d.scored {
            w.line(scored.summary.get(lang));
        }
        w.line(vocab::dimension_completeness(d, lang));
        for f in &d.findings {
            let cells = [
                labelled(S::ColAnswer, &vocab::finding_answer(&f.state, lang), lang),
                labelled(S::ColWeight, &vocab::weight(f.weight), lang),
                labelled(S::ColScore, &vocab::finding_score(&f.state, lang), lang),
            ];
            w.line(format!("- [{}] {}", f.question_id, f.text.get(lang)));
            w.line(format!("  {}", cells.join(w.t(S::ListSeparator))));
        }
    }
}

fn references(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    for kind in vocab::REFERENCE_KINDS {
        let mut of_kind = r.references.iter().filter(|x| x.kind == kind).peekable();
        if of_kind.peek().is_none() {
            continue;
        }
        w.line(format!("### {}", w.t(vocab::reference_kind_label(kind))));
        for reference in of_kind {
            w.line(format!("- {}", reference.text.get(lang)));
        }
    }
}

fn services(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    for s in &r.services {
        w.line(format!(
            "- {}{}{}",
            s.name.get(lang),
            w.t(S::Colon),
            s.description.get(lang)
        ));
    }
}

fn method(w: &mut Lines, r: &Report) {
    let lang = w.lang;
    w.line(w.t(S::MethodologyBody));
    w.line(w.t(S::MethodologyLevels));
    for l in &r.levels {
        w.line(format!("- {}", vocab::level_threshold(l, lang)));
    }
    w.line(vocab::methodology_cap(r.red_flag_level_cap, lang));
    w.line(vocab::methodology_plan(lang));
}
