#!/usr/bin/env bash
# Serves notebooks/ with the Jupyter of .venv (scripts/setup.sh installs it)
# on 127.0.0.1, with a token, and prints the URL to open.
#   UI=lab (default)  JupyterLab 4
#   UI=notebook       Notebook 7 (the classic one-document-per-tab interface)
#   PORT=8888         the first port to try; a busy port is skipped for the
#                     next free one (up to 50 further), and the line says so
#   JUPYTER_TOKEN     the token to use; a random one otherwise
# Ctrl-C stops the server (and its kernels).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
ui=${UI:-lab}
version() { "$venv/bin/python" -c 'import sys; from importlib.metadata import version; print(version(sys.argv[1]))' "$1"; }
case "$ui" in
lab) name="JupyterLab $(version jupyterlab)" path=lab ;;
notebook) name="Notebook $(version notebook)" path=tree ;;
*)
  echo "gdkit: UI=$ui: use UI=lab (JupyterLab, the default) or UI=notebook (Notebook 7)" >&2
  exit 2
  ;;
esac
first=${PORT:-8888}
port=$("$venv/bin/python" - "$first" <<'PY'
import socket, sys
first = int(sys.argv[1])
for port in range(first, first + 51):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
PY
)
if [ -z "$port" ]; then
  echo "gdkit: ports $first to $((first + 50)) on 127.0.0.1 are all in use: stop a server or pick another, e.g. make run PORT=9999" >&2
  exit 1
fi
[ "$port" = "$first" ] || echo "gdkit: port $first is in use; using $port"
export JUPYTER_TOKEN=${JUPYTER_TOKEN:-$("$venv/bin/python" -c 'import secrets; print(secrets.token_hex(24))')}
rootflag=()
[ "$(id -u)" != 0 ] || rootflag=(--allow-root)
# The versions are pinned by requirements.txt: no update check, no news feed.
# Only warnings and errors are logged, so the URL line below stays in sight;
# new notebooks get the Go kernel.
(cd notebooks && exec "../$venv/bin/jupyter" "$ui" --no-browser --ip=127.0.0.1 --port="$port" \
  --ServerApp.port_retries=0 --ServerApp.log_level=WARN --MultiKernelManager.default_kernel_name=gonb \
  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  --LabApp.news_url=None ${rootflag[@]+"${rootflag[@]}"}) &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; exit 130' INT TERM
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; echo "gdkit: $name did not start (its messages are above)" >&2; exit 1; }
  if "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url/api/status?token=$JUPYTER_TOKEN" 2>/dev/null; then
    break
  fi
  sleep 0.5
done
echo
echo "gdkit: $name serves notebooks/ at  $url/$path?token=$JUPYTER_TOKEN"
echo "gdkit: open that URL in your browser; Ctrl-C stops the server."
echo
wait "$pid"
