//! The start screen: what the check is, for whom, how long, the privacy promise, and how to
//! begin, resume or load a saved file.

use super::file_button::FileButton;
use super::on_click;
use super::privacy_controls::PrivacyControls;
use crate::lang::Lang;
use crate::session::Action;
use crate::strings::{fill, S};
use crate::ui::handlers::EraseStep;
use crate::widget_state::SharedBank;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub bank: SharedBank,
    pub lang: Lang,
    /// How many questions are answered so far.
    pub answered: usize,
    /// The section "continue" leads to (`Session::resume_target`); none hides the button.
    pub resume: Option<String>,
    pub remember: bool,
    pub confirm_erase: bool,
    pub on_navigate: Callback<Action>,
    pub on_import: Callback<web_sys::File>,
    pub on_remember: Callback<bool>,
    pub on_erase: Callback<EraseStep>,
}

#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let lang = props.lang;
    let t = |k: S| k.get(lang);
    let has_progress = props.answered > 0;
    html! {
        <section class="tsc-start" aria-labelledby="tsc-start-heading">
            <h1 id="tsc-start-heading" data-page-heading="" tabindex="-1">{ props.bank.title().get(lang) }</h1>
            <p class="tsc-lead">{ t(S::StartLead) }</p>
            <dl class="tsc-facts">
                <div><dt>{ t(S::StartCoversHeading) }</dt><dd>{ t(S::StartCovers) }</dd></div>
                <div><dt>{ t(S::StartWhoHeading) }</dt><dd>{ t(S::StartWho) }</dd></div>
                <div><dt>{ t(S::StartTimeHeading) }</dt><dd>{ t(S::StartTime) }</dd></div>
            </dl>
            <div class="tsc-privacy" data-privacy-notice="">
                <h2>{ t(S::PrivacyHeading) }</h2>
                <p>{ t(S::PrivacyBody) }</p>
            </div>
            if has_progress {
                <p class="tsc-resume-note">{ fill(t(S::ResumeNote), &[("answered", &props.answered)]) }</p>
            }
            <div class="tsc-actions">
                if let Some(section) = &props.resume {
                    <button type="button" class="tsc-button tsc-button--primary" data-action="resume"
                        onclick={on_click(&props.on_navigate, Action::ShowSection(section.clone()))}>
                        { t(S::ResumeButton) }
                    </button>
                }
                <button type="button" class={if has_progress { "tsc-button" } else { "tsc-button tsc-button--primary" }}
                    data-action="start" onclick={on_click(&props.on_navigate, Action::Start)}>
                    { t(S::StartButton) }
                </button>
                <FileButton lang={lang} action="import" label={S::ImportLabel} on_file={props.on_import.clone()} />
            </div>
            <PrivacyControls lang={lang} remember={props.remember} confirm_erase={props.confirm_erase}
                on_remember={props.on_remember.clone()} on_erase={props.on_erase.clone()} />
        </section>
    }
}
