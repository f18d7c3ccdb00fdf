#!/usr/bin/env bash
# One command: install system packages (Debian's chromium), set up .venv, run every test.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --system
exec .venv/bin/python -m pytest "$@"
