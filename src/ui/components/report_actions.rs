//! The priority action list: every action in order of urgency, each with a "planned for"
//! choice. The top ten carry their references; the rest stay short, so the printed list stays
//! readable.

use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{ActionItem, Report, ReportSection};
use crate::report_vocab::{self as vocab, PART_SEPARATOR, TOP_ACTIONS};
use crate::strings::S;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub fn actions(r: &Report, lang: Lang, on_plan: &Callback<(String, Step)>) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Actions;
    let (top, rest) = r.actions.split_at(r.actions.len().min(TOP_ACTIONS));
    let entries = |list: &[ActionItem], with_references: bool| {
        html! {
            { for list.iter().map(|a| html! {
                <ActionEntry key={a.question_id.clone()} action={a.clone()} lang={lang} with_references={with_references} on_plan={on_plan.clone()} />
            }) }
        }
    };
    html! {
        <section class="tsc-actions-plan" data-report-section={section.code()} aria-labelledby="tsc-actions-heading">
            <h2 id="tsc-actions-heading">{ t(vocab::section_title(section)) }</h2>
            if r.actions.is_empty() {
                <p class="tsc-ok">{ t(S::NoActions) }</p>
            } else {
                <p>{ t(S::ActionsLead) }</p>
                <h3>{ t(S::ActionsTop) }</h3>
                <ol class="tsc-action-list">{ entries(top, true) }</ol>
                if !rest.is_empty() {
                    <h3>{ vocab::actions_rest(rest.len(), lang) }</h3>
                    <ol class="tsc-action-list" start={(TOP_ACTIONS + 1).to_string()}>{ entries(rest, false) }</ol>
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ActionEntryProps {
    pub action: ActionItem,
    pub lang: Lang,
    pub with_references: bool,
    /// Plans the action of a question (by id) for a step.
    pub on_plan: Callback<(String, Step)>,
}

/// One action: what to do, where it comes from, who owns it and when it is planned.
#[component]
pub fn ActionEntry(props: &ActionEntryProps) -> Html {
    let a = &props.action;
    let lang = props.lang;
    let t = |k: S| k.get(lang);
    let onchange = {
        let (on_plan, question) = (props.on_plan.clone(), a.question_id.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(step) = Step::from_code(&select.value()) {
                on_plan.emit((question.clone(), step));
            }
        })
    };
    let select_id = format!("tsc-plan-{}", a.question_id);
    html! {
        <li class={if a.red_flag { "tsc-action keep tsc-action--flag" } else { "tsc-action keep" }} data-action-item={a.question_id.clone()}>
            <p class="tsc-action-what">{ a.recommendation.get(lang) }</p>
            <p class="tsc-action-meta">
                { a.dimension.get(lang) }{ PART_SEPARATOR }{ a.text.get(lang) }
                if let Some(score) = a.current { { PART_SEPARATOR }{ vocab::current_score(score, lang) } }
            </p>
            if props.with_references && !a.references.is_empty() {
                <p class="tsc-refs">{ vocab::references_line(&a.references, lang) }</p>
            }
            <div class="tsc-action-plan">
                if let Some(owner) = &a.owner {
                    <span class="tsc-owner">{ vocab::owner_line(owner, lang) }</span>
                }
                <span class="tsc-plan-pick no-print">
                    <label for={select_id.clone()}>{ t(S::PlanSelectLabel) }</label>
                    // Keyed by the step, so a step changed elsewhere (an import) redraws the
                    // choice instead of leaving the browser's own selection in place.
                    <select key={a.step.code()} id={select_id} data-plan={a.question_id.clone()} {onchange}>
                        { for Step::ALL.into_iter().map(|step| html! {
                            <option value={step.code()} selected={step == a.step}>{ t(vocab::step_label(step)) }</option>
                        }) }
                    </select>
                </span>
                <span class="tsc-print-only">{ vocab::step_line(a.step, lang) }</span>
            </div>
        </li>
    }
}
