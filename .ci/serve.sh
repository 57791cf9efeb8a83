#!/usr/bin/env bash
# Installs what is missing, builds the release widget and serves it at http://127.0.0.1:8080
# with the strict Content-Security-Policy it is meant to run under.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/setup.sh
PORT="${PORT:-8080}"
say "building the release widget and the bank check page (.ci/build.sh)"
bash .ci/build.sh
exec node tests/e2e/server.mjs dist "$PORT"
