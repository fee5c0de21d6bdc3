#!/bin/sh
# Grid gradient on 1000×1000 (Himmelblau on linspace(-10, 10, 1000)²) and
# the numeric gradient of a 1,000-dimension function: gdkit against numpy's
# np.gradient on the same grid, in one run. Usage: scripts/bench-grid.sh [count]
set -eu
count=${1:-5}
cd "$(dirname "$0")/.."
out=$(go test ./gdkit/ -run '^$' -bench '^(BenchmarkGridGradient1000|BenchmarkNumpyGradient1000|BenchmarkNumGrad1000)$' -benchmem -count "$count")
echo "$out" | grep '^Benchmark'
best() { echo "$out" | awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" { if (m == "" || $3 < m) m = $3 } END { print m }'; }
gg=$(best BenchmarkGridGradient1000)
ng=$(best BenchmarkNumpyGradient1000)
echo "go GridGradient (spacing from coordinates, best of $count): $gg ns/op"
echo "go NumpyGradient (unit spacing, best of $count):            $ng ns/op"
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null; then
	np_out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" scripts/bench-numpy-grid.py)
	echo "$np_out"
	np1=$(echo "$np_out" | sed -n 1p | sed 's/.*: \([0-9]*\) ns.*/\1/')
	np2=$(echo "$np_out" | sed -n 2p | sed 's/.*: \([0-9]*\) ns.*/\1/')
	awk -v a="$np1" -v b="$gg" 'BEGIN { printf "np.gradient(E, ys, xs) / GridGradient = %.2fx\n", a / b }'
	awk -v a="$np2" -v b="$ng" 'BEGIN { printf "np.gradient(E) / NumpyGradient       = %.2fx\n", a / b }'
else
	echo "numpy not available ($PY): skipping the numpy comparison"
fi
