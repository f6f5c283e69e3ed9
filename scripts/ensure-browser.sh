#!/usr/bin/env bash
# Makes sure shopreach can find a Chromium. Uses one that is already there (SHOPREACH_CHROMIUM,
# Playwright's download, or a system Chromium/Chrome); otherwise tries Playwright's download, and
# where that cannot reach the internet, Debian's chromium-headless-shell package.
set -uo pipefail
cd "$(dirname "$0")/.."

found() {
  node --input-type=module -e "
    const { locateBrowser } = await import('./dist/crawl/browser/browser-locate.js');
    const browser = await locateBrowser().catch((error) => { console.error(error.message); return null; });
    if (browser) console.log('shopreach: browser ' + browser.path + ' (' + browser.source + ')');
    process.exit(browser ? 0 : 1);
  "
}

if [ ! -f dist/crawl/browser/browser-locate.js ]; then
  npm run build >/dev/null || { echo "shopreach: the build failed; run 'npm run build' to see why" >&2; exit 1; }
fi

found && exit 0

echo "shopreach: no browser found; trying Playwright's Chromium download" >&2
if timeout 600 npx --no-install playwright install chromium >&2 && found; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "shopreach: the download failed; installing Debian's chromium-headless-shell package" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "shopreach: not root and no sudo; run as root: apt-get install -y chromium-headless-shell" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 \
    && { $SUDO apt-get install -y -qq chromium-headless-shell >&2 || $SUDO apt-get install -y -qq chromium >&2; }
  found && exit 0
fi

cat >&2 <<'TXT'
shopreach: still no browser. Install one of:
  npx playwright install chromium                  (needs internet)
  sudo apt-get install chromium-headless-shell     (Debian/Ubuntu)
or set SHOPREACH_CHROMIUM to a Chromium or Chrome executable.
TXT
exit 1
