# Sourced by the other scripts: one place for the environment every step needs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# wasm-opt (npm binaryen) and playwright live in node_modules/.bin; cargo installs in ~/.cargo/bin.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk's update check reaches the internet, which these machines do not have.
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*"; }

# Runs one named stage and records its duration. Under set -e the first failing command
# ends the script; the EXIT trap then names the stage it was in.
STAGE="" TIMINGS=()
stage() {
  STAGE="$1"; local t0=$SECONDS; shift
  say "== $STAGE"
  "$@"
  TIMINGS+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$STAGE")")
  say "ok: $STAGE ($((SECONDS - t0)) s)"; STAGE=""
}
on_exit() {
  local rc=$?
  [[ $rc -ne 0 && -n "$STAGE" ]] && say "FAILED in stage: $STAGE (exit $rc)"
  return $rc
}
trap on_exit EXIT
print_timings() { say "timings:"; printf '  %s\n' "${TIMINGS[@]}"; }
