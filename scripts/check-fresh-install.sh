#!/usr/bin/env bash
# Proves the README's `npx shopreach …` on a fresh clone and after a clean rebuild in the same folder:
# clone, npm ci, npx shopreach --help; remove dist and node_modules; npm ci, npx shopreach --help.
# The second npx reuses the link npx cached for this folder, which does not set the bin's executable
# bit again: only the build does (scripts/mark-bin-executable.mjs).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/shopreach-fresh-XXXXXX")"
npx_cache="$(npm config get cache)/_npx"

cleanup() {
  # npx keeps a folder per package spec; remove only the one that points at this clone.
  if [ -d "$npx_cache" ]; then
    grep -lsF "$work/clone" "$npx_cache"/*/package.json | xargs -r -n1 dirname | xargs -r rm -rf
  fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null
npx --yes shopreach --help >/dev/null
echo "fresh clone: npx shopreach --help works"
rm -rf dist node_modules
npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null
npx --yes shopreach --help >/dev/null
echo "after rm -rf dist node_modules && npm ci: npx shopreach --help works"
