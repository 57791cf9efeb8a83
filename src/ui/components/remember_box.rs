//! The "keep my progress on this device" checkbox, shared by the privacy controls and the
//! "keep your progress" box of the question pages.

use crate::lang::Lang;
use crate::strings::S;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The "keep my progress on this device" checkbox with its warning about shared computers.
pub(super) fn remember_box(lang: Lang, remember: bool, on_remember: &Callback<bool>) -> Html {
    let onchange =
        on_remember.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <div class="tsc-check">
            <input type="checkbox" id="tsc-remember" data-action="remember" checked={remember}
                aria-describedby="tsc-remember-hint" {onchange} />
            <label for="tsc-remember">{ S::RememberLabel.get(lang) }</label>
            <p class="tsc-hint" id="tsc-remember-hint">{ S::RememberHint.get(lang) }</p>
        </div>
    }
}
