//! Check your answers: what is still unanswered, with links back, then finish.

use super::{on_click, StageProps};
use crate::score::{score_with, QuestionState};
use crate::session::Action;
use crate::strings::{fill, S};
use yew::prelude::*;

#[component]
pub fn Review(props: &StageProps) -> Html {
    let state = &props.state;
    let bank = &state.bank;
    let s = &state.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let visibility = s.visibility(bank);
    let scores = score_with(bank, &visibility, &s.answers);
    let sections = visibility.sections(bank);
    let unanswered_total = scores
        .questions
        .iter()
        .filter(|q| **q == QuestionState::Unanswered)
        .count();
    let back = sections
        .last()
        .map(|&d| Action::ShowSection(bank.dimensions()[d].id.clone()))
        .unwrap_or(Action::EditProfile);
    let groups = sections.iter().filter_map(|&d| {
        let missing: Vec<usize> = visibility
            .questions_of(bank, d)
            .filter(|&i| scores.questions[i] == QuestionState::Unanswered)
            .collect();
        if missing.is_empty() {
            return None;
        }
        let def = &bank.dimensions()[d];
        Some(html! {
            <li class="tsc-review-group">
                <h2>{ def.name.get(lang) }</h2>
                <ul>
                    { for missing.iter().map(|&i| {
                        let q = &bank.questions()[i];
                        html! {
                            <li data-unanswered-question={q.id.clone()}>
                                <span>{ q.text.get(lang) }</span>
                                if q.critical.is_some() { <span class="tsc-badge">{ t(S::CriticalBadge) }</span> }
                                { " " }
                                <button type="button" class="tsc-link-button"
                                    onclick={on_click(&props.dispatch, Action::ShowSection(def.id.clone()))}>
                                    { t(S::ReviewGoTo) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </li>
        })
    });
    html! {
        <section class="tsc-review" aria-labelledby="tsc-review-heading">
            <h1 id="tsc-review-heading" data-page-heading="" tabindex="-1">{ t(S::ReviewHeading) }</h1>
            <p class="tsc-lead">{ fill(t(S::CompletenessLine), &[("answered", &scores.answered()), ("total", &scores.visible()), ("percent", &scores.completeness())]) }</p>
            if unanswered_total == 0 {
                <p class="tsc-ok">{ t(S::ReviewAllAnswered) }</p>
            } else {
                <p>{ fill(t(S::ReviewUnanswered), &[("n", &unanswered_total)]) }</p>
                <ul class="tsc-review-list">{ for groups }</ul>
            }
            <p>
                <button type="button" class="tsc-link-button" onclick={on_click(&props.dispatch, Action::EditProfile)}>
                    { t(S::EditProfile) }
                </button>
            </p>
            <div class="tsc-nav-buttons">
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.dispatch, back)}>
                    { t(S::BackButton) }
                </button>
                <button type="button" class="tsc-button tsc-button--primary" data-action="finish" onclick={on_click(&props.dispatch, Action::Finish)}>
                    { t(S::FinishButton) }
                </button>
            </div>
        </section>
    }
}
