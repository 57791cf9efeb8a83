//! Findings by dimension: score and band, what the band means, completeness, and "how this
//! score was computed": every shown question with its answer, weight and score.

use crate::lang::Lang;
use crate::report::{DimensionReport, Report, ReportSection};
use crate::report_vocab as vocab;
use crate::score::Band;
use crate::strings::S;
use yew::prelude::*;

pub fn findings(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Findings;
    html! {
        <section class="tsc-findings" data-report-section={section.code()} aria-labelledby="tsc-findings-heading">
            <h2 id="tsc-findings-heading">{ t(vocab::section_title(section)) }</h2>
            { for r.dimensions.iter().map(|d| dimension(d, lang)) }
        </section>
    }
}

fn dimension(d: &DimensionReport, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    html! {
        <section class="tsc-finding">
            <h3>{ d.name.get(lang) }{ " — " }{ vocab::score_or_none(d.score(), lang) }
                if let Some(scored) = &d.scored {
                    <span class={format!("tsc-band tsc-band--{}", band_class(scored.band))}>{ t(vocab::band_label(scored.band)) }</span>
                }
            </h3>
            <p>{ d.description.get(lang) }</p>
            if let Some(scored) = &d.scored { <p>{ scored.summary.get(lang) }</p> }
            <p class="tsc-hint">{ vocab::dimension_completeness(d, lang) }</p>
            <details class="tsc-how">
                <summary>{ t(S::HowComputed) }</summary>
                <p>{ t(S::HowComputedLead) }</p>
                <table class="tsc-table tsc-stack">
                    <thead><tr>
                        <th scope="col">{ t(S::ColQuestion) }</th>
                        <th scope="col">{ t(S::ColAnswer) }</th>
                        <th scope="col">{ t(S::ColWeight) }</th>
                        <th scope="col">{ t(S::ColScore) }</th>
                    </tr></thead>
                    <tbody>
                        { for d.findings.iter().map(|f| html! {
                            <tr class={if f.red_flag { "tsc-row-flag" } else { "" }}>
                                <th scope="row" data-label={t(S::ColQuestion)}>{ f.text.get(lang) }</th>
                                <td data-label={t(S::ColAnswer)}>{ vocab::finding_answer(&f.state, lang) }</td>
                                <td class="tsc-num" data-label={t(S::ColWeight)}>{ vocab::weight(f.weight) }</td>
                                <td class="tsc-num" data-label={t(S::ColScore)}>{ vocab::finding_score(&f.state, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// The style of a band's badge.
fn band_class(band: Band) -> &'static str {
    match band {
        Band::High => "high",
        Band::Medium => "medium",
        Band::Low => "low",
    }
}
