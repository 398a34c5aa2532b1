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
