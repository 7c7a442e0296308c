#!/bin/sh
# Install Debian's Chromium for the browser tests (tests/web) when it is missing. Idempotent.
# Browsers are never downloaded by Playwright: the tests drive /usr/bin/chromium.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
test -x /usr/bin/chromium
