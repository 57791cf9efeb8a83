//! The start screen: what the check is, for whom, how long, the privacy promise, and how to
//! begin, resume or load a saved file.

use super::privacy_controls::{file_action, FileButton, PrivacyControls};
use super::{on_click, StageProps};
use crate::session::Action;
use crate::strings::{fill, S};
use crate::ui::state::UiAction;
use yew::prelude::*;

#[component]
pub fn StartScreen(props: &StageProps) -> Html {
    let state = &props.state;
    let s = &state.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let has_progress = !s.answers.is_empty();
    let resume = {
        let target = s.section.clone().or_else(|| {
            s.sections(&state.bank)
                .first()
                .map(|&d| state.bank.dimensions()[d].id.clone())
        });
        target.map(|id| on_click(&props.dispatch, Action::ShowSection(id)))
    };
    html! {
        <section class="tsc-start" aria-labelledby="tsc-start-heading">
            <h1 id="tsc-start-heading" data-page-heading="" tabindex="-1">{ state.bank.title().get(lang) }</h1>
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
                <p class="tsc-resume-note">{ fill(t(S::ResumeNote), &[("answered", &s.answers.len())]) }</p>
            }
            <div class="tsc-actions">
                if let (true, Some(resume)) = (has_progress, resume) {
                    <button type="button" class="tsc-button tsc-button--primary" data-action="resume" onclick={resume}>
                        { t(S::ResumeButton) }
                    </button>
                }
                <button type="button" class={if has_progress { "tsc-button" } else { "tsc-button tsc-button--primary" }}
                    data-action="start" onclick={on_click(&props.dispatch, Action::Start)}>
                    { t(S::StartButton) }
                </button>
                <FileButton lang={lang} action="import" label={S::ImportLabel}
                    on_bytes={file_action(UiAction::ImportFile, &props.dispatch)} />
            </div>
            <PrivacyControls lang={lang} remember={state.remember} confirm_erase={state.confirm_erase}
                dispatch={props.dispatch.clone()} />
        </section>
    }
}
