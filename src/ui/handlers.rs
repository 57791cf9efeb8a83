//! Every callback the screens are given, built once at the root, and the IO a user's gesture
//! asks for. Components only call these; the file download, the print dialog, erasing storage
//! and reading a picked file or another tab's progress happen here, in the event handler, by
//! calling the edges (`files`, `embed`, `storage`). IO that follows the state rather than a
//! gesture (saving progress, the document's language, focus) is an effect in `app.rs`.
//!
//! A gesture's IO runs in its handler, not in an effect after the next render, because
//! browsers allow a download and a print dialog only while they handle a user's action, and
//! because storage must be empty before the state that says "erased" is saved.

use super::embed::{self, PrintMode};
use super::files;
use super::storage;
use crate::lang::Lang;
use crate::plan::Step;
use crate::profile::Profile;
use crate::session::Action;
use crate::widget_state::{WidgetAction, WidgetState};
use yew::prelude::*;

/// A click on one of a question's options.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerInput {
    /// A radio button (a single-choice question, or its "not applicable").
    Choose { question: String, option: String },
    /// A checkbox of a checklist, ticked or unticked.
    Tick {
        question: String,
        option: String,
        ticked: bool,
    },
}

impl From<AnswerInput> for Action {
    fn from(input: AnswerInput) -> Action {
        match input {
            AnswerInput::Choose { question, option } => Action::Choose { question, option },
            AnswerInput::Tick {
                question,
                option,
                ticked,
            } => Action::Tick {
                question,
                option,
                ticked,
            },
        }
    }
}

/// The steps of erasing what is stored on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EraseStep {
    Ask,
    Cancel,
    Confirm,
}

/// The answer to "another tab changed your saved progress".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTabChoice {
    LoadNewer,
    KeepThisPage,
}

/// The callbacks, each built once: equal from render to render, so a component whose data did
/// not change is not re-rendered because of them.
#[derive(Clone, PartialEq)]
pub struct Handlers {
    /// The state machine itself, for the effects.
    pub dispatch: Callback<WidgetAction>,
    /// Moves through the self-check (start, next, previous, a section, review, finish…).
    pub navigate: Callback<Action>,
    pub lang: Callback<Lang>,
    pub profile: Callback<Profile>,
    pub answer: Callback<AnswerInput>,
    /// Plans the action of a question (by id) for a step.
    pub plan: Callback<(String, Step)>,
    pub dismiss: Callback<()>,
    pub remember: Callback<bool>,
    pub erase: Callback<EraseStep>,
    pub other_tab: Callback<OtherTabChoice>,
    pub export: Callback<()>,
    /// A file picked to continue from.
    pub import: Callback<web_sys::File>,
    /// A previous self-check picked to compare with.
    pub compare: Callback<web_sys::File>,
    pub print: Callback<PrintMode>,
}

/// Builds the handlers once for the widget's state.
#[hook]
pub fn use_handlers(state: &UseReducerHandle<WidgetState>) -> Handlers {
    let state = state.clone();
    (*use_memo((), move |_| build(state))).clone()
}

fn build(state: UseReducerHandle<WidgetState>) -> Handlers {
    let dispatcher = state.dispatcher();
    let dispatch = Callback::from(move |action| dispatcher.dispatch(action));
    let read_into = |make: fn(Vec<u8>) -> WidgetAction| {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| {
            let dispatch = dispatch.clone();
            files::read_file(file, move |bytes| {
                dispatch.emit(bytes.map_or(WidgetAction::FileUnreadable, make))
            });
        })
    };
    Handlers {
        navigate: {
            let dispatch = dispatch.clone();
            Callback::from(move |action| {
                embed::scroll_to_widget_top();
                dispatch.emit(WidgetAction::Session(action));
            })
        },
        lang: dispatch.reform(|lang| WidgetAction::Session(Action::SetLang(lang))),
        profile: dispatch.reform(|profile| WidgetAction::Session(Action::SetProfile(profile))),
        answer: dispatch.reform(|input: AnswerInput| WidgetAction::Session(input.into())),
        plan: dispatch
            .reform(|(question, step)| WidgetAction::Session(Action::Plan { question, step })),
        dismiss: dispatch.reform(|()| WidgetAction::Dismiss),
        remember: dispatch.reform(WidgetAction::SetRemember),
        erase: {
            let dispatch = dispatch.clone();
            Callback::from(move |step| match step {
                EraseStep::Ask => dispatch.emit(WidgetAction::AskErase),
                EraseStep::Cancel => dispatch.emit(WidgetAction::CancelErase),
                EraseStep::Confirm => {
                    storage::erase_all();
                    dispatch.emit(WidgetAction::Erased);
                }
            })
        },
        other_tab: {
            let (dispatch, state) = (dispatch.clone(), state.clone());
            Callback::from(move |choice| match choice {
                // Progress erased elsewhere loads as a fresh self-check.
                OtherTabChoice::LoadNewer => dispatch.emit(WidgetAction::LoadedFromElsewhere(
                    storage::load(&state.bank),
                )),
                OtherTabChoice::KeepThisPage => dispatch.emit(WidgetAction::KeepThisPage),
            })
        },
        export: {
            // The handle reads the state as it is when the user saves, so the file (and the
            // plan in it) is made then, not on every render.
            let (dispatch, state) = (dispatch.clone(), state.clone());
            Callback::from(move |()| {
                let (name, text) = state.answers_file(&embed::today());
                if !files::download_json(&name, &text) {
                    dispatch.emit(WidgetAction::ExportFailed);
                }
            })
        },
        import: read_into(WidgetAction::ImportFile),
        compare: read_into(WidgetAction::CompareFile),
        print: Callback::from(embed::print),
        dispatch,
    }
}
