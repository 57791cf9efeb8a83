//! The report's charts, drawn as inline SVG by the widget (no chart library, nothing
//! downloaded). Every number also appears as text in the table beside them, and colour is
//! never the only carrier of meaning: each bar has its value written next to it.

use crate::lang::Lang;
use crate::number::decimal;
use crate::report_vocab::score_or_none;
use crate::score::Band;
use crate::strings::S;
use yew::prelude::*;

/// One dimension in a chart.
#[derive(Clone, PartialEq)]
pub struct ChartItem {
    pub label: String,
    /// `None` when nothing counted.
    pub scored: Option<ChartScore>,
    /// The score the improvement plan reaches (drawn on the radar when it differs).
    pub target: Option<u8>,
}

/// A dimension's score as a chart draws it.
#[derive(Clone, PartialEq)]
pub struct ChartScore {
    pub score: u8,
    pub band: Band,
    /// The compared self-check's score (a marker on the bar, a polygon on the radar).
    pub previous: Option<u8>,
}

impl ChartItem {
    fn score(&self) -> Option<u8> {
        self.scored.as_ref().map(|s| s.score)
    }

    fn previous(&self) -> Option<u8> {
        self.scored.as_ref().and_then(|s| s.previous)
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub lang: Lang,
    pub items: Vec<ChartItem>,
    /// Makes the caption's id unique when a chart appears twice (summary and details).
    #[prop_or("tsc")]
    pub id: &'static str,
    /// A phone's layout: each label above its bar, drawn at about its printed size at 320 px.
    #[prop_or(false)]
    pub compact: bool,
}

fn band_class(item: &ChartItem) -> &'static str {
    match item.scored.as_ref().map(|s| s.band) {
        Some(Band::High) => "tsc-bar tsc-bar--high",
        Some(Band::Medium) => "tsc-bar tsc-bar--medium",
        Some(Band::Low) => "tsc-bar tsc-bar--low",
        None => "tsc-bar",
    }
}

/// An SVG coordinate, to a tenth of a pixel (without the standard library's float printer).
fn coord(x: f64) -> String {
    decimal((x * 10.0).round() / 10.0)
}

const BAR_LABEL_W: f64 = 230.0;
const BAR_W: f64 = 330.0;
const ROW_H: f64 = 26.0;

/// The bars in a phone's width: the label above each bar, so the text keeps its size.
fn compact_bars(props: &ChartProps) -> Html {
    const W: f64 = 320.0;
    const BAR: f64 = 262.0;
    const ROW: f64 = 40.0;
    let lang = props.lang;
    let height = ROW * props.items.len() as f64 + 4.0;
    let rows = props.items.iter().enumerate().map(|(i, item)| {
        let y = ROW * i as f64;
        let w = BAR * f64::from(item.score().unwrap_or(0)) / 100.0;
        let value = score_or_none(item.score(), lang);
        html! {
            <g>
                <text class="tsc-label" x="0" y={coord(y + 14.0)}>{ item.label.clone() }</text>
                <rect class="tsc-track" x="0" y={coord(y + 20.0)} width={coord(BAR)} height="12" />
                <rect class={band_class(item)} x="0" y={coord(y + 20.0)} width={coord(w)} height="12" />
                if let Some(prev) = item.previous() {
                    <line class="tsc-prev-marker" x1={coord(BAR * f64::from(prev) / 100.0)} x2={coord(BAR * f64::from(prev) / 100.0)}
                        y1={coord(y + 17.0)} y2={coord(y + 35.0)} />
                }
                <text class="tsc-value" x={coord(w + 6.0)} y={coord(y + 31.0)}>{ value }</text>
            </g>
        }
    });
    let title = format!("{}-bar-compact-title", props.id);
    html! {
        <figure class="tsc-chart tsc-chart--compact">
            <figcaption id={title.clone()}>{ S::ChartBarTitle.get(lang) }</figcaption>
            <svg viewBox={format!("0 0 {} {}", coord(W), coord(height))} role="img" aria-labelledby={title} preserveAspectRatio="xMinYMin meet">
                { for rows }
            </svg>
        </figure>
    }
}

