//! The report's first page: who and when, score and level with what they mean, the radar with
//! the plan's target, the red flags one line each, the five most important actions with their
//! owners, and where the plan leads. It prints on its own with "Print the summary".

use super::charts::{BarChart, ChartItem, RadarChart};
use crate::lang::Lang;
use crate::report::Report;
use crate::report_text::SUMMARY_ACTIONS;
use crate::strings::{fill, S};
use yew::prelude::*;

/// Renders the summary of a report (pure: the report and the chart rows in, markup out).
pub fn summary(r: &Report, lang: Lang, chart_items: &[ChartItem]) -> Html {
    let t = |k: S| k.get(lang);
    let projections = match r.projections.as_slice() {
        [p3, p12] => Some(fill(
            t(S::SummaryPlanLine),
            &[
                ("score3", &p3.overall),
                ("level3", &p3.level),
                ("score12", &p12.overall),
                ("level12", &p12.level),
            ],
        )),
        _ => None,
    };
    html! {
        <section class="tsc-summary-page" data-summary="" aria-labelledby="tsc-summary-heading">
            <h2 id="tsc-summary-heading">{ t(S::SummaryHeading) }</h2>
            <p class="tsc-report-meta">
                if let Some(name) = &r.org_name {
                    <span class="tsc-org">{ fill(t(S::ReportFor), &[("name", name)]) }</span>
                }
                if let Some(date) = &r.date { <span>{ fill(t(S::ReportDate), &[("date", date)]) }</span> }
                <span>{ fill(t(S::ReportBank), &[("version", &r.bank_version)]) }</span>
            </p>
            <div class="tsc-summary-top">
                <div class="tsc-scorecard">
                    <div class="tsc-score">
                        <p class="tsc-score-label">{ t(S::OverallScore) }</p>
                        <p class="tsc-score-value"><span class="tsc-big">{ r.overall }</span><span class="tsc-of">{ " / 100" }</span></p>
                    </div>
                    <div class="tsc-level">
                        <p class="tsc-score-label">{ t(S::LevelLabel) }</p>
                        <p class="tsc-level-value">{ fill(t(S::LevelOf), &[("level", &r.level)]) }{ " · " }<strong>{ r.level_name.get(lang) }</strong></p>
                        <p>{ r.level_description.get(lang) }</p>
                        if let Some((from, name)) = &r.capped_from {
                            <p class="tsc-capped">{ fill(t(S::LevelCapped), &[("from", from), ("name", &name.get(lang)), ("cap", &r.red_flag_level_cap)]) }</p>
                        }
                    </div>
                    <p class="tsc-completeness">{ fill(t(S::CompletenessLine), &[("answered", &r.answered), ("total", &r.visible), ("percent", &r.completeness)]) }</p>
                    if r.completeness < 100 { <p class="tsc-warning">{ t(S::IncompleteWarning) }</p> }
                    if let Some(line) = projections { <p class="tsc-plan-line">{ line }</p> }
                </div>
                // The radar reads well from tablet width up; a phone gets the bars.
                <div class="tsc-summary-chart tsc-wide-only">
                    <RadarChart lang={lang} items={chart_items.to_vec()} id="tsc-summary" />
                </div>
                <div class="tsc-summary-chart tsc-narrow-only">
                    <BarChart lang={lang} items={chart_items.to_vec()} id="tsc-summary" compact={true} />
                </div>
            </div>
            <div class="tsc-summary-lists">
                <section aria-labelledby="tsc-summary-flags">
                    <h3 id="tsc-summary-flags">{ fill(t(S::SummaryRedFlags), &[("n", &r.red_flags.len())]) }</h3>
                    if r.red_flags.is_empty() {
                        <p class="tsc-ok">{ t(S::NoRedFlags) }</p>
                    } else {
                        <ul class="tsc-summary-list tsc-summary-flags-list">
                            { for r.red_flags.iter().map(|f| html! {
                                <li class="tsc-summary-flag">{ f.title.get(lang) }</li>
                            }) }
                        </ul>
                    }
                </section>
                <section aria-labelledby="tsc-summary-actions">
                    <h3 id="tsc-summary-actions">{ t(S::SummaryTopActions) }</h3>
                    if r.actions.is_empty() {
                        <p class="tsc-ok">{ t(S::NoActions) }</p>
                    } else {
                        <ol class="tsc-summary-list">
                            { for r.actions.iter().take(SUMMARY_ACTIONS).map(|a| html! {
                                <li data-summary-action={a.question_id.clone()}>
                                    { a.headline.get(lang) }
                                    if let Some(owner) = &a.owner {
                                        <span class="tsc-owner">{ fill(t(S::OwnerLabel), &[("role", &owner.get(lang))]) }</span>
                                    }
                                </li>
                            }) }
                        </ol>
                    }
                </section>
            </div>
            <p class="tsc-privacy-note tsc-summary-privacy" data-privacy-notice="">{ t(S::PrivacyReportNote) }</p>
        </section>
    }
}
