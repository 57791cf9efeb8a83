//! The widget's state machine: the core `Session` plus what only the screen needs (the notice
//! shown, the erase confirmation, where progress is kept, whether anything may be stored yet).
//!
//! Plain Rust, so every rule is tested natively; the Yew layer only wraps [`WidgetState::apply`]
//! in `Reducible` and runs the IO it asks for (see ARCHITECTURE.md, "Where IO happens"). Nothing
//! here does IO: the edges read files and storage and hand over what they read.

use crate::answers_file;
use crate::bank::Bank;
use crate::presets::Presets;
use crate::problem::Problem;
use crate::session::{Action, Session};
use crate::strings::S;
use std::rc::Rc;

/// The bank shared by every screen. Two handles are equal when they point at the same bank:
/// comparing 115 questions field by field on every click would be wasted work, and the bank
/// never changes while the widget runs.
#[derive(Clone, Debug)]
pub struct SharedBank(Rc<Bank>);

impl SharedBank {
    pub fn new(bank: Bank) -> SharedBank {
        SharedBank(Rc::new(bank))
    }
}

impl PartialEq for SharedBank {
    fn eq(&self, other: &SharedBank) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedBank {
    type Target = Bank;
    fn deref(&self) -> &Bank {
        &self.0
    }
}

/// A message shown above the current screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub title: S,
    /// Problems listed under the title, rendered in the current language.
    pub problems: Vec<Problem>,
}

impl Notice {
    pub fn error(title: S, problems: Vec<Problem>) -> Notice {
        Notice {
            error: true,
            title,
            problems,
        }
    }
    pub fn info(title: S, problems: Vec<Problem>) -> Notice {
        Notice {
            error: false,
            title,
            problems,
        }
    }
}

/// What the browser's storage held when the widget started (read by the storage edge).
// Made once per load of storage and moved once: boxing the session would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    Nothing,
    Progress {
        session: Session,
        /// Whether it was kept on the device (the user had opted in) rather than in the tab.
        remember: bool,
    },
    /// Something was stored but could not be read; the edge has removed it.
    Damaged,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub bank: SharedBank,
    /// Shared, so the screens and the effect that saves it hold the same session instead of
    /// copies of it (an answer used to copy the whole session four times).
    pub session: Rc<Session>,
    pub notice: Option<Notice>,
    pub confirm_erase: bool,
    /// Keep progress on the device (opt-in) instead of in this tab only.
    pub remember: bool,
    /// Bumped on every change of page, so the new page's heading takes focus.
    pub page: u32,
    /// Set once a storage write failed, so the notice is shown once, not on every change.
    pub storage_failed: bool,
    /// Whether there is anything of the user's to keep: progress restored from storage, or
    /// any action of theirs. URL presets alone are not, so a visit stores nothing.
    pub user_acted: bool,
    /// Another tab or window changed the progress saved on this device. Until the user loads it
    /// or keeps this page's answers, this page saves nothing, so neither overwrites the other
    /// silently.
    pub changed_elsewhere: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WidgetAction {
    Session(Action),
    /// The bytes of an answers file the user picked to continue from.
    ImportFile(Vec<u8>),
    /// The bytes of a previous self-check the user picked to compare the report with.
    CompareFile(Vec<u8>),
    FileUnreadable,
    /// The browser refused to create the download.
    ExportFailed,
    SetRemember(bool),
    AskErase,
    CancelErase,
    /// Storage was erased by the edge; start afresh and say so.
    Erased,
    StorageFailed,
    Dismiss,
    /// Another tab wrote or removed the progress saved on this device.
    ChangedElsewhere,
    /// The user chose to keep this page's answers (they will replace the other progress).
    KeepThisPage,
    /// The user loaded the progress another tab saved, as the storage edge read it now.
    LoadedFromElsewhere(Restored),
}

impl WidgetState {
    /// The state the widget starts in: what storage held, shaped by the page's URL presets.
    /// Restored progress counts as the user's (it is kept); presets alone do not.
    pub fn start(bank: SharedBank, restored: Restored, presets: &Presets) -> WidgetState {
        let (mut session, remember, notice, user_acted) = match restored {
            Restored::Progress { session, remember } => (session, remember, None, true),
            Restored::Nothing => (Session::default(), false, None, false),
            Restored::Damaged => (
                Session::default(),
                false,
                Some(Notice::error(S::StorageCorrupt, Vec::new())),
                false,
            ),
        };
        presets.apply(&mut session);
        // A link with a preset the widget cannot use says so (after a damaged-storage notice,
        // which matters more, has been read and dismissed, the link's mistake is harmless).
        let notice = notice.or_else(|| {
            (!presets.ignored.is_empty())
                .then(|| Notice::info(S::PresetsIgnored, presets.ignored.clone()))
        });
        WidgetState {
            bank,
            session: Rc::new(session),
            notice,
            confirm_erase: false,
            remember,
            page: 0,
            storage_failed: false,
            user_acted,
            changed_elsewhere: false,
        }
    }

