package funcs

import (
	"math"

	"gdkit.dev/gdkit"
)

// Problem returns E and its hand-written gradient as the gdkit.Problem
// that Descend minimises (Dim 2).
func (fn Func2D) Problem() gdkit.Problem {
	return gdkit.Problem{E: fn.F, Grad: fn.Grad, Dim: 2}
}

// NearestMinimum returns the number k = 1…len(Minima) of the known
// minimum closest to w (so Minima[k-1]), or 0 when there are none: which
// minimum a descent run that ended at w reached.
func (fn Func2D) NearestMinimum(w []float64) int {
	best, dBest := 0, math.Inf(1)
	for k, m := range fn.Minima {
		if d := math.Hypot(w[0]-m[0], w[1]-m[1]); d < dBest {
			best, dBest = k+1, d
		}
	}
	return best
}

// NearestMinimum returns the number k = 1…len(Minima) of the known
// minimum closest to w (so Minima[k-1]), or 0 when there are none.
func (fn Func1D) NearestMinimum(w float64) int {
	best, dBest := 0, math.Inf(1)
	for k, m := range fn.Minima {
		if d := math.Abs(w - m); d < dBest {
			best, dBest = k+1, d
		}
	}
	return best
}
