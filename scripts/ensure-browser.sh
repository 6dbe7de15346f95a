#!/bin/sh
# Browser tests drive Debian's Chromium through the playwright package (no browser download).
# Installs chromium and CJK fonts when missing and we may; otherwise the browser tests skip,
# unless REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto.*CJK"; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and fonts-noto-cjk for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
    || echo "Could not install chromium; browser tests will be skipped."
else
  echo "chromium not found at /usr/bin/chromium: browser tests will be skipped (install Debian's chromium and fonts-noto-cjk to run them)."
fi
exit 0
