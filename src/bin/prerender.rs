//! Build step (run by `.ci/build.sh` after Trunk): writes the widget's start screen, rendered
//! natively by Yew's server renderer, into the mount point of `dist/index.html`, in place of
//! the loading message. See `src/ui/prerender.rs`.
//!
//! `prerender DIST_INDEX_HTML`; exits non-zero, changing nothing, if the page or the render is
//! not what it expects.

use std::process::ExitCode;

/// The mount point's opening tag in `index.html` and the end of what it holds.
const MOUNT_OPEN: &str = "<div class=\"tsc-mount\" data-tscheck-mount data-tscheck-page>";
const MOUNT_CLOSE: &str = "</div>\n</body>";

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender dist/index.html");
        return ExitCode::from(2);
    };
    match run(&path) {
        Ok(bytes) => {
            println!("prerender: the start screen written into {path} ({bytes} bytes)");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {path}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> Result<usize, String> {
    let page = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let open = page
        .find(MOUNT_OPEN)
        .ok_or("no mount point (tsc-mount) found")?
        + MOUNT_OPEN.len();
    let close = page[open..]
        .rfind(MOUNT_CLOSE)
        .ok_or("the mount point is not the last element of the body")?
        + open;
    let screen = tscheck::ui::prerender::start_screen(tscheck::ui::prerender::bundled_bank()?)?;
    let written = format!("{}{screen}{}", &page[..open], &page[close..]);
    std::fs::write(path, written).map_err(|e| e.to_string())?;
    Ok(screen.len())
}
