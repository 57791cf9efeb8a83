//! One section (dimension) per page, with the overview of sections and their status, a
//! progress indicator and previous/next.

use super::privacy_controls::KeepProgress;
use super::question::QuestionView;
use super::{export_answers, on_click, StageProps};
use crate::score::QuestionState;
use crate::session::Action;
use crate::strings::{fill, S};
use yew::prelude::*;

#[component]
pub fn Questionnaire(props: &StageProps) -> Html {
    let state = &props.state;
    let bank = &state.bank;
    let s = &state.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let crate::session::Progress {
        visibility,
        scores,
        sections,
    } = s.progress(bank);
    let pos = s.section_position(bank, &sections);
    let Some(&current) = sections.get(pos) else {
        return html! {};
    };
    let dimension = &bank.dimensions()[current];
    let last = pos + 1 == sections.len();

    let nav = sections.iter().enumerate().map(|(i, &d)| {
        let ds = &scores.dimensions[d];
        let (status, class) = if ds.answered == 0 {
            (S::StatusNotStarted, "tsc-status tsc-status--new")
        } else if ds.answered < ds.visible {
            (S::StatusInProgress, "tsc-status tsc-status--partial")
        } else {
            (S::StatusDone, "tsc-status tsc-status--done")
        };
        let def = &bank.dimensions()[d];
        html! {
            <li>
                <button type="button" class="tsc-nav-item" data-section-link={def.id.clone()}
                    aria-current={(i == pos).then_some("step")}
                    onclick={on_click(&props.dispatch, Action::ShowSection(def.id.clone()))}>
                    <span class="tsc-nav-name">{ def.name.get(lang) }</span>
                    <span class={class}>{ t(status) }</span>
                </button>
            </li>
        }
    });
    let questions = visibility
        .questions_of(bank, current)
        .enumerate()
        .map(|(n, i)| {
            let q = &bank.questions()[i];
            html! {
                <QuestionView key={q.id.clone()} lang={lang} number={n + 1} bank={state.bank.clone()} index={i}
                    answer={s.answers.get(&q.id).cloned()} dispatch={props.dispatch.clone()} />
            }
        });
    let answered = scores.answered();
    let total = scores.visible();
    let unanswered_here = visibility
        .questions_of(bank, current)
        .filter(|&i| scores.questions[i] == QuestionState::Unanswered)
        .count();
    html! {
        <div class="tsc-questions">
            <nav class="tsc-sections" aria-label={t(S::SectionsHeading)}>
                <h2 class="tsc-sections-heading">{ t(S::SectionsHeading) }</h2>
                <ol>{ for nav }</ol>
            </nav>
            <section class="tsc-section" data-section-id={dimension.id.clone()} aria-labelledby="tsc-section-heading">
                <p class="tsc-position">{ fill(t(S::SectionPosition), &[("n", &(pos + 1)), ("total", &sections.len())]) }</p>
                <h1 id="tsc-section-heading" data-page-heading="" tabindex="-1">{ dimension.name.get(lang) }</h1>
                <p class="tsc-lead">{ dimension.description.get(lang) }</p>
                <div class="tsc-progress">
                    <label for="tsc-progress-bar">{ fill(t(S::Progress), &[("answered", &answered), ("total", &total)]) }</label>
                    <progress id="tsc-progress-bar" max={total.max(1).to_string()} value={answered.to_string()}></progress>
                </div>
                { for questions }
                <div class="tsc-nav-buttons" data-unanswered={unanswered_here.to_string()}>
                    <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.dispatch, Action::Prev)}>
                        { if pos == 0 { t(S::BackButton) } else { t(S::PrevButton) } }
                    </button>
                    <button type="button" class="tsc-button tsc-button--primary" data-action="next" onclick={on_click(&props.dispatch, Action::Next)}>
                        { if last { t(S::ToReviewButton) } else { t(S::NextButton) } }
                    </button>
                </div>
                <KeepProgress lang={lang} remember={state.remember} on_export={export_answers(state, &props.dispatch)} dispatch={props.dispatch.clone()} />
            </section>
        </div>
    }
}
