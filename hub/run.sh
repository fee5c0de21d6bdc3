#!/usr/bin/env bash
# Runs JupyterHub for the class in the foreground (make hub), from the venv
# that hub/setup.sh chose, with hub/jupyterhub_config.py.
set -euo pipefail
cd "$(dirname "$0")"
shared=${HUB_SHARED:-${HUB_VAR:-/var/lib/gdkit-hub}/shared}
venv=$(sed -n 's/^HUB_VENV=//p' "$shared/student.env" 2>/dev/null)
[ -n "$venv" ] || { echo "hub: $shared/student.env is missing: run make hub-setup" >&2; exit 1; }
exec "$venv/bin/jupyterhub" -f jupyterhub_config.py "$@"
