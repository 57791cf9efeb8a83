//! The improvement plan: where the plan leads after 3 and 12 months, and the actions grouped
//! by step with their owners.

use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{ActionItem, Report, ReportSection};
use crate::report_vocab::{self as vocab, NO_VALUE};
use crate::strings::S;
use yew::prelude::*;

pub fn plan(r: &Report, lang: Lang) -> Html {
    let t = |k: S| k.get(lang);
    let section = ReportSection::Plan;
    html! {
        <section class="tsc-plan" data-report-section={section.code()} aria-labelledby="tsc-plan-heading">
            <h2 id="tsc-plan-heading">{ t(vocab::section_title(section)) }</h2>
            <p>{ t(S::PlanLead) }</p>
            <ul class="tsc-projections">
                <li class="tsc-projection">
                    <span class="tsc-projection-when">{ t(S::PlanNow) }</span>
                    <span class="tsc-projection-value">{ vocab::projected_value(r.overall, r.level, &r.level_name, lang) }</span>
                </li>
                { for r.projections.both().into_iter().map(|p| html! {
                    <li class="tsc-projection" data-projection={p.step.code()}>
                        <span class="tsc-projection-when">{ vocab::projection_when(p, lang) }</span>
                        <span class="tsc-projection-value">{ vocab::projected_value(p.overall, p.level, &p.level_name, lang) }</span>
                    </li>
                }) }
            </ul>
            { for Step::ALL.into_iter().map(|step| {
                let planned: Vec<&ActionItem> = r.actions.iter().filter(|a| a.step == step).collect();
                html! {
                    <section class="tsc-plan-step" data-plan-step={step.code()}>
                        <h3>{ vocab::step_count(step, planned.len(), lang) }</h3>
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
                                            <td data-label={t(S::ColOwner)}>{ a.owner.as_ref().map_or(NO_VALUE, |o| o.get(lang)) }</td>
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
