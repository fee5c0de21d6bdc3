#!/bin/sh
# One update of each gdkit/optim rule (momentum, Nesterov, AdaGrad, RMSProp,
# Adadelta, Adam, AMSGrad, AdamW; GD = w -= αg as the floor) on 10^6
# float64 parameters, against the same update written in numpy, in one run:
# best-of ns per step, allocations, and numpy/go. Usage:
#   scripts/bench-optim.sh [count]
# numpy comes from $NUMPY_PYTHON if set (e.g. a throwaway venv's python),
# else /usr/bin/python3; without numpy the comparison is skipped.
set -eu
count=${1:-5}
cd "$(dirname "$0")/.."
out=$(go test ./gdkit/optim/ -run '^$' -bench '^BenchmarkStep$' -benchmem -count "$count")
echo "$out" | grep '^Benchmark'
echo "GOAMD64=$(go env GOAMD64), $(go version | cut -d' ' -f3)"
# best NAME: the smallest ns/op of BenchmarkStep/NAME over the runs.
best() { echo "$out" | awk -v n="BenchmarkStep/$1" '$1 ~ "^"n"(-[0-9]+)?$" { if (m == "" || $3 < m) m = $3 } END { print m }'; }
allocs() { echo "$out" | awk -v n="BenchmarkStep/$1" '$1 ~ "^"n"(-[0-9]+)?$" { a = $(NF-1) } END { print a }'; }
names=$(echo "$out" | awk '$1 ~ /^BenchmarkStep\// { sub(/^BenchmarkStep\//, "", $1); sub(/-[0-9]+$/, "", $1); if (!seen[$1]++) print $1 }')
PY=${NUMPY_PYTHON:-/usr/bin/python3}
np_out=""
if [ -x "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null; then
	np_out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" scripts/bench-numpy-optim.py)
	echo "$np_out" | head -1 | sed 's/.*(\(.*\))/numpy: \1/'
else
	echo "numpy not available ($PY; set NUMPY_PYTHON): skipping the numpy comparison"
fi
printf '%-24s %14s %8s %16s %10s\n' "rule (10^6 params)" "go ns/step" "allocs" "numpy ns/step" "numpy/go"
for n in $names; do
	g=$(best "$n")
	a=$(allocs "$n")
	p=$(echo "$np_out" | awk -v n="numpy-$n" '$1 == n { print $2 }')
	if [ -n "$p" ]; then
		r=$(awk -v a="$p" -v b="$g" 'BEGIN { printf "%.2fx", a / b }')
	else
		p="-" r="-"
	fi
	printf '%-24s %14s %8s %16s %10s\n' "$n" "$g" "$a" "$p" "$r"
done
