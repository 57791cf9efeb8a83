//! The action list with a "planned for" choice on each action, and the improvement plan: where
//! the plan leads after 3 and 12 months, and the actions grouped by step with their owners.

use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{ActionItem, PlanFollowUp, Report};
use crate::report_text::step_label;
use crate::strings::{fill, S};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionEntryProps {
    pub action: ActionItem,
    pub lang: Lang,
    pub with_references: bool,
    /// Plans the action of a question (by id) for a step.
    pub on_plan: Callback<(String, Step)>,
}

/// One action: what to do, where it comes from, who owns it and when it is planned. The top
/// ten carry their references; the rest stay short, so the printed list stays readable.
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
                { a.dimension.get(lang) }{ " · " }{ a.text.get(lang) }
                if let Some(score) = a.current { { " · " }{ fill(t(S::CurrentScore), &[("score", &score)]) } }
            </p>
            if props.with_references && !a.references.is_empty() {
                <p class="tsc-refs">{ format!("{}{}{}", t(S::ReferencesLabel), t(S::Colon), a.references.iter().map(|r| r.get(lang)).collect::<Vec<_>>().join(t(S::ListSeparator))) }</p>
            }
            <div class="tsc-action-plan">
                if let Some(owner) = &a.owner {
                    <span class="tsc-owner">{ fill(t(S::OwnerLabel), &[("role", &owner.get(lang))]) }</span>
                }
                <span class="tsc-plan-pick no-print">
                    <label for={select_id.clone()}>{ t(S::PlanSelectLabel) }</label>
                    // Keyed by the step, so a step changed elsewhere (an import) redraws the
                    // choice instead of leaving the browser's own selection in place.
                    <select key={a.step.code()} id={select_id} data-plan={a.question_id.clone()} {onchange}>
                        { for Step::ALL.into_iter().map(|step| html! {
                            <option value={step.code()} selected={step == a.step}>{ t(step_label(step)) }</option>
                        }) }
                    </select>
                </span>
                <span class="tsc-print-only">{ format!("{}{}{}", t(S::PlanSelectLabel), t(S::Colon), t(step_label(a.step))) }</span>
            </div>
        </li>
    }
}

/// The improvement plan: projections and the actions by step.
pub fn plan_section(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    if r.actions.is_empty() {
        return html! {};
    }
    html! {
        <section class="tsc-plan" aria-labelledby="tsc-plan-heading">
            <h2 id="tsc-plan-heading">{ t(S::PlanHeading) }</h2>
            <p>{ t(S::PlanLead) }</p>
            <ul class="tsc-projections">
                <li class="tsc-projection">
                    <span class="tsc-projection-when">{ t(S::PlanNow) }</span>
                    <span class="tsc-projection-value">{ fill(t(S::ProjectedValue), &[("score", &r.overall), ("level", &r.level), ("name", &r.level_name.get(lang))]) }</span>
                </li>
                { for r.projections.iter().map(|p| {
                    let when = if p.step == Step::Within3Months { S::Projected3m } else { S::Projected12m };
                    html! {
                        <li class="tsc-projection" data-projection={p.step.code()}>
                            <span class="tsc-projection-when">{ fill(t(when), &[("n", &p.actions)]) }</span>
                            <span class="tsc-projection-value">{ fill(t(S::ProjectedValue), &[("score", &p.overall), ("level", &p.level), ("name", &p.level_name.get(lang))]) }</span>
                        </li>
                    }
                }) }
            </ul>
            { for Step::ALL.into_iter().map(|step| {
                let planned: Vec<&ActionItem> = r.actions.iter().filter(|a| a.step == step).collect();
                html! {
                    <section class="tsc-plan-step" data-plan-step={step.code()}>
                        <h3>{ fill(t(S::PlanStepCount), &[("step", &t(step_label(step))), ("n", &planned.len())]) }</h3>
                        if planned.is_empty() {
                            <p class="tsc-hint">{ t(S::PlanStepEmpty) }</p>
                        } else {
                            <table class="tsc-table tsc-stack">
                                <thead><tr>
                                    <th scope="col">{ t(S::ColAction) }</th>
                                    <th scope="col">{ t(S::ColOwner) }</th>
                                    <th scope="col" class="tsc-col-dim">{ t(S::ColDimension) }</th>
                                </tr></thead>
                                <tbody>
                                    { for planned.iter().map(|a| html! {
                                        <tr data-plan-row={a.question_id.clone()}>
                                            <th scope="row" data-label={t(S::ColAction)}>{ a.headline.get(lang) }</th>
                                            <td data-label={t(S::ColOwner)}>{ a.owner.as_ref().map_or("—", |o| o.get(lang)) }</td>
                                            <td class="tsc-col-dim" data-label={t(S::ColDimension)}>{ a.dimension.get(lang) }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        }
                    </section>
                }
            }) }
        </section>
    }
}

/// What became of the previous self-check's 3-month plan.
pub fn plan_follow_up(f: &PlanFollowUp, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let list = |items: &[(String, crate::lang::Text)], kind: &'static str| {
        if items.is_empty() {
            return html! { <p>{ t(S::NoChanges) }</p> };
        }
        html! {
            <ul>{ for items.iter().map(|(id, text)| html! { <li data-follow-up={kind} data-question={id.clone()}>{ text.get(lang) }</li> }) }</ul>
        }
    };
    html! {
        <section class="tsc-follow-up">
            <h3>{ t(S::PlanFollowUpHeading) }</h3>
            <p>{ fill(t(S::PlanFollowUpLine), &[("done", &f.done.len()), ("open", &f.open.len())]) }</p>
            <h4>{ t(S::PlanDone) }</h4>
            { list(&f.done, "done") }
            <h4>{ t(S::PlanOpen) }</h4>
            { list(&f.open, "open") }
        </section>
    }
}
