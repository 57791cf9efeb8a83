//! The start screen as static HTML, rendered at build time by Yew's server renderer from the
//! widget's own components (`src/bin/prerender.rs` writes it into `dist/index.html`). A person
//! reads the introduction and the privacy notice while the wasm loads; `start()` then replaces
//! it with the live widget in the same task as the first render, so nothing flashes.
//!
//! The copy is what the widget renders first with no saved progress and no URL presets, with
//! two differences on its root: it is `inert` (its buttons cannot be pressed before they work)
//! and it has no `data-app`, so nothing that waits for the widget (tests, an embedding
//! page's scripts) mistakes the copy for it.

use super::app::{Widget, WidgetProps};
use crate::bank::Bank;
use crate::presets::Presets;
use crate::problem::Problem;
use crate::widget_state::{Restored, SharedBank, WidgetState};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// The attribute that marks the static copy (tests look for it).
pub const PRERENDERED: &str = "data-prerendered";

/// Renders the start screen of a fresh self-check over `bank` (the bundled bank in the build).
pub fn start_screen(bank: Bank) -> Result<String, String> {
    let init = WidgetState::start(
        SharedBank::new(bank),
        Restored::Nothing,
        &Presets::default(),
    );
    let renderer = LocalServerRenderer::<Widget>::with_props(WidgetProps {
        init: Rc::new(init),
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    // The root's opening tag: the live widget's marker is swapped for the copy's.
    let root_end = html.find('>').ok_or("the render is empty")?;
    let root = &html[..root_end];
    if !root.starts_with("<div") || !root.contains(" data-app=\"\"") || !root.contains("tsc-app") {
        return Err(format!(
            "the widget's root is not the expected <div data-app class=tsc-app>: {root}"
        ));
    }
    let copy_root = root.replacen(
        " data-app=\"\"",
        &format!(" inert=\"\" {PRERENDERED}=\"\""),
        1,
    );
    Ok(format!("{copy_root}{}", &html[root_end..]))
}

/// The bundled bank, or its problems as text.
pub fn bundled_bank() -> Result<Bank, String> {
    Bank::bundled().map_err(|problems: Vec<Problem>| {
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}
