//! Storage controls: opt in to keeping progress on this device, and erase everything stored
//! (with a confirm step), on the start screen and in the report; and, on every question page
//! and the review page, the same opt-in beside "save answers to a file". They only say what the
//! user chose; the erasing, the download and the file reading are done by `ui::handlers`.

use crate::lang::Lang;
use crate::strings::S;
use crate::ui::files;
use crate::ui::handlers::EraseStep;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The "keep my progress on this device" checkbox with its warning about shared computers.
fn remember_box(lang: Lang, remember: bool, on_remember: &Callback<bool>) -> Html {
    let onchange =
        on_remember.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <div class="tsc-check">
            <input type="checkbox" id="tsc-remember" data-action="remember" checked={remember}
                aria-describedby="tsc-remember-hint" {onchange} />
            <label for="tsc-remember">{ S::RememberLabel.get(lang) }</label>
            <p class="tsc-hint" id="tsc-remember-hint">{ S::RememberHint.get(lang) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct KeepProgressProps {
    pub lang: Lang,
    pub remember: bool,
    pub on_remember: Callback<bool>,
    pub on_export: Callback<()>,
}

/// "Keep your progress": the opt-in to this device's storage and the answers file, so a person
/// halfway through never has to go back to the start to keep their work.
#[component]
pub fn KeepProgress(props: &KeepProgressProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="tsc-keep-progress no-print" aria-labelledby="tsc-keep-heading">
            <h2 id="tsc-keep-heading" class="tsc-keep-heading">{ S::KeepProgressHeading.get(lang) }</h2>
            { remember_box(lang, props.remember, &props.on_remember) }
            <p class="tsc-export-note">
                { S::ExportHint.get(lang) }{ " " }
                <button type="button" class="tsc-button" data-action="export" onclick={props.on_export.reform(|_| ())}>
                    { S::ExportButton.get(lang) }
                </button>
            </p>
        </section>
    }
}

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

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    pub lang: Lang,
    /// `import` or `compare` (the `data-action` of the input).
    pub action: &'static str,
    pub label: S,
    /// The file the user picked (read by the handler, locally).
    pub on_file: Callback<web_sys::File>,
}

/// A native file input, visually shown as a button.
#[component]
pub fn FileButton(props: &FileButtonProps) -> Html {
    let on_file = props.on_file.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(file) = files::take_chosen_file(&e.target_unchecked_into()) {
            on_file.emit(file);
        }
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
