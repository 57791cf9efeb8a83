//! What the report's charts share (`bar_chart.rs`, `radar_chart.rs`): the items they draw,
//! their props, band classes and coordinates. The charts are inline SVG drawn by the widget
//! (no chart library, nothing downloaded). Every number also appears as text in the table
//! beside them, and colour is never the only carrier of meaning: each bar has its value
//! written next to it.

use crate::lang::Lang;
use crate::number::decimal;
use crate::score::Band;
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
    pub(super) fn score(&self) -> Option<u8> {
        self.scored.as_ref().map(|s| s.score)
    }

    pub(super) fn previous(&self) -> Option<u8> {
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

pub(super) fn band_class(item: &ChartItem) -> &'static str {
    match item.scored.as_ref().map(|s| s.band) {
        Some(Band::High) => "tsc-bar tsc-bar--high",
        Some(Band::Medium) => "tsc-bar tsc-bar--medium",
        Some(Band::Low) => "tsc-bar tsc-bar--low",
        None => "tsc-bar",
    }
}

/// An SVG coordinate, to a tenth of a pixel (without the standard library's float printer).
pub(super) fn coord(x: f64) -> String {
    decimal((x * 10.0).round() / 10.0)
}
