//! The list of a self-check's sections beside its questions: each section's name and how far
//! it is answered, the current one marked, each a button to go there. Its own component, so an
//! answer that changes no section's status leaves it alone.

use super::on_click;
use crate::lang::Lang;
use crate::session::{Action, SectionStatus};
use crate::strings::S;
use crate::widget_state::SharedBank;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    pub bank: SharedBank,
    pub lang: Lang,
    /// The sections shown (dimension indices), in order, with their status.
    pub sections: Vec<(usize, SectionStatus)>,
    /// The position of the current section in `sections`.
    pub current: usize,
    pub on_navigate: Callback<Action>,
}

#[component]
pub fn SectionNav(props: &SectionNavProps) -> Html {
    let lang = props.lang;
    let heading = S::SectionsHeading.get(lang);
    let items = props.sections.iter().enumerate().map(|(i, &(d, status))| {
        let class = match status {
            SectionStatus::NotStarted => "tsc-status tsc-status--new",
            SectionStatus::InProgress => "tsc-status tsc-status--partial",
            SectionStatus::Done => "tsc-status tsc-status--done",
        };
        let def = &props.bank.dimensions()[d];
        html! {
            <li>
                <button type="button" class="tsc-nav-item" data-section-link={def.id.clone()}
                    aria-current={(i == props.current).then_some("step")}
                    onclick={on_click(&props.on_navigate, Action::ShowSection(def.id.clone()))}>
                    <span class="tsc-nav-name">{ def.name.get(lang) }</span>
                    <span class={class}>{ status.label().get(lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="tsc-sections" aria-label={heading}>
            <h2 class="tsc-sections-heading">{ heading }</h2>
            <ol>{ for items }</ol>
        </nav>
    }
}
