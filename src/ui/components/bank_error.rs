//! The screen shown when the question bank cannot be used: every problem, never a blank page.

use crate::lang::Lang;
use crate::problem::Problem;
use crate::strings::S;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BankErrorProps {
    pub lang: Lang,
    pub problems: Vec<Problem>,
}

#[component]
pub fn BankError(props: &BankErrorProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="tsc-app" data-app="" data-stage="error" data-lang={lang.code()} lang={lang.html_tag()}>
            <main class="tsc-main">
                <div class="tsc-notice tsc-notice--error" role="alert" data-error="bank">
                    // Both languages: the person who reads this may be either the visitor or the site's editor.
                    { for Lang::ALL.iter().map(|l| html! {
                        <>
                            <h1 lang={l.html_tag()}>{ S::ErrorHeading.get(*l) }</h1>
                            <p lang={l.html_tag()}>{ S::BankBroken.get(*l) }</p>
                        </>
                    }) }
                    <ul class="tsc-problems">
                        { for props.problems.iter().map(|p| html! { <li>{ p.line(lang) }</li> }) }
                    </ul>
                </div>
            </main>
        </div>
    }
}
