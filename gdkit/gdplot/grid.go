package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"gdkit.dev/gdkit"
)

// gridValues is a copy of a plotter.GridXYZ: the column coordinates xs,
// the row coordinates ys and the values zs[r*len(xs)+c] = Z(c, r), the
// layout of gdkit.Grid. NaN and ±Inf values are kept: each figure decides
// what they mean.
type gridValues struct {
	xs, ys, zs []float64
}

// readGrid checks the shape of g and copies it. g must have at least
// minSide columns and rows, finite and strictly increasing coordinates, and,
// if it is a gdkit.Grid, len(Values) = len(Xs)·len(Ys) (a literal with too
// few values would panic in Z). Errors wrap gdkit.ErrEmpty (nil or too
// small), gdkit.ErrDimension (a gdkit.Grid of the wrong length),
// gdkit.ErrNotFinite (a NaN or infinite coordinate) or errBadParam
// (coordinates not increasing).
func readGrid(g plotter.GridXYZ, minSide int) (gridValues, error) {
	var gv gridValues
	switch gg := g.(type) {
	case nil:
		return gv, fmt.Errorf("gdplot: nil grid: %w", gdkit.ErrEmpty)
	case gdkit.Grid:
		if len(gg.Values) != len(gg.Xs)*len(gg.Ys) {
			return gv, fmt.Errorf("gdplot: gdkit.Grid has %d values for %d×%d nodes: %w", len(gg.Values), len(gg.Xs), len(gg.Ys), gdkit.ErrDimension)
		}
	case *gdkit.Grid:
		if gg == nil {
			return gv, fmt.Errorf("gdplot: nil grid: %w", gdkit.ErrEmpty)
		}
		return readGrid(*gg, minSide)
	}
	c, r := g.Dims()
	if c < minSide || r < minSide {
		return gv, fmt.Errorf("gdplot: grid %d×%d is too small (need at least %d×%d): %w", c, r, minSide, minSide, gdkit.ErrEmpty)
	}
	gv.xs, gv.ys = make([]float64, c), make([]float64, r)
	for i := range gv.xs {
		gv.xs[i] = g.X(i)
	}
	for j := range gv.ys {
		gv.ys[j] = g.Y(j)
	}
	if err := checkAxis("x", gv.xs); err != nil {
		return gridValues{}, err
	}
	if err := checkAxis("y", gv.ys); err != nil {
		return gridValues{}, err
	}
	gv.zs = make([]float64, c*r)
	for j := range r {
		for i := range c {
			gv.zs[j*c+i] = g.Z(i, j)
		}
	}
	return gv, nil
}

// checkAxis checks that the grid coordinates a are finite and strictly
// increasing.
func checkAxis(name string, a []float64) error {
	for i, v := range a {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("gdplot: grid %s[%d] = %v: %w", name, i, v, gdkit.ErrNotFinite)
		}
		if i > 0 && !(v > a[i-1]) {
			return fmt.Errorf("gdplot: grid %s coordinates must increase, but %s[%d] = %v follows %v: %w", name, name, i, v, a[i-1], errBadParam)
		}
	}
	return nil
}

// sameCoords reports an error unless a and b have the same coordinates.
func sameCoords(a, b gridValues) error {
	if len(a.xs) != len(b.xs) || len(a.ys) != len(b.ys) {
		return fmt.Errorf("gdplot: grids of %d×%d and %d×%d nodes: %w", len(a.xs), len(a.ys), len(b.xs), len(b.ys), gdkit.ErrDimension)
	}
	for i := range a.xs {
		if a.xs[i] != b.xs[i] {
			return fmt.Errorf("gdplot: the grids differ at column %d (x = %v and %v): %w", i, a.xs[i], b.xs[i], errBadParam)
		}
	}
	for j := range a.ys {
		if a.ys[j] != b.ys[j] {
			return fmt.Errorf("gdplot: the grids differ at row %d (y = %v and %v): %w", j, a.ys[j], b.ys[j], errBadParam)
		}
	}
	return nil
}

// fitGrid sets the plot ranges to the grid's extent.
func fitGrid(p *plot.Plot, g plotter.GridXYZ) {
	c, r := g.Dims()
	p.X.Min, p.X.Max = g.X(0), g.X(c-1)
	p.Y.Min, p.Y.Max = g.Y(0), g.Y(r-1)
	markEqualAspect(p)
}

// refine returns g bilinearly interpolated on a grid with k−1 extra points
// between neighbouring grid points (k ≥ 1), so a heat map of it shows
// smooth band boundaries.
func refine(g plotter.GridXYZ, k int) plotter.GridXYZ {
	if k < 1 {
		k = 1
	}
	return refined{g: g, k: k}
}

type refined struct {
	g plotter.GridXYZ
	k int
}

func (r refined) Dims() (c, rows int) {
	c0, r0 := r.g.Dims()
	return (c0-1)*r.k + 1, (r0-1)*r.k + 1
}

// split maps a refined index to the coarse cell and fraction.
func (r refined) split(i, n int) (int, float64) {
	c := i / r.k
	if c >= n-1 {
		return n - 2, 1
	}
	return c, float64(i%r.k) / float64(r.k)
}

func (r refined) X(i int) float64 {
	c0, _ := r.g.Dims()
	c, t := r.split(i, c0)
	return r.g.X(c)*(1-t) + r.g.X(c+1)*t
}

func (r refined) Y(j int) float64 {
	_, r0 := r.g.Dims()
	c, t := r.split(j, r0)
	return r.g.Y(c)*(1-t) + r.g.Y(c+1)*t
}

func (r refined) Z(i, j int) float64 {
	c0, r0 := r.g.Dims()
	ci, tx := r.split(i, c0)
	cj, ty := r.split(j, r0)
	z00, z10 := r.g.Z(ci, cj), r.g.Z(ci+1, cj)
	z01, z11 := r.g.Z(ci, cj+1), r.g.Z(ci+1, cj+1)
	return (z00*(1-tx)+z10*tx)*(1-ty) + (z01*(1-tx)+z11*tx)*ty
}
