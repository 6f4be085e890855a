#!/usr/bin/env bash
# The README's test command: set up the Python references, then run the whole suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bash tools/test-support/setup-python.sh
npx vitest run "$@"
