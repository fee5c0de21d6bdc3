#!/usr/bin/env bash
# Prepares everything `make hub` needs, idempotently (a second run does no work twice):
#   1. the hub's own venv, $HUB_VAR/venv (VENV=... picks another path), from a python3 >= 3.10
#      that every account can run, with the project's one lock, requirements.txt (JupyterHub,
#      JupyterLab 4, every dependency pinned with hashes; pip --require-hashes), installed
#      again only when the lock changes. The project's own .venv (make setup) is never used
#      nor touched: it may be built from a Python that students cannot run;
#   2. the student edition in student/ (scripts/grading.py, as make student; remade when the
#      notebooks change), and configurable-http-proxy from hub/package-lock.json (npm ci);
#   3. a shared, read-only toolchain for the students in $HUB_SHARED (default $HUB_VAR/shared,
#      HUB_VAR=/var/lib/gdkit-hub: outside the checkout, so that go ./... never walks the module cache):
#      bin/ (gonb and goimports at go.mod's pins, hubcache), gomod/ (the module cache the
#      notebooks build from), gocache-seed/ (a warm Go build cache), jupyter/ (the Go kernel
#      spec), and student.env (the environment every student's server and kernel get).
# Students run as their own accounts and build gdkit from the checkout, so the checkout,
# the venv and $HUB_SHARED must be readable by them. When the checkout is not (a clone
# under /root, or in a private temporary folder), students build from a copy of it in
# $HUB_VAR/checkout, made afresh by each run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
var=${HUB_VAR:-/var/lib/gdkit-hub}
shared=${HUB_SHARED:-$var/shared}
umask 022

say() { echo "hub-setup: $*"; }

# Root: students' accounts, a shared toolchain under $HUB_VAR, checks run as nobody.
[ "$(id -u)" = 0 ] || { echo "hub-setup: run as root (sudo make hub): the hub serves system accounts" >&2; exit 1; }

# traversable DIR: every folder from / to DIR lets other accounts through.
traversable() {
  local dir=$1 perms
  while [ "$dir" != / ]; do
    perms=$(stat -c %A "$dir")
    [ "${perms:9:1}" = x ] || [ "${perms:9:1}" = t ] || return 1
    dir=$(dirname "$dir")
  done
}
mkdir -p "$var"
chmod 755 "$var"
traversable "$var" || { echo "hub-setup: HUB_VAR=$var is not traversable by other accounts" >&2; exit 1; }
venv=${VENV:-$var/venv}
case "$(realpath -m "$venv")/" in
"$root"/*) echo "hub-setup: VENV=$venv is inside the checkout: the hub keeps its own venv outside it (default $var/venv)" >&2; exit 1 ;;
esac
# 1. Python: the hub's venv from the project's lock. Students' servers run its
# interpreter as their own accounts, so it must be one that every account can
# execute (a python3 under /root, as pyenv installs it, is not), and >= 3.10,
# JupyterHub 6's minimum (the lock's jupyterhub pin carries that marker).
as_nobody() { runuser -u nobody -- "$@" >/dev/null 2>&1; }
new_enough='import sys; sys.exit(sys.version_info < (3, 10))'
if ! as_nobody "$venv/bin/python" -c "$new_enough"; then
  py=${HUB_PYTHON:-}
  if [ -z "$py" ]; then
    for cand in /usr/bin/python3 "$(command -v python3)"; do
      if [ -n "$cand" ] && as_nobody "$cand" -c "import venv, ensurepip; $new_enough"; then py=$cand; break; fi
    done
  fi
  [ -n "$py" ] || { echo "hub-setup: no python3 >= 3.10 with venv that other accounts can run (apt-get install python3-venv, or HUB_PYTHON=/path/to/python3)" >&2; exit 1; }
  if [ -e "$venv" ]; then
    # Only a venv is ever removed: refuse anything else at that path.
    [ -f "$venv/pyvenv.cfg" ] || { echo "hub-setup: $venv exists and is not a venv: remove it or set VENV" >&2; exit 1; }
    say "$venv runs an interpreter other accounts cannot execute, or older than 3.10; recreating it from $py"
    rm -rf "$venv"
  else
    say "creating $venv from $py"
  fi
  "$py" -m venv "$venv"
fi
# The stamp is written only after pip succeeds, so an interrupted install is redone.
req_sum=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$venv/.gdkit-hub-requirements" 2>/dev/null)" != "$req_sum" ]; then
  say "installing requirements.txt into $venv (pip --require-hashes)"
  "$venv/bin/python" -m pip install -q --no-input --disable-pip-version-check --require-hashes -r requirements.txt
  echo "$req_sum" > "$venv/.gdkit-hub-requirements"
fi
"$venv/bin/python" -c 'import jupyterhub, pamela' ||
  { echo "hub-setup: $venv lacks jupyterhub or pamela after installing requirements.txt" >&2; exit 1; }

# Students get JupyterLab without nbgrader's teacher tools (Create Assignment,
# Formgrader, the Nbgrader menu): the teacher makes the student edition and grades
# with make student / make autograde, from the command line. nbgrader stays
# installed (the student edition is made with it, below); only its JupyterLab
# extension and server extensions are switched off in this venv.
# Disabled and locked (a student cannot turn it back on in the Extension Manager).
if [ "$(grep -c '"@jupyter/nbgrader": true' "$venv/etc/jupyter/labconfig/page_config.json" 2>/dev/null)" != 2 ]; then
  { "$venv/bin/jupyter" labextension disable --level=sys_prefix @jupyter/nbgrader &&
    "$venv/bin/jupyter" labextension lock --level=sys_prefix @jupyter/nbgrader; } >/dev/null 2>&1 ||
    { echo "hub-setup: could not disable nbgrader's JupyterLab extension in $venv" >&2; exit 1; }
fi
for e in formgrader validate_assignment assignment_list course_list; do
  grep -q false "$venv/etc/jupyter/jupyter_server_config.d/nbgrader.server_extensions.$e.json" 2>/dev/null ||
    "$venv/bin/jupyter" server extension disable --sys-prefix "nbgrader.server_extensions.$e" >/dev/null 2>&1 ||
    { echo "hub-setup: could not disable nbgrader.server_extensions.$e in $venv" >&2; exit 1; }
done

# The student edition, student/, that each student gets a copy of on first spawn:
# make student's, from the lock's nbgrader in this venv (scripts/grading.py), made
# again when a teacher notebook or the grading configuration changes.
ed_sum=$(cat notebooks/[0-9]*.ipynb notebooks/setup.sh nbgrader_config.py scripts/grading.py scripts/nbgrader_gonb.py | sha256sum | cut -d' ' -f1)
if [ ! -f student/00_inicio.ipynb ] || [ "$(cat out/hub-student-edition.stamp 2>/dev/null)" != "$ed_sum" ]; then
  say "making the student edition in student/ (nbgrader)"
  "$venv/bin/python" scripts/grading.py student student
  mkdir -p out
  echo "$ed_sum" > out/hub-student-edition.stamp
fi

# The checkout students build from: this one, or a copy when this one is not
# readable by other accounts.
if traversable "$root"; then
  groot=$root
else
  groot=$var/checkout
  say "$root is not readable by other accounts: students build from a copy in $groot"
  rm -rf "$groot.new"
  mkdir -p "$groot.new"
  tar -C "$root" --exclude=./.git --exclude=./.venv --exclude=./hub/node_modules -cf - . | tar -C "$groot.new" -xf -
  chmod -R a+rX,go-w "$groot.new"
  rm -rf "$groot"
  mv "$groot.new" "$groot"
fi

# 2. Node: configurable-http-proxy, exactly as locked (HUB_SETUP_PROXY=0 skips it:
# a single-user image needs no proxy).
lock_sum=$(sha256sum hub/package-lock.json | cut -d' ' -f1)
if [ "${HUB_SETUP_PROXY:-1}" != 0 ] && [ "$(cat hub/node_modules/.gdkit-lock 2>/dev/null)" != "$lock_sum" ]; then
  say "installing configurable-http-proxy (npm ci)"
  (cd hub && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  echo "$lock_sum" > hub/node_modules/.gdkit-lock
fi

# 3. The students' shared toolchain.
mkdir -p "$shared/bin" "$shared/gomod" "$shared/jupyter/kernels/gonb"
chmod 755 "$shared" "$shared/bin" "$shared/jupyter" "$shared/jupyter/kernels" "$shared/jupyter/kernels/gonb"
GOBIN="$shared/bin" go install tool                       # gonb + goimports, pinned in go.mod
go build -o "$shared/bin/hubcache" ./hub/cmd/hubcache
goroot_bin="$(go env GOROOT)/bin"
traversable "$goroot_bin" || { echo "hub-setup: Go ($goroot_bin) is not readable by other accounts; install it under /usr/local" >&2; exit 1; }

# The module cache students build from: every module of go.mod, taken from this
# machine's cache when it has them (file:// proxy), otherwise from GOPROXY.
GOMODCACHE="$shared/gomod" GOFLAGS=-mod=mod \
  GOPROXY="file://$(go env GOMODCACHE)/cache/download,$(go env GOPROXY)" go mod download

# The environment of every student's server, kernel and go command. The spawner
# (hub/gdkit_hub.py) reads it and adds the per-student variables.
cat > "$shared/student.env" <<ENV
PATH=$shared/bin:$venv/bin:$goroot_bin:/usr/local/bin:/usr/bin:/bin
HUB_VENV=$venv
GDKIT_ROOT=$groot
GOMODCACHE=$shared/gomod
GOPROXY=off
GOFLAGS=-mod=mod
GOTOOLCHAIN=local
GOTELEMETRY=off
JUPYTER_PATH=$shared/jupyter
JUPYTER_CONFIG_PATH=$groot/hub/singleuser
ENV
chmod 644 "$shared/student.env"

# The Go kernel spec, the same as make setup writes, naming the shared binaries.
JUPYTER_DATA_DIR=$shared/jupyter KERNEL_BIN=$shared/bin bash scripts/install-kernel.sh
chmod 644 "$shared/jupyter/kernels/gonb/kernel.json"

# The warm build cache: compile, as a student's kernel would (same environment,
# a scratch module wired by notebooks/setup.sh), every package the notebooks
# import, into gocache-seed. GOPROXY=off proves gomod/ is complete.
seed="$shared/gocache-seed"
stamp=$( (go version; cat go.sum "$shared/student.env"; git ls-files -s gdkit datasets 2>/dev/null || find gdkit datasets -name '*.go' -exec sha256sum {} +) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$seed/.gdkit-stamp" 2>/dev/null)" != "$stamp" ]; then
  say "warming the shared build cache $seed (about a minute the first time)"
  bash hub/seed-cache.sh "$seed"
  echo "$stamp" > "$seed/.gdkit-stamp"
fi
chmod -R a+rX,go-w "$seed"
chmod -R a+rX "$shared/gomod"

say "ready: venv $venv, proxy $(hub/node_modules/.bin/configurable-http-proxy --version 2>/dev/null || echo none), shared toolchain $shared"
