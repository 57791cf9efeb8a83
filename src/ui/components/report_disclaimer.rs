//! The bank's disclaimer, last in the report.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use yew::prelude::*;

pub fn disclaimer(r: &Report, lang: Lang) -> Html {
    let section = ReportSection::Disclaimer;
    html! {
        <section class="tsc-disclaimer keep" data-report-section={section.code()} aria-labelledby="tsc-disclaimer-heading">
            <h2 id="tsc-disclaimer-heading">{ vocab::section_title(section).get(lang) }</h2>
            <p>{ r.disclaimer.get(lang) }</p>
        </section>
    }
}
