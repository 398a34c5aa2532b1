#!/usr/bin/env bash
# Prints each dist/ file's raw, gzip and brotli size and the totals: the wasm is the
# number to watch, since it is what visitors download before they see anything.
set -euo pipefail
DIST="${1:-dist}"
[[ -d "$DIST" ]] || { echo "sizes: no $DIST/ (run trunk build first)"; exit 1; }
has_br=$(command -v brotli >/dev/null && echo 1 || echo 0)
printf '%10s %10s %10s  %s\n' raw gzip brotli file
tr=0 tg=0 tb=0
while IFS= read -r -d '' f; do
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  b=$([[ $has_br == 1 ]] && brotli -q 11 -c "$f" | wc -c || echo 0)
  printf '%10d %10d %10d  %s\n' "$r" "$g" "$b" "${f#"$DIST"/}"
  tr=$((tr + r)) tg=$((tg + g)) tb=$((tb + b))
done < <(find "$DIST" -type f -print0 | sort -z)
printf '%10d %10d %10d  %s\n' "$tr" "$tg" "$tb" "TOTAL (bytes)"

# The first load: what a visitor's browser fetches before the lecture shows — the page,
# boot.js, the stylesheets and icon the page names, and the first-load build's glue and
# wasm. The full build (data-full-js, data-full-wasm) loads only when a lesson needs it
# (boot.js, src/classroom/full_app.rs); its own first load is printed beside.
python3 - "$DIST" <<'PY'
import gzip, pathlib, re, sys
dist = pathlib.Path(sys.argv[1])
html = (dist / "index.html").read_text()
def attr(name):
    m = re.search(rf'\b{name}="?([^"\s>]+)', html)
    return m.group(1).lstrip("/") if m else None
def gz(path):
    return len(gzip.compress((dist / path).read_bytes(), 9))
shared = ["index.html", "boot.js"]
shared += [h.lstrip("/") for h in re.findall(r'href="?([^"\s>]+\.(?:css|svg))', html)]
shared = [f for f in shared if (dist / f).is_file()]
common = sum(gz(f) for f in shared)
first = common + gz(attr("data-wasm-js")) + gz(attr("data-wasm"))
print(f"first load (gzip -9): {first} bytes = {first / 1024:.1f} KiB "
      f"({', '.join(shared)}, {attr('data-wasm-js')}, {attr('data-wasm')})")
if attr("data-full-wasm"):
    # boot.js adds full.css, the full build's own rules, before starting it.
    styles = gz("full.css") if (dist / "full.css").is_file() else 0
    full = common + styles + gz(attr("data-full-js")) + gz(attr("data-full-wasm"))
    print(f"full build's load (gzip -9): {full} bytes = {full / 1024:.1f} KiB")
PY
