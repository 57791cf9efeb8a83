//! The root component: loads the bank and saved progress once, owns the state, and runs the
//! effects that sync it outward (storage, `<html lang>`, focus, the parent frame's height).

use super::components::{
    BankError, Header, NoticeView, OtherTabPrompt, ProfileForm, Questionnaire, ReportPage, Review,
    StartScreen,
};
use super::embed;
use super::handlers::use_handlers;
use super::storage;
use crate::bank::Bank;
use crate::lang::Lang;
use crate::problem::Problem;
use crate::session::Stage;
use crate::strings::S;
use crate::widget_state::{SharedBank, WidgetAction, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

/// What the widget starts from.
#[derive(Clone, PartialEq)]
enum Boot {
    /// Fetching the operator's bank (only when the page configures one).
    Loading,
    Ready(Rc<WidgetState>),
    /// The bank cannot be used: its problems, shown in this language.
    Failed(Lang, Vec<Problem>),
}

fn boot_from(bank: Result<Bank, Vec<Problem>>) -> Boot {
    let presets = embed::url_presets();
    match bank {
        Ok(bank) => {
            let restored = storage::load(&bank);
            let state = WidgetState::start(SharedBank::new(bank), restored, &presets);
            Boot::Ready(Rc::new(state))
        }
        Err(problems) => Boot::Failed(presets.lang.unwrap_or_default(), problems),
    }
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
    pub(crate) init: Rc<WidgetState>,
}

#[component]
pub(crate) fn Widget(props: &WidgetProps) -> Html {
    let init = props.init.clone();
    let state = use_reducer_eq(move || (*init).clone());
    // Built once, so they compare equal in every child's props: one answer re-renders only
    // what shows it.
    let handlers = use_handlers(&state);

    // Save after every change (an effect, never inside the reducer), when the state allows it,
    // in the task right after this one (see `storage::save_soon`).
    {
        let dispatch = handlers.dispatch.clone();
        let bank = state.bank.clone();
        use_effect_with(
            (state.session.clone(), state.remember, state.may_save()),
            move |(session, remember, may_save)| {
                if *may_save {
                    storage::save_soon(bank, session.clone(), *remember, move || {
                        dispatch.emit(WidgetAction::StorageFailed)
                    });
                }
            },
        );
    }
    {
        let dispatch = handlers.dispatch.clone();
        use_effect_with((), move |_| {
            storage::watch_other_tabs(move || dispatch.emit(WidgetAction::ChangedElsewhere));
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
    let bank = &state.bank;
    let h = &handlers;
    let body = match session.stage {
        Stage::Start => html! {
            <StartScreen bank={bank.clone()} lang={lang} answered={session.answers.len()}
                resume={session.resume_target(bank)} remember={state.remember}
                confirm_erase={state.confirm_erase} on_navigate={h.navigate.clone()}
                on_import={h.import.clone()} on_remember={h.remember.clone()} on_erase={h.erase.clone()} />
        },
        Stage::Profile => html! {
            <ProfileForm lang={lang} profile={session.profile.clone()}
                on_profile={h.profile.clone()} on_navigate={h.navigate.clone()} />
        },
        // The later stages show the session itself; one copy serves whichever is shown.
        stage => {
            let (bank, session, remember) = (bank.clone(), session.clone(), state.remember);
            match stage {
                Stage::Questions => html! {
                    <Questionnaire {bank} {session} {remember} on_navigate={h.navigate.clone()}
                        on_answer={h.answer.clone()} on_remember={h.remember.clone()}
                        on_export={h.export.clone()} />
                },
                Stage::Review => html! {
                    <Review {bank} {session} {remember} on_navigate={h.navigate.clone()}
                        on_remember={h.remember.clone()} on_export={h.export.clone()} />
                },
                _ => html! {
                    <ReportPage {bank} {session} {remember} confirm_erase={state.confirm_erase}
                        on_navigate={h.navigate.clone()} on_plan={h.plan.clone()}
                        on_compare={h.compare.clone()} on_export={h.export.clone()}
                        on_print={h.print.clone()} on_remember={h.remember.clone()}
                        on_erase={h.erase.clone()} />
                },
            }
        }
    };
    html! {
        <div class="tsc-app" data-app="" data-stage={session.stage.code()} data-lang={lang.code()} lang={lang.html_tag()}>
            <Header lang={lang} title={bank.title().get(lang).to_string()} on_lang={h.lang.clone()} />
            if state.changed_elsewhere {
                <OtherTabPrompt lang={lang} on_choice={h.other_tab.clone()} />
            }
            if let Some(notice) = &state.notice {
                <NoticeView lang={lang} notice={notice.clone()} on_dismiss={h.dismiss.clone()} />
            }
            <main class="tsc-main">{ body }</main>
        </div>
    }
}
