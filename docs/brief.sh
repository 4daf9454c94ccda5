#!/usr/bin/env bash
# Regenerate docs/brief.png, the README's picture of the meeting brief: the sample's brief rendered
# by a real headless Chromium (apt-get install chromium). Run from the repository's top.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/roadmap report data/roadmap.yaml --kind brief --lang ru --as-of 2026-11-26 -o "$work/brief.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --window-size=1200,2600 --screenshot="$work/brief.png" \
    "file://$work/brief.html" 2>/dev/null
cp "$work/brief.png" docs/brief.png
