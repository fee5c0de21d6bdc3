package gdkit

import (
	"fmt"
	"math"
)

// Arange returns start, start+step, ... below stop (above stop for step < 0),
// with numpy's semantics: n = ceil((stop-start)/step) points, x_k = start + k·step.
// Arange(-10, 10, 0.8) has 25 points, -10 ... 9.2 (the slides' grid).
// Errors: step = 0, NaN/Inf arguments, more than 1e8 points.
func Arange(start, stop, step float64) ([]float64, error) {
	if !isFinite(start) || !isFinite(stop) || !isFinite(step) {
		return nil, errorf(ErrNotFinite, "Arange(%v, %v, %v)", start, stop, step)
	}
	if step == 0 {
		return nil, errorf(ErrBadParam, "Arange step = 0")
	}
	n := math.Ceil((stop - start) / step)
	if n <= 0 {
		return []float64{}, nil
	}
	if n > 1e8 {
		return nil, errorf(ErrBadParam, "Arange would make %g points", n)
	}
	xs := make([]float64, int(n))
	for k := range xs {
		xs[k] = start + float64(k)*step
	}
	return xs, nil
}

// Linspace returns n evenly spaced points from a to b inclusive
// (numpy.linspace): x_k = a + k·(b-a)/(n-1), x_{n-1} = b. n = 1 gives [a];
// n < 1 or NaN/Inf bounds give an error.
func Linspace(a, b float64, n int) ([]float64, error) {
	if !isFinite(a) || !isFinite(b) {
		return nil, errorf(ErrNotFinite, "Linspace(%v, %v)", a, b)
	}
	if n < 1 {
		return nil, errorf(ErrBadParam, "Linspace needs n ≥ 1, got %d", n)
	}
	xs := make([]float64, n)
	if n == 1 {
		xs[0] = a
		return xs, nil
	}
	step := (b - a) / float64(n-1) // as numpy: x_k = k·step + a, last = b
	for k := range xs {
		xs[k] = float64(k)*step + a
	}
	xs[n-1] = b
	return xs, nil
}

// Grid holds values of E(w1, w2) on a rectangular grid, row-major as
// numpy's E after W1, W2 = np.meshgrid(xs, ys) ('xy' indexing):
//
//	Values[r*len(Xs) + c] = E(Xs[c], Ys[r]),  len(Ys) rows × len(Xs) columns,
//
// so columns run along w1 (numpy axis 1) and rows along w2 (numpy axis 0).
// Its methods Dims, Z, X and Y satisfy gonum/plot's plotter.GridXYZ, so a
// Grid can be passed to plotter.NewContour/NewHeatMap directly.
type Grid struct {
	Xs, Ys []float64 // coordinates of the columns (w1) and rows (w2)
	Values []float64 // row-major values, len(Ys)·len(Xs)
}

// NewGrid checks and wraps row-major values (see Grid). Errors: empty or
// non-finite coordinates, len(values) ≠ len(xs)·len(ys), NaN/Inf values.
func NewGrid(xs, ys, values []float64) (Grid, error) {
	if err := checkVec("xs", xs); err != nil {
		return Grid{}, err
	}
	if err := checkVec("ys", ys); err != nil {
		return Grid{}, err
	}
	if len(values) != len(xs)*len(ys) {
		return Grid{}, errorf(ErrDimension, "%d values for a %d×%d grid", len(values), len(ys), len(xs))
	}
	for i, v := range values {
		if !isFinite(v) {
			return Grid{}, notFinite(fmt.Sprintf("value at row %d, column %d", i/len(xs), i%len(xs)), v)
		}
	}
	return Grid{Xs: xs, Ys: ys, Values: values}, nil
}

// Dims returns the number of columns (len(Xs)) and rows (len(Ys)).
func (g Grid) Dims() (c, r int) { return len(g.Xs), len(g.Ys) }

// Z returns the value at column c, row r: Values[r*len(Xs)+c] = E(Xs[c], Ys[r]).
func (g Grid) Z(c, r int) float64 { return g.Values[r*len(g.Xs)+c] }

// X returns the w1 coordinate of column c.
func (g Grid) X(c int) float64 { return g.Xs[c] }

// Y returns the w2 coordinate of row r.
func (g Grid) Y(r int) float64 { return g.Ys[r] }

// At returns E(Xs[c], Ys[r]) with numpy's index order: row r first (E[r, c]).
func (g Grid) At(r, c int) float64 { return g.Values[r*len(g.Xs)+c] }

