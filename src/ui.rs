//! The thin browser layer: Yew components that render the core's data and dispatch its
//! actions, plus the edges (storage, files, embedding, the panic screen).
//!
//! **Invariant:** nothing here computes a score, decides visibility or validates input; it
//! asks the core. Components never render data as HTML: every text is a text node.

mod app;
pub mod bank_check;
mod components;
pub mod embed;
mod files;
mod handlers;
pub mod panic_screen;
#[cfg(feature = "prerender")]
pub mod prerender;
mod state;
// `Loaded` holds a `Session` in one variant only; on 64-bit hosts (the prerender build) the
// variants differ more than on wasm32, where the widget runs.
#[cfg_attr(not(target_arch = "wasm32"), allow(clippy::large_enum_variant))]
mod storage;

pub use app::App;

/// Mounts the widget (called by the `widget` binary).
pub fn start() {
    panic_screen::install();
    if let Some(root) = embed::mount_element() {
        // Clears the loading message or the prerendered start screen (`prerender.rs`). Yew's
        // first render runs in a microtask of this same task, so the browser paints the live
        // widget in place of the copy with no empty frame in between.
        root.set_text_content(None);
        yew::Renderer::<App>::with_root(root).render();
    }
}
