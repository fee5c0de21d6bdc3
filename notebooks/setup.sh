#!/usr/bin/env bash
# Wires the gdkit module (gdkit.dev) into the GoNB kernel's scratch module.
# Run from a notebook's first cell as:  !*bash "$GONB_DIR/setup.sh"
# GoNB runs "!*" commands inside its scratch module ($GONB_TMP_DIR); $GONB_DIR
# is the notebook's folder, inside this repository. A copy of the notebooks
# outside the repository (a student's folder on the class hub) names the
# checkout in $GDKIT_ROOT instead.
set -euo pipefail
if [ -n "${GDKIT_ROOT:-}" ]; then
  root_mod="$GDKIT_ROOT/go.mod"
  [ -f "$root_mod" ] || { echo "gdkit: GDKIT_ROOT=$GDKIT_ROOT has no go.mod" >&2; exit 1; }
else
  root_mod=$(cd "${GONB_DIR:?not running under GoNB}" && go env GOMOD)
fi
if [ -z "$root_mod" ] || [ "$root_mod" = /dev/null ]; then
  echo "gdkit: no go.mod above $GONB_DIR; open the notebooks from inside the gdkit repository" >&2
  exit 1
fi
root=$(dirname "$root_mod")
# Require gdkit.dev from the local checkout, and every module the repository
# requires in its go.mod, at the same version, so later cells can import gonum, plot or gonbui
# without a network lookup (the build list equals the repository's).
args=(-replace="gdkit.dev=$root" -require="gdkit.dev@v0.0.0-00010101000000-000000000000")
while read -r path version; do
  args+=(-require="$path@$version")
done < <(awk '/^require \($/ {inblock=1; next} inblock && /^\)/ {inblock=0; next}
              inblock && NF >= 2 {print $1, $2} /^require [^(]/ {print $2, $3}' "$root/go.mod")
go mod edit "${args[@]}"
cat "$root/go.sum" >> go.sum
sort -u -o go.sum go.sum
echo "gdkit listo: el módulo gdkit.dev viene de este repositorio"
