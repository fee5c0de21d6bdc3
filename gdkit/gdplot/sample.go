package gdplot

import (
	"gonum.org/v1/plot/plotter"

	"gdkit.dev/gdkit"
)

// curveSamples is the number of intervals used to draw a function.
const curveSamples = 400

// segments evaluates f at the n+1 points gdkit.Linspace(a, b, n+1) and
// returns the runs of consecutive points where x and f(x) are finite: a
// pole or a NaN (f′ at a kink) splits the curve there. A non-finite a or b,
// or n < 1, gives no segment.
func segments(f func(float64) float64, a, b float64, n int) []plotter.XYs {
	xs, err := gdkit.Linspace(a, b, n+1)
	if err != nil || n < 1 {
		return nil
	}
	var segs []plotter.XYs
	var cur plotter.XYs
	for _, x := range xs {
		if y := f(x); finite(x, y) {
			cur = append(cur, plotter.XY{X: x, Y: y})
			continue
		}
		if len(cur) > 0 {
			segs = append(segs, cur)
		}
		cur = nil
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	return segs
}

// sample is segments joined: the finite points (x, f(x)) at the n+1 points
// of [a, b] (poles and NaN values are left out, the curve goes on).
func sample(f func(float64) float64, a, b float64, n int) plotter.XYs {
	var xys plotter.XYs
	for _, s := range segments(f, a, b, n) {
		xys = append(xys, s...)
	}
	return xys
}
