//! What a page says when another tab or window changed the progress saved on this device:
//! load the newer progress, or keep this page's answers. Nothing is overwritten silently.

use crate::lang::Lang;
use crate::strings::S;
use crate::ui::handlers::OtherTabChoice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OtherTabPromptProps {
    pub lang: Lang,
    pub on_choice: Callback<OtherTabChoice>,
}

#[component]
pub fn OtherTabPrompt(props: &OtherTabPromptProps) -> Html {
    let lang = props.lang;
    let load = props.on_choice.reform(|_| OtherTabChoice::LoadNewer);
    let keep = props.on_choice.reform(|_| OtherTabChoice::KeepThisPage);
    html! {
        <div class="tsc-notice tsc-notice--error no-print" role="alert" data-other-tab="">
            <p class="tsc-notice-title">{ S::ChangedElsewhere.get(lang) }</p>
            <p class="tsc-notice-actions">
                <button type="button" class="tsc-button tsc-button--primary" data-action="load-newer" onclick={load}>
                    { S::LoadNewerButton.get(lang) }
                </button>
                <button type="button" class="tsc-button" data-action="keep-this-page" onclick={keep}>
                    { S::KeepThisPageButton.get(lang) }
                </button>
            </p>
        </div>
    }
}
