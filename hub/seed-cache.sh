#!/usr/bin/env bash
# usage: hub/seed-cache.sh DIR
# Builds DIR, a Go build cache (GOCACHE layout) holding every package that the
# notebooks import, compiled in the environment of a student's kernel
# ($HUB_SHARED/student.env) from a GoNB-like scratch module wired by
# notebooks/setup.sh. Used as the read-only warm layer under each student's
# cache (hubcache -seed), or copied per student.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
dest=${1:?usage: hub/seed-cache.sh DIR}
shared=${HUB_SHARED:-${HUB_VAR:-/var/lib/gdkit-hub}/shared}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -a; . "$shared/student.env"; set +a
export GOCACHE="$dest" HOME="$tmp"
unset GOCACHEPROG
cd "$tmp"
go mod init gonb_seed >/dev/null 2>&1
GONB_DIR="$root/notebooks" bash "$root/notebooks/setup.sh" >/dev/null
# Every import path quoted in the notebooks' code, gdkit's own packages, GoNB's
# display package and the standard packages goimports adds to cells.
{
  go list -f '{{if not (eq .Name "main")}}{{.ImportPath}}{{end}}' gdkit.dev/gdkit/... gdkit.dev/datasets/... 2>/dev/null
  python3 -c '
import json, re, sys
for p in sys.argv[1:]:
    for c in json.load(open(p))["cells"]:
        src = "".join(c["source"]) if c["cell_type"] == "code" else ""
        for block in re.findall(r"^import\s*\((.*?)^\)", src, re.M | re.S):
            print("\n".join(re.findall(r"\"([\w./-]+)\"", block)))
        print("\n".join(re.findall(r"^import\s+(?:\w+\s+)?\"([\w./-]+)\"", src, re.M)))' "$root"/notebooks/*.ipynb
  printf '%s\n' github.com/janpfeifer/gonb/gonbui github.com/janpfeifer/gonb/gonbui/dom \
    github.com/janpfeifer/gonb/gonbui/widgets fmt math math/rand os strings sort time errors strconv
} | grep -v -e '/internal' -e '^\s*$' | sort -u > imports.txt
{
  echo "package main"
  echo "import ("
  sed 's/.*/\t_ "&"/' imports.txt
  echo ")"
  echo "func main() {}"
} > main.go
go build -o "$tmp/seed-prog" .
echo "hub-seed: $(wc -l < imports.txt) packages and their dependencies in $dest ($(du -sh "$dest" | cut -f1))"
