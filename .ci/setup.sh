#!/usr/bin/env bash
# Installs whatever this project needs and is missing, from the package registries only (the
# Rust crate registry, npm, Debian). Idempotent: when everything is present it checks versions
# and returns in about a second. Sourced by serve.sh and test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_DIR="$ROOT/tests/e2e/node_modules/.bin"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk poppler-utils brotli
  webkit2gtk-driver xvfb xauth firefox-esr)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$BINARYEN_DIR:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)."

# The wasm target and the lint tools.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# Trunk, pinned: newer releases need a newer rustc than this machine's.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the glue does not match.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION to match Cargo.lock (takes a few minutes once)"
  # Not --locked: its lock file pins a webpki-roots version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
INSTALLED_WBG=$(wasm-bindgen --version 2>/dev/null || true)
if [ "$INSTALLED_WBG" != "wasm-bindgen $WBG_VERSION" ]; then
  die "Cargo.lock wants wasm-bindgen $WBG_VERSION but '${INSTALLED_WBG:-nothing}' is installed.
  Fix: cargo install wasm-bindgen-cli --version $WBG_VERSION --force
  (and keep Trunk.toml [tools] wasm_bindgen equal to it)."
fi
TRUNK_WBG=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
[ "$TRUNK_WBG" = "$WBG_VERSION" ] || die "Trunk.toml pins wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has $WBG_VERSION: make them equal."

# geckodriver, pinned, for the cross-engine layer (Firefox over WebDriver); Debian has no package.
if [ "$(geckodriver --version 2>/dev/null | head -n 1 | awk '{print $2}' || true)" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (takes about 5 minutes once)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# Browsers, CJK fonts and PDF tools for the browser, end-to-end and cross-engine tests (Debian
# packages): Chromium and its driver; WebKitGTK's WebKitWebDriver (with MiniBrowser) and the
# virtual X server it runs in; Firefox ESR.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages (Playwright without its browser download, axe-core, ajv, binaryen's wasm-opt),
# reinstalled only when package-lock.json changes.
STAMP="$ROOT/tests/e2e/node_modules/.package-lock.sha256"
WANT=$(sha256sum "$ROOT/tests/e2e/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANT" ]; then
  say "installing npm packages for the end-to-end tests"
  (cd "$ROOT/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$WANT" > "$STAMP"
fi
[ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "132" ] || die "wasm-opt 132 (npm binaryen) not found in $BINARYEN_DIR"
