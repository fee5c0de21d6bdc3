#!/usr/bin/env bash
# Writes the "Go (gonb)" Jupyter kernel spec for this user, into
# $JUPYTER_DATA_DIR/kernels/gonb (scripts/setup.sh passes the folder that
# `jupyter --data-dir` names: ~/.local/share/jupyter on Linux,
# ~/Library/Jupyter on macOS). Every Jupyter of this user finds it there:
# the project's .venv, a `jupyter lab` of their own and VS Code.
# The spec names gonb by absolute path and carries a PATH with goimports and
# Go's own directory, so the kernel works from any shell with no PATH edits.
# The binaries are the ones `go install tool` builds at the versions go.mod
# pins, or those in $KERNEL_BIN (hub/setup.sh: the students' shared bin/).
# The spec is rewritten only when it changes.
set -euo pipefail
cd "$(dirname "$0")/.."
gobin=${KERNEL_BIN:-$(go env GOBIN)}
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
[ -x "$gobin/gonb" ] || { echo "install-kernel: $gobin/gonb missing: run go install tool" >&2; exit 1; }
goroot_bin="$(go env GOROOT)/bin"
datadir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}"
kdir="$datadir/kernels/gonb"
mkdir -p "$kdir"
spec=$(cat <<JSON
{
  "argv": ["$gobin/gonb", "--kernel", "{connection_file}"],
  "display_name": "Go (gonb)",
  "language": "go",
  "interrupt_mode": "message",
  "env": {"PATH": "$gobin:$goroot_bin:/usr/local/bin:/usr/bin:/bin"}
}
JSON
)
if [ ! -f "$kdir/kernel.json" ] || [ "$(cat "$kdir/kernel.json")" != "$spec" ]; then
  printf '%s\n' "$spec" >"$kdir/kernel.json"
  echo "install-kernel: wrote $kdir/kernel.json"
fi
