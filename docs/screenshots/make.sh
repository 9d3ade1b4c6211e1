#!/usr/bin/env bash
# Regenerates the README screenshots from the sample corpus: builds the
# report in a temporary folder and photographs its pages with headless
# Chromium (Debian package chromium), offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go run ./cmd/eventgraph build --db "$tmp/eg.db" -o "$tmp/out" testdata/articles >/dev/null
shoot() { # page, output, height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --proxy-server=127.0.0.1:9 --user-data-dir="$tmp/profile" --hide-scrollbars \
    --window-size=1400,"$3" --virtual-time-budget=6000 \
    --screenshot="$here/$2" "file://$tmp/out/$1" 2>/dev/null
}
shoot index.html timeline.png 1500
shoot network.html network.png 1000
echo "wrote $here/timeline.png and $here/network.png"
