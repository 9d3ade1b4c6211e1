#!/usr/bin/env bash
# Ingest throughput of eventgraph at 1k, 10k and 100k generated articles,
# beside the practical limit (bench/bare: read and tokenize only) and the
# npm peers chrono-node (time expressions) and compromise (entities) on the
# same text, and eventgraph's own engines over that text on one goroutine
# (bench/stages: the time tagger beside chrono-node, the actor finder beside
# compromise, the whole extraction), and the store's floor (the rows of the
# store eventgraph made, copied into an empty one in key order:
# BenchmarkWriterFloor/append-only in store/floor_test.go, which holds the
# rows in memory, some 6 GB at 100k). Prints one table. Usage: bench/run.sh
# [SIZES...] (default 1000 10000 100000). GEN_FLAGS adds flags to
# gen-corpus: GEN_FLAGS="--recast=false --copies 0" writes the corpora of
# the tables measured before 27 Nov 2026's seventh session. Needs Go,
# Node.js and npm; installs GNU time and the npm peers itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=${BENCH_DIR:-$(mktemp -d)}
trap '[ -z "${BENCH_DIR:-}" ] && rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
(cd "$here/js" && npm install --no-audit --no-fund --silent >/dev/null)
cd "$root"
go build -o "$work/eventgraph" ./cmd/eventgraph
go build -o "$work/bare" ./bench/bare
go build -o "$work/stages" ./bench/stages
go test -c -o "$work/store.test" ./store

# field NAME from key=value output
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }
rss_mb() { awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$1"; }
# CPU seconds (user + system) of a GNU time -v log: on a shared, loaded
# machine wall time says more about the neighbours than about the tool.
cpu_s() { awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$1"; }

printf "%-8s %-16s %10s %8s %10s %8s %9s %8s %10s\n" articles tool seconds art/s MB/s RSS_MB events/s cpu_s art/cpu_s
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  [ -d "$corpus" ] || "$work/eventgraph" gen-corpus -n "$n" -o "$corpus" --samples testdata/articles --seed 1 ${GEN_FLAGS:-} >/dev/null
  rm -f "$work/eg-$n.db"*

  /usr/bin/time -v "$work/eventgraph" ingest --db "$work/eg-$n.db" "$corpus" 2>"$work/ingest-$n.err" >/dev/null
  secs=$(awk '/Elapsed \(wall clock\)/ {n=split($NF,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/ingest-$n.err")
  events=$(sed -n 's/.*ingested [0-9]* new articles with \([0-9]*\) events.*/\1/p' "$work/ingest-$n.err")
  bare=$(/usr/bin/time -v "$work/bare" -bodies "$work/bodies-$n.jsonl" "$corpus" 2>"$work/bare-$n.err")
  bytes=$(echo "$bare" | field bytes)
  awk -v n="$n" -v s="$secs" -v b="$bytes" -v e="$events" -v r="$(rss_mb "$work/ingest-$n.err")" -v c="$(cpu_s "$work/ingest-$n.err")" \
    'BEGIN {printf "%-8d %-16s %10.2f %8.0f %10.2f %8d %9.0f %8.2f %10.0f\n", n, "eventgraph", s, n/s, b/s/1e6, r, e/s, c, n/c}'
  bs=$(echo "$bare" | field seconds)
  awk -v n="$n" -v s="$bs" -v b="$bytes" -v r="$(rss_mb "$work/bare-$n.err")" -v c="$(cpu_s "$work/bare-$n.err")" \
    'BEGIN {printf "%-8d %-16s %10.2f %8.0f %10.2f %8d %9s %8.2f %10.0f\n", n, "bare read+tok", s, n/s, b/s/1e6, r, "-", c, n/c}'
  for peer in chrono compromise; do
    out=$(/usr/bin/time -v node "$here/js/peers.mjs" "$work/bodies-$n.jsonl" "$peer" 2>"$work/$peer-$n.err")
    ps=$(echo "$out" | field seconds)
    awk -v n="$n" -v s="$ps" -v b="$bytes" -v p="$peer" -v r="$(rss_mb "$work/$peer-$n.err")" -v c="$(cpu_s "$work/$peer-$n.err")" \
      'BEGIN {printf "%-8d %-16s %10.2f %8.0f %10.2f %8d %9s %8.2f %10.0f\n", n, p, s, n/s, b/s/1e6, r, "-", c, n/c}'
  done
  for stage in timex actors extract; do
    out=$(/usr/bin/time -v "$work/stages" "$work/bodies-$n.jsonl" "$stage" 2>"$work/stage-$stage-$n.err")
    ps=$(echo "$out" | field seconds)
    awk -v n="$n" -v s="$ps" -v b="$bytes" -v p="eg $stage" -v r="$(rss_mb "$work/stage-$stage-$n.err")" -v c="$(cpu_s "$work/stage-$stage-$n.err")" \
      'BEGIN {printf "%-8d %-16s %10.2f %8.0f %10.2f %8d %9s %8.2f %10.0f\n", n, p, s, n/s, b/s/1e6, r, "-", c, n/c}'
  done
  # the benchmark's own figures: its RSS is the rows it holds
  floor=$(EVENTGRAPH_FLOOR_STORE="$work/eg-$n.db" "$work/store.test" -test.run XXX \
    -test.bench 'WriterFloor/append-only' -test.benchtime 1x | grep '^BenchmarkWriterFloor')
  fs=$(echo "$floor" | awk '{for (i = 2; i <= NF; i++) if ($i == "total-s") print $(i-1)}')
  fc=$(echo "$floor" | awk '{for (i = 2; i <= NF; i++) if ($i == "cpu-s") print $(i-1)}')
  awk -v n="$n" -v s="$fs" -v b="$bytes" -v c="$fc" \
    'BEGIN {printf "%-8d %-16s %10.2f %8.0f %10.2f %8s %9s %8.2f %10.0f\n", n, "store floor", s, n/s, b/s/1e6, "-", "-", c, n/c}'
done
echo "(eventgraph: end to end ingest into SQLite on $(nproc) cores; peers: single-threaded Node.js over the bodies only, timed inside the process; eg timex/actors/extract: eventgraph's engines the same way (bench/stages), one goroutine; store floor: writing the finished store's rows alone, from memory (store/floor_test.go); cpu_s: user+system CPU seconds of the whole process, load averaging $(cut -d' ' -f2 /proc/loadavg) at the end)"
