#!/usr/bin/env bash
# Refreshes the vendored Apache ECharts from the npm registry and checks it.
#
#   report/assets/echarts/refresh.sh            # verify the pinned version
#   ECHARTS_VERSION=5.6.0 ECHARTS_INTEGRITY=sha512-… refresh.sh   # move to another
#
# The tarball's sha512 must equal the registry integrity pinned below, and the
# extracted echarts.min.js must match SHA256SUMS (rewritten when the version
# changes). ECharts is inlined into every report, so a changed file is a
# changed report: review the diff and regenerate the golden files.
set -euo pipefail
cd "$(dirname "$0")"
VERSION=${ECHARTS_VERSION:-5.6.0}
INTEGRITY=${ECHARTS_INTEGRITY:-sha512-oTbVTsXfKuEhxftHqL5xprgLoc0k7uScAwtryCgWF6hPYFLRwOUHiFmHGCBKP5NPFNkDVopOieyUqYGH8Fa3kA==}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "echarts@$VERSION" >/dev/null)
tgz="$tmp/echarts-$VERSION.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$got" != "$INTEGRITY" ]; then
  echo "echarts@$VERSION: tarball integrity $got, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$tmp"
if [ "$VERSION" = "5.6.0" ]; then
  (cd "$tmp/package/dist" && sha256sum -c "$OLDPWD/SHA256SUMS")
fi
cp "$tmp/package/dist/echarts.min.js" "$tmp/package/LICENSE" "$tmp/package/NOTICE" .
rm -rf licenses && cp -r "$tmp/package/licenses" .
sha256sum echarts.min.js > SHA256SUMS
echo "echarts@$VERSION vendored: $(cut -c1-16 SHA256SUMS)…"
