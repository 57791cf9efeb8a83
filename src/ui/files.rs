//! Local files: saving the answers file as a download, and reading a file the user picked.
//! Nothing is uploaded: a download is a Blob handed to the browser, a read is a FileReader.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `text` as a download named `file_name`. Returns false if the browser refused.
pub fn download_json(file_name: &str, text: &str) -> bool {
    (|| -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.set_hidden(true);
        document.body()?.append_child(&link).ok()?;
        link.click();
        link.remove();
        // Some browsers start the download after the click returns: free the URL a little later.
        gloo::timers::callback::Timeout::new(60_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    })()
    .is_some()
}

/// Takes the file chosen in `input` (the first one) and clears the input, so the same file
/// can be picked again.
pub fn take_chosen_file(input: &HtmlInputElement) -> Option<File> {
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads `file` and calls `done` with its bytes, or with `None` when it cannot be read.
pub fn read_file(file: File, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    // Read at most one byte past the answers file's limit: the decoder then refuses a larger
    // file as too large by its own check, without megabytes being read to say so.
    let limit = crate::answers_file::ANSWERS_MAX_BYTES as u64 + 1;
    let head = gloo::file::Blob::from(file).slice(0, limit);
    let reader = gloo::file::callbacks::read_as_bytes(&head, move |result| done(result.ok()));
    // The read completes on its own; keeping the handle alive until then is enough.
    std::mem::forget(reader);
}
