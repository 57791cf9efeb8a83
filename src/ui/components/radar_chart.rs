//! The radar chart of the dimensions' scores, with the compared self-check and the plan's
//! target drawn over them.

use super::charts::{coord, ChartItem, ChartProps};
use crate::strings::S;
use yew::prelude::*;

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
