//! The bank check page's entry point (built by Trunk for wasm32 into `bank-check.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    tscheck::ui::bank_check::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The bank check page runs in a browser: build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
