#!/usr/bin/env bash
# Usage: scripts/make-icons.sh
# Renders public/favicon.svg into the PNG icons the web app manifest names (192 and 512 px,
# and a 512 px "maskable" one whose artwork sits inside the safe zone on a full-bleed
# background, for launchers that crop icons to circles). Run it after editing the SVG and
# commit the PNGs: the build does not need these tools.
#
# rsvg-convert (apt: librsvg2-bin) draws the SVG: ImageMagick's own SVG renderer gets the
# quadratic curve and the strokes wrong. ImageMagick `convert` then pads and flattens.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
svg=public/favicon.svg
bg='#1e293b'   # the SVG's own background colour
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$tmp/$size.png"
  convert "$tmp/$size.png" -depth 8 -strip "public/icon-$size.png"
done
# Maskable: the artwork at 80 % (the safe zone is the central circle of 80 % diameter).
rsvg-convert -w 410 -h 410 "$svg" -o "$tmp/inner.png"
convert "$tmp/inner.png" -background "$bg" -gravity center -extent 512x512 -flatten \
  -depth 8 -strip public/icon-maskable-512.png
identify public/icon-*.png
