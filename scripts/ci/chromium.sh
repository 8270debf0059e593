#!/usr/bin/env bash
# Chromium for the web app's browser tests (apps/web/test): Debian's package, driven by playwright-core
# (which downloads no browser). Installs it if missing; the tests look for /usr/bin/chromium
# (or CHROMIUM_PATH).
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "== $(chromium --version 2>/dev/null || echo 'chromium: not found')"
