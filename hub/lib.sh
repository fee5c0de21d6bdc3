# shellcheck shell=bash disable=SC2154
# Helpers for hub/load.sh, hub/test.sh and hub/cache-bench.sh (sourced, not run):
# a throw-away hub on free loopback ports with its own state, and test accounts.
# Callers set: root (the checkout), and may set HUB_VAR.
HUB_VAR=${HUB_VAR:-/var/lib/gdkit-hub}
export HUB_VAR
# The venv and the checkout the students use, as hub/setup.sh chose them.
student_env=${HUB_SHARED:-$HUB_VAR/shared}/student.env
HUB_VENV=$(sed -n 's/^HUB_VENV=//p' "$student_env" 2>/dev/null)
GROOT=$(sed -n 's/^GDKIT_ROOT=//p' "$student_env" 2>/dev/null)
[ -n "$HUB_VENV" ] && [ -n "$GROOT" ] || { echo "$student_env is missing: run make hub-setup" >&2; exit 1; }
export HUB_VENV GROOT

# free_base: prints a port P in HUB_FREE_PORTS (lo-hi, default 19000-19098) with P, P+1
# and P+2 free on 127.0.0.1.
free_base() {
  "$HUB_VENV/bin/python" - "${HUB_FREE_PORTS:-19000-19098}" <<'PY'
import random, socket, sys
lo, hi = map(int, sys.argv[1].split("-"))
def free(p):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p)); return True
        except OSError:
            return False
bases = list(range(lo, hi - 1, 3)); random.shuffle(bases)
for b in bases:
    if all(free(b + i) for i in range(3)):
        print(b); break
else:
    raise SystemExit(f"no three free ports in a row in {lo}-{hi}")
PY
}

# start_hub STATE_DIR LOG: starts JupyterHub with hub/jupyterhub_config.py in the
# background (its own session), sets HUB_PID and HUB_URL, waits until it answers.
# Extra configuration comes from the caller's HUB_* environment.
start_hub() {
  local state=$1 log=$2 port
  port=$(free_base)
  mkdir -p "$state"
  HUB_PORT=$port HUB_STATE=$state setsid "$HUB_VENV/bin/jupyterhub" -f "$root/hub/jupyterhub_config.py" >"$log" 2>&1 &
  HUB_PID=$!
  HUB_URL=http://127.0.0.1:$port
  local i
  for i in $(seq 1 240); do
    curl -fsS "$HUB_URL/hub/api" >/dev/null 2>&1 && return 0
    kill -0 "$HUB_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "hub did not start; its log:" >&2
  tail -30 "$log" >&2
  return 1
}

# stop_hub: SIGTERM (the hub stops the students' servers), then SIGKILL after 60 s.
stop_hub() {
  [ -n "${HUB_PID:-}" ] || return 0
  kill -TERM "$HUB_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 120); do
    kill -0 "$HUB_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- -"$HUB_PID" 2>/dev/null || true
  wait "$HUB_PID" 2>/dev/null || true
  HUB_PID=
}

# make_accounts PREFIX N CLASSFILE PWFILE: accounts PREFIX01..PREFIXNN via hub/users.sh.
make_accounts() {
  local prefix=$1 n=$2 class=$3 pw=$4 i
  mkdir -p "$(dirname "$class")"
  : > "$class"
  for i in $(seq 1 "$n"); do printf '%s%02d\n' "$prefix" "$i" >> "$class"; done
  bash "$root/hub/users.sh" "$class" "$pw" >/dev/null
}

remove_accounts() {
  local class=$1 pw=$2
  [ -f "$class" ] && bash "$root/hub/users.sh" --remove "$class" "$pw" >/dev/null 2>&1
  rm -f "$class" "$pw"
}
