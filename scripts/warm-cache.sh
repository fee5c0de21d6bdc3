#!/usr/bin/env bash
# Warms the Go build cache with every package a notebook imports, so that a
# newcomer's first figure cell compiles only its own few lines: gdkit's
# packages (gdkit, gdplot, nb, exercise, datasets), and whatever the
# notebooks' cells import (gonum, gonum/plot, gonbui, ...), found by
# `nbcheck -imports`.
# GoNB builds each cell in its own scratch module (go build, no extra
# flags), whose go.mod notebooks/setup.sh points at this checkout with the
# same dependency versions: the compiled packages are the same build actions,
# so these cache entries are hits there (measured by scripts/first-cell.py).
set -euo pipefail
cd "$(dirname "$0")/.."
imports=$(go run ./cmd/nbcheck -imports notebooks/*.ipynb)
# shellcheck disable=SC2086 # one import path per word
go build ./gdkit/... ./datasets/... $imports
n=$(go list -deps ./gdkit/... ./datasets/... $imports | wc -l | tr -d ' ')
echo "$n packages cached"
