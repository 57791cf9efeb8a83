//! The report's first page: who and when, score and level with what they mean, the radar with
//! the plan's target, the red flags one line each, the five most important actions with their
//! owners, and where the plan leads. It prints on its own with "Print the summary".

use super::bar_chart::BarChart;
use super::charts::ChartItem;
use super::radar_chart::RadarChart;
use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab::{self as vocab, PART_SEPARATOR, SUMMARY_ACTIONS};
use crate::strings::S;
use yew::prelude::*;

/// Renders the summary of a report (pure: the report and the chart rows in, markup out).
pub fn summary(r: &Report, lang: Lang, chart_items: &[ChartItem]) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Summary;
    html! {
        <section class="tsc-summary-page" data-summary="" data-report-section={section.code()} aria-labelledby="tsc-summary-heading">
            <h2 id="tsc-summary-heading">{ t(vocab::section_title(section)) }</h2>
            <p class="tsc-report-meta">
                if let Some(name) = &r.org_name {
                    <span class="tsc-org">{ vocab::org_line(name, lang) }</span>
                }
                if let Some(date) = &r.date { <span>{ vocab::date_line(date, lang) }</span> }
                <span>{ vocab::bank_line(r, lang) }</span>
            </p>
            <div class="tsc-summary-top">
                <div class="tsc-scorecard">
                    <div class="tsc-score">
                        <p class="tsc-score-label">{ t(S::OverallScore) }</p>
                        <p class="tsc-score-value"><span class="tsc-big">{ r.overall }</span><span class="tsc-of">{ " / 100" }</span></p>
                    </div>
                    <div class="tsc-level">
                        <p class="tsc-score-label">{ t(S::LevelLabel) }</p>
                        <p class="tsc-level-value">{ vocab::level_of(r.level, lang) }{ PART_SEPARATOR }<strong>{ r.level_name.get(lang) }</strong></p>
                        <p>{ r.level_description.get(lang) }</p>
                        if let Some(capped) = vocab::capped_line(r, lang) {
                            <p class="tsc-capped">{ capped }</p>
                        }
                    </div>
                    <p class="tsc-completeness">{ vocab::completeness_line(r, lang) }</p>
                    if r.completeness < 100 { <p class="tsc-warning">{ t(S::IncompleteWarning) }</p> }
                    <p class="tsc-plan-line">{ vocab::plan_line(&r.projections, lang) }</p>
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
                    <h3 id="tsc-summary-flags">{ vocab::summary_red_flags(r.red_flags.len(), lang) }</h3>
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
                                        <span class="tsc-owner">{ vocab::owner_line(owner, lang) }</span>
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
