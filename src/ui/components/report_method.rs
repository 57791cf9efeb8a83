//! How the scores are computed: the method, each level's threshold as the bank defines it,
//! the red-flag cap and how the plan's defaults and projections work.

use crate::lang::Lang;
use crate::report::{Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn method(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Method;
    html! {
        <section class="tsc-method keep" data-report-section={section.code()} aria-labelledby="tsc-method-heading">
            <h2 id="tsc-method-heading">{ t(vocab::section_title(section)) }</h2>
            <p>{ t(S::MethodologyBody) }</p>
            <p>{ t(S::MethodologyLevels) }</p>
            <ul>{ for r.levels.iter().map(|l| html! { <li>{ vocab::level_threshold(l, lang) }</li> }) }</ul>
            <p>{ vocab::methodology_cap(r.red_flag_level_cap, lang) }</p>
            <p>{ vocab::methodology_plan(lang) }</p>
        </section>
    }
}
