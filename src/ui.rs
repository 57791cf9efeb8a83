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
mod state;
mod storage;

pub use app::App;

/// Mounts the widget (called by the `widget` binary).
pub fn start() {
    panic_screen::install();
    if let Some(root) = embed::mount_element() {
        root.set_text_content(None);
        yew::Renderer::<App>::with_root(root).render();
    }
}
