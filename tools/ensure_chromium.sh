#!/bin/sh
# Make sure Debian's chromium is present for the browser tests.
# Installs it with apt-get when it is missing and apt is usable (root, or sudo without a password);
# otherwise says how to get it. Never downloads a browser build of its own.
set -eu
for exe in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$exe" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
  if [ "$SUDO" != "none" ]; then
    echo "Installing Debian chromium for the browser tests..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    exit 0
  fi
fi
echo "chromium not found and apt-get is not usable here: the browser tests will be skipped."
echo "Install Chromium (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH to run them."