// MinMax returns the smallest and largest value (NaN, NaN if empty).
func (g Grid) MinMax() (lo, hi float64) {
	if len(g.Values) == 0 {
		return math.NaN(), math.NaN()
	}
	lo, hi = g.Values[0], g.Values[0]
	for _, v := range g.Values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// Mesh is the coordinate pair of np.meshgrid(xs, ys) ('xy' indexing),
// kept as the two axes; W1 and W2 give numpy's full arrays.
type Mesh struct {
	Xs, Ys []float64
}

// Meshgrid pairs the w1 coordinates xs (columns) with the w2 coordinates
// ys (rows), like W1, W2 = np.meshgrid(xs, ys). Evaluate E on it with Eval.
func Meshgrid(xs, ys []float64) Mesh { return Mesh{Xs: xs, Ys: ys} }

// W1 returns numpy's W1 array, row-major: W1[r*len(Xs)+c] = Xs[c].
func (m Mesh) W1() []float64 {
	out := make([]float64, 0, len(m.Xs)*len(m.Ys))
	for range m.Ys {
		out = append(out, m.Xs...)
	}
	return out
}

// W2 returns numpy's W2 array, row-major: W2[r*len(Xs)+c] = Ys[r].
func (m Mesh) W2() []float64 {
	out := make([]float64, 0, len(m.Xs)*len(m.Ys))
	for _, y := range m.Ys {
		for range m.Xs {
			out = append(out, y)
		}
	}
	return out
}

func (m Mesh) check() error {
	if err := checkVec("xs", m.Xs); err != nil {
		return err
	}
	return checkVec("ys", m.Ys)
}

// Eval returns the Grid of E(w1, w2) over the mesh:
// Values[r*len(Xs)+c] = E(Xs[c], Ys[r]) (numpy: E = f(W1, W2)).
// Errors: empty or non-finite coordinates, E returning NaN/Inf.
func (m Mesh) Eval(E func(w1, w2 float64) float64) (Grid, error) {
	if err := m.check(); err != nil {
		return Grid{}, err
	}
	vals := make([]float64, len(m.Xs)*len(m.Ys))
	for r, y := range m.Ys {
		for c, x := range m.Xs {
			v := E(x, y)
			if !isFinite(v) {
				return Grid{}, notFinite(fmt.Sprintf("E(%g, %g)", x, y), v)
			}
			vals[r*len(m.Xs)+c] = v
		}
	}
	return Grid{Xs: m.Xs, Ys: m.Ys, Values: vals}, nil
}

// EvalVec is Eval for E written on a vector, E(w) with w = (w1, w2).
func (m Mesh) EvalVec(E func(w []float64) float64) (Grid, error) {
	w := make([]float64, 2)
	return m.Eval(func(a, b float64) float64 { w[0], w[1] = a, b; return E(w) })
}

// GradOnGrid evaluates an analytic gradient grad(g, w) (optimize.Problem.Grad
// shape) at every node of the mesh and returns ∂E/∂w1 and ∂E/∂w2 as Grids,
// to compare with GridGradient. Errors as Eval.
func (m Mesh) GradOnGrid(grad func(g, w []float64)) (dEdW1, dEdW2 Grid, err error) {
	if err := m.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	n := len(m.Xs) * len(m.Ys)
	d1, d2 := make([]float64, n), make([]float64, n)
	w, g := make([]float64, 2), make([]float64, 2)
	var bad error
	err = guard(2, func() {
		for r, y := range m.Ys {
			for c, x := range m.Xs {
				w[0], w[1] = x, y
				grad(g, w)
				if !isFinite(g[0]) || !isFinite(g[1]) {
					bad = notFinite(fmt.Sprintf("∇E(%g, %g)", x, y), g[firstNonFinite(g)])
					return
				}
				d1[r*len(m.Xs)+c], d2[r*len(m.Xs)+c] = g[0], g[1]
			}
		}
	})
	if err == nil {
		err = bad
	}
	if err != nil {
		return Grid{}, Grid{}, err
	}
	return Grid{Xs: m.Xs, Ys: m.Ys, Values: d1}, Grid{Xs: m.Xs, Ys: m.Ys, Values: d2}, nil
}

// checkStep requires x[i+1] − x[i] finite and non-zero: coordinates that
// are finite (ErrNotFinite) and distinct (ErrBadParam).
func checkStep(x []float64, i int) error {
	if !isFinite(x[i]) || !isFinite(x[i+1]) {
		return errorf(ErrNotFinite, "coordinates x[%d] = %v, x[%d] = %v", i, x[i], i+1, x[i+1])
	}
	if x[i+1] == x[i] {
		return errorf(ErrBadParam, "coordinates must be distinct: x[%d] = x[%d] = %v", i, i+1, x[i])
	}
	return nil
}

// checkSpacing requires a finite (ErrNotFinite), non-zero (ErrBadParam) spacing h.
func checkSpacing(h float64) error {
	if !isFinite(h) {
		return notFinite("spacing h", h)
	}
	if h == 0 {
		return errorf(ErrBadParam, "spacing h = 0")
	}
	return nil
}

// gradCoef holds the numpy np.gradient coefficients along one axis of n
// points: out_i = a_i f_{i-1} + b_i f_i + c_i f_{i+1} inside, one-sided
// first-order differences at the two ends (edge_order=1).
type gradCoef struct {
	uniform bool
	inv2h   float64   // 1/(2h) when uniform
	a, b, c []float64 // non-uniform interior coefficients, index i = 1..n-2
	inv0    float64   // 1/(x1-x0)
	invN    float64   // 1/(x_{n-1}-x_{n-2})
}

// coefFromCoords follows numpy: spacing is uniform iff all np.diff(x) are
// exactly equal; otherwise, with h1 = x_i - x_{i-1}, h2 = x_{i+1} - x_i,
//
//	a = -h2/(h1(h1+h2)),  b = (h2-h1)/(h1 h2),  c = h1/(h2(h1+h2)).
func coefFromCoords(x []float64) (gradCoef, error) {
	n := len(x)
	if n < 2 {
		return gradCoef{}, errorf(ErrEmpty, "np.gradient needs at least 2 points along an axis, got %d", n)
	}
	d0 := x[1] - x[0]
	uniform := true
	for i := 1; i < n; i++ {
		d := x[i] - x[i-1]
		if err := checkStep(x, i-1); err != nil {
			return gradCoef{}, err
		}
		if d != d0 {
			uniform = false
		}
	}
	if uniform {
		return coefUniform(n, d0)
	}
	gc := gradCoef{a: make([]float64, n), b: make([]float64, n), c: make([]float64, n)}
	for i := 1; i < n-1; i++ {
		h1, h2 := x[i]-x[i-1], x[i+1]-x[i]
		gc.a[i] = -h2 / (h1 * (h1 + h2))
		gc.b[i] = (h2 - h1) / (h1 * h2)
		gc.c[i] = h1 / (h2 * (h1 + h2))
	}
	gc.inv0, gc.invN = 1/(x[1]-x[0]), 1/(x[n-1]-x[n-2])
	return gc, nil
}

func coefUniform(n int, h float64) (gradCoef, error) {
	if n < 2 {
		return gradCoef{}, errorf(ErrEmpty, "np.gradient needs at least 2 points along an axis, got %d", n)
	}
	if err := checkSpacing(h); err != nil {
		return gradCoef{}, err
	}
	return gradCoef{uniform: true, inv2h: 1 / (2 * h), inv0: 1 / h, invN: 1 / h}, nil
}

// apply1D writes the derivative of f (n values at stride s) into dst.
func (gc *gradCoef) apply(dst, f []float64, n, s int) {
	dst[0] = (f[s] - f[0]) * gc.inv0
	dst[(n-1)*s] = (f[(n-1)*s] - f[(n-2)*s]) * gc.invN
	if gc.uniform {
		for i := 1; i < n-1; i++ {
			dst[i*s] = (f[(i+1)*s] - f[(i-1)*s]) * gc.inv2h
		}
		return
	}
	for i := 1; i < n-1; i++ {
		dst[i*s] = gc.a[i]*f[(i-1)*s] + gc.b[i]*f[i*s] + gc.c[i]*f[(i+1)*s]
	}
}

// rows applies the axis-0 formula to whole rows at once (cache friendly):
// dst[r,:] from f[r-1,:], f[r,:], f[r+1,:].
func (gc *gradCoef) rows(dst, f []float64, nr, nc int) {
	row := func(r int) []float64 { return f[r*nc : (r+1)*nc] }
	out := func(r int) []float64 { return dst[r*nc : (r+1)*nc] }
	o, f0, f1 := out(0), row(0), row(1)
	for c := range o {
		o[c] = (f1[c] - f0[c]) * gc.inv0
	}
	o, f0, f1 = out(nr-1), row(nr-2), row(nr-1)
	for c := range o {
		o[c] = (f1[c] - f0[c]) * gc.invN
	}
	for r := 1; r < nr-1; r++ {
		o, fm, fz, fp := out(r), row(r-1), row(r), row(r+1)
		fm, fz, fp = fm[:len(o)], fz[:len(o)], fp[:len(o)]
		if gc.uniform {
			for c := range o {
				o[c] = (fp[c] - fm[c]) * gc.inv2h
			}
			continue
		}
		a, b, cc := gc.a[r], gc.b[r], gc.c[r]
		for c := range o {
			o[c] = a*fm[c] + b*fz[c] + cc*fp[c]
		}
	}
}

func (g Grid) check() error {
	nc, nr := len(g.Xs), len(g.Ys)
	if nc == 0 || nr == 0 {
		return errorf(ErrEmpty, "grid is %d×%d", nr, nc)
	}
	_, err := NewGrid(g.Xs, g.Ys, g.Values)
	return err
}

func gradient2D(g Grid, cx, cy gradCoef) (dX, dY []float64) {
	nc, nr := len(g.Xs), len(g.Ys)
	dX, dY = make([]float64, nc*nr), make([]float64, nc*nr)
	for r := 0; r < nr; r++ {
		cx.apply(dX[r*nc:(r+1)*nc], g.Values[r*nc:(r+1)*nc], nc, 1)
	}
	cy.rows(dY, g.Values, nr, nc)
	return dX, dY
}

// GridGradient returns the numerical partial derivatives of the grid
// values with numpy's np.gradient semantics (second-order central
// differences inside, first-order one-sided differences at the edges,
// edge_order=1), using the grid's own coordinates as spacing, and names
// the results by variable:
//
//	dEdW1 = ∂E/∂w1, along the columns (numpy axis 1, spacing Xs),
//	dEdW2 = ∂E/∂w2, along the rows    (numpy axis 0, spacing Ys).
//
// It equals  dEdW2, dEdW1 = np.gradient(E, ys, xs)  in numpy — note the
// order: np.gradient returns axis 0 (rows = w2) first, so the slide's
// dEdW1, dEdW2 = np.gradient(E) swaps the two partials (and, without
// spacing, also uses unit steps); see NumpyGradient for that view.
// Uniform spacing (all differences exactly equal) uses (f_{i+1}-f_{i-1})/(2h);
// otherwise numpy's non-uniform second-order formula, with
// h₁ = x_i - x_{i-1}, h₂ = x_{i+1} - x_i:
//
//	f'_i ≈ (h₁² f_{i+1} - h₂² f_{i-1} + (h₂² - h₁²) f_i) / (h₁ h₂ (h₁ + h₂)).
//
// Edges: (f_1 - f_0)/(x_1 - x_0) and (f_{n-1} - f_{n-2})/(x_{n-1} - x_{n-2}).
// Errors: empty grid, NaN/Inf values, fewer than 2 points on an axis, len(Values) ≠
// len(Xs)·len(Ys), repeated or non-finite coordinates.
func GridGradient(g Grid) (dEdW1, dEdW2 Grid, err error) {
	if err := g.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	cx, err := coefFromCoords(g.Xs)
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("along w1 (columns): %w", err)
	}
	cy, err := coefFromCoords(g.Ys)
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("along w2 (rows): %w", err)
	}
	dX, dY := gradient2D(g, cx, cy)
	return Grid{Xs: g.Xs, Ys: g.Ys, Values: dX}, Grid{Xs: g.Xs, Ys: g.Ys, Values: dY}, nil
}

