//! Component tests in a real browser (headless Chromium through wasm-bindgen-test).
//! Each test mounts the widget into a fresh element and reads the DOM through the stable
//! hooks of the test contract (`data-*` attributes), never through whole `innerHTML`.
#![cfg(target_arch = "wasm32")]

use tscheck::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh mount point, with storage cleared so tests do not see each other's progress.
fn fresh_mount() -> Element {
    let window = web_sys::window().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    if let Some(old) = document().query_selector("[data-tscheck-mount]").unwrap() {
        old.remove();
    }
    let mount = document().create_element("div").unwrap();
    mount.set_attribute("data-tscheck-mount", "").unwrap();
    document().body().unwrap().append_child(&mount).unwrap();
    mount
}

/// Waits until Yew has rendered everything scheduled (the way Yew's own tests wait, with its
/// `test` feature): no fixed delay, so a slow machine cannot make a test flaky and a fast one
/// does not wait for nothing.
async fn settle() {
    yew::scheduler::flush().await;
}

fn query(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn start_screen_shows_title_privacy_notice_and_start_button_in_chinese() {
    let mount = fresh_mount();
    yew::Renderer::<App>::with_root(mount.clone()).render();
    settle().await;
    let app = query(&mount, "[data-app]");
    assert_eq!(app.get_attribute("data-stage").as_deref(), Some("start"));
    assert_eq!(app.get_attribute("data-lang").as_deref(), Some("zh"));
    let notice = query(&mount, "[data-privacy-notice]")
        .text_content()
        .unwrap();
    assert!(
        notice.contains("不会离开本浏览器"),
        "privacy notice: {notice}"
    );
    assert!(query(&mount, "[data-action=start]")
        .text_content()
        .unwrap()
        .contains("开始"));
}

#[wasm_bindgen_test]
async fn language_switch_changes_every_text_and_back() {
    let mount = fresh_mount();
    yew::Renderer::<App>::with_root(mount.clone()).render();
    settle().await;
    click(&mount, "[data-action=lang-en]");
    settle().await;
    let app = query(&mount, "[data-app]");
    assert_eq!(app.get_attribute("data-lang").as_deref(), Some("en"));
    assert_eq!(
        query(&mount, "[data-action=start]")
            .text_content()
            .as_deref(),
        Some("Start the self-check")
    );
    assert!(query(&mount, "[data-privacy-notice]")
        .text_content()
        .unwrap()
        .contains("never leave this browser"));
    assert_eq!(
        query(&mount, "[data-action=lang-en]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    click(&mount, "[data-action=lang-zh]");
    settle().await;
    assert_eq!(app.get_attribute("data-lang").as_deref(), Some("zh"));
}

#[wasm_bindgen_test]
async fn starting_leads_to_the_profile_and_answers_survive_a_language_switch() {
    let mount = fresh_mount();
    yew::Renderer::<App>::with_root(mount.clone()).render();
    settle().await;
    click(&mount, "[data-action=start]");
    settle().await;
    let app = query(&mount, "[data-app]");
    assert_eq!(app.get_attribute("data-stage").as_deref(), Some("profile"));
    click(&mount, "[data-profile=industry] input[value=biomedical]");
    settle().await;
    click(&mount, "[data-action=next]");
    settle().await;
    assert_eq!(
        app.get_attribute("data-stage").as_deref(),
        Some("questions")
    );
    // Answer the first question with its strongest option, then switch language.
    let first = query(&mount, "[data-question-id]");
    let id = first.get_attribute("data-question-id").unwrap();
    let options = first.query_selector_all("input[data-score]").unwrap();
    let last = options
        .item(options.length() - 1)
        .unwrap()
        .unchecked_into::<HtmlElement>();
    last.click();
    settle().await;
    click(&mount, "[data-action=lang-en]");
    settle().await;
    assert_eq!(
        app.get_attribute("data-stage").as_deref(),
        Some("questions")
    );
    let checked = mount
        .query_selector(&format!(
            "[data-question-id='{id}'] input[data-score]:checked"
        ))
        .unwrap();
    assert!(
        checked.is_some(),
        "the answer to {id} was lost by the language switch"
    );
}

#[wasm_bindgen_test]
async fn the_error_screen_replaces_the_widget_with_a_bilingual_alert() {
    let mount = fresh_mount();
    yew::Renderer::<App>::with_root(mount.clone()).render();
    settle().await;
    tscheck::ui::panic_screen::show_error_screen();
    let app = query(&mount, "[data-app]");
    assert_eq!(app.get_attribute("data-stage").as_deref(), Some("error"));
    let alert = query(&mount, "[role=alert][data-error]")
        .text_content()
        .unwrap();
    assert!(
        alert.contains("出现问题") && alert.contains("Something went wrong"),
        "{alert}"
    );
}
