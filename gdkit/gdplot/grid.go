package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// gridRange returns the min and max of the finite grid values and checks
// the grid's shape.
func gridRange(g plotter.GridXYZ) (lo, hi float64, err error) {
	if g == nil {
		return 0, 0, ErrEmpty
	}
	c, r := g.Dims()
	if c < 2 || r < 2 {
		return 0, 0, fmt.Errorf("gdplot: grid %d×%d is too small (need at least 2×2)", c, r)
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := 0; i < c; i++ {
		for j := 0; j < r; j++ {
			z := g.Z(i, j)
			if math.IsNaN(z) || math.IsInf(z, 0) {
				return 0, 0, fmt.Errorf("gdplot: grid value at (%d,%d) is %v", i, j, z)
			}
			lo, hi = math.Min(lo, z), math.Max(hi, z)
		}
	}
	for i := 0; i < c; i++ {
		if x := g.X(i); math.IsNaN(x) || math.IsInf(x, 0) || (i > 0 && !(x > g.X(i-1))) {
			return 0, 0, fmt.Errorf("gdplot: grid x values must be finite and increasing")
		}
	}
	for j := 0; j < r; j++ {
		if y := g.Y(j); math.IsNaN(y) || math.IsInf(y, 0) || (j > 0 && !(y > g.Y(j-1))) {
			return 0, 0, fmt.Errorf("gdplot: grid y values must be finite and increasing")
		}
	}
	return lo, hi, nil
}

// checkGridAxis reports whether a is non-empty, finite and strictly increasing.
func checkGridAxis(name string, a []float64) error {
	if len(a) == 0 {
		return fmt.Errorf("gdplot: empty %s coordinates", name)
	}
	for i, v := range a {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("gdplot: %s[%d] = %v is not finite", name, i, v)
		}
		if i > 0 && !(v > a[i-1]) {
			return fmt.Errorf("gdplot: %s coordinates not strictly increasing at %d", name, i)
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

// Refine returns g bilinearly interpolated on a grid with k−1 extra points
// between neighbouring grid points (k ≥ 1), so a heat map of it shows
// smooth band boundaries.
func Refine(g plotter.GridXYZ, k int) plotter.GridXYZ {
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

// SampledGrid is a plotter.GridXYZ holding Z[r][c] = f(Xs[c], Ys[r]).
type SampledGrid struct {
	Xs, Ys []float64
	Zs     [][]float64
}

// Sample evaluates f on the grid xs × ys (both increasing):
// Z(c, r) = f(xs[c], ys[r]), like numpy's f(*np.meshgrid(xs, ys)).
func Sample(xs, ys []float64, f func(x, y float64) float64) *SampledGrid {
	g := &SampledGrid{Xs: xs, Ys: ys, Zs: make([][]float64, len(ys))}
	for r, y := range ys {
		g.Zs[r] = make([]float64, len(xs))
		for c, x := range xs {
			g.Zs[r][c] = f(x, y)
		}
	}
	return g
}

// Dims returns the number of columns (x values) and rows (y values).
func (g *SampledGrid) Dims() (c, r int) { return len(g.Xs), len(g.Ys) }

// Z returns f(Xs[c], Ys[r]).
func (g *SampledGrid) Z(c, r int) float64 { return g.Zs[r][c] }

// X returns Xs[c].
func (g *SampledGrid) X(c int) float64 { return g.Xs[c] }

// Y returns Ys[r].
func (g *SampledGrid) Y(r int) float64 { return g.Ys[r] }
