//! The report: a one-page summary first, then the details: red flags, the action list with
//! its plan, the improvement plan, charts and their numbers, the evidence index, comparison,
//! findings with "how this was computed", references, services, method and disclaimer.
//! It lays out the core's `Report`; it computes nothing itself.

use super::charts::{BarChart, ChartItem, RadarChart};
use super::on_click;
use super::privacy_controls::{FileButton, PrivacyControls};
use super::report_evidence::evidence_index;
use super::report_plan::{plan_follow_up, plan_section, ActionEntry};
use super::report_summary::summary;
use crate::bank::ReferenceKind;
use crate::lang::Lang;
use crate::plan::Step;
use crate::report::{self, FindingState, Report};
use crate::report_text::{band_label, reference_kind_label, signed};
use crate::session::{Action, Session};
use crate::strings::{fill, measure_label, S};
use crate::ui::embed::{self, PrintMode};
use crate::ui::handlers::EraseStep;
use crate::widget_state::SharedBank;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub bank: SharedBank,
    /// The self-check reported on (its answers, profile, plan and any compared self-check).
    pub session: Session,
    pub remember: bool,
    pub confirm_erase: bool,
    pub on_navigate: Callback<Action>,
    /// Plans the action of a question (by id) for a step.
    pub on_plan: Callback<(String, Step)>,
    /// A previous self-check picked to compare with.
    pub on_compare: Callback<web_sys::File>,
    pub on_export: Callback<()>,
    pub on_print: Callback<PrintMode>,
    pub on_remember: Callback<bool>,
    pub on_erase: Callback<EraseStep>,
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let s = &props.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let report = {
        let bank = props.bank.clone();
        use_memo(
            (
                s.profile.clone(),
                s.answers.clone(),
                s.plan.clone(),
                s.previous.clone(),
            ),
            move |(profile, answers, plan, previous)| {
                report::build(
                    &bank,
                    profile,
                    answers,
                    plan,
                    Some(&embed::today()),
                    previous.as_ref(),
                )
            },
        )
    };
    let r: &Report = &report;

    let on_print = props.on_print.reform(|_| PrintMode::Report);
    let on_print_summary = props.on_print.reform(|_| PrintMode::Summary);
    let on_export = props.on_export.reform(|_| ());
    let chart_items: Vec<ChartItem> = r
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| ChartItem {
            label: d.name.get(lang).to_string(),
            score: d.score,
            band: d.band,
            previous: r
                .comparison
                .as_ref()
                .and_then(|c| c.dimensions[i])
                .map(|(p, _)| p),
            target: d.projected,
        })
        .collect();
    let (top, rest) = r.actions.split_at(r.actions.len().min(10));

    let projected = |i: usize| r.projections.get(i);
    let mut article = html! {
        <article class="tsc-report" data-report="" data-overall={r.overall.to_string()} data-level={r.level.to_string()}>
            <header class="tsc-report-head">
                <h1 data-page-heading="" tabindex="-1">{ t(S::ReportHeading) }</h1>

            </header>

            <div class="tsc-toolbar no-print">
                <button type="button" class="tsc-button tsc-button--primary" data-action="print" onclick={on_print}>{ t(S::PrintButton) }</button>
                <button type="button" class="tsc-button" data-action="print-summary" onclick={on_print_summary}>{ t(S::PrintSummaryButton) }</button>
                <button type="button" class="tsc-button" data-action="export" onclick={on_export}>{ t(S::ExportButton) }</button>
                <FileButton lang={lang} action="compare" label={S::CompareLabel} on_file={props.on_compare.clone()} />
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.on_navigate, Action::Review)}>{ t(S::BackToQuestions) }</button>
            </div>

            { summary(r, lang, &chart_items) }

            <div class="tsc-report-detail">
            <h2 class="tsc-detail-heading">{ t(S::DetailHeading) }</h2>
            <section class="tsc-red-flags" aria-labelledby="tsc-rf-heading">
                <h2 id="tsc-rf-heading">{ t(S::RedFlagsHeading) }</h2>
                if r.red_flags.is_empty() {
                    <p class="tsc-ok">{ t(S::NoRedFlags) }</p>
                } else {
                    <p>{ t(S::RedFlagsLead) }</p>
                    <ul class="tsc-flag-list">
                        { for r.red_flags.iter().map(|f| html! {
                            <li class="tsc-flag keep" data-red-flag={f.question_id.clone()}>
                                <p class="tsc-flag-title"><strong>{ f.text.get(lang) }</strong>{ if f.unanswered { t(S::UnansweredFlag) } else { "" } }</p>
                                <p class="tsc-flag-meta">{ f.dimension.get(lang) }{ " · " }{ measure_label(lang, f.measure) }</p>
                                <p>{ f.recommendation.get(lang) }</p>
                                if !f.basis.is_empty() {
                                    <p class="tsc-refs">{ format!("{}{}{}", t(S::LegalBasis), t(S::Colon), f.basis.iter().map(|b| b.get(lang)).collect::<Vec<_>>().join(t(S::ListSeparator))) }</p>
                                }
                            </li>
                        }) }
                    </ul>
                }
            </section>

            <section class="tsc-actions-plan" aria-labelledby="tsc-actions-heading">
                <h2 id="tsc-actions-heading">{ t(S::ActionsHeading) }</h2>
                if r.actions.is_empty() {
                    <p class="tsc-ok">{ t(S::NoActions) }</p>
                } else {
                    <p>{ t(S::ActionsLead) }</p>
                    <h3>{ t(S::ActionsTop) }</h3>
                    <ol class="tsc-action-list">{ for top.iter().map(|a| html! {
                        <ActionEntry key={a.question_id.clone()} action={a.clone()} lang={lang} with_references={true} on_plan={props.on_plan.clone()} />
                    }) }</ol>
                    if !rest.is_empty() {
                        <h3>{ fill(t(S::ActionsRest), &[("n", &rest.len())]) }</h3>
                        <ol class="tsc-action-list" start="11">{ for rest.iter().map(|a| html! {
                            <ActionEntry key={a.question_id.clone()} action={a.clone()} lang={lang} with_references={false} on_plan={props.on_plan.clone()} />
                        }) }</ol>
                    }
                }
            </section>

            { plan_section(r, lang) }

            <section class="tsc-dimensions" aria-labelledby="tsc-dims-heading">
                <h2 id="tsc-dims-heading">{ t(S::DimensionsHeading) }</h2>
                <div class="tsc-charts">
                    <div class="tsc-wide-only"><BarChart lang={lang} items={chart_items.clone()} /></div>
                    <div class="tsc-narrow-only"><BarChart lang={lang} items={chart_items.clone()} compact={true} /></div>
                    <div class="tsc-wide-only"><RadarChart lang={lang} items={chart_items.clone()} /></div>
                </div>
                <table class="tsc-table tsc-stack keep">
                    <thead><tr>
                        <th scope="col">{ t(S::ColDimension) }</th>
                        <th scope="col">{ t(S::ColScore) }</th>
                        <th scope="col">{ t(S::ColWeight) }</th>
                        <th scope="col">{ t(S::ColProjected) }</th>
                        if r.comparison.is_some() {
                            <th scope="col">{ t(S::ColPrevious) }</th>
                            <th scope="col">{ t(S::ColChange) }</th>
                        }
                    </tr></thead>
                    <tbody>
                        { for r.dimensions.iter().enumerate().map(|(i, d)| {
                            let delta = r.comparison.as_ref().and_then(|c| c.dimensions[i]);
                            let score = d.score.map_or_else(|| t(S::ChartNoScore).to_string(), |s| format!("{s} · {}", t(band_label(d.band.unwrap_or(crate::score::Band::High)))));
                            let row = html! {
                                <>
                                    <th scope="row" data-label={t(S::ColDimension)}>{ d.name.get(lang) }</th>
                                    <td class="tsc-num" data-label={t(S::ColScore)}>{ score }</td>
                                    <td class="tsc-num" data-label={t(S::ColWeight)}>{ crate::number::decimal(d.weight) }</td>
                                    <td class="tsc-num" data-label={t(S::ColProjected)}>{ d.projected.map_or_else(|| "—".to_string(), |p| p.to_string()) }</td>
                                    if r.comparison.is_some() {
                                        <td class="tsc-num" data-label={t(S::ColPrevious)}>{ delta.map_or_else(|| "—".to_string(), |(p, _)| p.to_string()) }</td>
                                        <td class="tsc-num" data-label={t(S::ColChange)}>{ delta.map_or_else(|| "—".to_string(), |(_, dd)| signed(dd)) }</td>
                                    }
                                </>
                            };
                            match (d.score, delta) {
                                (Some(sc), Some((_, dd))) => html! { <tr data-dimension-id={d.id.clone()} data-score={sc.to_string()} data-delta={dd.to_string()}>{ row }</tr> },
                                (Some(sc), None) => html! { <tr data-dimension-id={d.id.clone()} data-score={sc.to_string()}>{ row }</tr> },
                                (None, _) => html! { <tr>{ row }</tr> },
                            }
                        }) }
                    </tbody>
                </table>
            </section>

            { evidence_index(&r.evidence, lang) }

            if let Some(c) = &r.comparison {
                <section class="tsc-comparison keep" aria-labelledby="tsc-cmp-heading">
                    <h2 id="tsc-cmp-heading">{ t(S::ComparisonHeading) }</h2>
                    <p>{ fill(t(S::ComparisonLead), &[("date", &c.previous_date.clone().unwrap_or_else(|| t(S::ComparisonUndated).to_string())), ("score", &c.previous_overall), ("level", &c.previous_level)]) }</p>
                    <p data-overall-delta={c.overall_delta.to_string()}><strong>{ fill(t(S::OverallChange), &[("delta", &signed(c.overall_delta))]) }</strong></p>
                    <h3>{ t(S::ImprovedHeading) }</h3>
                    { change_list(&c.improved, lang, "improved") }
                    <h3>{ t(S::RegressedHeading) }</h3>
                    { change_list(&c.regressed, lang, "regressed") }
                    if c.ignored > 0 { <p>{ fill(t(S::ComparisonIgnored), &[("n", &c.ignored)]) }</p> }
                    if let Some(f) = &c.plan_follow_up { { plan_follow_up(f, lang) } }
                </section>
            }

            <section class="tsc-findings" aria-labelledby="tsc-findings-heading">
                <h2 id="tsc-findings-heading">{ t(S::FindingsHeading) }</h2>
                { for r.dimensions.iter().map(|d| html! {
                    <section class="tsc-finding">
                        <h3>{ d.name.get(lang) }{ " — " }{ d.score.map_or_else(|| t(S::ChartNoScore).to_string(), |s| s.to_string()) }
                            if let Some(b) = d.band { <span class={format!("tsc-band tsc-band--{}", band_key(b))}>{ t(band_label(b)) }</span> }
                        </h3>
                        <p>{ d.description.get(lang) }</p>
                        if let Some(summary) = &d.summary { <p>{ summary.get(lang) }</p> }
                        <p class="tsc-hint">{ fill(t(S::DimensionCompleteness), &[("answered", &d.answered), ("total", &d.visible), ("na", &d.not_applicable)]) }</p>
                        <details class="tsc-how">
                            <summary>{ t(S::HowComputed) }</summary>
                            <p>{ t(S::HowComputedLead) }</p>
                            <table class="tsc-table tsc-stack">
                                <thead><tr>
                                    <th scope="col">{ t(S::ColQuestion) }</th>
                                    <th scope="col">{ t(S::ColAnswer) }</th>
                                    <th scope="col">{ t(S::ColWeight) }</th>
                                    <th scope="col">{ t(S::ColScore) }</th>
                                </tr></thead>
                                <tbody>
                                    { for d.findings.iter().map(|f| html! {
                                        <tr class={if f.red_flag { "tsc-row-flag" } else { "" }}>
                                            <th scope="row" data-label={t(S::ColQuestion)}>{ f.text.get(lang) }</th>
                                            <td data-label={t(S::ColAnswer)}>{ answer_text(f, lang) }</td>
                                            <td class="tsc-num" data-label={t(S::ColWeight)}>{ crate::number::decimal(f.weight) }</td>
                                            <td class="tsc-num" data-label={t(S::ColScore)}>{ match f.state {
                                                FindingState::Scored(s) => s.to_string(),
                                                FindingState::NotApplicable => t(S::NotApplicableShort).to_string(),
                                                FindingState::Unanswered => t(S::NotAnswered).to_string(),
                                            } }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </details>
                    </section>
                }) }
            </section>

            <section class="tsc-references" aria-labelledby="tsc-references-heading">
                <h2 id="tsc-references-heading">{ t(S::ReferencesHeading) }</h2>
                { for [ReferenceKind::Law, ReferenceKind::Standard, ReferenceKind::Guideline, ReferenceKind::Case].into_iter().map(|kind| {
                    let items: Vec<&str> = r.references.iter().filter(|(k, _)| *k == kind).map(|(_, text)| text.get(lang)).collect();
                    if items.is_empty() {
                        return html! {};
                    }
                    html! {
                        <>
                            <h3>{ t(reference_kind_label(kind)) }</h3>
                            <ul class="tsc-reference-list">{ for items.into_iter().map(|text| html! { <li>{ text }</li> }) }</ul>
                        </>
                    }
                }) }
            </section>

            <section class="tsc-services keep" aria-labelledby="tsc-services-heading">
                <h2 id="tsc-services-heading">{ t(S::ServicesHeading) }</h2>
                <ul>{ for r.services.iter().map(|(name, desc)| html! { <li><strong>{ name.get(lang) }</strong>{ t(S::Colon) }{ desc.get(lang) }</li> }) }</ul>
            </section>

            <section class="tsc-method keep" aria-labelledby="tsc-method-heading">
                <h2 id="tsc-method-heading">{ t(S::MethodologyHeading) }</h2>
                <p>{ t(S::MethodologyBody) }</p>
                <p>{ t(S::MethodologyLevels) }</p>
                <ul>{ for r.levels.iter().map(|(level, min, name)| html! {
                    <li>{ fill(t(S::MethodologyLevel), &[("level", level), ("name", &name.get(lang)), ("min", min)]) }</li>
                }) }</ul>
                <p>{ fill(t(S::MethodologyCap), &[("cap", &r.red_flag_level_cap)]) }</p>
                <p>{ fill(t(S::MethodologyPlan), &[("n", &crate::plan::DEFAULT_12M_ACTIONS)]) }</p>
            </section>

            <section class="tsc-disclaimer keep" aria-labelledby="tsc-disclaimer-heading">
                <h2 id="tsc-disclaimer-heading">{ t(S::DisclaimerHeading) }</h2>
                <p>{ r.disclaimer.get(lang) }</p>
            </section>
            </div>

            <PrivacyControls lang={lang} remember={props.remember} confirm_erase={props.confirm_erase} on_remember={props.on_remember.clone()} on_erase={props.on_erase.clone()} />
        </article>
    };
    // `html!` cannot spell attribute names with a part that starts with a digit.
    if let Html::VTag(tag) = &mut article {
        for (name, value) in [
            ("data-projected-3m", projected(0).map(|p| p.overall)),
            ("data-projected-12m", projected(1).map(|p| p.overall)),
            ("data-projected-level-3m", projected(0).map(|p| p.level)),
            ("data-projected-level-12m", projected(1).map(|p| p.level)),
        ] {
            if let Some(value) = value {
                std::rc::Rc::make_mut(tag).add_attribute(name, value.to_string());
            }
        }
    }
    article
}

fn band_key(band: crate::score::Band) -> &'static str {
    match band {
        crate::score::Band::High => "high",
        crate::score::Band::Medium => "medium",
        crate::score::Band::Low => "low",
    }
}

fn answer_text(f: &crate::report::Finding, lang: Lang) -> String {
    match f.state {
        // The score column already says "not answered" or "not applicable".
        FindingState::Unanswered | FindingState::NotApplicable => "—".to_string(),
        FindingState::Scored(_) if f.answer.is_empty() => S::NothingTicked.get(lang).to_string(),
        FindingState::Scored(_) => f
            .answer
            .iter()
            .map(|a| a.get(lang))
            .collect::<Vec<_>>()
            .join(S::ListSeparator.get(lang)),
    }
}

fn change_list(items: &[(String, crate::lang::Text)], lang: Lang, kind: &'static str) -> Html {
    if items.is_empty() {
        return html! { <p>{ S::NoChanges.get(lang) }</p> };
    }
    html! {
        <ul>{ for items.iter().map(|(id, text)| html! { <li data-change={kind} data-question={id.clone()}>{ text.get(lang) }</li> }) }</ul>
    }
}
