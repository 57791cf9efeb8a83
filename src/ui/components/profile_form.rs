//! The enterprise profile: industry, size, stage, cross-border, partners, AI models and an
//! optional name.
//! Every change takes effect at once (it switches modules on and off).

use super::on_click;
use crate::lang::Lang;
use crate::profile::{Industry, Profile, Size, Stage};
use crate::session::Action;
use crate::strings::S;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    pub lang: Lang,
    pub profile: Profile,
    pub on_profile: Callback<Profile>,
    pub on_navigate: Callback<Action>,
}

#[component]
pub fn ProfileForm(props: &ProfileFormProps) -> Html {
    let lang = props.lang;
    let t = |k: S| k.get(lang);
    let profile = props.profile.clone();
    // Every field edits a copy of the profile and sends it whole.
    let update = |edit: fn(&mut Profile, String)| {
        let on_profile = props.on_profile.clone();
        let profile = profile.clone();
        move |value: String| {
            let mut next = profile.clone();
            edit(&mut next, value);
            on_profile.emit(next);
        }
    };
    let set_industry = update(|p, v| p.industry = Industry::from_code(&v).unwrap_or(p.industry));
    let set_size = update(|p, v| p.size = Size::from_code(&v));
    let set_stage = update(|p, v| p.stage = Stage::from_code(&v));
    let set_cross = update(|p, v| p.cross_border = v == "true");
    let set_partners = update(|p, v| p.partners = v == "true");
    let set_ai_models = update(|p, v| p.ai_models = v == "true");
    let set_name = update(|p, v| p.org_name = v);

    let onsubmit = props.on_navigate.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::BeginQuestions
    });
    let select_value = |e: Event| e.target_unchecked_into::<HtmlSelectElement>().value();
    let checked = |e: Event| {
        e.target_unchecked_into::<HtmlInputElement>()
            .checked()
            .to_string()
    };

    html! {
        <form class="tsc-profile" {onsubmit} novalidate=true>
            <h1 data-page-heading="" tabindex="-1">{ t(S::ProfileHeading) }</h1>
            <p class="tsc-lead">{ t(S::ProfileLead) }</p>

            <fieldset class="tsc-field" data-profile="industry">
                <legend>{ t(S::IndustryLabel) }</legend>
                { for Industry::ALL.iter().map(|industry| {
                    let set = set_industry.clone();
                    let code = industry.code();
                    let id = format!("tsc-industry-{code}");
                    html! {
                        <div class="tsc-option">
                            <input type="radio" name="tsc-industry" id={id.clone()} value={code}
                                checked={profile.industry == *industry}
                                onchange={Callback::from(move |_| set(code.to_string()))} />
                            <label for={id}>{ industry.label(lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>

            <div class="tsc-field">
                <label for="tsc-size">{ t(S::SizeLabel) }</label>
                <select id="tsc-size" data-profile="size"
                    onchange={Callback::from(move |e: Event| set_size(select_value(e)))}>
                    <option value="" selected={profile.size.is_none()}>{ t(S::NotSaying) }</option>
                    { for Size::ALL.iter().map(|s| html! {
                        <option value={s.code()} selected={profile.size == Some(*s)}>{ s.label(lang) }</option>
                    }) }
                </select>
            </div>

            <div class="tsc-field">
                <label for="tsc-stage">{ t(S::StageLabel) }</label>
                <select id="tsc-stage" data-profile="stage"
                    onchange={Callback::from(move |e: Event| set_stage(select_value(e)))}>
                    <option value="" selected={profile.stage.is_none()}>{ t(S::NotSaying) }</option>
                    { for Stage::ALL.iter().map(|s| html! {
                        <option value={s.code()} selected={profile.stage == Some(*s)}>{ s.label(lang) }</option>
                    }) }
                </select>
            </div>

            <div class="tsc-field tsc-check">
                <input type="checkbox" id="tsc-cross-border" data-profile="cross-border" checked={profile.cross_border}
                    aria-describedby="tsc-cross-border-hint"
                    onchange={Callback::from(move |e: Event| set_cross(checked(e)))} />
                <label for="tsc-cross-border">{ t(S::CrossBorderLabel) }</label>
                <p class="tsc-hint" id="tsc-cross-border-hint">{ t(S::CrossBorderHint) }</p>
            </div>

            <div class="tsc-field tsc-check">
                <input type="checkbox" id="tsc-partners" data-profile="partners" checked={profile.partners}
                    aria-describedby="tsc-partners-hint"
                    onchange={Callback::from(move |e: Event| set_partners(checked(e)))} />
                <label for="tsc-partners">{ t(S::PartnersLabel) }</label>
                <p class="tsc-hint" id="tsc-partners-hint">{ t(S::PartnersHint) }</p>
            </div>

            <div class="tsc-field tsc-check">
                <input type="checkbox" id="tsc-ai-models" data-profile="ai-models" checked={profile.ai_models}
                    aria-describedby="tsc-ai-models-hint"
                    onchange={Callback::from(move |e: Event| set_ai_models(checked(e)))} />
                <label for="tsc-ai-models">{ t(S::AiModelsLabel) }</label>
                <p class="tsc-hint" id="tsc-ai-models-hint">{ t(S::AiModelsHint) }</p>
            </div>

            <div class="tsc-field">
                <label for="tsc-org-name">{ t(S::OrgNameLabel) }</label>
                <p class="tsc-hint" id="tsc-org-name-hint">{ t(S::OrgNameHint) }</p>
                <input type="text" id="tsc-org-name" data-profile="org-name" autocomplete="organization"
                    maxlength="100" value={profile.org_name.clone()} aria-describedby="tsc-org-name-hint"
                    oninput={Callback::from(move |e: InputEvent| set_name(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>

            <div class="tsc-nav-buttons">
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.on_navigate, Action::Home)}>
                    { t(S::BackButton) }
                </button>
                <button type="submit" class="tsc-button tsc-button--primary" data-action="next">{ t(S::ContinueButton) }</button>
            </div>
        </form>
    }
}