// NumpyGradient reproduces np.gradient(E, *spacing) on the grid values and
// returns its outputs in numpy's order: axis0 = derivative down the rows
// (= ∂E/∂w2 · scale), axis1 = along the columns (= ∂E/∂w1 · scale).
// spacing: none = unit steps (the slide's np.gradient(E)); one value = the
// same step on both axes; two values = (row step, column step). The
// slide's  dEdW1, dEdW2 = np.gradient(E)  is  axis0, axis1 here: its
// "dEdW1" is really ∂E/∂w2. Errors as GridGradient, and for a bad spacing.
func NumpyGradient(g Grid, spacing ...float64) (axis0, axis1 Grid, err error) {
	if err := g.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	h0, h1 := 1.0, 1.0
	switch len(spacing) {
	case 0:
	case 1:
		h0, h1 = spacing[0], spacing[0]
	case 2:
		h0, h1 = spacing[0], spacing[1]
	default:
		return Grid{}, Grid{}, errorf(ErrDimension, "%d spacings for a 2D grid", len(spacing))
	}
	cy, err := coefUniform(len(g.Ys), h0)
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("axis 0 (rows): %w", err)
	}
	cx, err := coefUniform(len(g.Xs), h1)
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("axis 1 (columns): %w", err)
	}
	dX, dY := gradient2D(g, cx, cy)
	return Grid{Xs: g.Xs, Ys: g.Ys, Values: dY}, Grid{Xs: g.Xs, Ys: g.Ys, Values: dX}, nil
}

// SampleGradient is np.gradient(ys, xs) for samples ys_i = f(xs_i) of a
// 1D function: central differences inside (numpy's non-uniform formula when
// the spacing varies), one-sided at the ends. dst is allocated when nil.
// Errors: fewer than 2 points, len mismatch, repeated or non-finite xs.
func SampleGradient(dst, ys, xs []float64) ([]float64, error) {
	if len(ys) != len(xs) {
		return nil, errorf(ErrDimension, "len(ys) = %d, len(xs) = %d", len(ys), len(xs))
	}
	gc, err := coefFromCoords(xs)
	if err != nil {
		return nil, err
	}
	dst, err = useDst(dst, len(ys), "ys")
	if err != nil {
		return nil, err
	}
	gc.apply(dst, ys, len(ys), 1)
	return dst, nil
}
