//! The top bar: the product name and the language switch, on every stage.

use crate::lang::Lang;
use crate::strings::S;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub title: AttrValue,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let button = |target: Lang, action: &'static str, label: S, hint: S| {
        let pressed = if props.lang == target {
            "true"
        } else {
            "false"
        };
        html! {
            <button type="button" class="tsc-lang" data-action={action} lang={target.html_tag()}
                aria-pressed={pressed} title={hint.get(target)}
                onclick={props.on_lang.reform(move |_| target)}>
                { label.get(target) }
            </button>
        }
    };
    html! {
        <header class="tsc-header">
            <p class="tsc-brand">{ props.title.clone() }</p>
            <div class="tsc-lang-switch" role="group" aria-label={format!("{} / {}", S::LangSwitch.get(Lang::Zh), S::LangSwitch.get(Lang::En))}>
                { button(Lang::Zh, "lang-zh", S::LangZh, S::SwitchToZh) }
                { button(Lang::En, "lang-en", S::LangEn, S::SwitchToEn) }
            </div>
        </header>
    }
}
