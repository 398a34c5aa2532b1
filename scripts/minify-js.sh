#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml [[hooks]]): minifies the JavaScript the first load
# fetches — wasm-bindgen's glue and boot.js — with terser (npm, pinned in package.json).
# Trunk's own minifier cannot parse the glue (see Trunk.toml); this takes its gzip size
# from 9 681 to 7 469 bytes (BENCHMARKS.md, Size). A debug build is left as it is, readable.
set -euo pipefail
[[ "${TRUNK_PROFILE:-}" == "release" ]] || exit 0
dir="${TRUNK_STAGING_DIR:?run by trunk}"
terser="$(dirname "${BASH_SOURCE[0]}")/../node_modules/.bin/terser"
for f in "$dir"/descent-lab-*.js "$dir"/boot.js; do
  [[ -f "$f" ]] || continue
  "$terser" "$f" --module --compress --mangle --output "$f.min"
  mv "$f.min" "$f"
done
