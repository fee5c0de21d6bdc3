#!/usr/bin/env bash
# Smoke test of `make run`, as a user starts it:
#   1. make run, with its first port taken: it must move to the next free
#      port and say so, and serve JupyterLab 4 whose kernel list has the Go
#      kernel (its binary named by an absolute path that exists) and whose
#      file list has every notebook;
#   2. make run UI=notebook: Notebook 7 serves the same.
# Each server is stopped (with its process group) before the next starts.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
log=$(mktemp)
pid=""
blocker=""
cleanup() {
  [ -z "$pid" ] || { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [ -z "$blocker" ] || { kill "$blocker" 2>/dev/null || true; wait "$blocker" 2>/dev/null || true; }
  pid="" blocker=""
}
trap 'cleanup; rm -f "$log"' EXIT
fail() { echo "run-smoke: $*" >&2; sed 's/^/  | /' "$log" | tail -20 >&2; exit 1; }

# A free port to start from: chosen by the system, or the first free one of
# $GDKIT_PORTS (LO-HI), as for the browser test.
port=$("$py" - <<'PY'
import os, socket
lo, _, hi = os.environ.get("GDKIT_PORTS", "0-0").partition("-")
for p in range(int(lo), int(hi) + 1):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    print(s.getsockname()[1])
    break
PY
)

# start UI: runs make run in its own process group; sets $url from its banner.
start() {
  : >"$log"
  setsid make --no-print-directory run UI="$1" PORT="$port" >"$log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 240); do
    url=$(grep -o 'serves notebooks/ at  http://127\.0\.0\.1:[0-9]*/[a-z]*?token=[0-9a-f]*' "$log" | sed 's/.* at  //' || true)
    [ -n "$url" ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "make run UI=$1 exited"
    sleep 0.5
  done
  fail "make run UI=$1 printed no URL in 2 minutes"
}

# check WHAT URL: asks the server for its front-end page, kernel specs and
# notebook list.
check() {
  "$py" - "$1" "$2" notebooks/[0-9]*.ipynb <<'PY' || fail "$1 check failed"
import json, os, re, sys, urllib.parse, urllib.request
what, url, notebooks = sys.argv[1], sys.argv[2], [os.path.basename(p) for p in sys.argv[3:]]
u = urllib.parse.urlsplit(url)
base, token = f"{u.scheme}://{u.netloc}", urllib.parse.parse_qs(u.query)["token"][0]
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "token " + token})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()
page = get(u.path)
m = re.search(r'"appVersion":\s*"([0-9.]+)"', page)
major = {"JupyterLab": "4", "Notebook": "7"}[what]
if not m or not m.group(1).startswith(major + "."):
    sys.exit(f"run-smoke: {u.path} is not {what} {major}.x (appVersion {m and m.group(1)})")
specs = json.loads(get("/api/kernelspecs"))["kernelspecs"]
if "gonb" not in specs:
    sys.exit(f"run-smoke: the gonb kernel is not listed (kernels: {sorted(specs)})")
argv0 = specs["gonb"]["spec"]["argv"][0]
if not (os.path.isabs(argv0) and os.access(argv0, os.X_OK)):
    sys.exit(f"run-smoke: the gonb kernel runs {argv0!r}, not an absolute path to a program")
listed = {c["name"] for c in json.loads(get("/api/contents"))["content"]}
missing = sorted(set(notebooks) - listed)
if missing:
    sys.exit(f"run-smoke: notebooks not listed: {missing}")
print(f"run-smoke: {what} {m.group(1)} at {base}: Go (gonb) kernel ({argv0}) and {len(notebooks)} notebooks listed")
PY
}

# 1. JupyterLab, with the first port taken.
"$py" -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(600)' "$port" &
blocker=$!
sleep 0.5
start lab
grep -q "port $port is in use; using" "$log" || fail "make run did not say that port $port was in use"
case "$url" in "http://127.0.0.1:$port/"*) fail "make run used the busy port $port" ;; esac
check JupyterLab "$url"
cleanup

# 2. Notebook 7.
start notebook
check Notebook "$url"
cleanup
echo "run-smoke: ok"
