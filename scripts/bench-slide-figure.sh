#!/usr/bin/env bash
# Benchmark the slide "Diagramas de contorno y gradientes" (contour + quiver
# of w1²+w2² on the 25×25 grid, and the 3D surface with a filled-contour
# floor; one 12×5 in PNG at 150 DPI, two panels side by side) drawn by
# gdplot against matplotlib, process to process from cold starts.
#
# Go: the package's test binary is built first, then each run is one cold
# process rendering the figure once (TestSlideFigureFile). Python: each run
# is `/usr/bin/python3 scripts/bench-matplotlib-slide.py` end to end
# (imports included). Also prints the warm in-process Go time
# (BenchmarkSlideFigure). Usage: scripts/bench-slide-figure.sh [runs]
# Set BENCH_OUT=dir to keep both PNGs (slide-go.png, slide-matplotlib.png).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

go test -c -o "$TMP/gdplot.test" ./gdkit/gdplot

now() { date +%s.%N; }
# best_of CMD...: runs CMD $RUNS times, prints the best wall time in seconds.
best_of() {
	local best="" t0 t1 d
	for _ in $(seq "$RUNS"); do
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		d=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
		if [ -z "$best" ] || awk -v d="$d" -v b="$best" 'BEGIN{exit !(d<b)}'; then best=$d; fi
	done
	printf '%.3f' "$best"
}

go_run() { GDPLOT_SLIDE_OUT="$TMP/slide-go.png" "$TMP/gdplot.test" -test.run '^TestSlideFigureFile$'; }
go_cold=$(best_of go_run)
echo "Go cold process (best of $RUNS):          ${go_cold} s"

warm=$(go test ./gdkit/gdplot -run '^$' -bench '^BenchmarkSlideFigure$' -benchtime 20x |
	awk '/^BenchmarkSlideFigure/ {print $3/1e9}')
printf 'Go warm in-process (BenchmarkSlideFigure):  %.3f s\n' "$warm"

if [ -x "$PY" ] && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" -c 'import matplotlib, numpy' 2>/dev/null; then
	py_run() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" scripts/bench-matplotlib-slide.py "$TMP/slide-mpl.png"; }
	py_cold=$(best_of py_run)
	echo "matplotlib cold process (best of $RUNS):  ${py_cold} s"
	printf 'ratio matplotlib/Go (cold):   %.1fx\n' "$(awk -v a="$py_cold" -v b="$go_cold" 'BEGIN{print a/b}')"
	printf 'ratio matplotlib/Go (warm Go): %.1fx\n' "$(awk -v a="$py_cold" -v b="$warm" 'BEGIN{print a/b}')"
else
	echo "matplotlib: $PY with matplotlib+numpy not available, skipped"
fi

if [ -n "${BENCH_OUT:-}" ]; then
	mkdir -p "$BENCH_OUT"
	cp "$TMP/slide-go.png" "$BENCH_OUT/slide-go.png"
	if [ -f "$TMP/slide-mpl.png" ]; then cp "$TMP/slide-mpl.png" "$BENCH_OUT/slide-matplotlib.png"; fi
	echo "figures kept in $BENCH_OUT"
fi
