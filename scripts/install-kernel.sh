#!/usr/bin/env bash
# Builds the GoNB kernel and goimports at the versions pinned in go.mod
# (tool dependencies) and installs the "Go (gonb)" Jupyter kernel spec for
# this user. The spec names the binaries by absolute path and carries a PATH
# with Go's own directory, so the kernel works from any shell, from
# `jupyter notebook` started anywhere and from VS Code, with no PATH edits.
# Idempotent: the build is incremental and the spec is rewritten only when it
# changes.
set -euo pipefail
cd "$(dirname "$0")/.."
gobin=$(go env GOBIN)
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
# `go install tool` builds every tool of go.mod at its pinned version.
GOBIN="$gobin" go install tool
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
  printf '%s\n' "$spec" > "$kdir/kernel.json"
  echo "gdkit: installed the Go (gonb) kernel spec in $kdir"
fi
