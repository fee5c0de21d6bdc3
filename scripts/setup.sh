#!/usr/bin/env bash
# Sets up what `make run` and `make test` need, one line per step with its
# time:
#   1. a python3 >= 3.9 with the venv module (PYTHON=... picks another one);
#   2. Jupyter (JupyterLab 4, Notebook 7, nbclient, nbconvert) in .venv, from
#      the exact pins of requirements.txt;
#   3. GoNB and goimports, built at the versions go.mod pins (go install tool);
#   4. the "Go (gonb)" kernel spec in the user's Jupyter data folder;
#   5. the Go build cache, warmed with every package the notebooks import.
# Idempotent: a second run installs nothing and takes seconds. A run that was
# interrupted is repaired by the next (a .venv without its completion stamp
# is made again). Details of every step go to out/setup.log; a failing step
# prints one line saying what to do.
# Works with the bash 3.2 of macOS.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/.venv"
py=${PYTHON:-python3}
mkdir -p out
log="$root/out/setup.log"
: >"$log"
exec 3>&2 # the terminal, for the one-line errors

die() {
  echo "failed" >&3
  echo "gdkit: $*" >&3
  exit 1
}

now() { "$py" -c 'import time; print(time.time())' 2>/dev/null || date +%s; }

# step LABEL FUNC: prints LABEL, runs FUNC with its output in the log, then
# the time it took. FUNC may set $note to say more at the end of the line.
step() {
  local label=$1 t0 t1
  shift
  printf 'gdkit: %s ... ' "$label" >&3
  echo "== $label" >>"$log"
  note=""
  t0=$(now)
  "$@" >>"$log" 2>&1
  t1=$(now)
  awk -v a="$t0" -v b="$t1" -v n="$note" 'BEGIN { printf "%s%.1f s\n", (n == "" ? "" : n ", "), b - a }' >&3
}

# ---- 1. python3 -------------------------------------------------------------

check_python() {
  command -v "$py" >/dev/null 2>&1 ||
    die "$py not found: install Python >= 3.9 with venv (Debian/Ubuntu: sudo apt-get install python3 python3-venv; macOS: xcode-select --install), then run make again"
  pyver=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') ||
    die "$py does not run: fix it, or point make at another Python: make run PYTHON=/path/to/python3"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' ||
    die "$py is Python $pyver, older than 3.9: install a newer Python, or point make at one: make run PYTHON=python3.12"
  note="Python $pyver"
}

# venv_usable reports whether .venv runs with the chosen python's version.
venv_usable() {
  [ -x "$venv/bin/python" ] &&
    [ "$("$venv/bin/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" = "$pyver" ] &&
    "$venv/bin/python" -c 'import pip' >/dev/null 2>&1
}

# ensure_venv_module installs Debian's venv package for this python when it
# lacks ensurepip (root or passwordless sudo), or says what to run.
ensure_venv_module() {
  "$py" -c 'import venv, ensurepip' 2>/dev/null && return 0
  local mm pkg sudo exe
  mm=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  exe=$("$py" -c 'import sys, os; print(os.path.realpath(sys.executable))')
  pkg=python3-venv
  if command -v apt-cache >/dev/null 2>&1 && apt-cache show "python$mm-venv" >/dev/null 2>&1; then
    pkg="python$mm-venv"
  fi
  case "$exe" in
  /usr/bin/*) ;;
  *) die "$py ($exe) has no venv module: use a Python that has it: make run PYTHON=/path/to/python3" ;;
  esac
  command -v apt-get >/dev/null 2>&1 ||
    die "$py has no venv module: install it with your system's package manager, then run make again"
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    die "$py has no venv module: run  sudo apt-get install -y $pkg  then make again"
  fi
  echo "installing $pkg with apt-get"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" ||
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg"; } ||
    die "could not install $pkg: run  sudo apt-get install -y $pkg  then make again"
  "$py" -c 'import venv, ensurepip' 2>/dev/null ||
    die "$pkg is installed but $py still has no venv module: make run PYTHON=/usr/bin/python$mm"
  note="installed $pkg"
}

# ---- 2. Jupyter in .venv ------------------------------------------------------

sha256() { "$py" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"; }

install_jupyter() {
  local stamp="$venv/.gdkit-stamp" want
  want="$(sha256 requirements.txt) python $pyver"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && venv_usable && [ -x "$venv/bin/jupyter-lab" ]; then
    note="up to date"
  else
    # No stamp: a fresh machine, a run that was interrupted, new pins or a
    # new Python. Start from an empty .venv so nothing half-installed stays.
    rm -rf "$venv"
    ensure_venv_module
    "$py" -m venv "$venv" ||
      die "python3 -m venv failed (see out/setup.log): remove .venv and run make again"
    if ! "$venv/bin/python" -m pip install --no-input --disable-pip-version-check --retries 2 \
      --require-hashes -r requirements.txt; then
      rm -rf "$venv"
      if grep -Eqi 'connection|resolve|network|timed out|No matching distribution|Could not fetch|ProxyError|SSLError' "$log"; then
        die "cannot download Jupyter from PyPI: check the network or proxy (HTTPS_PROXY, PIP_INDEX_URL), then run make again (details: out/setup.log)"
      fi
      die "pip could not install requirements.txt into .venv: $(grep -E 'ERROR' "$log" | tail -1) (details: out/setup.log)"
    fi
    echo "$want" >"$stamp"
  fi
  note="$("$venv/bin/python" -c 'from importlib.metadata import version as v
print("JupyterLab %s, Notebook %s" % (v("jupyterlab"), v("notebook")))')${note:+, $note}"
}

# ---- 3.-5. Go -------------------------------------------------------------------

install_tools() {
  command -v go >/dev/null 2>&1 ||
    die "go not found: install Go (the version of go.mod's go line or newer) from go.dev/dl, then run make again"
  go install tool || die "go install tool failed (see out/setup.log)"
  note="GoNB $(go list -m -f '{{.Version}}' github.com/janpfeifer/gonb)"
}

install_spec() {
  JUPYTER_DATA_DIR=$("$venv/bin/jupyter" --data-dir) bash scripts/install-kernel.sh ||
    die "could not write the kernel spec (see out/setup.log)"
  note=$("$venv/bin/jupyter" --data-dir)/kernels/gonb
}

warm_cache() {
  bash scripts/warm-cache.sh || die "warming the Go build cache failed (see out/setup.log)"
  note=$(tail -1 "$log")
}

t_start=$(now)
step "python3" check_python
step "Jupyter in .venv (pip, pinned by requirements.txt)" install_jupyter
step "GoNB kernel and goimports (go install tool)" install_tools
step "kernel spec Go (gonb)" install_spec
step "Go build cache (packages the notebooks import)" warm_cache
awk -v a="$t_start" -v b="$(now)" 'BEGIN { printf "gdkit: set-up done in %.1f s\n", b - a }' >&3
