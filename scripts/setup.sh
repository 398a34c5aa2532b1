#!/usr/bin/env bash
# Installs every tool the build and tests need. Idempotent: each install runs only when the
# tool is missing or has the wrong version, so a second run takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Captured first: `rustup ... | grep -q` can die of SIGPIPE, which pipefail reads as "missing".
targets="$(rustup target list --installed)" components="$(rustup component list --installed)"
if [[ $'\n'$targets$'\n' != *$'\nwasm32-unknown-unknown\n'* ]]; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  if [[ $'\n'$components != *$'\n'$c-* ]]; then
    say "adding rust component $c"; rustup component add "$c"
  fi
done

# Trunk 0.22 needs a newer rustc than this machine's 1.95.
if [[ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]]; then
  say "installing trunk 0.21.14 (~11 min)"
  cargo install trunk --locked --version 0.21.14
fi

# The CLI must equal Cargo.lock's wasm-bindgen, or Trunk wants to download its own and the
# test runner rejects the test binaries. No --locked: its lock file names a webpki-roots
# version the registry lacks.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[[ -n "$WB_VERSION" ]] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (~4 min)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! grep -q "^wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen must be \"$WB_VERSION\" (Cargo.lock)"; exit 1
fi

# Test tools must never download browsers here: use Debian's Chromium and ChromeDriver.
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]] || ! command -v brotli >/dev/null; then
  say "installing chromium, chromium-driver, brotli (apt)"
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver brotli
fi

# wasm-opt (binaryen 132; Debian's 108 breaks the wasm) and Playwright come from npm.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

# Trunk runs cargo --offline (Trunk.toml offline = true), so every crate must be here first.
say "cargo fetch --locked"
cargo fetch --locked --quiet
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3), playwright $(playwright --version | cut -d' ' -f2)"
