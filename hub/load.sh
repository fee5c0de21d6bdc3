#!/usr/bin/env bash
# usage: hub/load.sh K   (make hub-load K=...)
# Load test: K throw-away accounts (hubload01..), a hub of their own on free
# loopback ports, and hubload: the K students log in at once, start their
# servers and run their copy of 02_descenso_1d (the student edition, its
# exercises filled in with the teacher's answers from notebooks/) through the
# kernel websocket.
# Prints the summary (and keeps the raw numbers in $HUB_VAR/load/K.json), then
# stops the hub and deletes the accounts (HUB_KEEP_USERS=1 keeps them).
# Environment: HUB_LOAD_NOTEBOOK (02_descenso_1d.ipynb), HUB_LOAD_THINK (0s),
# and every HUB_* setting of hub/jupyterhub_config.py.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
k=${1:?usage: hub/load.sh K}
if ! [[ "$k" =~ ^[0-9]+$ ]] || [ "$k" -lt 1 ] || [ "$k" -gt 60 ]; then
  echo "hub-load: K must be 1..60" >&2; exit 1
fi
[ "$(id -u)" = 0 ] || { echo "hub-load: run as root (creates system accounts)" >&2; exit 1; }
. hub/lib.sh
dir=$HUB_VAR/load
class=$dir/class.txt pw=$dir/passwords.txt
mkdir -p "$dir"; chmod 700 "$dir"
go build -o "$dir/hubload" ./hub/cmd/hubload
HUB_SERVICE_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
export HUB_SERVICE_TOKEN
state=$(mktemp -d)
cleanup() {
  stop_hub
  [ "${HUB_KEEP_USERS:-0}" = 1 ] || remove_accounts "$class" "$pw"
  rm -rf "$state"
}
trap cleanup EXIT
make_accounts hubload "$k" "$class" "$pw"
start_hub "$state" "$dir/hub.log"
echo "hub-load: $k students on $HUB_URL (hub pid $HUB_PID); machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$dir/hubload" -hub "$HUB_URL" -users "$pw" -k "$k" -hub-pid "$HUB_PID" \
  -notebook "${HUB_LOAD_NOTEBOOK:-02_descenso_1d.ipynb}" -answers "$root/notebooks" -think "${HUB_LOAD_THINK:-0s}" \
  -timeout "${HUB_LOAD_TIMEOUT:-25m}" -json "$dir/$k.json"
