#!/usr/bin/env bash
# The release build: the widget into dist/, then the bank check page (its own entry, so the
# widget's size does not grow) into a temporary dist, copied beside index.html as
# dist/bank-check.html with its own script, wasm and styles; last, the start screen rendered by
# the widget's own components (Yew's server renderer, natively: src/bin/prerender.rs) into
# dist/index.html, so it shows while the wasm loads. Expects .ci/setup.sh sourced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --offline
rm -rf target/dist-bank-check
trunk build --release --offline=true --dist target/dist-bank-check bank-check.html
cp target/dist-bank-check/index.html dist/bank-check.html
cp target/dist-bank-check/bank-check-* dist/
cargo run --quiet --locked --features prerender --bin prerender -- dist/index.html
