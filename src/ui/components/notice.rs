//! A message about a problem (`role=alert`, `data-error`) or an outcome (`role=status`).

use crate::lang::Lang;
use crate::strings::S;
use crate::widget_state::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeView(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let n = &props.notice;
    let dismiss = props.on_dismiss.reform(|_| ());
    // A notice is about the screen ("file loaded", "could not save"), not part of a printed report.
    let class = if n.error {
        "tsc-notice tsc-notice--error no-print"
    } else {
        "tsc-notice tsc-notice--info no-print"
    };
    let body = html! {
        <>
            <p class="tsc-notice-title">{ n.title.get(lang) }</p>
            if !n.problems.is_empty() {
                <ul class="tsc-problems">
                    { for n.problems.iter().map(|p| html! { <li>{ p.line(lang) }</li> }) }
                </ul>
            }
            <button type="button" class="tsc-link-button" onclick={dismiss}>{ S::DismissButton.get(lang) }</button>
        </>
    };
    if n.error {
        html! { <div class={class} role="alert" data-error="">{ body }</div> }
    } else {
        html! { <div class={class} role="status">{ body }</div> }
    }
}
