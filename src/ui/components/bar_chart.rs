//! The bar chart of the dimensions' scores, with the compact layout for phones.

use super::charts::{band_class, coord, ChartProps};
use crate::report_vocab::score_or_none;
use crate::strings::S;
use yew::prelude::*;

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
