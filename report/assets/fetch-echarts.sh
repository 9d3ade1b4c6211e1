#!/bin/sh
# Re-fetches the ECharts build embedded in the report, so the vendored file
# can be checked or upgraded reproducibly. Run from anywhere:
#   sh report/assets/fetch-echarts.sh [VERSION]
# It uses the npm client (npm pack), verifies nothing beyond npm's own
# integrity check, and overwrites echarts.min.js, LICENSE.echarts and
# NOTICE.echarts beside this script. Review the diff before committing.
set -eu
version="${1:-5.6.0}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "echarts@$version" >/dev/null)
tar -xzf "$tmp"/echarts-*.tgz -C "$tmp"
cp "$tmp/package/dist/echarts.min.js" "$here/echarts.min.js"
cp "$tmp/package/LICENSE" "$here/LICENSE.echarts"
cp "$tmp/package/NOTICE" "$here/NOTICE.echarts"
echo "echarts $version -> $here/echarts.min.js"
