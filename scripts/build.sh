#!/usr/bin/env bash
# Builds the app into dist/ as two builds of one page (src/classroom/full_app.rs, boot.js):
# the first-load build (the whole lecture, without the `full` feature) and the full build
# (with the map of two parameters, the race of optimizers and typed formulas), whose glue
# and wasm are copied beside it and named in index.html's data-full-js and data-full-wasm.
# Arguments go to both `trunk build`s (e.g. --release).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FULL_DIST="$ROOT/target/dist-full"

say "full build → $FULL_DIST"
trunk build "$@" --dist "$FULL_DIST"
say "first-load build → dist/"
trunk build "$@" --no-default-features

python3 - "$FULL_DIST" dist <<'PY'
import pathlib, re, shutil, sys
full, dist = map(pathlib.Path, sys.argv[1:])
names = {}
for f in full.iterdir():
    if re.fullmatch(r"descent-lab-[0-9a-f]+_bg\.wasm", f.name):
        names["data-full-wasm"] = f.name
    elif re.fullmatch(r"descent-lab-[0-9a-f]+\.js", f.name):
        names["data-full-js"] = f.name
if len(names) != 2:
    sys.exit(f"build: the full build's glue and wasm not found in {full}")
for name in names.values():
    shutil.copy2(full / name, dist / name)
index = dist / "index.html"
html = index.read_text()
# The first-load build's glue is named as {base}descent-lab-<hash>.js (Trunk.toml's
# pattern_script); the full build's files sit beside it, under the same base.
m = re.search(r'data-wasm-js="?([^"\s>]*/)?descent-lab-', html)
if not m:
    sys.exit("build: no data-wasm-js in dist/index.html")
base = m.group(1) or ""
extra = " ".join(f'{k}="{base}{v}"' for k, v in names.items())
html = html.replace("data-wasm-js=", f"{extra} data-wasm-js=", 1)
index.write_text(html)
print(f"[build] full build named in dist/index.html: {extra}")
PY
