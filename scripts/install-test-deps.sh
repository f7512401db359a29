#!/usr/bin/env bash
# Before `npm test` (and in .ci/run): the two Debian packages the tests use besides npm's,
# installed when missing. The publish tests read feedwright's outputs with a real feed
# reader (python3-feedparser); the queue-mode tests start their own redis-server on a free
# port. As root with apt-get they are installed; otherwise the command to run is printed.
set -euo pipefail
missing=()
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
command -v redis-server >/dev/null || missing+=(redis-server)
((${#missing[@]})) || exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "The tests need Debian's ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} (Debian packages the tests use)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
# The package's own service is not used: the tests start theirs.
if command -v service >/dev/null; then service redis-server stop >/dev/null 2>&1 || true; fi
