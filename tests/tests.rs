//! The native test suite: one binary (see `autotests = false` in Cargo.toml), one module per
//! concern. Shared helpers live in `util`.

// Fixture paths, the deterministic PRNG, the random bank generator and respondent helpers.
mod util;

// Every kind of broken bank is refused with its problem at the right JSON path.
mod bank_validation;
// Hostile and mutated input never crashes the readers of banks, answers files and snapshots.
mod robustness;
// The published scoring method holds for the mini bank and for generated banks.
mod scoring_properties;
// Saving and loading answers files: round trips, refusals and ignored answers.
mod answers_file;
// The whole questionnaire flow through `Session::apply`, and saved progress.
mod session_flow;
// The text report compared with golden files (UPDATE_EXPECT=1 rewrites them).
mod report_golden;
// The `tscheck` command line: exit codes, problem lines and the JSON report.
mod cli;
// The bank bundled into the widget is valid and keeps the scoring promises.
mod bundled_bank;
// The bundled content covers the modules, measures, case patterns and industry risks promised.
mod bank_content;
// The accuracy pass of issue 10: glossary, listed measures, citations, overlaps, exit items, old files.
mod bank_next_version;
// Issue 11: the AI and robotics industry, the AI-models checkbox and the module's content.
mod ai_robotics;
// The improvement plan, its projections and round trips, and the evidence index.
mod plan;
// The review document of a bank (`tscheck render`): grouping, both languages, escaping.
mod bank_render;
// Two versions of a bank compared by question id (`tscheck diff`).
mod bank_diff;
// The widget's state machine: start, actions, the acted rule, notices and focus.
mod widget_state;
// The URL presets of an embedding page.
mod presets;
// Section status and the resume target, as the screens show them.
mod section_progress;
// The code maps (ARCHITECTURE.md, src/lib.rs) name every source file and module, and only those.
mod code_map;
// Tidy checks over the source: no network API but the one same-origin fetch.
mod tidy;
