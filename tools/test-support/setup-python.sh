#!/usr/bin/env bash
# Creates the git-ignored virtual environment of test references (MLflow, scikit-learn),
# and reuses it while the pinned requirements stay the same.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv-test"
requirements="$root/tools/test-support/python/requirements.txt"
stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
echo "[test setup] installing pinned test references into .venv-test (once)"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
echo "$wanted" > "$stamp"
