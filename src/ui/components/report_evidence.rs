//! The evidence index: for each measure listed in SPC 2020 provisions Art. 6, the records
//! that would show it, present or missing from the answers given. Advisers print it as the
//! checklist for an evidence binder.

use crate::lang::Lang;
use crate::report::EvidenceMeasureReport;
use crate::strings::{fill, measure_item, S};
use yew::prelude::*;

pub fn evidence_index(measures: &[EvidenceMeasureReport], lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    if measures.is_empty() {
        return html! {};
    }
    html! {
        <section class="tsc-evidence" aria-labelledby="tsc-evidence-heading">
            <h2 id="tsc-evidence-heading">{ t(S::EvidenceHeading) }</h2>
            <p>{ t(S::EvidenceLead) }</p>
            { for measures.iter().map(|m| {
                let have = m.records.iter().filter(|r| r.have).count();
                html! {
                    <section class="tsc-evidence-measure keep" data-evidence-measure={m.measure.to_string()}>
                        <h3>
                            <span class="tsc-evidence-number">{ measure_item(S::EvidenceItemNumber, lang, m.measure) }</span>
                            { " " }{ m.name.get(lang) }
                        </h3>
                        <p class="tsc-hint">{ fill(t(S::EvidenceCount), &[("have", &have), ("total", &m.records.len())]) }</p>
                        <ul class="tsc-evidence-list">
                            { for m.records.iter().map(|r| {
                                let (mark, class) = if r.have {
                                    (S::EvidenceHave, "tsc-evidence-item tsc-evidence-item--have")
                                } else {
                                    (S::EvidenceMissing, "tsc-evidence-item tsc-evidence-item--missing")
                                };
                                html! {
                                    <li class={class} data-evidence-item={r.id.clone()} data-have={if r.have { "yes" } else { "no" }}>
                                        <span class="tsc-evidence-mark">{ t(mark) }</span>
                                        <span>{ r.text.get(lang) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </section>
    }
}
