//! The red flags: each measure listed in SPC 2020 provisions Art. 6 whose evidence is weak or
//! missing, with its dimension, what to do and its legal basis.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab::{self as vocab, PART_SEPARATOR};
use crate::strings::{measure_label, S};
use yew::prelude::*;

pub fn red_flags(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::RedFlags;
    html! {
        <section class="tsc-red-flags" data-report-section={section.code()} aria-labelledby="tsc-rf-heading">
            <h2 id="tsc-rf-heading">{ t(vocab::section_title(section)) }</h2>
            if r.red_flags.is_empty() {
                <p class="tsc-ok">{ t(S::NoRedFlags) }</p>
            } else {
                <p>{ t(S::RedFlagsLead) }</p>
                <ul class="tsc-flag-list">
                    { for r.red_flags.iter().map(|f| html! {
                        <li class="tsc-flag keep" data-red-flag={f.question_id.clone()}>
                            <p class="tsc-flag-title"><strong>{ f.text.get(lang) }</strong>{ if f.unanswered { t(S::UnansweredFlag) } else { "" } }</p>
                            <p class="tsc-flag-meta">{ f.dimension.get(lang) }{ PART_SEPARATOR }{ measure_label(lang, f.measure) }</p>
                            <p>{ f.recommendation.get(lang) }</p>
                            if !f.basis.is_empty() {
                                <p class="tsc-refs">{ vocab::legal_basis_line(&f.basis, lang) }</p>
                            }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
