#!/usr/bin/env bash
# Smoke test of `make run`: starts it on a free port, asks the Jupyter server
# for its notebook list and kernel specs, then stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18888}
log=$(mktemp)
JUPYTER_TOKEN=gdkit-smoke setsid make run PORT="$port" >"$log" 2>&1 &
pid=$!
cleanup() { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
api="http://127.0.0.1:$port/api"
for _ in $(seq 1 120); do
  curl -fsS "$api/status?token=gdkit-smoke" >/dev/null 2>&1 && break
  sleep 1
done
contents=$(curl -fsS "$api/contents?token=gdkit-smoke") || { cat "$log"; echo "run-smoke: Jupyter did not answer" >&2; exit 1; }
specs=$(curl -fsS "$api/kernelspecs?token=gdkit-smoke")
grep -q '"00_inicio.ipynb"' <<<"$contents" || { echo "run-smoke: 00_inicio.ipynb not listed" >&2; exit 1; }
grep -q '"gonb"' <<<"$specs" || { echo "run-smoke: the gonb kernel is not listed" >&2; exit 1; }
grep -o 'http://127.0.0.1:[0-9]*/[^ ]*' "$log" | head -1 | sed 's/^/run-smoke: make run printed /'
echo "run-smoke: ok (notebooks and the Go (gonb) kernel are served)"