    /// Whether the progress should be saved now: only once the user has acted, and not while
    /// another tab's newer progress waits for the user's choice.
    pub fn may_save(&self) -> bool {
        self.user_acted && !self.changed_elsewhere
    }

    /// The answers file of this self-check, as `(file name, contents)`, dated `date`
    /// (`YYYY-MM-DD`, from the browser's clock).
    pub fn answers_file(&self, date: &str) -> (String, String) {
        let (bank, session) = (&self.bank, &self.session);
        let plan = session.plan_for_file(bank);
        let text =
            answers_file::encode(bank, &session.profile, &session.answers, &plan, Some(date));
        (format!("tscheck-answers-{date}.json"), text)
    }

    /// Applies a core action to the session, copying it only if a screen still holds it.
    fn apply_to_session(&mut self, action: Action) {
        let session = Rc::unwrap_or_clone(std::mem::take(&mut self.session));
        self.session = Rc::new(session.apply(&self.bank, action));
    }

    /// The pure transition; the Yew layer's `Reducible::reduce` only wraps it.
    pub fn apply(mut self, action: WidgetAction) -> WidgetState {
        let (stage, section) = (self.session.stage, self.session.section.clone());
        if matches!(
            action,
            WidgetAction::Session(_)
                | WidgetAction::ImportFile(_)
                | WidgetAction::CompareFile(_)
                | WidgetAction::SetRemember(_)
        ) {
            self.user_acted = true;
        }
        match action {
            WidgetAction::Session(action) => {
                // A notice belongs to the page it was shown on, except that storage cannot
                // save: that stays true on every page until the user dismisses it.
                let stays = matches!(
                    action,
                    Action::SetLang(_)
                        | Action::Choose { .. }
                        | Action::Tick { .. }
                        | Action::SetProfile(_)
                ) || self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.title == S::StorageWriteFailed);
                if !stays {
                    self.notice = None;
                }
                self.apply_to_session(action);
            }
            WidgetAction::ImportFile(bytes) => match answers_file::decode(&bytes, &self.bank) {
                Ok(file) => {
                    let ignored = file.ignored.clone();
                    self.apply_to_session(Action::Import(file));
                    self.notice = Some(if ignored.is_empty() {
                        Notice::info(S::ImportDone, Vec::new())
                    } else {
                        Notice::info(S::ImportIgnored, ignored)
                    });
                }
                Err(problems) => self.notice = Some(Notice::error(S::ImportRefused, problems)),
            },
            WidgetAction::CompareFile(bytes) => match answers_file::decode(&bytes, &self.bank) {
                Ok(file) => {
                    self.apply_to_session(Action::Compare(file));
                    self.notice = Some(Notice::info(S::CompareDone, Vec::new()));
                }
                Err(problems) => self.notice = Some(Notice::error(S::CompareRefused, problems)),
            },
            WidgetAction::FileUnreadable => {
                self.notice = Some(Notice::error(S::FileUnreadable, Vec::new()))
            }
            WidgetAction::ExportFailed => {
                self.notice = Some(Notice::error(S::ExportFailed, Vec::new()))
            }
            WidgetAction::SetRemember(on) => self.remember = on,
            WidgetAction::AskErase => self.confirm_erase = true,
            WidgetAction::CancelErase => self.confirm_erase = false,
            WidgetAction::Erased => {
                self.session = Rc::new(Session::new(self.session.lang));
                self.remember = false;
                self.confirm_erase = false;
                self.storage_failed = false;
                self.user_acted = false;
                self.notice = Some(Notice::info(S::Erased, Vec::new()));
            }
            WidgetAction::StorageFailed => {
                if !self.storage_failed {
                    self.storage_failed = true;
                    self.notice = Some(Notice::error(S::StorageWriteFailed, Vec::new()));
                }
            }
            WidgetAction::Dismiss => self.notice = None,
            // Whether this page keeps its progress on the device or only in this tab, its next
            // save would replace or remove what the other tab just saved: ask first.
            WidgetAction::ChangedElsewhere => self.changed_elsewhere = true,
            WidgetAction::KeepThisPage => self.changed_elsewhere = false,
            WidgetAction::LoadedFromElsewhere(loaded) => {
                // Progress erased (or damaged) elsewhere leaves a fresh self-check with nothing
                // to keep.
                let (session, remember, kept) = match loaded {
                    Restored::Progress { session, remember } => (session, remember, true),
                    Restored::Nothing | Restored::Damaged => {
                        (Session::new(self.session.lang), false, false)
                    }
                };
                self.user_acted = kept;
                self.session = Rc::new(session);
                self.remember = remember;
                self.changed_elsewhere = false;
                self.confirm_erase = false;
                self.notice = Some(Notice::info(S::LoadedFromElsewhere, Vec::new()));
            }
        }
        if self.session.stage != stage || self.session.section != section {
            self.page = self.page.wrapping_add(1);
        }
        self
    }
}
