//! The report: score and level, red flags, the action plan, charts and their numbers,
//! findings with "how this was computed", comparison, services, method and disclaimer.
//! It lays out the core's `Report`; it computes nothing itself.

use super::charts::{BarChart, ChartItem, RadarChart};
use super::privacy_controls::{file_action, FileButton, PrivacyControls};
use super::{export_answers, on_click, StageProps};
use crate::bank::ReferenceKind;
use crate::lang::Lang;
use crate::report::{self, ActionItem, FindingState, Report};
use crate::report_text::{band_label, reference_kind_label, signed};
use crate::session::Action;
use crate::strings::{fill, measure_label, S};
use crate::ui::embed;
use crate::ui::state::UiAction;
use yew::prelude::*;

#[component]
pub fn ReportPage(props: &StageProps) -> Html {
    let state = &props.state;
    let s = &state.session;
    let lang = s.lang;
    let t = |k: S| k.get(lang);
    let report = {
        let bank = state.bank.clone();
        use_memo(
            (s.profile.clone(), s.answers.clone(), s.previous.clone()),
            move |(profile, answers, previous)| {
                report::build(
                    &bank,
                    profile,
                    answers,
                    Some(&embed::today()),
                    previous.as_ref(),
                )
            },
        )
    };
    let r: &Report = &report;

    let on_print = Callback::from(|_| embed::print());
    let on_export = export_answers(&props.state, &props.dispatch);
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
        })
        .collect();
    let (top, rest) = r.actions.split_at(r.actions.len().min(10));

    html! {
        <article class="tsc-report" data-report="" data-overall={r.overall.to_string()} data-level={r.level.to_string()}>
            <header class="tsc-report-head">
                <h1 data-page-heading="" tabindex="-1">{ t(S::ReportHeading) }</h1>
                <p class="tsc-report-meta">
                    if let Some(name) = &r.org_name {
                        <span class="tsc-org">{ fill(t(S::ReportFor), &[("name", name)]) }</span>
                    }
                    if let Some(date) = &r.date { <span>{ fill(t(S::ReportDate), &[("date", date)]) }</span> }
                    <span>{ fill(t(S::ReportBank), &[("version", &r.bank_version)]) }</span>
                </p>
            </header>

            <div class="tsc-toolbar no-print">
                <button type="button" class="tsc-button tsc-button--primary" data-action="print" onclick={on_print}>{ t(S::PrintButton) }</button>
                <button type="button" class="tsc-button" data-action="export" onclick={on_export}>{ t(S::ExportButton) }</button>
                <FileButton lang={lang} action="compare" label={S::CompareLabel} on_bytes={file_action(UiAction::CompareFile, &props.dispatch)} />
                <button type="button" class="tsc-button" data-action="prev" onclick={on_click(&props.dispatch, Action::Review)}>{ t(S::BackToQuestions) }</button>
            </div>

            <section class="tsc-scorecard keep">
                <div class="tsc-score">
                    <p class="tsc-score-label">{ t(S::OverallScore) }</p>
                    <p class="tsc-score-value"><span class="tsc-big">{ r.overall }</span><span class="tsc-of">{ format!(" / 100") }</span></p>
                </div>
                <div class="tsc-level">
                    <p class="tsc-score-label">{ t(S::LevelLabel) }</p>
                    <p class="tsc-level-value">{ fill(t(S::LevelOf), &[("level", &r.level)]) }{ " · " }<strong>{ r.level_name.get(lang) }</strong></p>
                    <p>{ r.level_description.get(lang) }</p>
                    if let Some((from, name)) = &r.capped_from {
                        <p class="tsc-capped">{ fill(t(S::LevelCapped), &[("from", from), ("name", &name.get(lang)), ("cap", &r.red_flag_level_cap)]) }</p>
                    }
                </div>
                <p class="tsc-completeness">{ fill(t(S::CompletenessLine), &[("answered", &r.answered), ("total", &r.visible), ("percent", &r.completeness)]) }</p>
                if r.completeness < 100 { <p class="tsc-warning">{ t(S::IncompleteWarning) }</p> }
            </section>

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
                    <ol class="tsc-action-list">{ for top.iter().map(|a| action_item(a, lang, true)) }</ol>
                    if !rest.is_empty() {
                        <h3>{ fill(t(S::ActionsRest), &[("n", &rest.len())]) }</h3>
                        <ol class="tsc-action-list" start="11">{ for rest.iter().map(|a| action_item(a, lang, false)) }</ol>
                    }
                }
            </section>

            <section class="tsc-dimensions" aria-labelledby="tsc-dims-heading">
                <h2 id="tsc-dims-heading">{ t(S::DimensionsHeading) }</h2>
                <div class="tsc-charts">
                    <BarChart lang={lang} items={chart_items.clone()} />
                    <RadarChart lang={lang} items={chart_items} />
                </div>
                <table class="tsc-table keep">
                    <thead><tr>
                        <th scope="col">{ t(S::ColDimension) }</th>
                        <th scope="col">{ t(S::ColScore) }</th>
                        <th scope="col">{ t(S::ColWeight) }</th>
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
                                    <th scope="row">{ d.name.get(lang) }</th>
                                    <td class="tsc-num">{ score }</td>
                                    <td class="tsc-num">{ crate::number::decimal(d.weight) }</td>
                                    if r.comparison.is_some() {
                                        <td class="tsc-num">{ delta.map_or_else(|| "—".to_string(), |(p, _)| p.to_string()) }</td>
                                        <td class="tsc-num">{ delta.map_or_else(|| "—".to_string(), |(_, dd)| signed(dd)) }</td>
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
                            <table class="tsc-table">
                                <thead><tr>
                                    <th scope="col">{ t(S::ColQuestion) }</th>
                                    <th scope="col">{ t(S::ColAnswer) }</th>
                                    <th scope="col">{ t(S::ColWeight) }</th>
                                    <th scope="col">{ t(S::ColScore) }</th>
                                </tr></thead>
                                <tbody>
                                    { for d.findings.iter().map(|f| html! {
                                        <tr class={if f.red_flag { "tsc-row-flag" } else { "" }}>
                                            <th scope="row">{ f.text.get(lang) }</th>
                                            <td>{ answer_text(f, lang) }</td>
                                            <td class="tsc-num">{ crate::number::decimal(f.weight) }</td>
                                            <td class="tsc-num">{ match f.state {
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
            </section>

            <section class="tsc-disclaimer keep" aria-labelledby="tsc-disclaimer-heading">
                <h2 id="tsc-disclaimer-heading">{ t(S::DisclaimerHeading) }</h2>
                <p>{ r.disclaimer.get(lang) }</p>
                <p class="tsc-privacy-note" data-privacy-notice="">{ t(S::PrivacyReportNote) }</p>
            </section>

            <PrivacyControls lang={lang} remember={state.remember} confirm_erase={state.confirm_erase} dispatch={props.dispatch.clone()} />
        </article>
    }
}

fn band_key(band: crate::score::Band) -> &'static str {
    match band {
        crate::score::Band::High => "high",
        crate::score::Band::Medium => "medium",
        crate::score::Band::Low => "low",
    }
}

/// One action. The top ten carry their references; the rest stay short, so the printed plan
/// stays readable (every reference is still in the findings and on the question).
fn action_item(a: &ActionItem, lang: Lang, with_references: bool) -> Html {
    let t = |k: S| k.get(lang);
    html! {
        <li class={if a.red_flag { "tsc-action keep tsc-action--flag" } else { "tsc-action keep" }} data-action-item={a.question_id.clone()}>
            <p class="tsc-action-what">{ a.recommendation.get(lang) }</p>
            <p class="tsc-action-meta">
                { a.dimension.get(lang) }{ " · " }{ a.text.get(lang) }
                if let Some(score) = a.current { { " · " }{ fill(t(S::CurrentScore), &[("score", &score)]) } }
            </p>
            if with_references && !a.references.is_empty() {
                <p class="tsc-refs">{ format!("{}{}{}", t(S::ReferencesLabel), t(S::Colon), a.references.iter().map(|r| r.get(lang)).collect::<Vec<_>>().join(t(S::ListSeparator))) }</p>
            }
        </li>
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
