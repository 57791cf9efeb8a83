#!/usr/bin/env bash
# Installs what is missing, then runs every test layer and ends with a summary:
#   1. format and lints (native and wasm32)
#   2. native tests of the pure core and the CLI (cargo test)
#   3. the release build and its size table, with the size budget enforced
#   4. browser tests of components (wasm-bindgen-test in headless Chromium)
#   5. end-to-end tests of the built widget (Node's test runner + playwright-core, Debian Chromium)
#   6. cross-engine tests: the main journeys in WebKitGTK and in Firefox ESR over W3C WebDriver
#      (Node's test runner; one layer per engine)
# Every layer runs even if an earlier one fails, so one run shows every failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/setup.sh
set +e

LOGS="$PWD/target/test-logs"
mkdir -p "$LOGS"
declare -a NAMES RESULTS PASSED FAILED
total_passed=0
total_failed=0

# step NAME COUNT-PARSER COMMAND...: runs COMMAND, shows its output, records the outcome.
step() {
  local name="$1" parser="$2"; shift 2
  local log="$LOGS/$(echo "$name" | tr ' /' '__').log"
  printf '\n\033[1m== %s\033[0m\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local passed=0 failed=0
  case "$parser" in
    cargo) passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
           failed=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}') ;;
    node)  passed=$(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
           failed=$(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ;;
    check) if [ "$status" -eq 0 ]; then passed=1; else failed=1; fi ;;
  esac
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  NAMES+=("$name"); RESULTS+=("$([ "$status" -eq 0 ] && echo ok || echo FAILED)")
  PASSED+=("$passed"); FAILED+=("$failed")
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
}

step "format (cargo fmt --check)" check cargo fmt --all -- --check
step "lints native (clippy)" check cargo clippy --all-targets --locked -- -D warnings
step "lints wasm32 (clippy)" check cargo clippy --lib --bins --target wasm32-unknown-unknown --locked -- -D warnings
step "native tests (cargo test)" cargo cargo test --locked
step "bundled bank (tscheck check)" check cargo run --quiet --locked --bin tscheck -- check assets/bank/bank.json
step "release build (trunk)" check trunk build --release --offline
step "size table and budget" check node tests/e2e/size-report.mjs dist
step "browser tests (wasm-bindgen-test)" cargo env CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test browser
step "end-to-end tests (node --test)" node bash -c 'cd tests/e2e && node --test --test-concurrency=1 --test-reporter=tap *.test.mjs'
step "cross-engine WebKit (node --test)" node bash -c 'cd tests/e2e && node --test --test-reporter=tap engines/webkit.test.mjs'
step "cross-engine Firefox (node --test)" node bash -c 'cd tests/e2e && node --test --test-reporter=tap engines/firefox.test.mjs'

printf '\n\033[1m== Summary\033[0m\n'
printf '%-40s %-7s %7s %7s\n' "layer" "result" "passed" "failed"
for i in "${!NAMES[@]}"; do
  printf '%-40s %-7s %7s %7s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${PASSED[$i]}" "${FAILED[$i]}"
done
echo "Logs: $LOGS"
echo "total: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
