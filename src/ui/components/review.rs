//! Check your answers: the profile, every section with its status and a way back to it,
//! what is still unanswered, then finish.

use super::keep_progress::KeepProgress;
use super::on_click;
use crate::score::QuestionState;
use crate::session::{Action, Session};
use crate::strings::{fill, S};
use crate::widget_state::SharedBank;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub bank: SharedBank,
    /// The self-check: this page shows its language, answers and section; nothing else of it
    /// can change while the page is shown.
    pub session: Rc<Session>,
    pub remember: bool,
    pub on_navigate: Callback<Action>,
    pub on_remember: Callback<bool>,
    pub on_export: Callback<()>,
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let bank = &props.bank;
    let s = &props.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let progress = s.progress(bank);
    let crate::session::Progress {
        scores, sections, ..
    } = &progress;
    let unanswered_total = scores
        .questions
        .iter()
        .filter(|q| **q == QuestionState::Unanswered)
        .count();
    let back = sections
        .last()
        .map(|&d| Action::ShowSection(bank.dimensions()[d].id.clone()))
        .unwrap_or(Action::EditProfile);
    let groups = sections.iter().filter_map(|&d| {
        let missing: Vec<usize> = progress.unanswered_in(bank, d).collect();
        if missing.is_empty() {
            return None;
        }
        let def = &bank.dimensions()[d];
        Some(html! {
            <li class="tsc-review-group">
                <h2>{ def.name.get(lang) }</h2>
                <ul>
                    { for missing.iter().map(|&i| {
                        let q = &bank.questions()[i];
                        html! {
                            <li data-unanswered-question={q.id.clone()}>
                                <span>{ q.text.get(lang) }</span>
                                if q.critical.is_some() { <span class="tsc-badge">{ t(S::CriticalBadge) }</span> }
                                { " " }
                                <button type="button" class="tsc-link-button"
                                    onclick={on_click(&props.on_navigate, Action::ShowSection(def.id.clone()))}>
                                    { t(S::ReviewGoTo) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </li>
        })
    });
    let profile = &s.profile;
    let yes_no = |b: bool| if b { t(S::Yes) } else { t(S::No) };
    let mut profile_rows = vec![(
        t(S::IndustryLabel),
        profile.industry.label(lang).to_string(),
    )];
    if let Some(size) = profile.size {
        profile_rows.push((t(S::SizeLabel), size.label(lang).to_string()));
    }
    if let Some(stage) = profile.stage {
        profile_rows.push((t(S::StageLabel), stage.label(lang).to_string()));
    }
    profile_rows.push((
        t(S::CrossBorderShort),
        yes_no(profile.cross_border).to_string(),
    ));
    profile_rows.push((t(S::PartnersShort), yes_no(profile.partners).to_string()));
    profile_rows.push((t(S::AiModelsShort), yes_no(profile.ai_models).to_string()));
    if !profile.org_name.trim().is_empty() {
        profile_rows.push((t(S::OrgNameShort), profile.org_name.trim().to_string()));
    }
    let section_rows = sections.iter().map(|&d| {
        let def = &bank.dimensions()[d];
        let ds = &scores.dimensions[d];
        let status = progress.section_status(d).label();
        html! {
            <tr data-review-section={def.id.clone()}>
                <th scope="row">{ def.name.get(lang) }</th>
                <td class="tsc-num">{ format!("{} / {}", ds.answered, ds.visible) }</td>
                <td>{ t(status) }</td>
                <td>
                    <button type="button" class="tsc-link-button"
                        onclick={on_click(&props.on_navigate, Action::ShowSection(def.id.clone()))}>
                        { t(S::ChangeLink) }
                        <span class="tsc-visually-hidden">{ format!(" {}", def.name.get(lang)) }</span>
                    </button>
                </td>
            </tr>
        }
    });
    html! {
        <section class="tsc-review" aria-labelledby="tsc-review-heading">
            <h1 id="tsc-review-heading" data-page-heading="" tabindex="-1">{ t(S::ReviewHeading) }</h1>
            <p class="tsc-lead">{ fill(t(S::CompletenessLine), &[("answered", &scores.answered()), ("total", &scores.visible()), ("percent", &scores.completeness())]) }</p>
            if unanswered_total == 0 {
                <p class="tsc-ok">{ t(S::ReviewAllAnswered) }</p>
            } else {
                <p>{ fill(t(S::ReviewUnanswered), &[("n", &unanswered_total)]) }</p>
                <ul class="tsc-review-list">{ for groups }</ul>
            }
            <h2>{ t(S::ProfileHeading) }</h2>
            <dl class="tsc-summary">
                { for profile_rows.into_iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
            </dl>
            <p>
                <button type="button" class="tsc-link-button" onclick={on_click(&props.on_navigate, Action::EditProfile)}>
                    { t(S::EditProfile) }
                </button>
            </p>
            <h2>{ t(S::ReviewSectionsHeading) }</h2>
            <table class="tsc-table">
                <thead><tr>
                    <th scope="col">{ t(S::ColSection) }</th>
                    <th scope="col">{ t(S::ColAnswered) }</th>
                    <th scope="col">{ t(S::ColStatus) }</th>
                    <th scope="col"><span class="tsc-visually-hidden">{ t(S::ChangeLink) }</span></th>
                </tr></thead>
                <tbody>{ for section_rows }</tbody>
            </table>
            <KeepProgress lang={lang} remember={props.remember} on_remember={props.on_remember.clone()} on_export={props.on_export.clone()} />
            <div class="tsc-nav-buttons">
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.on_navigate, back)}>
                    { t(S::BackButton) }
                </button>
                <button type="button" class="tsc-button tsc-button--primary" data-action="finish" onclick={on_click(&props.on_navigate, Action::Finish)}>
                    { t(S::FinishButton) }
                </button>
            </div>
        </section>
    }
}
