//! Trade Secret Risk Self-Check: the questionnaire, its scoring and its report.
//!
//! Everything here but `ui` is the pure core: plain Rust with no browser types, tested
//! natively. `ui` (compiled for wasm32 alone) is the thin browser layer. ARCHITECTURE.md has the
//! full code map, the invariants and where IO happens; this is its short form.
//!
//! # Code map
//!
//! - The question bank: `bank` (the validated `Bank`, read by hand in `bank::read` so every
//!   problem is reported at once; `bank::review`, `bank::render` and `bank::diff` for the
//!   editors), over `json_read` (a reader that records problems instead of stopping),
//!   `problem` (each problem a sentence in two languages) and `format_check` (one check of a
//!   document's format and version, for the bank, the answers file and saved progress).
//! - Who the enterprise is and what applies to it: `profile`, `condition`, `visibility`.
//! - A self-check in progress: `answers`, `session` (the pure flow, `Session::apply`), and the
//!   widget's state machine around it, `widget_state` (notices, the acted rule, focus, other
//!   tabs) with `presets` (the URL's preset language and profile).
//! - Numbers: `score` (the published method), `plan` (the improvement plan and its projected
//!   scores), `number` (numbers as people read them).
//! - The report: `report` (plain data, its sections in order), `report_vocab` (the words both
//!   renderers use), `report_text` (the text report of `tscheck score` and the golden tests).
//! - Files: `answers_file` (export, import, compare), `snapshot` (progress kept in the browser).
//! - Words: `lang`, `strings` (every interface text as a `(zh, en)` pair), `coded_enum` (enums
//!   with their published codes).
//!
//! # Invariants
//!
//! - A `Bank` value is valid: only `Bank::from_json` builds one, and nothing downstream checks
//!   it again.
//! - Input is the ground state (bank, profile, answers, plan); everything shown is derived from
//!   it by pure functions, so the widget, the CLI and the tests show the same numbers.
//! - External data (a bank, an answers file, saved progress, the URL) never panics: it yields
//!   problems with a message in both languages.
//! - Only `ui` and the wasm binaries know the browser, and only `ui`'s edges do IO.

pub mod answers;
pub mod answers_file;
pub mod bank;
mod coded_enum;
pub mod condition;
pub mod format_check;
pub mod json_read;
pub mod lang;
pub mod number;
pub mod plan;
pub mod presets;
pub mod problem;
pub mod profile;
pub mod report;
pub mod report_text;
pub mod report_vocab;
pub mod score;
pub mod session;
pub mod snapshot;
pub mod strings;
pub mod visibility;
pub mod widget_state;

// Natively only with the `prerender` feature (the build step that renders the start screen).
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
