//! The widget's state: the core `Session` plus what only the screen needs (the notice shown,
//! the erase confirmation, where storage goes). The reducer is pure: decoding an imported
//! file is pure too, so it happens here; reading files and storage happens at the edges.

use crate::answers_file;
use crate::bank::Bank;
use crate::problem::Problem;
use crate::session::{Action, Session};
use crate::strings::S;
use std::rc::Rc;
use yew::Reducible;

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

#[derive(Clone, Debug, PartialEq)]
pub struct UiState {
    pub bank: SharedBank,
    pub session: Session,
    pub notice: Option<Notice>,
    pub confirm_erase: bool,
    /// Keep progress in localStorage (opt-in) instead of sessionStorage.
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
pub enum UiAction {
    Session(Action),
    ImportFile(Vec<u8>),
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
    /// The user loaded the progress another tab saved (read by the edge): the session and
    /// whether it is kept on the device, or `None` when the other tab erased it.
    LoadedFromElsewhere(Option<(Session, bool)>),
}

impl UiState {
    pub fn new(
        bank: SharedBank,
        session: Session,
        remember: bool,
        notice: Option<Notice>,
        restored: bool,
    ) -> UiState {
        UiState {
            bank,
            session,
            notice,
            confirm_erase: false,
            remember,
            page: 0,
            storage_failed: false,
            user_acted: restored,
            changed_elsewhere: false,
        }
    }

    /// The pure transition; `Reducible::reduce` only wraps it.
    pub fn apply(mut self, action: UiAction) -> UiState {
        let (stage, section) = (self.session.stage, self.session.section.clone());
        if matches!(
            action,
            UiAction::Session(_)
                | UiAction::ImportFile(_)
                | UiAction::CompareFile(_)
                | UiAction::SetRemember(_)
        ) {
            self.user_acted = true;
        }
        match action {
            UiAction::Session(action) => {
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
                self.session = self.session.apply(&self.bank, action);
            }
            UiAction::ImportFile(bytes) => match answers_file::decode(&bytes, &self.bank) {
                Ok(file) => {
                    let ignored = file.ignored.clone();
                    self.session = self.session.apply(&self.bank, Action::Import(file));
                    self.notice = Some(if ignored.is_empty() {
                        Notice::info(S::ImportDone, Vec::new())
                    } else {
                        Notice::info(S::ImportIgnored, ignored)
                    });
                }
                Err(problems) => self.notice = Some(Notice::error(S::ImportRefused, problems)),
            },
            UiAction::CompareFile(bytes) => match answers_file::decode(&bytes, &self.bank) {
                Ok(file) => {
                    self.session = self.session.apply(&self.bank, Action::Compare(file));
                    self.notice = Some(Notice::info(S::CompareDone, Vec::new()));
                }
                Err(problems) => self.notice = Some(Notice::error(S::CompareRefused, problems)),
            },
            UiAction::FileUnreadable => {
                self.notice = Some(Notice::error(S::FileUnreadable, Vec::new()))
            }
            UiAction::ExportFailed => {
                self.notice = Some(Notice::error(S::ExportFailed, Vec::new()))
            }
            UiAction::SetRemember(on) => self.remember = on,
            UiAction::AskErase => self.confirm_erase = true,
            UiAction::CancelErase => self.confirm_erase = false,
            UiAction::Erased => {
                self.session = Session::new(self.session.lang);
                self.remember = false;
                self.confirm_erase = false;
                self.storage_failed = false;
                self.user_acted = false;
                self.notice = Some(Notice::info(S::Erased, Vec::new()));
            }
            UiAction::StorageFailed => {
                if !self.storage_failed {
                    self.storage_failed = true;
                    self.notice = Some(Notice::error(S::StorageWriteFailed, Vec::new()));
                }
            }
            UiAction::Dismiss => self.notice = None,
            // Whether this page keeps its progress on the device or only in this tab, its next
            // save would replace or remove what the other tab just saved: ask first.
            UiAction::ChangedElsewhere => self.changed_elsewhere = true,
            UiAction::KeepThisPage => self.changed_elsewhere = false,
            UiAction::LoadedFromElsewhere(loaded) => {
                // Progress erased elsewhere leaves a fresh self-check with nothing to keep.
                self.user_acted = loaded.is_some();
                let (session, remember) =
                    loaded.unwrap_or_else(|| (Session::new(self.session.lang), false));
                self.session = session;
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

impl Reducible for UiState {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
