#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium (Playwright downloads nothing here) and need a CJK
# font, or Chinese renders as boxes in the screenshots. Installs both unless they are already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'WenQuanYi Zen Hei'; then
  echo "chromium and fonts-wqy-zenhei already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei
