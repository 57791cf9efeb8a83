//! The evidence index: for each measure listed in SPC 2020 provisions Art. 6, the records
//! that would show it, present or missing from the answers given. Advisers print it as the
//! checklist for an evidence binder.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn evidence(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Evidence;
    html! {
        <section class="tsc-evidence" data-report-section={section.code()} aria-labelledby="tsc-evidence-heading">
            <h2 id="tsc-evidence-heading">{ t(vocab::section_title(section)) }</h2>
            <p>{ t(S::EvidenceLead) }</p>
            { for r.evidence.iter().map(|m| html! {
                <section class="tsc-evidence-measure keep" data-evidence-measure={m.measure.to_string()}>
                    <h3>
                        <span class="tsc-evidence-number">{ vocab::evidence_number(m.measure, lang) }</span>
                        { " " }{ m.name.get(lang) }
                    </h3>
                    <p class="tsc-hint">{ vocab::evidence_count(m, lang) }</p>
                    <ul class="tsc-evidence-list">
                        { for m.records.iter().map(|record| {
                            let class = if record.have {
                                "tsc-evidence-item tsc-evidence-item--have"
                            } else {
                                "tsc-evidence-item tsc-evidence-item--missing"
                            };
                            html! {
                                <li class={class} data-evidence-item={record.id.clone()} data-have={if record.have { "yes" } else { "no" }}>
                                    <span class="tsc-evidence-mark">{ t(vocab::evidence_mark(record.have)) }</span>
                                    <span>{ record.text.get(lang) }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </section>
    }
}
