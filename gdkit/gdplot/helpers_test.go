package gdplot

import (
	"math"

	"gdkit.dev/gdkit"
)

// grid wraps row-major values z[r*len(x)+c] as a gdkit.Grid without
// checking them, so tests can hold NaN, Inf or a wrong length.
func grid(x, y, z []float64) gdkit.Grid { return gdkit.Grid{Xs: x, Ys: y, Values: z} }

// evalGrid is gdkit.Meshgrid(xs, ys).Eval(f); it panics on error (a bad test).
func evalGrid(xs, ys []float64, f func(x, y float64) float64) gdkit.Grid {
	g, err := gdkit.Meshgrid(xs, ys).Eval(f)
	if err != nil {
		panic(err)
	}
	return g
}

// arange is gdkit.Arange; it panics on error (a bad test).
func arange(a, b, h float64) []float64 {
	xs, err := gdkit.Arange(a, b, h)
	if err != nil {
		panic(err)
	}
	return xs
}

// descent1 runs w ← w − α·dE(w) n times from w0 and returns all iterates.
func descent1(dE func(float64) float64, w0, alpha float64, n int) []float64 {
	ws := []float64{w0}
	for i := 0; i < n; i++ {
		w0 -= alpha * dE(w0)
		ws = append(ws, w0)
	}
	return ws
}

func sq(w float64) float64  { return w * w }
func dsq(w float64) float64 { return 2 * w }

// bowlGrid is the slide's grid: w1, w2 in [-10, 10) step 0.8, E = w1² + w2².
func bowlGrid() gdkit.Grid {
	return evalGrid(arange(-10, 10, 0.8), arange(-10, 10, 0.8), func(x, y float64) float64 { return x*x + y*y })
}

// wavyGrid is a non-convex E with several local minima.
func wavyGrid() gdkit.Grid {
	return evalGrid(arange(-3, 3.01, 0.1), arange(-3, 3.01, 0.1), func(x, y float64) float64 {
		return math.Sin(x)*math.Cos(y) + 0.1*(x*x+y*y)
	})
}

// wavyPaths descends wavyGrid's E from four starts.
func wavyPaths() [][][2]float64 {
	var paths [][][2]float64
	for _, s := range [][2]float64{{-2.5, 2.5}, {2.5, 2}, {0.5, -2.5}, {-2, -1}} {
		w := s
		var path [][2]float64
		for i := 0; i < 30; i++ {
			path = append(path, w)
			gx := math.Cos(w[0])*math.Cos(w[1]) + 0.2*w[0]
			gy := -math.Sin(w[0])*math.Sin(w[1]) + 0.2*w[1]
			w = [2]float64{w[0] - 0.3*gx, w[1] - 0.3*gy}
		}
		paths = append(paths, path)
	}
	return paths
}
