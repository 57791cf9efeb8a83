//! Trade Secret Risk Self-Check: the questionnaire, its scoring and its report.
//!
//! See ARCHITECTURE.md for the code map. The modules below are the pure core: plain Rust
//! with no browser types, tested natively. Only `ui` (compiled for wasm32 alone) touches
//! the browser.

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

#[cfg(target_arch = "wasm32")]
pub mod ui;
