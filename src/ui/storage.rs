//! Saved progress in the browser's storage: the only place the widget touches Web Storage.
//!
//! By default progress lives in `sessionStorage` (this tab only; gone when it closes). With
//! "keep my progress on this device" it lives in `localStorage` instead. Every key starts with
//! `tscheck.`, so erasing can remove everything the widget ever wrote.

use crate::bank::Bank;
use crate::session::Session;
use crate::snapshot;
use crate::widget_state::{Restored, SharedBank};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Storage;

const PREFIX: &str = "tscheck.";
const PROGRESS_KEY: &str = "tscheck.progress.v1";

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads saved progress, preferring the device copy (the user opted in to it). Something
/// stored that cannot be read is removed and reported as `Damaged`.
pub fn load(bank: &Bank) -> Restored {
    let mut damaged = false;
    for (storage, remember) in [(local_storage(), true), (session_storage(), false)] {
        let Some(storage) = storage else { continue };
        let Ok(Some(text)) = storage.get_item(PROGRESS_KEY) else {
            continue;
        };
        match snapshot::decode(text.as_bytes(), bank) {
            Ok(session) => return Restored::Progress { session, remember },
            Err(problem) => {
                web_sys::console::warn_1(
                    &format!("tscheck: saved progress ignored: {problem}").into(),
                );
                let _ = storage.remove_item(PROGRESS_KEY);
                damaged = true;
            }
        }
    }
    if damaged {
        Restored::Damaged
    } else {
        Restored::Nothing
    }
}

/// A save waiting for the end of the task that asked for it.
struct PendingSave {
    bank: SharedBank,
    session: Rc<Session>,
    remember: bool,
    on_failure: Box<dyn Fn()>,
    /// Dropping it cancels the save (a newer one replaces it, or erasing removes it).
    _timer: Timeout,
}

thread_local! {
    static PENDING: RefCell<Option<PendingSave>> = const { RefCell::new(None) };
    static FLUSH_ON_HIDE: Cell<bool> = const { Cell::new(false) };
}

/// Saves progress (as [`save`] does) in a task of its own, right after the one that changed
/// it: an answer's click then only renders, and encoding and writing the progress do not
/// delay its frame (README, "Issue 15"). Saves asked for in one task are made once, with the
/// newest state. A page that is hidden or left first saves at once, so nothing is lost;
/// `on_failure` runs when the write fails.
pub fn save_soon(
    bank: SharedBank,
    session: Rc<Session>,
    remember: bool,
    on_failure: impl Fn() + 'static,
) {
    flush_when_hidden();
    let pending = PendingSave {
        bank,
        session,
        remember,
        on_failure: Box::new(on_failure),
        _timer: Timeout::new(0, flush),
    };
    PENDING.with(|p| p.replace(Some(pending)));
}

/// Makes the save that waits, if any.
fn flush() {
    if let Some(p) = PENDING.with(|p| p.borrow_mut().take()) {
        if !save(&p.bank, &p.session, p.remember) {
            (p.on_failure)();
        }
    }
}

/// Drops the save that waits: what it would write has been erased.
fn cancel_pending() {
    PENDING.with(|p| p.borrow_mut().take());
}

/// Once per page: a page that is hidden (another tab, the phone's home screen) or left saves
/// what waits at once, since its timers may never run again.
fn flush_when_hidden() {
    use wasm_bindgen::JsCast;
    if FLUSH_ON_HIDE.with(|done| done.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(flush);
    let listener = callback.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("pagehide", listener);
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", listener);
    }
    // The listeners live as long as the page; so must their callback.
    callback.forget();
}

/// Saves progress where the user chose, and removes any copy from the other storage.
/// Returns false when the write failed (storage full or disabled).
///
/// The other copy is removed only once the chosen write has succeeded: when the device copy
/// cannot be written, this tab's copy is kept current instead (and then the stale device copy,
/// which load would prefer, is dropped), so a reload loses nothing. Unticked, no device copy
/// is left behind even if this tab's write fails.
fn save(bank: &Bank, session: &Session, remember: bool) -> bool {
    let text = snapshot::encode(bank, session);
    LAST_WRITTEN.with(|last| last.replace(Some(text.clone())));
    let (target, other) = if remember {
        (local_storage(), session_storage())
    } else {
        (session_storage(), local_storage())
    };
    let written = target
        .as_ref()
        .is_some_and(|storage| storage.set_item(PROGRESS_KEY, &text).is_ok());
    if written || !remember {
        if let Some(other) = other {
            let _ = other.remove_item(PROGRESS_KEY);
        }
    } else if let Some(tab) = other {
        if tab.set_item(PROGRESS_KEY, &text).is_ok() {
            if let Some(local) = target {
                let _ = local.remove_item(PROGRESS_KEY);
            }
        }
    }
    written
}

thread_local! {
    /// What this page last saved: another tab that loads it and saves it back unchanged has
    /// changed nothing this page needs to hear about.
    static LAST_WRITTEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Calls `changed` whenever another tab or window of this browser writes or removes the
/// progress saved on this device (the browser tells every other tab through `storage` events;
/// a tab never hears its own writes). Call once.
pub fn watch_other_tabs(changed: impl Fn() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
        move |event: web_sys::StorageEvent| {
            // `key` is null when another tab cleared the whole storage.
            let ours = event.key().is_none_or(|key| key == PROGRESS_KEY);
            let same = LAST_WRITTEN.with(|last| *last.borrow() == event.new_value());
            if ours && !same {
                // This page's save that waits would overwrite the other tab's progress: the
                // user chooses first (and keeping this page's answers saves them).
                cancel_pending();
                changed();
            }
        },
    );
    let _ = window.add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref());
    // The listener lives as long as the page; so must its callback.
    callback.forget();
}

/// Removes every key the widget wrote, in both storages (and a save that waits).
pub fn erase_all() {
    cancel_pending();
    for storage in [session_storage(), local_storage()].into_iter().flatten() {
        let len = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }
}
