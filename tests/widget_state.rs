//! The widget's state machine (`WidgetState`), natively: how it starts from storage and the URL's
//! presets, what each action does, when anything may be stored, which notice the user sees,
//! and when focus moves to a new page.

use crate::util::{mini_bank, read_test_file};
use serde_json::{json, Value};
use tscheck::answers::Answer;
use tscheck::lang::Lang;
use tscheck::presets::{parse_presets, Presets};
use tscheck::profile::{Industry, Profile};
use tscheck::session::{Action, Session, Stage};
use tscheck::strings::S;
use tscheck::widget_state::{Restored, SharedBank, WidgetAction, WidgetState};

fn fresh() -> WidgetState {
    WidgetState::start(
        SharedBank::new(mini_bank()),
        Restored::Nothing,
        &Presets::default(),
    )
}

fn apply_all(
    mut state: WidgetState,
    actions: impl IntoIterator<Item = WidgetAction>,
) -> WidgetState {
    for action in actions {
        state = state.apply(action);
    }
    state
}

fn go(action: Action) -> WidgetAction {
    WidgetAction::Session(action)
}

fn choose(question: &str, option: &str) -> WidgetAction {
    go(Action::Choose {
        question: question.into(),
        option: option.into(),
    })
}

/// A state on the questions page, at the first section, with one answer given.
fn answering() -> WidgetState {
    apply_all(
        fresh(),
        [
            go(Action::Start),
            go(Action::BeginQuestions),
            choose("a1", "some"),
        ],
    )
}

fn mini_answers() -> Vec<u8> {
    read_test_file("fixtures/answers/mini-answers.json")
}

fn mini_answers_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut file: Value = serde_json::from_slice(&mini_answers()).unwrap();
    edit(&mut file);
    file.to_string().into_bytes()
}

/// The title of the notice shown, in both languages (each a real sentence).
fn notice_title(state: &WidgetState) -> Option<S> {
    let notice = state.notice.as_ref()?;
    let (zh, en) = (notice.title.get(Lang::Zh), notice.title.get(Lang::En));
    assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{zh} / {en}");
    Some(notice.title)
}

// ---- Starting: storage and presets -------------------------------------------------------

#[test]
fn a_first_visit_starts_fresh_with_nothing_to_store() {
    let state = fresh();
    assert_eq!(*state.session, Session::default());
    assert_eq!(state.notice, None);
    assert!(!state.remember && !state.confirm_erase && !state.changed_elsewhere);
    assert_eq!(state.page, 0);
    assert!(!state.may_save(), "a visit alone stores nothing");
}

#[test]
fn restored_progress_is_the_users_and_keeps_where_it_was_kept() {
    let saved = answering().session;
    let state = WidgetState::start(
        SharedBank::new(mini_bank()),
        Restored::Progress {
            session: (*saved).clone(),
            remember: true,
        },
        &Presets::default(),
    );
    assert_eq!(state.session, saved);
    assert!(state.remember);
    assert_eq!(state.notice, None);
    assert!(state.may_save(), "restored progress is kept current");
}

#[test]
fn damaged_storage_starts_afresh_and_says_so() {
    let state = WidgetState::start(
        SharedBank::new(mini_bank()),
        Restored::Damaged,
        &Presets::default(),
    );
    assert_eq!(*state.session, Session::default());
    assert_eq!(notice_title(&state), Some(S::StorageCorrupt));
    assert!(state.notice.as_ref().unwrap().error);
    assert!(!state.may_save());
}

#[test]
fn presets_shape_a_fresh_self_check_but_store_nothing() {
    let presets = parse_presets("?lang=en&industry=biomedical&cross_border=1&ai_models=true");
    let state = WidgetState::start(SharedBank::new(mini_bank()), Restored::Nothing, &presets);
    assert_eq!(state.session.lang, Lang::En);
    assert_eq!(state.session.profile.industry, Industry::Biomedical);
    assert!(state.session.profile.cross_border && state.session.profile.ai_models);
    assert!(!state.may_save(), "URL presets are not the user's doing");
}

