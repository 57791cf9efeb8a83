//! How the widget meets its page: the element it mounts into, presets from the URL, and the
//! height it reports to a parent page when it runs in an iframe.

use crate::lang::Lang;
use crate::presets::{parse_presets, Presets};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The element the widget renders into: `[data-tscheck-mount]`, else the body.
pub fn mount_element() -> Option<Element> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector("[data-tscheck-mount]")
        .ok()
        .flatten()
        .or_else(|| document.body().map(|b| b.unchecked_into()))
}

/// The presets in the page's URL (see `crate::presets`).
pub fn url_presets() -> Presets {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    parse_presets(&query)
}

/// Sets the document title when the widget owns the page (a host page keeps its own).
pub fn set_document_title(title: &str) {
    if let (true, Some(document)) = (owns_page(), web_sys::window().and_then(|w| w.document())) {
        document.set_title(title);
    }
}

/// Sets `<html lang>` when the widget owns the page (its mount element says so with
/// `data-tscheck-page`); inside a host page's element the host's language stays.
pub fn set_document_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (true, Some(html)) = (owns_page(), document.document_element()) {
        let _ = html.set_attribute("lang", lang.html_tag());
    }
}

/// When the widget runs in an iframe, tells the parent its content height, so the frame can
/// grow with it. The message carries the height and nothing else.
pub fn post_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    // The root element's own box is the content height; scrollHeight never reports less
    // than the frame's current height, so the frame could grow but never shrink.
    let height = root.get_bounding_client_rect().height().ceil() as i32;
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"tscheck:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // The parent's origin is unknown to an embeddable widget; the message holds no data.
    let _ = parent.post_message(&message, "*");
}

/// Moves keyboard focus to the page's main heading after a change of page.
pub fn focus_heading() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(heading)) = document.query_selector("[data-app] [data-page-heading]") {
        if let Some(el) = heading.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Before a page change: when the reader has scrolled down into the widget, scrolls back to its
/// top, while the old page is still there and laid out. The new page is then first laid out
/// where it will be read: the browser decides which of the report's sections it can skip
/// (their `content-visibility`) from where the page is scrolled, and at the review page's depth
/// it laid out the sections there as well (README, "Issue 15"). The new page's heading then
/// takes focus without scrolling again.
pub fn scroll_to_widget_top() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let root = window
        .document()
        .and_then(|d| d.query_selector("[data-app]").ok().flatten());
    if let Some(root) = root {
        let top = root.get_bounding_client_rect().top();
        if top < 0.0 {
            window.scroll_by_with_x_and_y(0.0, top);
        }
    }
}

/// Today's date as `YYYY-MM-DD` in local time, for the report and saved files.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// What a print shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PrintMode {
    /// The whole report.
    Report,
    /// The summary page(s) only.
    Summary,
}

/// Classes on the document's root element while the widget prints: `tsc-printing` lets the
/// print styles hide everything of a host page but the widget; `tsc-print-summary` hides all
/// but the summary. Nothing else is printed differently, and a host's own printing (without
/// these classes) is left alone.
const PRINT_CLASSES: [&str; 2] = ["tsc-printing", "tsc-print-summary"];

/// Opens the browser's print dialog (where "Save as PDF" lives) for the report or its summary.
pub fn print(mode: PrintMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        let _ = window.print();
        return;
    };
    let classes = root.class_list();
    let _ = classes.remove_2(PRINT_CLASSES[0], PRINT_CLASSES[1]);
    let _ = classes.add_1(PRINT_CLASSES[0]);
    if mode == PrintMode::Summary {
        let _ = classes.add_1(PRINT_CLASSES[1]);
    }
    clear_print_classes_after_printing(&window);
    // Chromium and Firefox return from print() when the dialog closes; Safari may return at
    // once and print later, so the classes go only when the browser says printing is over.
    let _ = window.print();
}

thread_local! {
    static AFTERPRINT_LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn clear_print_classes_after_printing(window: &web_sys::Window) {
    if AFTERPRINT_LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root
                .class_list()
                .remove_2(PRINT_CLASSES[0], PRINT_CLASSES[1]);
        }
    });
    let _ =
        window.add_event_listener_with_callback("afterprint", callback.as_ref().unchecked_ref());
    // One listener for the page's life: its callback must live as long.
    callback.forget();
}

/// Watches the page's height and, inside an iframe, reports every change to the parent (so a
/// `<details>` opening or a notice appearing also resizes the frame). Call once.
pub fn watch_height_for_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.parent().ok().flatten().is_none_or(|p| p == window) {
        return;
    }
    let Some(mount) = mount_element() else { return };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(post_height_to_parent);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        // Chromium does not report the root element shrinking inside a taller frame, so
        // watch the element the widget renders into.
        observer.observe(&mount);
        post_height_to_parent();
    }
    // The observer lives as long as the page; so must its callback.
    callback.forget();
}

/// The operator's bank, if the mount element names one: `<div data-tscheck-mount data-bank="bank.json">`.
pub fn configured_bank_url() -> Option<String> {
    mount_element()?
        .get_attribute("data-bank")
        .filter(|s| !s.trim().is_empty())
}

/// Fetches an operator's bank file from the widget's own origin. Anything on another origin is
/// refused before any request is made: the widget never talks to another site.
pub async fn fetch_same_origin(url: &str) -> Result<Vec<u8>, crate::problem::Problem> {
    use crate::problem::{Problem, ProblemKind};
    use wasm_bindgen_futures::JsFuture;
    let fail = |detail: String| {
        Problem::new(
            "$",
            ProblemKind::Unreachable {
                url: url.to_string(),
                detail,
            },
        )
    };
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| fail("not a URL".into()))?;
    let own_origin = window.location().origin().unwrap_or_default();
    if resolved.origin() != own_origin {
        return Err(Problem::new(
            "$",
            ProblemKind::NotSameOrigin {
                url: url.to_string(),
            },
        ));
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let request = web_sys::Request::new_with_str_and_init(&resolved.href(), &init)
        .map_err(|_| fail("bad request".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| fail("network error".into()))?
        .unchecked_into();
    if !response.ok() {
        return Err(fail(format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| fail("unreadable body".into()))?,
    )
    .await
    .map_err(|_| fail("unreadable body".into()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether the widget owns the whole page (our index.html) rather than an element of a host page.
pub fn owns_page() -> bool {
    mount_element().is_some_and(|m| m.has_attribute("data-tscheck-page"))
}
