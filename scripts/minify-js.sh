#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml [[hooks]]): minifies the JavaScript the first load
# fetches — wasm-bindgen's glue and boot.js — with terser (npm, pinned in package.json).
# Trunk's own minifier cannot parse the glue (see Trunk.toml); this takes its gzip size
# from 9 681 to 7 469 bytes (BENCHMARKS.md, Size). Also takes the comments and indentation
# out of full.css, the full build's own rules, which Trunk copies as it is (index.html).
# A debug build is left as it is, readable.
set -euo pipefail
[[ "${TRUNK_PROFILE:-}" == "release" ]] || exit 0
dir="${TRUNK_STAGING_DIR:?run by trunk}"
terser="$(dirname "${BASH_SOURCE[0]}")/../node_modules/.bin/terser"
for f in "$dir"/descent-lab-*.js "$dir"/boot.js; do
  [[ -f "$f" ]] || continue
  "$terser" "$f" --module --compress --mangle --output "$f.min"
  mv "$f.min" "$f"
done
if [[ -f "$dir/full.css" ]]; then
  python3 - "$dir/full.css" <<'PY'
import pathlib, re, sys
path = pathlib.Path(sys.argv[1])
css = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
path.write_text("\n".join(line.strip() for line in css.splitlines() if line.strip()) + "\n")
PY
fi
