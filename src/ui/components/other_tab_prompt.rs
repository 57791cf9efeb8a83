//! What a page says when another tab or window changed the progress saved on this device:
//! load the newer progress, or keep this page's answers. Nothing is overwritten silently.

use crate::lang::Lang;
use crate::strings::S;
use crate::ui::state::{SharedBank, UiAction};
use crate::ui::storage::{self, Loaded};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OtherTabPromptProps {
    pub lang: Lang,
    pub bank: SharedBank,
    pub dispatch: Callback<UiAction>,
}

#[component]
pub fn OtherTabPrompt(props: &OtherTabPromptProps) -> Html {
    let lang = props.lang;
    let load = {
        let (bank, dispatch) = (props.bank.clone(), props.dispatch.clone());
        // Reading storage is the edge's work, done here in the click handler; the reducer only
        // receives what was read. Progress erased elsewhere loads as a fresh self-check.
        Callback::from(move |_| {
            let loaded = match storage::load(&bank) {
                Loaded::Progress { session, remember } => Some((session, remember)),
                Loaded::Nothing | Loaded::Damaged => None,
            };
            dispatch.emit(UiAction::LoadedFromElsewhere(loaded));
        })
    };
    let keep = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(UiAction::KeepThisPage))
    };
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
