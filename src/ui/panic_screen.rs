//! A panic must never leave a blank page: the hook logs the details to the console and
//! replaces the widget with a bilingual message (`data-stage="error"`), built with plain DOM
//! calls because Yew may be what failed.

use crate::lang::Lang;
use crate::strings::S;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("tscheck: internal error: {info}").into());
        show_error_screen();
    }));
}

/// Replaces the widget with the bilingual error screen.
pub fn show_error_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(mount) = super::embed::mount_element() else {
        return;
    };
    mount.set_text_content(None);
    let build = || -> Option<()> {
        let root = document.create_element("div").ok()?;
        root.set_class_name("tsc-app");
        root.set_attribute("data-app", "").ok()?;
        root.set_attribute("data-stage", "error").ok()?;
        root.set_attribute("data-lang", "zh").ok()?;
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("tsc-notice tsc-notice--error");
        alert.set_attribute("role", "alert").ok()?;
        alert.set_attribute("data-error", "panic").ok()?;
        for lang in Lang::ALL {
            let heading = document.create_element("h1").ok()?;
            heading.set_attribute("lang", lang.html_tag()).ok()?;
            heading.set_text_content(Some(S::ErrorHeading.get(lang)));
            let text = document.create_element("p").ok()?;
            text.set_attribute("lang", lang.html_tag()).ok()?;
            text.set_text_content(Some(S::ErrorPanic.get(lang)));
            alert.append_child(&heading).ok()?;
            alert.append_child(&text).ok()?;
        }
        root.append_child(&alert).ok()?;
        mount.append_child(&root).ok()?;
        Some(())
    };
    build();
}
