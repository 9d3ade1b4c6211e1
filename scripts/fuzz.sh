#!/usr/bin/env bash
# fuzz.sh runs every Go fuzz target of the module, one after the other, for
# SECONDS each (default 5), and prints how many inputs each one executed.
#
#   scripts/fuzz.sh            # CI: a few seconds per target
#   scripts/fuzz.sh 600        # a long local run: ten minutes per target
#   FUZZ_MATCH=Parse scripts/fuzz.sh 60   # only targets whose name matches
#   FUZZ_PARALLEL=1 scripts/fuzz.sh 60    # fuzzing workers (default: go's, one per CPU)
#
# A failure stops the script with go test's report; the input that broke the
# target is written under the package's testdata/fuzz/FuzzXxx/, where it
# stays as a regression seed that plain `go test` replays.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-5}
match=${FUZZ_MATCH:-}
par=()
[ -n "${FUZZ_PARALLEL:-}" ] && par=(-parallel "$FUZZ_PARALLEL")

summary=()
# Targets are found in the sources rather than with `go test -list`, which
# would build every package once more just to list them.
while IFS= read -r file; do
  pkg=./$(dirname "$file")
  for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*testing\.F).*/\1/p' "$file"); do
    if [ -n "$match" ] && [[ $target != *$match* ]]; then
      continue
    fi
    echo "== $pkg $target (${secs}s)"
    log=$(mktemp)
    # -run '^$' keeps the package's ordinary tests out of the fuzzing time.
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "${secs}s" "${par[@]}" "$pkg" 2>&1 | tee "$log"; then
      rm -f "$log"
      echo "fuzz.sh: $pkg $target failed" >&2
      exit 1
    fi
    execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    summary+=("$(printf "%-45s %12s execs" "$pkg $target" "${execs:-?}")")
    rm -f "$log"
  done
done < <(grep -rl --include='*_test.go' -E '^func Fuzz[A-Za-z0-9_]*\(.*testing\.F' . | sed 's|^\./||' | sort)

echo "== executions per target (${secs}s each)"
printf '%s\n' "${summary[@]}"
