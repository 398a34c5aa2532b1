#!/usr/bin/env bash
# Usage: scripts/screenshot.sh URL OUT.png [WIDTHxHEIGHT]
# Headless Chromium screenshot, to look at the running app without a display.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 URL OUT.png [WIDTHxHEIGHT]" >&2; exit 2; }
url="$1" out="$2" size="${3:-1920x1080}"
profile="$(mktemp -d)"; trap 'rm -rf "$profile"' EXIT
# The --disable-* flags stop Chromium reaching the internet; virtual time lets the wasm
# app load and render before the shot is taken. Chromium's dbus noise on stderr is harmless.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --screenshot="$(realpath -m "$out")" \
  --window-size="${size/x/,}" --virtual-time-budget=5000 "$url" 2>/dev/null
echo "screenshot: $out ($size)"
