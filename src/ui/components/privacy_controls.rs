//! Storage controls shown on the start screen and in the report: opt in to keeping progress
//! on this device, and erase everything stored (with a confirm step).

use crate::lang::Lang;
use crate::strings::S;
use crate::ui::state::UiAction;
use crate::ui::storage;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrivacyControlsProps {
    pub lang: Lang,
    pub remember: bool,
    pub confirm_erase: bool,
    pub dispatch: Callback<UiAction>,
}

#[component]
pub fn PrivacyControls(props: &PrivacyControlsProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let on_remember = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.emit(UiAction::SetRemember(input.checked()));
    });
    let d = props.dispatch.clone();
    let ask = Callback::from(move |_| d.emit(UiAction::AskErase));
    let d = props.dispatch.clone();
    let cancel = Callback::from(move |_| d.emit(UiAction::CancelErase));
    let d = props.dispatch.clone();
    let confirm = Callback::from(move |_| {
        // The edge does the IO; the reducer only hears that it happened.
        storage::erase_all();
        d.emit(UiAction::Erased);
    });
    html! {
        <div class="tsc-privacy-controls no-print">
            <div class="tsc-check">
                <input type="checkbox" id="tsc-remember" data-action="remember" checked={props.remember}
                    aria-describedby="tsc-remember-hint" onchange={on_remember} />
                <label for="tsc-remember">{ S::RememberLabel.get(lang) }</label>
                <p class="tsc-hint" id="tsc-remember-hint">{ S::RememberHint.get(lang) }</p>
            </div>
            if props.confirm_erase {
                <div class="tsc-confirm" role="group" aria-labelledby="tsc-erase-question">
                    <p id="tsc-erase-question">{ S::EraseQuestion.get(lang) }</p>
                    <button type="button" class="tsc-button tsc-button--danger" data-action="erase-confirm" onclick={confirm}>
                        { S::EraseConfirm.get(lang) }
                    </button>
                    <button type="button" class="tsc-button" onclick={cancel}>{ S::EraseCancel.get(lang) }</button>
                </div>
            } else {
                <button type="button" class="tsc-button tsc-button--quiet" data-action="erase" onclick={ask}>
                    { S::EraseButton.get(lang) }
                </button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    pub lang: Lang,
    /// `import` or `compare` (the `data-action` of the input).
    pub action: &'static str,
    pub label: S,
    pub on_bytes: Callback<Option<Vec<u8>>>,
}

/// A native file input, visually shown as a button; reading happens locally.
#[component]
pub fn FileButton(props: &FileButtonProps) -> Html {
    let on_bytes = props.on_bytes.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let on_bytes = on_bytes.clone();
        crate::ui::files::read_chosen_file(&input, move |bytes| on_bytes.emit(bytes));
    });
    let id = format!("tsc-file-{}", props.action);
    html! {
        <span class="tsc-file">
            <input type="file" id={id.clone()} class="tsc-visually-hidden" accept=".json,application/json"
                data-action={props.action} {onchange} />
            <label for={id} class="tsc-button">{ props.label.get(props.lang) }</label>
        </span>
    }
}

/// Turns read bytes into the matching action.
pub fn file_action(
    make: fn(Vec<u8>) -> UiAction,
    dispatch: &Callback<UiAction>,
) -> Callback<Option<Vec<u8>>> {
    let dispatch = dispatch.clone();
    Callback::from(move |bytes: Option<Vec<u8>>| {
        dispatch.emit(match bytes {
            Some(bytes) => make(bytes),
            None => UiAction::FileUnreadable,
        })
    })
}
