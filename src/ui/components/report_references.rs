//! The laws, standards, guidelines and cases the shown questions rest on, each once, by kind.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn references(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::References;
    html! {
        <section class="tsc-references" data-report-section={section.code()} aria-labelledby="tsc-references-heading">
            <h2 id="tsc-references-heading">{ t(vocab::section_title(section)) }</h2>
            { for vocab::REFERENCE_KINDS.into_iter().map(|kind| {
                let of_kind: Vec<&str> = (r.references.iter())
                    .filter(|reference| reference.kind == kind)
                    .map(|reference| reference.text.get(lang))
                    .collect();
                if of_kind.is_empty() {
                    return html! {};
                }
                html! {
                    <>
                        <h3>{ t(vocab::reference_kind_label(kind)) }</h3>
                        <ul class="tsc-reference-list">{ for of_kind.into_iter().map(|text| html! { <li>{ text }</li> }) }</ul>
                    </>
                }
            }) }
        </section>
    }
}