#[test]
fn a_link_with_presets_the_widget_cannot_use_says_which_in_the_links_language() {
    let presets = parse_presets("?lang=en&industry=drones&ai_models=yes&utm_source=news");
    let state = WidgetState::start(SharedBank::new(mini_bank()), Restored::Nothing, &presets);
    assert_eq!(state.session.lang, Lang::En, "the good preset still counts");
    assert_eq!(notice_title(&state), Some(S::PresetsIgnored));
    let notice = state.notice.as_ref().unwrap();
    assert!(!notice.error, "nothing the visitor did failed");
    let lines: Vec<String> = notice.problems.iter().map(|p| p.line(Lang::En)).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with(r#"?industry: "drones" is not allowed (allowed: "general", "#));
    assert_eq!(
        lines[1],
        r#"?ai_models: "yes" is not allowed (allowed: "1", "true", "0", "false")"#
    );
    assert!(notice.problems[1]
        .line(Lang::Zh)
        .contains("取值 \"yes\" 无效"));
    assert!(!state.may_save(), "a notice is not the user's doing");
    // Damaged storage matters more and is what the first notice says.
    let state = WidgetState::start(SharedBank::new(mini_bank()), Restored::Damaged, &presets);
    assert_eq!(notice_title(&state), Some(S::StorageCorrupt));
    // A clean link shows nothing.
    let state = WidgetState::start(
        SharedBank::new(mini_bank()),
        Restored::Nothing,
        &parse_presets("?lang=en&utm_source=news"),
    );
    assert_eq!(state.notice, None);
}

#[test]
fn presets_set_the_language_of_saved_progress_but_never_its_profile() {
    let mut saved = (*answering().session).clone();
    saved.profile.cross_border = false;
    let presets = parse_presets("lang=en&industry=biomedical&cross_border=1");
    let state = WidgetState::start(
        SharedBank::new(mini_bank()),
        Restored::Progress {
            session: saved.clone(),
            remember: false,
        },
        &presets,
    );
    assert_eq!(state.session.lang, Lang::En);
    assert_eq!(state.session.profile, saved.profile);
    assert_eq!(state.session.answers, saved.answers);
}

#[test]
fn profile_presets_leave_a_session_that_has_moved_on_alone() {
    // Saved progress past the start screen, even without answers yet.
    let mut session = Session::new(Lang::Zh);
    session.stage = Stage::Profile;
    let before = session.clone();
    parse_presets("industry=biomedical&ai_models=1").apply(&mut session);
    assert_eq!(session, before);
}

// ---- The acted rule: nothing is stored before the user acts ------------------------------

#[test]
fn what_is_not_the_users_doing_stores_nothing() {
    for action in [
        WidgetAction::Dismiss,
        WidgetAction::AskErase,
        WidgetAction::CancelErase,
        WidgetAction::StorageFailed,
        WidgetAction::FileUnreadable,
        WidgetAction::ExportFailed,
        WidgetAction::ChangedElsewhere,
        WidgetAction::KeepThisPage,
    ] {
        assert!(!fresh().apply(action.clone()).may_save(), "{action:?}");
    }
}

#[test]
fn every_action_of_the_users_makes_the_progress_worth_keeping() {
    for action in [
        go(Action::SetLang(Lang::En)),
        go(Action::Start),
        choose("a1", "full"),
        WidgetAction::SetRemember(false),
        WidgetAction::ImportFile(mini_answers()),
        WidgetAction::ImportFile(b"not an answers file".to_vec()),
        WidgetAction::CompareFile(mini_answers()),
    ] {
        assert!(fresh().apply(action.clone()).may_save(), "{action:?}");
    }
}

#[test]
fn erasing_leaves_nothing_to_keep_until_the_user_acts_again() {
    let erased = answering().apply(WidgetAction::Erased);
    assert!(!erased.may_save());
    assert!(erased.apply(go(Action::Start)).may_save());
}

#[test]
fn nothing_is_saved_while_another_tabs_progress_waits_for_the_users_choice() {
    let state = answering().apply(WidgetAction::ChangedElsewhere);
    assert!(state.changed_elsewhere);
    assert!(!state.may_save());
    // Answering meanwhile still does not overwrite the other tab's progress.
    let state = state.apply(choose("a1", "full"));
    assert!(!state.may_save());
    let kept = state.apply(WidgetAction::KeepThisPage);
    assert!(!kept.changed_elsewhere);
    assert!(kept.may_save(), "keeping this page's answers saves them");
}

// ---- What each action does ---------------------------------------------------------------

#[test]
fn a_session_action_changes_the_session_as_the_core_does() {
    let bank = mini_bank();
    let state = answering();
    let expected = Session::new(Lang::Zh)
        .apply(&bank, Action::Start)
        .apply(&bank, Action::BeginQuestions)
        .apply(
            &bank,
            Action::Choose {
                question: "a1".into(),
                option: "some".into(),
            },
        );
    assert_eq!(*state.session, expected);
    assert_eq!(
        state.session.answers.get("a1"),
        Some(&Answer::Choice("some".into()))
    );
}

#[test]
fn an_import_replaces_the_answers_and_opens_the_review() {
    let state = answering().apply(WidgetAction::ImportFile(mini_answers()));
    assert_eq!(state.session.stage, Stage::Review);
    assert_eq!(state.session.profile.industry, Industry::Biomedical);
    assert_eq!(state.session.answers.get("a1"), None);
    assert_eq!(
        state.session.answers.get("b1"),
        Some(&Answer::Choice("full".into()))
    );
    assert_eq!(notice_title(&state), Some(S::ImportDone));
    assert!(!state.notice.as_ref().unwrap().error);
}

#[test]
fn an_import_lists_the_answers_it_ignored_in_both_languages() {
    let file = mini_answers_with(|f| f["answers"]["gone"] = json!("full"));
    let state = fresh().apply(WidgetAction::ImportFile(file));
    assert_eq!(notice_title(&state), Some(S::ImportIgnored));
    let notice = state.notice.unwrap();
    assert_eq!(notice.problems.len(), 1);
    for lang in Lang::ALL {
        assert!(notice.problems[0].line(lang).contains("gone"), "{lang:?}");
    }
}

#[test]
fn a_refused_import_leaves_the_answers_and_says_why() {
    let before = answering();
    let file = mini_answers_with(|f| f["format"] = json!("something-else"));
    let state = before.clone().apply(WidgetAction::ImportFile(file));
    assert_eq!(state.session, before.session);
    assert_eq!(notice_title(&state), Some(S::ImportRefused));
    let notice = state.notice.unwrap();
    assert!(notice.error && !notice.problems.is_empty());
    assert_ne!(
        notice.problems[0].line(Lang::Zh),
        notice.problems[0].line(Lang::En)
    );
}

#[test]
fn a_compared_file_is_kept_beside_the_answers() {
    let before = answering();
    let state = before
        .clone()
        .apply(WidgetAction::CompareFile(mini_answers()));
    assert_eq!(state.session.answers, before.session.answers);
    assert!(state.session.previous.is_some());
    assert_eq!(notice_title(&state), Some(S::CompareDone));

    let refused = before.apply(WidgetAction::CompareFile(b"{}".to_vec()));
    assert_eq!(refused.session.previous, None);
    assert_eq!(notice_title(&refused), Some(S::CompareRefused));
    assert!(refused.notice.unwrap().error);
}

#[test]
fn unreadable_files_and_failed_downloads_are_errors_shown_to_the_user() {
    for (action, title) in [
        (WidgetAction::FileUnreadable, S::FileUnreadable),
        (WidgetAction::ExportFailed, S::ExportFailed),
    ] {
        let before = answering();
        let state = before.clone().apply(action);
        assert_eq!(state.session, before.session);
        assert_eq!(notice_title(&state), Some(title));
        assert!(state.notice.unwrap().error);
    }
}

#[test]
fn remember_is_the_users_choice_both_ways() {
    let on = fresh().apply(WidgetAction::SetRemember(true));
    assert!(on.remember);
    assert!(!on.apply(WidgetAction::SetRemember(false)).remember);
}

#[test]
fn erasing_asks_first_and_can_be_cancelled() {
    let asked = answering().apply(WidgetAction::AskErase);
    assert!(asked.confirm_erase);
    let cancelled = asked.clone().apply(WidgetAction::CancelErase);
    assert!(!cancelled.confirm_erase);
    assert_eq!(cancelled.session, asked.session);
}

#[test]
fn erased_starts_afresh_in_the_same_language_and_says_so() {
    let state = apply_all(
        answering(),
        [
            go(Action::SetLang(Lang::En)),
            WidgetAction::SetRemember(true),
            WidgetAction::StorageFailed,
            WidgetAction::AskErase,
            WidgetAction::Erased,
        ],
    );
    assert_eq!(*state.session, Session::new(Lang::En));
    assert!(!state.remember && !state.confirm_erase);
    assert_eq!(notice_title(&state), Some(S::Erased));
    // The storage failure was about what is now erased: a new failure is reported again.
    let failed = state.apply(WidgetAction::StorageFailed);
    assert_eq!(notice_title(&failed), Some(S::StorageWriteFailed));
}

#[test]
fn loading_another_tabs_progress_replaces_this_pages() {
    let other = apply_all(
        fresh(),
        [
            go(Action::Start),
            go(Action::BeginQuestions),
            choose("b1", "full"),
        ],
    )
    .session;
    let state = apply_all(
        answering(),
        [
            WidgetAction::AskErase,
            WidgetAction::ChangedElsewhere,
            WidgetAction::LoadedFromElsewhere(Restored::Progress {
                session: (*other).clone(),
                remember: true,
            }),
        ],
    );
    assert_eq!(state.session, other);
    assert!(state.remember);
    assert!(!state.changed_elsewhere && !state.confirm_erase);
    assert!(state.may_save());
    assert_eq!(notice_title(&state), Some(S::LoadedFromElsewhere));
}

#[test]
fn progress_erased_in_another_tab_loads_as_a_fresh_self_check() {
    for restored in [Restored::Nothing, Restored::Damaged] {
        let state = apply_all(
            answering(),
            [
                go(Action::SetLang(Lang::En)),
                WidgetAction::SetRemember(true),
                WidgetAction::ChangedElsewhere,
                WidgetAction::LoadedFromElsewhere(restored.clone()),
            ],
        );
        assert_eq!(*state.session, Session::new(Lang::En), "{restored:?}");
        assert!(!state.remember && !state.changed_elsewhere);
        assert!(!state.may_save(), "nothing of the user's is left to keep");
        assert_eq!(notice_title(&state), Some(S::LoadedFromElsewhere));
    }
}

#[test]
fn the_answers_file_holds_this_self_check_and_is_named_by_its_date() {
    let state = answering();
    let (name, text) = state.answers_file("2026-12-01");
    assert_eq!(name, "tscheck-answers-2026-12-01.json");
    let file = tscheck::answers_file::decode(text.as_bytes(), &state.bank).unwrap();
    assert_eq!(file.answers, state.session.answers);
    assert_eq!(file.profile, state.session.profile);
    assert_eq!(file.saved_at.as_deref(), Some("2026-12-01"));
}

// ---- Notices -----------------------------------------------------------------------------

#[test]
fn a_notice_belongs_to_its_page() {
    let shown = answering().apply(WidgetAction::FileUnreadable);
    for action in [Action::Next, Action::Prev, Action::Review, Action::Home] {
        let state = shown.clone().apply(go(action.clone()));
        assert_eq!(state.notice, None, "{action:?}");
    }
}

#[test]
fn answering_or_switching_language_keeps_the_notice_being_read() {
    let shown = answering().apply(WidgetAction::ImportFile(b"nonsense".to_vec()));
    let kept = [
        go(Action::SetLang(Lang::En)),
        choose("a1", "full"),
        go(Action::Tick {
            question: "a3".into(),
            option: "x".into(),
            ticked: true,
        }),
        go(Action::SetProfile(Profile::default())),
    ];
    for action in kept {
        let state = shown.clone().apply(action.clone());
        assert_eq!(state.notice, shown.notice, "{action:?}");
    }
}

#[test]
fn a_storage_failure_is_shown_once_and_stays_until_dismissed() {
    let failed = answering().apply(WidgetAction::StorageFailed);
    assert_eq!(notice_title(&failed), Some(S::StorageWriteFailed));
    assert!(failed.storage_failed);
    // Still true on the next page.
    let moved = failed.apply(go(Action::Next));
    assert_eq!(notice_title(&moved), Some(S::StorageWriteFailed));
    let dismissed = moved.apply(WidgetAction::Dismiss);
    assert_eq!(dismissed.notice, None);
    // The next failed write does not bring it back on every change.
    let again = dismissed.apply(WidgetAction::StorageFailed);
    assert_eq!(again.notice, None);
}

#[test]
fn dismiss_removes_any_notice() {
    let state = fresh()
        .apply(WidgetAction::ExportFailed)
        .apply(WidgetAction::Dismiss);
    assert_eq!(state.notice, None);
}

// ---- The focus counter ---------------------------------------------------------------------

#[test]
fn focus_moves_on_every_new_page_and_only_then() {
    let state = fresh();
    let mut page = state.page;
    let mut state = state;
    // (action, whether it shows another page)
    let steps = [
        (go(Action::Start), true),
        (go(Action::SetProfile(Profile::default())), false),
        (go(Action::BeginQuestions), true),
        (choose("a1", "full"), false),
        (go(Action::SetLang(Lang::En)), false),
        (WidgetAction::SetRemember(true), false),
        (WidgetAction::StorageFailed, false),
        (go(Action::Next), true),
        (go(Action::ShowSection("beta".into())), false),
        (go(Action::ShowSection("alpha".into())), true),
        (go(Action::Review), true),
        (go(Action::Finish), true),
        (WidgetAction::CompareFile(mini_answers()), false),
        (WidgetAction::ImportFile(mini_answers()), true),
        (WidgetAction::Erased, true),
    ];
    for (action, new_page) in steps {
        state = state.apply(action.clone());
        assert_eq!(state.page != page, new_page, "{action:?}");
        page = state.page;
    }
}
