package gdplot

import (
	"errors"
	"fmt"
	"math"
)

// ErrEmpty is returned for an empty path, trace or data set.
var ErrEmpty = errors.New("gdplot: empty input")

// finite reports whether x and y are both finite.
func finite(x, y float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && !math.IsNaN(y) && !math.IsInf(y, 0)
}

// FinitePrefix returns the length n of the longest prefix of the path
// (xs[i], ys[i]) whose points are all finite, and whether the path was cut
// (n < len(xs)). It errors on ragged input.
func FinitePrefix(xs, ys []float64) (n int, cut bool, err error) {
	if len(xs) != len(ys) {
		return 0, false, fmt.Errorf("gdplot: ragged path: %d x values, %d y values", len(xs), len(ys))
	}
	for n < len(xs) && finite(xs[n], ys[n]) {
		n++
	}
	return n, n < len(xs), nil
}

// checkInterval validates a plotting interval [a, b].
func checkInterval(a, b float64) error {
	if !finite(a, b) || !(a < b) {
		return fmt.Errorf("gdplot: bad interval [%v, %v]", a, b)
	}
	return nil
}
