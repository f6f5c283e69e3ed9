#!/usr/bin/env bash
# The distributed-mode tests start their own Redis on a loopback port; this makes sure the
# redis-server program is there (Debian's package), the way ensure-browser.sh does for Chromium.
set -uo pipefail
if [ -n "${SHOPREACH_TEST_REDIS:-}" ] || command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  echo "shopreach: installing redis-server for the distributed-mode tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq redis-server >&2
  # Debian starts a system service on install; the tests do not use it.
  command -v redis-server >/dev/null 2>&1 && exit 0
fi
echo "shopreach: redis-server is needed by test/queue; install it (apt-get install redis-server, brew install redis) or set SHOPREACH_TEST_REDIS=redis://HOST:PORT" >&2
exit 1
