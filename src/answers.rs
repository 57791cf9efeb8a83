//! The respondent's answers, keyed by question id.

use std::collections::{BTreeMap, BTreeSet};

/// One answer. A checklist answered with nothing ticked ("none of these") is an empty set,
/// which is different from no answer at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The chosen option of a single-choice question.
    Choice(String),
    /// The ticked practices of a checklist question.
    Checked(BTreeSet<String>),
    /// "Not applicable to us", where the question allows it.
    NotApplicable,
}

/// The id that stands for "not applicable" in files and in the DOM.
pub const NOT_APPLICABLE: &str = "na";
/// The id of a checklist's "none of these" box in the DOM.
pub const NONE_OF_THESE: &str = "none";

/// All answers. A `BTreeMap` keeps files and reports in a stable order.
pub type Answers = BTreeMap<String, Answer>;
