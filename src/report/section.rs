//! The report's sections and their order, as data: the widget's report and the text report
//! both walk `Report::sections`, so they show the same sections in the same order.

use super::Report;

/// One section of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportSection {
    /// The first page: score, level, chart, red flags in a line each, the top actions.
    Summary,
    RedFlags,
    Actions,
    /// The improvement plan: projections and the actions by step.
    Plan,
    /// Scores by dimension: charts and the table.
    Dimensions,
    /// The evidence index of the measures listed in SPC 2020 provisions Art. 6.
    Evidence,
    /// The comparison with a previous self-check.
    Comparison,
    /// Findings by dimension, with how each score was computed.
    Findings,
    References,
    Services,
    /// How the scores are computed.
    Method,
    Disclaimer,
}

impl ReportSection {
    /// Every section in the order of the report.
    pub const ALL: [ReportSection; 12] = [
        ReportSection::Summary,
        ReportSection::RedFlags,
        ReportSection::Actions,
        ReportSection::Plan,
        ReportSection::Dimensions,
        ReportSection::Evidence,
        ReportSection::Comparison,
        ReportSection::Findings,
        ReportSection::References,
        ReportSection::Services,
        ReportSection::Method,
        ReportSection::Disclaimer,
    ];

    /// A stable name: the widget's `data-report-section` and the JSON report's `sections`.
    pub fn code(self) -> &'static str {
        match self {
            ReportSection::Summary => "summary",
            ReportSection::RedFlags => "red-flags",
            ReportSection::Actions => "actions",
            ReportSection::Plan => "plan",
            ReportSection::Dimensions => "dimensions",
            ReportSection::Evidence => "evidence",
            ReportSection::Comparison => "comparison",
            ReportSection::Findings => "findings",
            ReportSection::References => "references",
            ReportSection::Services => "services",
            ReportSection::Method => "method",
            ReportSection::Disclaimer => "disclaimer",
        }
    }
}

impl Report {
    /// The sections this report shows, in order. A section with nothing to show is left out
    /// (the plan without actions, the evidence index of a bank without one, the comparison
    /// when none is loaded, empty lists of references and services); the red flags and the
    /// actions always show, saying "none" when there are none.
    pub fn sections(&self) -> Vec<ReportSection> {
        ReportSection::ALL
            .into_iter()
            .filter(|section| match section {
                ReportSection::Plan => !self.actions.is_empty(),
                ReportSection::Evidence => !self.evidence.is_empty(),
                ReportSection::Comparison => self.comparison.is_some(),
                ReportSection::References => !self.references.is_empty(),
                ReportSection::Services => !self.services.is_empty(),
                _ => true,
            })
            .collect()
    }
}