#[component]
pub fn BarChart(props: &ChartProps) -> Html {
    if props.compact {
        return compact_bars(props);
    }
    let lang = props.lang;
    let height = ROW_H * props.items.len() as f64 + 30.0;
    let width = BAR_LABEL_W + BAR_W + 60.0;
    let grid = (0..=5).map(|i| {
        let x = BAR_LABEL_W + BAR_W * f64::from(i) / 5.0;
        html! {
            <>
                <line class="tsc-grid" x1={coord(x)} x2={coord(x)} y1="0" y2={coord(height - 22.0)} />
                <text class="tsc-axis" x={coord(x)} y={coord(height - 6.0)} text-anchor="middle">{ (i * 20).to_string() }</text>
            </>
        }
    });
    let rows = props.items.iter().enumerate().map(|(i, item)| {
        let y = ROW_H * i as f64;
        let w = BAR_W * f64::from(item.score().unwrap_or(0)) / 100.0;
        let value = score_or_none(item.score(), lang);
        html! {
            <g>
                <text class="tsc-label" x={coord(BAR_LABEL_W - 8.0)} y={coord(y + 17.0)} text-anchor="end">{ item.label.clone() }</text>
                <rect class={band_class(item)} x={coord(BAR_LABEL_W)} y={coord(y + 5.0)} width={coord(w)} height="16" />
                if let Some(prev) = item.previous() {
                    <line class="tsc-prev-marker" x1={coord(BAR_LABEL_W + BAR_W * f64::from(prev) / 100.0)}
                        x2={coord(BAR_LABEL_W + BAR_W * f64::from(prev) / 100.0)}
                        y1={coord(y + 2.0)} y2={coord(y + 24.0)} />
                }
                <text class="tsc-value" x={coord(BAR_LABEL_W + w + 6.0)} y={coord(y + 17.0)}>{ value }</text>
            </g>
        }
    });
    html! {
        <figure class="tsc-chart">
            <figcaption id={format!("{}-bar-title", props.id)}>{ S::ChartBarTitle.get(lang) }</figcaption>
            <svg viewBox={format!("0 0 {} {}", coord(width), coord(height))} role="img" aria-labelledby={format!("{}-bar-title", props.id)} preserveAspectRatio="xMinYMin meet">
                { for grid }
                { for rows }
            </svg>
        </figure>
    }
}

#[component]
pub fn RadarChart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let items: Vec<&ChartItem> = props.items.iter().filter(|i| i.scored.is_some()).collect();
    // A radar of fewer than three axes says nothing the bars do not.
    if items.len() < 3 {
        return html! {};
    }
    // Wide enough for the longest axis label at 14 px on either side.
    let (cx, cy, r) = (420.0_f64, 210.0_f64, 150.0_f64);
    let n = items.len() as f64;
    let point = |i: usize, value: f64| {
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (
            cx + r * value / 100.0 * angle.cos(),
            cy + r * value / 100.0 * angle.sin(),
        )
    };
    let polygon = |values: &dyn Fn(&ChartItem) -> f64| {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let (x, y) = point(i, values(item));
                format!("{},{}", coord(x), coord(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings = [20.0, 40.0, 60.0, 80.0, 100.0].map(|v| {
        let pts = (0..items.len())
            .map(|i| {
                let (x, y) = point(i, v);
                format!("{},{}", coord(x), coord(y))
            })
            .collect::<Vec<_>>()
            .join(" ");
        html! { <polygon class="tsc-ring" points={pts} /> }
    });
    let axes = items.iter().enumerate().map(|(i, item)| {
        let (x, y) = point(i, 100.0);
        let (lx, ly) = point(i, 112.0);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        html! {
            <>
                <line class="tsc-grid" x1={coord(cx)} y1={coord(cy)} x2={coord(x)} y2={coord(y)} />
                <text class="tsc-label" x={coord(lx)} y={coord(ly + 4.0)} text-anchor={anchor}>
                    { format!("{} {}", item.label, item.score().unwrap_or(0)) }
                </text>
            </>
        }
    });
    let has_previous = items.iter().any(|i| i.previous().is_some());
    let has_target = items
        .iter()
        .any(|i| i.target.is_some() && i.target != i.score());
    let title_id = format!("{}-radar-title", props.id);
    html! {
        <figure class="tsc-chart">
            <figcaption id={title_id.clone()}>{ S::ChartRadarTitle.get(lang) }</figcaption>
            <svg class="tsc-radar-svg" viewBox="0 0 840 420" role="img" aria-labelledby={title_id} preserveAspectRatio="xMidYMin meet">
                { for rings }
                { for axes }
                if has_target {
                    <polygon class="tsc-radar-target" points={polygon(&|i| f64::from(i.target.or(i.score()).unwrap_or(0)))} />
                }
                if has_previous {
                    <polygon class="tsc-radar-prev" points={polygon(&|i| f64::from(i.previous().unwrap_or(0)))} />
                }
                <polygon class="tsc-radar" points={polygon(&|i| f64::from(i.score().unwrap_or(0)))} />
            </svg>
            if has_target || has_previous {
                <ul class="tsc-legend">
                    <li><span class="tsc-key tsc-key--current" aria-hidden="true"></span>{ S::ChartCurrent.get(lang) }</li>
                    if has_target {
                        <li><span class="tsc-key tsc-key--target" aria-hidden="true"></span>{ S::ChartTarget.get(lang) }</li>
                    }
                    if has_previous {
                        <li><span class="tsc-key tsc-key--previous" aria-hidden="true"></span>{ S::ColPrevious.get(lang) }</li>
                    }
                </ul>
            }
        </figure>
    }
}
