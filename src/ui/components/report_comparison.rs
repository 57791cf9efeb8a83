//! The comparison with a previous self-check: its score and level, the change, the questions
//! that got better or worse, and what became of the actions it planned within 3 months.

use crate::lang::Lang;
use crate::report::{PlanFollowUp, QuestionRef, Report, ReportSection};
use crate::report_vocab as vocab;
use crate::strings::S;
use yew::prelude::*;

pub fn comparison(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Comparison;
    let (Some(c), Some(delta)) = (&r.comparison, r.overall_delta()) else {
        return html! {};
    };
    html! {
        <section class="tsc-comparison keep" data-report-section={section.code()} aria-labelledby="tsc-cmp-heading">
            <h2 id="tsc-cmp-heading">{ t(vocab::section_title(section)) }</h2>
            <p>{ vocab::comparison_lead(c, lang) }</p>
            <p data-overall-delta={delta.to_string()}><strong>{ vocab::overall_change(delta, lang) }</strong></p>
            <h3>{ t(S::ImprovedHeading) }</h3>
            { question_list(&c.improved, lang, |q| html! { <li data-change="improved" data-question={q.id.clone()}>{ q.text.get(lang) }</li> }) }
            <h3>{ t(S::RegressedHeading) }</h3>
            { question_list(&c.regressed, lang, |q| html! { <li data-change="regressed" data-question={q.id.clone()}>{ q.text.get(lang) }</li> }) }
            if c.ignored > 0 { <p>{ vocab::comparison_ignored(c.ignored, lang) }</p> }
            if let Some(f) = &c.plan_follow_up { { plan_follow_up(f, lang) } }
        </section>
    }
}

/// What became of the previous self-check's 3-month plan.
fn plan_follow_up(f: &PlanFollowUp, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    html! {
        <section class="tsc-follow-up">
            <h3>{ t(S::PlanFollowUpHeading) }</h3>
            <p>{ vocab::follow_up_line(f, lang) }</p>
            <h4>{ t(S::PlanDone) }</h4>
            { question_list(&f.done, lang, |q| html! { <li data-follow-up="done" data-question={q.id.clone()}>{ q.text.get(lang) }</li> }) }
            <h4>{ t(S::PlanOpen) }</h4>
            { question_list(&f.open, lang, |q| html! { <li data-follow-up="open" data-question={q.id.clone()}>{ q.text.get(lang) }</li> }) }
        </section>
    }
}

/// The questions of a list, one item each, or "none".
fn question_list(items: &[QuestionRef], lang: Lang, item: impl Fn(&QuestionRef) -> Html) -> Html {
    if items.is_empty() {
        return html! { <p>{ S::NoChanges.get(lang) }</p> };
    }
    html! { <ul>{ for items.iter().map(item) }</ul> }
}
