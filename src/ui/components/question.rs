//! One question: a fieldset with a legend, its options as native radios or checkboxes, a
//! "why this matters" disclosure and, where allowed, "not applicable".

use crate::answers::{Answer, NONE_OF_THESE, NOT_APPLICABLE};
use crate::bank::QuestionKind;
use crate::lang::Lang;
use crate::strings::S;
use crate::ui::handlers::AnswerInput;
use crate::widget_state::SharedBank;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    /// Position on the page, from 1.
    pub number: usize,
    /// The bank and the question's index in it: cheap to compare, so an answer to one
    /// question re-renders that question only.
    pub bank: SharedBank,
    pub index: usize,
    pub answer: Option<Answer>,
    pub on_answer: Callback<AnswerInput>,
}

#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let q = &props.bank.questions()[props.index];
    let qid = q.id.clone();
    let name = format!("tsc-q-{}", q.id);
    let help_id = format!("tsc-help-{}", q.id);
    let input_id = |option: &str| format!("tsc-q-{}-{}", q.id, option);

    let choose = |option: String| {
        let question = qid.clone();
        props.on_answer.reform(move |_: Event| AnswerInput::Choose {
            question: question.clone(),
            option: option.clone(),
        })
    };
    let tick = |option: String| {
        let question = qid.clone();
        props.on_answer.reform(move |e: Event| AnswerInput::Tick {
            question: question.clone(),
            option: option.clone(),
            ticked: e.target_unchecked_into::<HtmlInputElement>().checked(),
        })
    };

    let is_na = props.answer == Some(Answer::NotApplicable);
    let options = match q.kind {
        QuestionKind::Single => {
            let chosen = match &props.answer {
                Some(Answer::Choice(id)) => Some(id.as_str()),
                _ => None,
            };
            html! {
                <>
                    { for q.options.iter().map(|o| html! {
                        <div class="tsc-option">
                            <input type="radio" name={name.clone()} id={input_id(&o.id)} value={o.id.clone()}
                                data-score={crate::number::decimal(o.value)} checked={chosen == Some(o.id.as_str())}
                                onchange={choose(o.id.clone())} />
                            <label for={input_id(&o.id)}>{ o.text.get(lang) }</label>
                        </div>
                    }) }
                    if q.not_applicable {
                        <div class="tsc-option tsc-option--na">
                            <input type="radio" name={name.clone()} id={input_id(NOT_APPLICABLE)} value={NOT_APPLICABLE}
                                checked={is_na} onchange={choose(NOT_APPLICABLE.to_string())} />
                            <label for={input_id(NOT_APPLICABLE)}>{ S::NotApplicable.get(lang) }</label>
                        </div>
                    }
                </>
            }
        }
        QuestionKind::Checklist => {
            let ticked = match &props.answer {
                Some(Answer::Checked(set)) => Some(set),
                _ => None,
            };
            let none = ticked.is_some_and(|s| s.is_empty());
            html! {
                <>
                    <p class="tsc-hint">{ S::ChecklistHint.get(lang) }</p>
                    { for q.options.iter().map(|o| html! {
                        <div class="tsc-option">
                            <input type="checkbox" id={input_id(&o.id)} value={o.id.clone()}
                                data-score={crate::number::decimal(q.option_score(o))}
                                checked={ticked.is_some_and(|s| s.contains(&o.id))}
                                onchange={tick(o.id.clone())} />
                            <label for={input_id(&o.id)}>{ o.text.get(lang) }</label>
                        </div>
                    }) }
                    <div class="tsc-option tsc-option--none">
                        <input type="checkbox" id={input_id(NONE_OF_THESE)} value={NONE_OF_THESE} data-score="0"
                            checked={none} onchange={tick(NONE_OF_THESE.to_string())} />
                        <label for={input_id(NONE_OF_THESE)}>{ S::NoneOfThese.get(lang) }</label>
                    </div>
                    if q.not_applicable {
                        <div class="tsc-option tsc-option--na">
                            <input type="checkbox" id={input_id(NOT_APPLICABLE)} value={NOT_APPLICABLE}
                                checked={is_na} onchange={tick(NOT_APPLICABLE.to_string())} />
                            <label for={input_id(NOT_APPLICABLE)}>{ S::NotApplicable.get(lang) }</label>
                        </div>
                    }
                </>
            }
        }
    };
    let references = q
        .references
        .iter()
        .map(|r| r.text.get(lang))
        .collect::<Vec<_>>()
        .join(S::ListSeparator.get(lang));
    html! {
        <fieldset class="tsc-question" data-question-id={q.id.clone()} aria-describedby={help_id.clone()}>
            <legend>
                <span class="tsc-qnum">{ format!("{}.", props.number) }</span>
                <span class="tsc-qtext">{ q.text.get(lang) }</span>
                if q.critical.is_some() {
                    <span class="tsc-badge">{ S::CriticalBadge.get(lang) }</span>
                }
            </legend>
            <details class="tsc-why">
                <summary>{ S::WhyItMatters.get(lang) }</summary>
                <p id={help_id}>{ q.help.get(lang) }</p>
                if !references.is_empty() {
                    <p class="tsc-refs">{ format!("{}{}{}", S::ReferencesLabel.get(lang), S::Colon.get(lang), references) }</p>
                }
            </details>
            <div class="tsc-options">{ options }</div>
        </fieldset>
    }
}
