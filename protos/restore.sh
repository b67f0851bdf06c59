#!/usr/bin/env bash
# Restores the Envoy API protos that the build compiles, without committing them:
#   1. `npm pack` the pinned package named in package.env (the npm client resolves the registry);
#   2. check the tarball against the pinned sha512 integrity and stop on any mismatch;
#   3. extract only the files listed in the closure file(s) given as arguments;
#   4. normalise line endings to LF and apply every patch in patches/ whose target file was extracted.
# Usage: restore.sh OUTPUT_DIR CLOSURE_FILE [CLOSURE_FILE...]
# Idempotent: a stamp of (package.env, closures, patches) skips the work when nothing changed.
# Safe under parallel builds: an flock on OUTPUT_DIR/.lock serialises restores of the same folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: restore.sh OUTPUT_DIR CLOSURE_FILE...}"
shift
[ "$#" -gt 0 ] || { echo "restore.sh: no closure file given" >&2; exit 2; }
# shellcheck source=package.env
source "$here/package.env"
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9
key="$(cat "$here/package.env" "$here/restore.sh" "$@" "$here"/patches/*.patch | sha256sum | cut -c1-32)"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$key" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "restore.sh: npm is required to fetch $PACKAGE@$VERSION (see DEVELOPERS.md)" >&2; exit 1; }
command -v patch >/dev/null || { echo "restore.sh: the 'patch' program is required (apt-get install patch)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "$PACKAGE@$VERSION" --silent >/dev/null)
tarball="$(ls "$work"/*.tgz)"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "restore.sh: integrity mismatch for $PACKAGE@$VERSION: expected $INTEGRITY, got $actual" >&2
  exit 1
fi
mapfile -t files < <(cat "$@" | sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' | sort -u)
tar -xzf "$tarball" -C "$work" "${files[@]/#/package/deps/}"
rm -rf "$out/tree"
mkdir -p "$out/tree"
cp -r "$work/package/deps/." "$out/tree/"
find "$out/tree" -name '*.proto' -exec sed -i 's/\r$//' {} +
for p in "$here"/patches/*.patch; do
  target="$(sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p" | head -n 1)"
  if [ -f "$out/tree/$target" ]; then
    patch -d "$out/tree" -p1 --forward --quiet < "$p"
  fi
done
echo "$key" > "$out/.stamp"
echo "restore.sh: $PACKAGE@$VERSION verified; ${#files[@]} protos restored into $out/tree"
