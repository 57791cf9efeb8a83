//! A native file input shown as a button (import, compare). It hands over the file the user
//! picked; the reading is done by `ui::handlers`, locally.

use crate::lang::Lang;
use crate::strings::S;
use crate::ui::files;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    pub lang: Lang,
    /// `import` or `compare` (the `data-action` of the input).
    pub action: &'static str,
    pub label: S,
    /// The file the user picked (read by the handler, locally).
    pub on_file: Callback<web_sys::File>,
}

/// A native file input, visually shown as a button.
#[component]
pub fn FileButton(props: &FileButtonProps) -> Html {
    let on_file = props.on_file.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(file) = files::take_chosen_file(&e.target_unchecked_into()) {
            on_file.emit(file);
        }
    });
    let id = format!("tsc-file-{}", props.action);
    html! {
        <span class="tsc-file">
            <input type="file" id={id.clone()} class="tsc-visually-hidden" accept=".json,application/json"
                data-action={props.action} {onchange} />
            <label for={id} class="tsc-button">{ props.label.get(props.lang) }</label>
        </span>
    }
}
