#!/usr/bin/env bash
# The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into
# an empty prefix, then the installed `feedwright` run from an empty folder: --version,
# --help, init, and a run against the starter configuration with its sources pointed at
# an address that refuses connections (a clear line per source, exit status 1, no stack
# trace). Also checks that no tsx or esbuild is in the installed dependency tree.
# Usage: bash scripts/check-package.sh [WORKDIR]   (needs the npm registry for dependencies)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/prefix" "$work/site"

tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "check-package: packed $tarball"
tar -tzf "$work/$tarball" | sed 's#^package/##' | grep -Ev '^(bin|dist|config)/|^(package\.json|README\.md|LICENSE)$' && { echo "check-package: unexpected files in the tarball (above)"; exit 1; }

npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work/$tarball" >/dev/null
fw="$work/prefix/bin/feedwright"
installed="$work/prefix/lib/node_modules/feedwright"

if (cd "$installed" && npm ls --all --omit=dev 2>/dev/null | grep -E ' (tsx|esbuild)@'); then
  echo "check-package: tsx or esbuild in the production dependency tree"; exit 1
fi

cd "$work/site"
"$fw" --version | grep -Eq '^feedwright [0-9]+\.[0-9]+\.[0-9]+$'
"$fw" --help | grep -q 'Usage: feedwright <command>'
"$fw" init
# Point the starter's sources at a closed port: what a user without network sees.
sed -i -E 's#url: https://techcrunch\.com/#url: http://127.0.0.1:9/#' config/feedwright.yaml
sed -i -E 's#allowPrivateNetworks: false#allowPrivateNetworks: true#' config/feedwright.yaml
set +e
"$fw" run --config config/feedwright.yaml 2>"$work/run.log"
status=$?
set -e
cat "$work/run.log"
[ "$status" -eq 1 ] || { echo "check-package: run exited $status, expected 1"; exit 1; }
grep -q 'msg="Unable to fetch feed"' "$work/run.log"
grep -q 'msg="Run failed: every source failed"' "$work/run.log"
if grep -Eq '^\s+at ' "$work/run.log"; then echo "check-package: a stack trace was printed"; exit 1; fi
echo "check-package: ok (installed $installed)"
