#!/usr/bin/env bash
# Refreshes the vendored axe-core (used by the browser test only, never by
# the report) from the npm registry and checks it.
#
#   report/browsertest/testdata/axe/refresh.sh           # verify the pinned version
#   AXE_VERSION=4.11.1 AXE_INTEGRITY=sha512-… refresh.sh  # move to another
#
# The tarball's sha512 must equal the registry integrity pinned below, and
# the extracted axe.min.js must match SHA256SUMS (rewritten when the version
# changes).
set -euo pipefail
cd "$(dirname "$0")"
VERSION=${AXE_VERSION:-4.11.1}
INTEGRITY=${AXE_INTEGRITY:-sha512-BASOg+YwO2C+346x3LZOeoovTIoTrRqEsqMa6fmfAV0P+U9mFr9NsyOEpiYvFjbc64NMrSswhV50WdXzdb/Z5A==}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "axe-core@$VERSION" >/dev/null)
tgz="$tmp/axe-core-$VERSION.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$got" != "$INTEGRITY" ]; then
  echo "axe-core@$VERSION: tarball integrity $got, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$tmp"
if [ "$VERSION" = "4.11.1" ]; then
  (cd "$tmp/package" && sha256sum -c "$OLDPWD/SHA256SUMS")
fi
cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$tmp/package/LICENSE-3RD-PARTY.txt" .
sha256sum axe.min.js > SHA256SUMS
echo "axe-core@$VERSION vendored: $(cut -c1-16 SHA256SUMS)…"
