//! Storage controls on the start screen and in the report: opt in to keeping progress on this
//! device, and erase everything stored (with a confirm step). They only say what the user
//! chose; the erasing is done by `ui::handlers`.

use super::remember_box::remember_box;
use crate::lang::Lang;
use crate::strings::S;
use crate::ui::handlers::EraseStep;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrivacyControlsProps {
    pub lang: Lang,
    pub remember: bool,
    pub confirm_erase: bool,
    pub on_remember: Callback<bool>,
    pub on_erase: Callback<EraseStep>,
}

#[component]
pub fn PrivacyControls(props: &PrivacyControlsProps) -> Html {
    let lang = props.lang;
    let step = |step: EraseStep| props.on_erase.reform(move |_| step);
    html! {
        <div class="tsc-privacy-controls no-print">
            { remember_box(lang, props.remember, &props.on_remember) }
            if props.confirm_erase {
                <div class="tsc-confirm" role="group" aria-labelledby="tsc-erase-question">
                    <p id="tsc-erase-question">{ S::EraseQuestion.get(lang) }</p>
                    <button type="button" class="tsc-button tsc-button--danger" data-action="erase-confirm" onclick={step(EraseStep::Confirm)}>
                        { S::EraseConfirm.get(lang) }
                    </button>
                    <button type="button" class="tsc-button" onclick={step(EraseStep::Cancel)}>{ S::EraseCancel.get(lang) }</button>
                </div>
            } else {
                <button type="button" class="tsc-button tsc-button--quiet" data-action="erase" onclick={step(EraseStep::Ask)}>
                    { S::EraseButton.get(lang) }
                </button>
            }
        </div>
    }
}
