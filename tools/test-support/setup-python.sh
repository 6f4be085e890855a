#!/usr/bin/env bash
# Creates the git-ignored virtual environments of test references, one per pinned requirements
# file in tools/test-support/python/ (main.txt -> .venv-test/main, ...), and reuses each one
# while its pins stay the same.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

# Two test runs starting at once must not delete a virtual environment the other is filling.
mkdir -p "$root/.venv-test"
exec 9>"$root/.venv-test/.setup.lock"
flock 9

for requirements in "$root"/tools/test-support/python/*.txt; do
  name="$(basename "$requirements" .txt)"
  venv="$root/.venv-test/$name"
  stamp="$venv/.requirements.sha256"
  wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ -x "$venv/bin/python" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    continue
  fi
  echo "[test setup] installing the pinned references of $name into .venv-test/$name (once)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  echo "$wanted" > "$stamp"
done
