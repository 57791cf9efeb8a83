//! One section (dimension) per page, with the overview of sections and their status
//! (`section_nav.rs`), a progress indicator and previous/next.

use super::keep_progress::KeepProgress;
use super::on_click;
use super::question::QuestionView;
use super::section_nav::SectionNav;
use crate::session::{Action, Session};
use crate::strings::{fill, S};
use crate::ui::handlers::AnswerInput;
use crate::widget_state::SharedBank;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub bank: SharedBank,
    /// The self-check: this page shows its language, answers and section; nothing else of it
    /// can change while the page is shown.
    pub session: Rc<Session>,
    pub remember: bool,
    pub on_navigate: Callback<Action>,
    pub on_answer: Callback<AnswerInput>,
    pub on_remember: Callback<bool>,
    pub on_export: Callback<()>,
}

#[component]
pub fn Questionnaire(props: &QuestionnaireProps) -> Html {
    let bank = &props.bank;
    let s = &props.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let progress = s.progress(bank);
    let crate::session::Progress {
        visibility,
        scores,
        sections,
    } = &progress;
    let pos = s.section_position(bank, sections);
    let Some(&current) = sections.get(pos) else {
        return html! {};
    };
    let dimension = &bank.dimensions()[current];
    let last = pos + 1 == sections.len();

    let questions = visibility
        .questions_of(bank, current)
        .enumerate()
        .map(|(n, i)| {
            let q = &bank.questions()[i];
            html! {
                <QuestionView key={q.id.clone()} lang={lang} number={n + 1} bank={bank.clone()} index={i}
                    answer={s.answers.get(&q.id).cloned()} on_answer={props.on_answer.clone()} />
            }
        });
    let answered = scores.answered();
    let total = scores.visible();
    let unanswered_here = progress.unanswered_in(bank, current).count();
    html! {
        <div class="tsc-questions">
            <SectionNav bank={bank.clone()} lang={lang} current={pos} on_navigate={props.on_navigate.clone()}
                sections={sections.iter().map(|&d| (d, progress.section_status(d))).collect::<Vec<_>>()} />
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
                    <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.on_navigate, Action::Prev)}>
                        { if pos == 0 { t(S::BackButton) } else { t(S::PrevButton) } }
                    </button>
                    <button type="button" class="tsc-button tsc-button--primary" data-action="next" onclick={on_click(&props.on_navigate, Action::Next)}>
                        { if last { t(S::ToReviewButton) } else { t(S::NextButton) } }
                    </button>
                </div>
                <KeepProgress lang={lang} remember={props.remember} on_remember={props.on_remember.clone()} on_export={props.on_export.clone()} />
            </section>
        </div>
    }
}
