#!/usr/bin/env bash
# vulncheck.sh runs govulncheck on the module.
#
# vuln.go.dev is out of reach from the project's machines and CI, so the
# database is built from the golang.org/x/vulndb module (its OSV files) at
# the pinned version below: bump VULNDB to a newer pseudo-version to refresh
# the data.
#
# A vulnerability in a required module fails the check. One in the standard
# library is fixed by a newer Go toolchain, not by this repository, so it is
# printed as a warning naming the Go release that fixes it.
set -euo pipefail
cd "$(dirname "$0")/.."

VULNDB=${VULNDB:-v0.0.0-20261105234957-e22db6528018}
GOVULNCHECK=golang.org/x/vuln/cmd/govulncheck@v1.9.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Outside the module, so that go.mod and go.sum stay as they are.
src=$(cd "$work" && go mod download -json "golang.org/x/vulndb@$VULNDB" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src/data/osv" ]; then
  echo "vulncheck.sh: golang.org/x/vulndb@$VULNDB has no data/osv" >&2
  exit 1
fi
(cd "$work" && go run "golang.org/x/vulndb/cmd/indexdb@$VULNDB" -vulns "$src/data/osv" -out "$work/db")

# Installed rather than run with go run, which turns every non-zero exit
# into 1: govulncheck's 3 (vulnerabilities found) must stay apart from its
# errors.
GOBIN="$work/bin" go install "$GOVULNCHECK"
status=0
"$work/bin/govulncheck" -db "file://$work/db" ./... > "$work/report" 2>&1 || status=$?
cat "$work/report"
case $status in
0) exit 0 ;;
3) ;; # vulnerabilities found: sorted out below
*) echo "vulncheck.sh: govulncheck failed (exit $status)" >&2; exit "$status" ;;
esac
# "Found in: golang.org/x/net@v0.62.0" is a module; "Found in:
# net/http@go1.26.8" is the standard library.
if grep -Eq 'Found in: [^ ]+@v[0-9]' "$work/report"; then
  echo "vulncheck.sh: vulnerable module versions are called; upgrade them (go get MODULE@FIXED)" >&2
  exit 1
fi
fixed=$(grep -Eo 'Fixed in: [^ ]+@go[0-9.]+' "$work/report" | sed 's/.*@//' | sort -V | tail -1)
echo "warning: the Go toolchain $(go env GOVERSION) has standard-library vulnerabilities that this code reaches; build with ${fixed:-a newer Go} or later" >&2
