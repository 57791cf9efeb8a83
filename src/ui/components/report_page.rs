//! The report page: the toolbar, then the core's `Report` section by section in the order
//! `Report::sections` gives (the text report walks the same list), then the privacy controls.
//! Each section is drawn by its own `report_*.rs` file; this one only lays them out. The
//! summary comes first and prints on its own; the details follow on the next page.

use super::charts::{ChartItem, ChartScore};
use super::file_button::FileButton;
use super::on_click;
use super::privacy_controls::PrivacyControls;
use super::{
    report_actions, report_comparison, report_dimensions, report_disclaimer, report_evidence,
    report_findings, report_method, report_plan, report_red_flags, report_references,
    report_services, report_summary,
};
use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{self, Report, ReportSection};
use crate::session::{Action, Session};
use crate::strings::S;
use crate::ui::embed::{self, PrintMode};
use crate::ui::handlers::EraseStep;
use crate::widget_state::SharedBank;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub bank: SharedBank,
    /// The self-check reported on (its answers, profile, plan and any compared self-check).
    pub session: Rc<Session>,
    pub remember: bool,
    pub confirm_erase: bool,
    pub on_navigate: Callback<Action>,
    /// Plans the action of a question (by id) for a step.
    pub on_plan: Callback<(String, Step)>,
    /// A previous self-check picked to compare with.
    pub on_compare: Callback<web_sys::File>,
    pub on_export: Callback<()>,
    pub on_print: Callback<PrintMode>,
    pub on_remember: Callback<bool>,
    pub on_erase: Callback<EraseStep>,
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let s = &props.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let report = {
        let bank = props.bank.clone();
        use_memo(
            (
                s.profile.clone(),
                s.answers.clone(),
                s.plan.clone(),
                s.previous.clone(),
            ),
            move |(profile, answers, plan, previous)| {
                report::build(
                    &bank,
                    profile,
                    answers,
                    plan,
                    Some(&embed::today()),
                    previous.as_ref(),
                )
            },
        )
    };
    let r: &Report = &report;

    let on_print = props.on_print.reform(|_| PrintMode::Report);
    let on_print_summary = props.on_print.reform(|_| PrintMode::Summary);
    let on_export = props.on_export.reform(|_| ());
    let chart_items = chart_items(r, lang);
    // `ReportSection::ALL` starts with the summary: it is the first page, the rest the details.
    let (summary, details): (Vec<ReportSection>, Vec<ReportSection>) =
        (r.sections().into_iter()).partition(|section| *section == ReportSection::Summary);
    let draw = |section: ReportSection| match section {
        ReportSection::Summary => report_summary::summary(r, lang, &chart_items),
        ReportSection::RedFlags => report_red_flags::red_flags(r, lang),
        ReportSection::Actions => report_actions::actions(r, lang, &props.on_plan),
        ReportSection::Plan => report_plan::plan(r, lang),
        ReportSection::Dimensions => report_dimensions::dimensions(r, lang, &chart_items),
        ReportSection::Evidence => report_evidence::evidence(r, lang),
        ReportSection::Comparison => report_comparison::comparison(r, lang),
        ReportSection::Findings => report_findings::findings(r, lang),
        ReportSection::References => report_references::references(r, lang),
        ReportSection::Services => report_services::services(r, lang),
        ReportSection::Method => report_method::method(r, lang),
        ReportSection::Disclaimer => report_disclaimer::disclaimer(r, lang),
    };

    let mut article = html! {
        <article class="tsc-report" data-report="" data-overall={r.overall.to_string()} data-level={r.level.to_string()}>
            <header class="tsc-report-head">
                <h1 data-page-heading="" tabindex="-1">{ t(S::ReportHeading) }</h1>
            </header>

            <div class="tsc-toolbar no-print">
                <button type="button" class="tsc-button tsc-button--primary" data-action="print" onclick={on_print}>{ t(S::PrintButton) }</button>
                <button type="button" class="tsc-button" data-action="print-summary" onclick={on_print_summary}>{ t(S::PrintSummaryButton) }</button>
                <button type="button" class="tsc-button" data-action="export" onclick={on_export}>{ t(S::ExportButton) }</button>
                <FileButton lang={lang} action="compare" label={S::CompareLabel} on_file={props.on_compare.clone()} />
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.on_navigate, Action::Review)}>{ t(S::BackToQuestions) }</button>
            </div>

            { for summary.into_iter().map(draw) }

            <div class="tsc-report-detail">
                <h2 class="tsc-detail-heading">{ t(S::DetailHeading) }</h2>
                { for details.into_iter().map(draw) }
            </div>

            <PrivacyControls lang={lang} remember={props.remember} confirm_erase={props.confirm_erase} on_remember={props.on_remember.clone()} on_erase={props.on_erase.clone()} />
        </article>
    };
    // `html!` cannot spell attribute names with a part that starts with a digit.
    if let Html::VTag(tag) = &mut article {
        let p = &r.projections;
        for (name, value) in [
            ("data-projected-3m", p.within_3_months.overall),
            ("data-projected-12m", p.within_12_months.overall),
            ("data-projected-level-3m", p.within_3_months.level),
            ("data-projected-level-12m", p.within_12_months.level),
        ] {
            std::rc::Rc::make_mut(tag).add_attribute(name, value.to_string());
        }
    }
    article
}

/// The dimensions as the charts draw them (the summary's and the details' charts alike).
fn chart_items(r: &Report, lang: Lang) -> Vec<ChartItem> {
    (r.dimensions.iter())
        .map(|d| ChartItem {
            label: d.name.get(lang).to_string(),
            scored: d.scored.as_ref().map(|s| ChartScore {
                score: s.score,
                band: s.band,
                previous: s.previous,
            }),
            target: d.projected,
        })
        .collect()
}
