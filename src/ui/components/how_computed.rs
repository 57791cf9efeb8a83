//! "How this score was computed": a disclosure with every shown question of a dimension, its
//! answer, weight and score. Its table is built only once the reader opens it: closed, the
//! tables of all dimensions would be a third of the report's DOM, and they print only when
//! opened on screen anyway (the print styles hide a closed disclosure).

use crate::lang::Lang;
use crate::report::Finding;
use crate::report_vocab as vocab;
use crate::strings::S;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HowComputedProps {
    pub lang: Lang,
    pub findings: Vec<Finding>,
}

#[component]
pub fn HowComputed(props: &HowComputedProps) -> Html {
    let lang = props.lang;
    let t = |k: S| k.get(lang);
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(e.target_unchecked_into::<Element>().has_attribute("open"))
        })
    };
    html! {
        <details class="tsc-how" open={*open} {ontoggle}>
            <summary>{ t(S::HowComputed) }</summary>
            if *open {
                <p>{ t(S::HowComputedLead) }</p>
                <table class="tsc-table tsc-stack">
                    <thead><tr>
                        <th scope="col">{ t(S::ColQuestion) }</th>
                        <th scope="col">{ t(S::ColAnswer) }</th>
                        <th scope="col">{ t(S::ColWeight) }</th>
                        <th scope="col">{ t(S::ColScore) }</th>
                    </tr></thead>
                    <tbody>
                        { for props.findings.iter().map(|f| html! {
                            <tr class={f.red_flag.then_some("tsc-row-flag")}>
                                <th scope="row" data-label={t(S::ColQuestion)}>{ f.text.get(lang) }</th>
                                <td data-label={t(S::ColAnswer)}>{ vocab::finding_answer(&f.state, lang) }</td>
                                <td class="tsc-num" data-label={t(S::ColWeight)}>{ vocab::weight(f.weight) }</td>
                                <td class="tsc-num" data-label={t(S::ColScore)}>{ vocab::finding_score(&f.state, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </details>
    }
}
