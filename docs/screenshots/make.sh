#!/usr/bin/env bash
# Regenerates the README screenshots from the sample corpus: builds the
# report in a temporary folder and photographs its pages, then runs
# eventgraph serve on a loopback port and photographs the explorer, all
# with headless Chromium (Debian package chromium), offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/eventgraph" ./cmd/eventgraph
"$tmp/eventgraph" build --db "$tmp/eg.db" -o "$tmp/out" testdata/articles >/dev/null 2>&1
shoot() { # url, output, height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --proxy-server=127.0.0.1:9 --proxy-bypass-list=127.0.0.1 --user-data-dir="$tmp/profile" --hide-scrollbars \
    --window-size=1400,"$3" --virtual-time-budget=8000 \
    --screenshot="$here/$2" "$1" 2>/dev/null
}
shoot "file://$tmp/out/index.html" timeline.png 1500
shoot "file://$tmp/out/network.html" network.png 1000
# The country page of Russia and the busiest Russia–Turkey event: the way to
# "what happened between Russia and Turkey, on whose report".
shoot "file://$tmp/out/country-RUS.html" actor.png 2200
event=$("$tmp/eventgraph" events --db "$tmp/eg.db" --actor RUS --actor TUR --from 2020-03 --to 2020-03 --format json |
  python3 -c 'import json,sys; ev=[e for e in json.load(sys.stdin) if e["target"] and {e["source"]["country"], e["target"]["country"]} == {"RUS","TUR"}]; ev.sort(key=lambda e: (-e["sources"], e["id"])); print(ev[0]["id"])')
shoot "file://$tmp/out/event-$event.html" event.png 1300

port=18180
"$tmp/eventgraph" serve --db "$tmp/eg.db" --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/report.css" >/dev/null && break; sleep 0.1; done
q='actor=RUS%2C+TUR&between=1&from=2018&to=2020&q=Idlib'
shoot "http://127.0.0.1:$port/?$q" serve-index.png 1600
shoot "http://127.0.0.1:$port/country-RUS.html?$q" serve-country.png 1800
shoot "http://127.0.0.1:$port/explore.html" serve-explore.png 1300
echo "wrote timeline, network, actor, event, serve-index, serve-country and serve-explore PNGs in $here"
