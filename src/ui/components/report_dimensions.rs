//! Scores by dimension: the bar and radar charts, and the same numbers in a table (score and
//! band, weight, the plan's 12-month projection, and the previous score and change when a
//! previous self-check is compared).

use super::bar_chart::BarChart;
use super::charts::ChartItem;
use super::radar_chart::RadarChart;
use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn dimensions(r: &Report, lang: Lang, chart_items: &[ChartItem]) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Dimensions;
    let compared = r.comparison.is_some();
    html! {
        <section class="tsc-dimensions" data-report-section={section.code()} aria-labelledby="tsc-dims-heading">
            <h2 id="tsc-dims-heading">{ t(vocab::section_title(section)) }</h2>
            <div class="tsc-charts">
                <div class="tsc-wide-only"><BarChart lang={lang} items={chart_items.to_vec()} /></div>
                <div class="tsc-narrow-only"><BarChart lang={lang} items={chart_items.to_vec()} compact={true} /></div>
                <div class="tsc-wide-only"><RadarChart lang={lang} items={chart_items.to_vec()} /></div>
            </div>
            <table class="tsc-table tsc-stack keep">
                <thead><tr>
                    <th scope="col">{ t(S::ColDimension) }</th>
                    <th scope="col">{ t(S::ColScore) }</th>
                    <th scope="col">{ t(S::ColWeight) }</th>
                    <th scope="col">{ t(S::ColProjected) }</th>
                    if compared {
                        <th scope="col">{ t(S::ColPrevious) }</th>
                        <th scope="col">{ t(S::ColChange) }</th>
                    }
                </tr></thead>
                <tbody>
                    { for r.dimensions.iter().map(|d| {
                        let previous = d.scored.as_ref().and_then(|s| s.previous);
                        let delta = d.scored.as_ref().and_then(|s| s.delta());
                        let row = html! {
                            <>
                                <th scope="row" data-label={t(S::ColDimension)}>{ d.name.get(lang) }</th>
                                <td class="tsc-num" data-label={t(S::ColScore)}>{ vocab::dimension_score(d, lang) }</td>
                                <td class="tsc-num" data-label={t(S::ColWeight)}>{ vocab::weight(d.weight) }</td>
                                <td class="tsc-num" data-label={t(S::ColProjected)}>{ vocab::number_or_dash(d.projected) }</td>
                                if compared {
                                    <td class="tsc-num" data-label={t(S::ColPrevious)}>{ vocab::number_or_dash(previous) }</td>
                                    <td class="tsc-num" data-label={t(S::ColChange)}>{ vocab::number_or_dash(delta.map(vocab::signed)) }</td>
                                }
                            </>
                        };
                        match (d.score(), delta) {
                            (Some(score), Some(delta)) => html! { <tr data-dimension-id={d.id.clone()} data-score={score.to_string()} data-delta={delta.to_string()}>{ row }</tr> },
                            (Some(score), None) => html! { <tr data-dimension-id={d.id.clone()} data-score={score.to_string()}>{ row }</tr> },
                            (None, _) => html! { <tr>{ row }</tr> },
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
