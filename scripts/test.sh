#!/usr/bin/env bash
# THE test command (CI runs it via .ci/run): formatting, lints on both targets, native and
# in-browser Rust tests, the release build, its sizes, and the Playwright end-to-end tests.
# Stops at the first failure and names the stage.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
T0=$SECONDS

wasm_browser_tests() {
  # Only the app package has browser tests; they appear as tests/web*.rs.
  local files=(tests/web*.rs)
  if [[ ! -e "${files[0]}" ]]; then
    say "SKIPPED: no tests/web*.rs yet, so no wasm-bindgen browser tests to run"
    return 0
  fi
  local args=() f
  for f in "${files[@]}"; do args+=(--test "$(basename "$f" .rs)"); done
  # The runner (.cargo/config.toml) drives headless Chromium through /usr/bin/chromedriver.
  cargo test -p descent-lab --target wasm32-unknown-unknown "${args[@]}"
}

stage "setup" bash scripts/setup.sh
stage "cargo fmt --check" cargo fmt --all -- --check
stage "clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
stage "clippy (wasm32)" cargo clippy --workspace --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, first-load build)" cargo clippy -p descent-lab --target wasm32-unknown-unknown --no-default-features -- -D warnings
stage "clippy (wasm32 browser tests)" cargo clippy -p descent-lab --target wasm32-unknown-unknown --tests -- -D warnings
stage "cargo test (native)" cargo test --workspace
# The first-load build's core has no optimizers beyond GD: it must still keep a race.
stage "cargo test (core without optimizers)" cargo test -p descent-core --no-default-features --test full_app
stage "wasm-bindgen browser tests" wasm_browser_tests
stage "build --release (both builds)" bash scripts/build.sh --release
stage "dist sizes" bash scripts/sizes.sh dist
stage "playwright e2e" playwright test --config end2end/playwright.config.ts

print_timings
say "ALL TESTS PASSED in $((SECONDS - T0)) s"
