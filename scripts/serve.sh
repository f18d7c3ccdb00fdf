#!/usr/bin/env bash
# One command: set up .venv and serve the dashboard on the bundled seed article.
# Usage: bash scripts/serve.sh [timeline serve args, e.g. --port 8060]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/timeline serve "$@"
