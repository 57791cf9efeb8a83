//! The root component: loads the bank and saved progress once, owns the state, and runs the
//! effects that sync it outward (storage, `<html lang>`, focus, the parent frame's height).

use super::components::{
    BankError, Header, NoticeView, OtherTabPrompt, ProfileForm, Questionnaire, ReportPage, Review,
    StartScreen,
};
use super::embed::{self, Presets};
use super::state::{Notice, SharedBank, UiAction, UiState};
use super::storage::{self, Loaded};
use crate::bank::Bank;
use crate::lang::Lang;
use crate::problem::Problem;
use crate::session::{Session, Stage};
use crate::strings::S;
use std::rc::Rc;
use yew::prelude::*;

/// What the widget starts from.
#[derive(Clone, PartialEq)]
enum Boot {
    /// Fetching the operator's bank (only when the page configures one).
    Loading,
    Ready(Rc<UiState>),
    /// The bank cannot be used: its problems, shown in this language.
    Failed(Lang, Vec<Problem>),
}

fn boot_from(bank: Result<Bank, Vec<Problem>>) -> Boot {
    let presets = embed::url_presets();
    match bank {
        Ok(bank) => Boot::Ready(Rc::new(initial_state(SharedBank::new(bank), presets))),
        Err(problems) => Boot::Failed(presets.lang.unwrap_or_default(), problems),
    }
}

fn initial_state(bank: SharedBank, presets: Presets) -> UiState {
    let (mut session, remember, notice, restored) = match storage::load(&bank) {
        Loaded::Progress { session, remember } => (session, remember, None, true),
        Loaded::Nothing => (Session::default(), false, None, false),
        Loaded::Damaged => (
            Session::default(),
            false,
            Some(Notice::error(S::StorageCorrupt, Vec::new())),
            false,
        ),
    };
    if let Some(lang) = presets.lang {
        session.lang = lang;
    }
    // Profile presets only shape a fresh self-check; they never overwrite saved answers.
    if session.answers.is_empty() && session.stage == Stage::Start {
        if let Some(industry) = presets.industry {
            session.profile.industry = industry;
        }
        if let Some(cross_border) = presets.cross_border {
            session.profile.cross_border = cross_border;
        }
        if let Some(ai_models) = presets.ai_models {
            session.profile.ai_models = ai_models;
        }
    }
    UiState::new(bank, session, remember, notice, restored)
}

#[component]
pub fn App() -> Html {
    let bank_url = use_memo((), |_| embed::configured_bank_url());
    let boot = {
        let bank_url = bank_url.clone();
        use_state(move || match &*bank_url {
            None => boot_from(Bank::bundled()),
            Some(_) => Boot::Loading,
        })
    };
    {
        let boot = boot.clone();
        use_effect_with((), move |_| {
            embed::watch_height_for_parent();
            if let Some(url) = (*bank_url).clone() {
                yew::platform::spawn_local(async move {
                    let bank = match embed::fetch_same_origin(&url).await {
                        Ok(bytes) => Bank::from_json(&bytes),
                        Err(problem) => Err(vec![problem]),
                    };
                    boot.set(boot_from(bank));
                });
            }
        });
    }
    match &*boot {
        Boot::Loading => {
            let lang = embed::url_presets().lang.unwrap_or_default();
            html! { <div class="tsc-app" aria-busy="true"><p class="tsc-boot" role="status">{ S::Loading.get(lang) }</p></div> }
        }
        Boot::Ready(init) => html! { <Widget init={init.clone()} /> },
        Boot::Failed(lang, problems) => {
            html! { <BankError lang={*lang} problems={problems.clone()} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct WidgetProps {
    pub(crate) init: Rc<UiState>,
}

#[component]
pub(crate) fn Widget(props: &WidgetProps) -> Html {
    let init = props.init.clone();
    let state = use_reducer_eq(move || (*init).clone());
    // Built once: a callback made anew on every render would compare unequal in every child's
    // props, so one answer would re-render every question on the page.
    let dispatch: Callback<UiAction> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };

    // Save after every change (an effect, never inside the reducer).
    {
        let dispatch = dispatch.clone();
        let bank = state.bank.clone();
        // Nothing is stored until the user has acted (URL presets alone are not theirs), nor
        // while another tab's newer progress waits for the user's choice.
        use_effect_with(
            (
                state.session.clone(),
                state.remember,
                state.user_acted,
                state.changed_elsewhere,
            ),
            move |(session, remember, user_acted, changed_elsewhere)| {
                if *user_acted && !*changed_elsewhere && !storage::save(&bank, session, *remember) {
                    dispatch.emit(UiAction::StorageFailed);
                }
            },
        );
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            storage::watch_other_tabs(move || dispatch.emit(UiAction::ChangedElsewhere));
        });
    }
    {
        let title = state.bank.title().clone();
        use_effect_with(state.session.lang, move |lang| {
            embed::set_document_lang(*lang);
            embed::set_document_title(title.get(*lang));
        });
    }
    use_effect_with(state.page, |page| {
        if *page > 0 {
            embed::focus_heading();
        }
    });

    let session = &state.session;
    let lang = session.lang;
    let body = match session.stage {
        Stage::Start => html! { <StartScreen state={state.clone()} dispatch={dispatch.clone()} /> },
        Stage::Profile => {
            html! { <ProfileForm state={state.clone()} dispatch={dispatch.clone()} /> }
        }
        Stage::Questions => {
            html! { <Questionnaire state={state.clone()} dispatch={dispatch.clone()} /> }
        }
        Stage::Review => html! { <Review state={state.clone()} dispatch={dispatch.clone()} /> },
        Stage::Report => html! { <ReportPage state={state.clone()} dispatch={dispatch.clone()} /> },
    };
    html! {
        <div class="tsc-app" data-app="" data-stage={session.stage.code()} data-lang={lang.code()} lang={lang.html_tag()}>
            <Header lang={lang} title={state.bank.title().get(lang).to_string()} dispatch={dispatch.clone()} />
            if state.changed_elsewhere {
                <OtherTabPrompt lang={lang} bank={state.bank.clone()} dispatch={dispatch.clone()} />
            }
            if let Some(notice) = &state.notice {
                <NoticeView lang={lang} notice={notice.clone()} dispatch={dispatch.clone()} />
            }
            <main class="tsc-main">{ body }</main>
        </div>
    }
}
