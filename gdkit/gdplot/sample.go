package gdplot

import (
	"gonum.org/v1/plot/plotter"
)

// curveSamples is the number of intervals used to draw a function.
const curveSamples = 400

// sample evaluates f at n+1 equispaced points of [a, b], dropping
// non-finite values (so poles and kinks into NaN do not break the curve).
func sample(f func(float64) float64, a, b float64, n int) plotter.XYs {
	xys := make(plotter.XYs, 0, n+1)
	for i := 0; i <= n; i++ {
		x := a + (b-a)*float64(i)/float64(n)
		y := f(x)
		if finite(x, y) {
			xys = append(xys, plotter.XY{X: x, Y: y})
		}
	}
	return xys
}

// segments samples f at n+1 points of [a, b] and splits the curve where f
// is not finite, and where it jumps (a step much larger than its
// neighbours', as f′ at a kink).
func segments(f func(float64) float64, a, b float64, n int) []plotter.XYs {
	var segs []plotter.XYs
	var cur plotter.XYs
	flush := func() {
		if len(cur) > 0 {
			segs = append(segs, cur)
		}
		cur = nil
	}
	for i := 0; i <= n; i++ {
		x := a + (b-a)*float64(i)/float64(n)
		y := f(x)
		if !finite(x, y) {
			flush()
			continue
		}
		cur = append(cur, plotter.XY{X: x, Y: y})
	}
	flush()
	return segs
}
