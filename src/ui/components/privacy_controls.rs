//! Storage controls: opt in to keeping progress on this device, and erase everything stored
//! (with a confirm step), on the start screen and in the report; and, on every question page
//! and the review page, the same opt-in beside "save answers to a file".

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

fn remember_callback(dispatch: &Callback<UiAction>) -> Callback<Event> {
    let d = dispatch.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.emit(UiAction::SetRemember(input.checked()));
    })
}

/// The "keep my progress on this device" checkbox with its warning about shared computers.
fn remember_box(lang: Lang, remember: bool, dispatch: &Callback<UiAction>) -> Html {
    html! {
        <div class="tsc-check">
            <input type="checkbox" id="tsc-remember" data-action="remember" checked={remember}
                aria-describedby="tsc-remember-hint" onchange={remember_callback(dispatch)} />
            <label for="tsc-remember">{ S::RememberLabel.get(lang) }</label>
            <p class="tsc-hint" id="tsc-remember-hint">{ S::RememberHint.get(lang) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct KeepProgressProps {
    pub lang: Lang,
    pub remember: bool,
    pub on_export: Callback<MouseEvent>,
    pub dispatch: Callback<UiAction>,
}

/// "Keep your progress": the opt-in to this device's storage and the answers file, so a person
/// halfway through never has to go back to the start to keep their work.
#[component]
pub fn KeepProgress(props: &KeepProgressProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="tsc-keep-progress no-print" aria-labelledby="tsc-keep-heading">
            <h2 id="tsc-keep-heading" class="tsc-keep-heading">{ S::KeepProgressHeading.get(lang) }</h2>
            { remember_box(lang, props.remember, &props.dispatch) }
            <p class="tsc-export-note">
                { S::ExportHint.get(lang) }{ " " }
                <button type="button" class="tsc-button" data-action="export" onclick={props.on_export.clone()}>
                    { S::ExportButton.get(lang) }
                </button>
            </p>
        </section>
    }
}

#[component]
pub fn PrivacyControls(props: &PrivacyControlsProps) -> Html {
    let lang = props.lang;
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
            { remember_box(lang, props.remember, &props.dispatch) }
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
