#!/usr/bin/env bash
# Set up a virtual environment in .venv with timeline and its test tools.
# Usage: bash scripts/setup.sh [--system]   (--system also installs Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--system" ] && { ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; }; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "setup: run as root (or: sudo apt-get install -y chromium chromium-driver) for image export and browser tests" >&2
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,bench,serve]'
