//! The public services the bank points to, by name with what each offers.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn services(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Services;
    html! {
        <section class="tsc-services keep" data-report-section={section.code()} aria-labelledby="tsc-services-heading">
            <h2 id="tsc-services-heading">{ t(vocab::section_title(section)) }</h2>
            <ul>{ for r.services.iter().map(|s| html! {
                <li><strong>{ s.name.get(lang) }</strong>{ t(S::Colon) }{ s.description.get(lang) }</li>
            }) }</ul>
        </section>
    }
}
