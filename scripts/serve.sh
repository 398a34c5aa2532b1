#!/usr/bin/env bash
# Builds the release app and serves dist/ at http://127.0.0.1:8080 (Ctrl-C stops it).
# A plain static server shows exactly what a deployment would serve; for rebuilds on
# file changes use `trunk serve --release` instead (same address, from Trunk.toml).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PORT="${PORT:-8080}"

stage "setup" bash scripts/setup.sh
stage "build --release (both builds)" bash scripts/build.sh --release
bash scripts/sizes.sh dist
say "serving dist/ at http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
