//! The widget's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    tscheck::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
