package gdplot

import (
	"fmt"
	"math"

	"gdkit.dev/gdkit"
)

// errBadParam marks a parameter out of its range (an interval with a ≥ b,
// a count k ≤ 0, a step h ≤ 0, an unknown format, grid coordinates that do
// not increase). It wraps gdkit.ErrBadParam, so errors.Is(err,
// gdkit.ErrBadParam) holds for gdplot's bad-parameter errors as for gdkit's.
var errBadParam = fmt.Errorf("gdplot: %w", gdkit.ErrBadParam)

// finite reports whether x and y are both finite.
func finite(x, y float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && !math.IsNaN(y) && !math.IsInf(y, 0)
}

// finitePrefix returns the length n of the longest prefix of the path
// (xs[i], ys[i]) whose points are all finite, and whether the path was cut
// (n < len(xs)). It errors on ragged input.
func finitePrefix(xs, ys []float64) (n int, cut bool, err error) {
	if len(xs) != len(ys) {
		return 0, false, fmt.Errorf("gdplot: ragged path: %d x values, %d y values: %w", len(xs), len(ys), gdkit.ErrDimension)
	}
	for n < len(xs) && finite(xs[n], ys[n]) {
		n++
	}
	return n, n < len(xs), nil
}

// checkInterval validates a plotting interval [a, b].
func checkInterval(a, b float64) error {
	if !finite(a, b) {
		return fmt.Errorf("gdplot: interval [%v, %v]: %w", a, b, gdkit.ErrNotFinite)
	}
	if !(a < b) {
		return fmt.Errorf("gdplot: interval [%v, %v] needs a < b: %w", a, b, errBadParam)
	}
	return nil
}

// finiteRange returns the smallest and largest finite value of vs, and
// false when there is none.
func finiteRange(vs []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if finite(v, 0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi, lo <= hi
}
