#!/usr/bin/env bash
# Creates or updates .venv with the pinned test requirements (python-interop/requirements-test.txt).
# Re-installs only when the requirements file changed since the last install.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
requirements="$root/python-interop/requirements-test.txt"
venv="$root/.venv"
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
python=${HEPBRIDGE_BOOTSTRAP_PYTHON:-python3}
echo "hepbridge: preparing the Python test environment in .venv..."
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$wanted" > "$stamp"
