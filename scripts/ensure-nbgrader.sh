#!/usr/bin/env bash
# Makes sure .venv has nbgrader (and the Jupyter it drives) at the pinned
# versions of scripts/requirements-nbgrader.txt; make student, make
# autograde and their test run it. A second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-.venv}
req=scripts/requirements-nbgrader.txt
stamp="$venv/.nbgrader-$(sha256sum "$req" | cut -c1-16)"
[ -f "$stamp" ] && [ -x "$venv/bin/nbgrader" ] && exit 0
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" 2>/dev/null || {
    echo "gdkit: python3 cannot create a venv; install python3-venv (Debian/Ubuntu) and run make again" >&2
    exit 1
  }
fi
echo "gdkit: installing nbgrader into $venv (pinned in $req)"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req"
touch "$stamp"
