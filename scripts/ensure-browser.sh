#!/usr/bin/env bash
# Makes sure the e2e tests have a Chromium: the system one (CHROMIUM_PATH, or Debian's
# /usr/bin/chromium, installed with apt-get when we are root on Debian/Ubuntu), else Playwright's own.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "ensure-browser: installing Debian's chromium with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-browser: no system Chromium; installing Playwright's" >&2
npx playwright install chromium
