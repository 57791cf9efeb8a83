//! Findings by dimension: score and band, what the band means, completeness, and "how this
//! score was computed" (`how_computed.rs`).

use super::how_computed::HowComputed;
use crate::lang::Lang;
use crate::report::{DimensionReport, Report, ReportSection};
use crate::report_vocab as vocab;
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
                    <span class={format!("tsc-band tsc-band--{}", scored.band.code())}>{ t(vocab::band_label(scored.band)) }</span>
                }
            </h3>
            <p>{ d.description.get(lang) }</p>
            if let Some(scored) = &d.scored { <p>{ scored.summary.get(lang) }</p> }
            <p class="tsc-hint">{ vocab::dimension_completeness(d, lang) }</p>
            <HowComputed lang={lang} findings={d.findings.clone()} />
        </section>
    }
}
