#!/usr/bin/env bash
# THE performance command: builds the release app, serves dist/ on a free loopback port,
# times it in headless Chromium (end2end/perf/bench.mjs) and prints a table of figures,
# which it also writes into BENCHMARKS.md between the `bench:begin`/`bench:end` markers
# (the rest of that file is written by hand). Figures, not pass/fail tests: too slow and
# too machine-dependent for CI, so scripts/test.sh does not run it. Takes 1–4 minutes.
#
#   bash scripts/bench.sh              # everything
#   BENCH_ONLY=drag bash scripts/bench.sh   # only some of: load, drag, surface, formula, race, autoplay (no file written)
#   BENCH_NO_BUILD=1 bash scripts/bench.sh  # time the dist/ that is there
#   BENCH_DATA='10 000 points, a*x^2' BENCH_ONLY=drag bash scripts/bench.sh  # drag only these (drag, surface)
#                                          # data sets (names separated by ';')
#   BENCH_DIST=/elsewhere/dist bash scripts/bench.sh  # time another build, e.g. an older
#                                          # commit's, with today's harness (no file written)
#   BENCH_CSS='.history{display:none}' BENCH_ONLY=race bash scripts/bench.sh  # with a style
#                                          # sheet added to the app: what a part costs (no file written)
#   BENCH_GL=swiftshader bash scripts/bench.sh  # Chromium's GPU path emulated on the CPU
#                                          # (layers composed as textures; no file written)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DIST="${BENCH_DIST:-$ROOT/dist}"

OUT="$ROOT/target/bench"
mkdir -p "$OUT"

stage "setup" bash scripts/setup.sh
if [[ -z "${BENCH_NO_BUILD:-}" && -z "${BENCH_DIST:-}" ]]; then
  stage "build --release (both builds)" bash scripts/build.sh --release
fi

# Big data enters the app the way a student's would: a share link, made by the core's own
# encoder, so the app needs no test-only door.
make_links() {
  cargo build -q -p descent-core --example bench_link
  local bin="${CARGO_TARGET_DIR:-$ROOT/target}/debug/examples/bench_link"
  printf '{"1 000 points": "%s", "10 000 points": "%s", "10 000 points, a*x^2": "%s"}\n' \
    "$("$bin" 1000)" "$("$bin" 10000)" "$("$bin" 10000 'a*x^2')" >"$OUT/links.json"
}
stage "share links for 1 000 and 10 000 points" make_links

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$DIST" >/dev/null 2>&1 &
SERVER=$!
trap 'rc=$?; kill "$SERVER" 2>/dev/null || true; (exit $rc); on_exit' EXIT
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
  sleep 0.1
done

run_browser() {
  local only=()
  [[ -n "${BENCH_ONLY:-}" ]] && only=(--only "$BENCH_ONLY")
  [[ -n "${BENCH_DATA:-}" ]] && only+=(--data "$BENCH_DATA")
  # Raised priority (root may lower niceness): compile jobs of other work on a shared machine
  # then disturb the figures less. Chromium's processes inherit it.
  nice -n -10 node end2end/perf/bench.mjs --url "http://127.0.0.1:$PORT/" --links "$OUT/links.json" \
    --json "$OUT/results.json" "${only[@]}" >"$OUT/browser.md"
}
# Other work on the machine slows every figure: the load averages go into the table.
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
stage "headless Chromium" run_browser

# Sizes: what each file costs on the wire. The first load fetches the page, boot.js, the JS
# glue, the wasm, the CSS and the icon; the service worker fetches the rest afterwards,
# the full build's glue and wasm among them (scripts/build.sh: it loads first only when a
# lesson needs it).
sizes_table() {
  local dist="$DIST" f r g b first_r=0 first_g=0 first_b=0 all_r=0 all_g=0 all_b=0 first
  local full_files
  full_files=$(grep -oE 'data-full-(js|wasm)="?/?[^" >]+' "$dist/index.html" | sed -E 's/.*="?\/?//' || true)
  echo "### Transfer size of dist/ (bytes; gzip -9, brotli -q 11)"
  echo
  echo "| file | raw | gzip | brotli | first load |"
  echo "|---|---:|---:|---:|:---:|"
  while IFS= read -r -d '' f; do
    r=$(stat -c %s "$f")
    g=$(gzip -9 -c "$f" | wc -c)
    b=$(brotli -q 11 -c "$f" | wc -c)
    f="${f#"$dist"/}"
    case "$f" in
      index.html | boot.js | *.js | *.wasm | *.css | favicon-*) first=yes ;;
      *) first="" ;;
    esac
    [[ "$f" == sw.js ]] && first=""
    grep -qxF "$f" <<<"$full_files" && first="full build"
    # The full build's own rules: boot.js adds them before starting the full build.
    [[ "$f" == full.css ]] && first="full build"
    echo "| \`$f\` | $r | $g | $b | $first |"
    all_r=$((all_r + r)) all_g=$((all_g + g)) all_b=$((all_b + b))
    if [[ "$first" == yes ]]; then
      first_r=$((first_r + r)) first_g=$((first_g + g)) first_b=$((first_b + b))
    fi
  done < <(find "$dist" -type f -print0 | sort -z)
  echo "| **first load** (this round's ceiling: 300 KiB = 307 200 gzip) | **$first_r** | **$first_g** | **$first_b** | |"
  echo "| all of dist/ (with the install icons and the service worker) | $all_r | $all_g | $all_b | |"
  echo
}

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
CPU="$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
CORES="$(nproc)"
CHROMIUM="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).chromium)' "$OUT/results.json")"
{
  if [[ -n "${BENCH_DIST:-}" ]]; then
    echo "Run of \`bash scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') against \`$DIST\`."
  else
    echo "Run of \`bash scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src crates Cargo.toml Cargo.lock index.html style || echo ' with uncommitted changes')."
  fi
  echo "Machine: $CPU, $CORES cores; Chromium $CHROMIUM (headless, --disable-gpu);"
  echo "$(rustc --version | cut -d' ' -f1-2), $(trunk --version), wasm-opt $(wasm-opt --version | cut -d' ' -f3)."
  echo "Load average (1, 5, 15 min) before the browser runs: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo
  sizes_table
  cat "$OUT/browser.md"
} >"$OUT/table.md"

cat "$OUT/table.md"

# Only a full run of this checkout's build replaces the figures in BENCHMARKS.md.
if [[ -z "${BENCH_ONLY:-}" && -z "${BENCH_DIST:-}" && -z "${BENCH_GL:-}" && -z "${BENCH_CSS:-}" ]]; then
  python3 - "$ROOT/BENCHMARKS.md" "$OUT/table.md" <<'EOF'
import sys, pathlib
path, table = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
block = f"{begin}\n{table.strip()}\n{end}"
text = path.read_text() if path.exists() else f"# Benchmarks\n\n## Latest figures\n\n{begin}\n{end}\n"
if begin not in text or end not in text:
    text = text.rstrip() + f"\n\n## Latest figures\n\n{begin}\n{end}\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
path.write_text(head + block + tail)
EOF
  say "figures written to BENCHMARKS.md"
fi
print_timings
