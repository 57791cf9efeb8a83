//! "Keep your progress" on every question page and the review page: the opt-in to this
//! device's storage beside "save answers to a file". It only says what the user chose; the
//! saving and the download are done by `ui::handlers` and the app's effects.

use super::remember_box::remember_box;
use crate::lang::Lang;
use crate::strings::S;
use yew::prelude::*;

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
