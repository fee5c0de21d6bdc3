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
// Values may be NaN or ±Inf where E is not defined (log w1 for w1 ≤ 0, a
// pole, an overflow): a grid is data, and its non-finite values are kept,
// propagated by GridGradient as numpy does, and masked by the figures of
// gdplot. Only a grid with no finite value at all is an error.
// Its methods Dims, Z, X and Y satisfy gonum/plot's plotter.GridXYZ, so a
// Grid can be passed to plotter.NewHeatMap directly: Min and Max give it
// the finite range, and its NaN and ±Inf cells are left blank. For contour
// lines use gdplot.Contour, which masks the cells around a non-finite value.
type Grid struct {
	Xs, Ys []float64 // coordinates of the columns (w1) and rows (w2)
	Values []float64 // row-major values, len(Ys)·len(Xs)
}

// NewGrid checks and wraps row-major values (see Grid); NaN and ±Inf
// values are kept. Errors: empty or non-finite coordinates,
// len(values) ≠ len(xs)·len(ys), no finite value.
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
	if allNonFinite(values) {
		return Grid{}, errorf(ErrNotFinite, "every value of the %d×%d grid is NaN or ±Inf (the value at row 0, column 0 is %v)", len(ys), len(xs), values[0])
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

// MinMax returns the smallest and largest finite value, skipping NaN and
// ±Inf (NaN, NaN if there is none): the range of a colour bar.
func (g Grid) MinMax() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range g.Values {
		if isFinite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// Min returns the smallest finite value (see MinMax). With Max it is what
// gonum/plot's plotter.NewHeatMap and NewContour read for their colour
// range instead of scanning the values themselves, which takes −Inf or
// +Inf into the range (and makes the heat map index its palette with NaN).
func (g Grid) Min() float64 {
	lo, _ := g.MinMax()
	return lo
}

// Max returns the largest finite value (see MinMax and Min).
func (g Grid) Max() float64 {
	_, hi := g.MinMax()
	return hi
}

// NonFinite returns how many values are NaN or ±Inf: the nodes where E is
// not defined, which gdplot's figures mask.
func (g Grid) NonFinite() int {
	n := 0
	for _, v := range g.Values {
		if !isFinite(v) {
			n++
		}
	}
	return n
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
//
// Where E is NaN or ±Inf (outside its domain, at a pole, on overflow) the
// value is kept, as numpy keeps it: a grid is data, and gdplot's figures
// mask those cells (Grid.NonFinite counts them). This differs on purpose
// from the tools that follow one point, Derivative and Descend, which stop
// with an error at the first non-finite value: a map can show where E is
// undefined, a run cannot continue from there.
// Errors: empty or non-finite coordinates, E non-finite at every node.
func (m Mesh) Eval(E func(w1, w2 float64) float64) (Grid, error) {
	if err := m.check(); err != nil {
		return Grid{}, err
	}
	vals := make([]float64, len(m.Xs)*len(m.Ys))
	for r, y := range m.Ys {
		for c, x := range m.Xs {
			vals[r*len(m.Xs)+c] = E(x, y)
		}
	}
	if allNonFinite(vals) {
		return Grid{}, errorf(ErrNotFinite, "E is NaN or ±Inf at every node of the mesh (E(%g, %g) = %v): nothing to draw", m.Xs[0], m.Ys[0], vals[0])
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
// to compare with GridGradient. Non-finite components are kept, as in Eval.
// Errors: as Eval (for either component), a grad that writes outside g.
func (m Mesh) GradOnGrid(grad func(g, w []float64)) (dEdW1, dEdW2 Grid, err error) {
	if err := m.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	n := len(m.Xs) * len(m.Ys)
	d1, d2 := make([]float64, n), make([]float64, n)
	w, g := make([]float64, 2), make([]float64, 2)
	err = guard(2, func() {
		for r, y := range m.Ys {
			for c, x := range m.Xs {
				w[0], w[1] = x, y
				grad(g, w)
				d1[r*len(m.Xs)+c], d2[r*len(m.Xs)+c] = g[0], g[1]
			}
		}
	})
	if err != nil {
		return Grid{}, Grid{}, err
	}
	for k, d := range [2][]float64{d1, d2} {
		if allNonFinite(d) {
			return Grid{}, Grid{}, errorf(ErrNotFinite, "∂E/∂w%d is NaN or ±Inf at every node of the mesh", k+1)
		}
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

// GradientSettings are the options of np.gradient for GridGradient,
// NumpyGradient and SampleGradient. nil, or the zero value, is numpy's
// default: edge_order=1 and, where no coordinates are given, unit spacing.
type GradientSettings struct {
	// EdgeOrder is numpy's edge_order: 1 (0 means 1) for first-order
	// one-sided differences at both ends of each axis, 2 for second-order
	// one-sided differences (exact for a quadratic; needs at least 3 points
	// along each axis).
	EdgeOrder int
	// Spacing is numpy's scalar spacing, for the calls without
	// coordinates. NumpyGradient: none (unit steps), one value (the same
	// step on both axes) or two (row step, column step), as
	// np.gradient(E, *Spacing). SampleGradient with xs == nil: none or one
	// value dx, np.gradient(f, dx). With coordinates (GridGradient, and
	// SampleGradient with xs) the spacing comes from them and Spacing must
	// be empty.
	Spacing []float64
}

// edge returns the edge order of s (nil: 1).
func (s *GradientSettings) edge() int {
	if s == nil || s.EdgeOrder == 0 {
		return 1
	}
	return s.EdgeOrder
}

// spacing returns s.Spacing (nil for a nil s).
func (s *GradientSettings) spacing() []float64 {
	if s == nil {
		return nil
	}
	return s.Spacing
}

// check requires finite coordinates, len(Values) = len(Xs)·len(Ys) and at
// least one finite value (NaN and ±Inf values are data: see Mesh.Eval).
func (g Grid) check() error {
	if len(g.Xs) == 0 || len(g.Ys) == 0 {
		return errorf(ErrEmpty, "grid is %d×%d", len(g.Ys), len(g.Xs))
	}
	_, err := NewGrid(g.Xs, g.Ys, g.Values)
	return err
}

func gradient2D(g Grid, ax1, ax0 npAxis) (d1, d0 []float64) {
	nc := len(g.Xs)
	d1, d0 = make([]float64, len(g.Values)), make([]float64, len(g.Values))
	for r := range g.Ys {
		ax1.apply(d1[r*nc:(r+1)*nc], g.Values[r*nc:(r+1)*nc], 1)
	}
	ax0.rows(d0, g.Values, nc)
	return d1, d0
}

// GridGradient returns the numerical partial derivatives of the grid
// values with numpy's np.gradient semantics (second-order central
// differences inside, one-sided differences at the edges, of first order
// or, with s.EdgeOrder = 2, of second order), using the grid's own
// coordinates as spacing, and names the results by variable:
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
// Edges (edge_order=1): (f_1 - f_0)/(x_1 - x_0) and (f_{n-1} - f_{n-2})/(x_{n-1} - x_{n-2});
// edge_order=2 uses f_0, f_1, f_2 (and the last three) as numpy does.
//
// NaN and ±Inf values propagate as in numpy: a non-finite value makes the
// differences that read it NaN or ±Inf, and no other (a grid of log(w1)
// keeps finite derivatives wherever the three points of the formula are
// inside the domain). Errors: empty grid, every value non-finite, fewer
// than 2 points (3 for edge_order=2) on an axis, len(Values) ≠
// len(Xs)·len(Ys), repeated or non-finite coordinates, s.EdgeOrder not 1
// or 2, a non-empty s.Spacing.
func GridGradient(g Grid, s *GradientSettings) (dEdW1, dEdW2 Grid, err error) {
	if err := g.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	if len(s.spacing()) > 0 {
		return Grid{}, Grid{}, errorf(ErrBadParam, "GridGradient takes its spacing from the coordinates; for np.gradient(E, h) use NumpyGradient")
	}
	ax1, err := npAxisCoords(g.Xs, s.edge())
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("along w1 (columns): %w", err)
	}
	ax0, err := npAxisCoords(g.Ys, s.edge())
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("along w2 (rows): %w", err)
	}
	d1, d0 := gradient2D(g, ax1, ax0)
	return Grid{Xs: g.Xs, Ys: g.Ys, Values: d1}, Grid{Xs: g.Xs, Ys: g.Ys, Values: d0}, nil
}

// NumpyGradient reproduces np.gradient(E, *spacing, edge_order=k) on the
// grid values, with spacing = s.Spacing and k = s.EdgeOrder, and returns
// its outputs in numpy's order: axis0 = derivative down the rows
// (= ∂E/∂w2 · scale), axis1 = along the columns (= ∂E/∂w1 · scale).
// Spacing: none = unit steps (the slide's np.gradient(E)); one value = the
// same step on both axes; two values = (row step, column step). The
// slide's  dEdW1, dEdW2 = np.gradient(E)  is  axis0, axis1 here: its
// "dEdW1" is really ∂E/∂w2. Non-finite values and errors as GridGradient
// (with a spacing that is zero, non-finite or has more than 2 values as
// the errors of s.Spacing).
func NumpyGradient(g Grid, s *GradientSettings) (axis0, axis1 Grid, err error) {
	if err := g.check(); err != nil {
		return Grid{}, Grid{}, err
	}
	h0, h1 := 1.0, 1.0
	switch sp := s.spacing(); len(sp) {
	case 0:
	case 1:
		h0, h1 = sp[0], sp[0]
	case 2:
		h0, h1 = sp[0], sp[1]
	default:
		return Grid{}, Grid{}, errorf(ErrDimension, "%d spacings for a 2D grid", len(sp))
	}
	ax0, err := npAxisUniform(len(g.Ys), h0, s.edge())
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("axis 0 (rows): %w", err)
	}
	ax1, err := npAxisUniform(len(g.Xs), h1, s.edge())
	if err != nil {
		return Grid{}, Grid{}, fmt.Errorf("axis 1 (columns): %w", err)
	}
	d1, d0 := gradient2D(g, ax1, ax0)
	return Grid{Xs: g.Xs, Ys: g.Ys, Values: d0}, Grid{Xs: g.Xs, Ys: g.Ys, Values: d1}, nil
}

// SampleGradient is np.gradient for samples ys_i = f(x_i) of a 1D
// function: np.gradient(ys, xs) with coordinates xs, or, with xs == nil,
// np.gradient(ys, dx) at the uniform step dx = s.Spacing[0] (default 1);
// s.EdgeOrder as numpy's edge_order (1 or 2). Central differences inside
// (numpy's non-uniform formula when the spacing varies), one-sided at the
// ends (see GridGradient for the formulas). NaN and ±Inf samples propagate
// to the differences that read them, as in numpy. dst is allocated when
// nil. Errors: fewer than 2 points (3 for edge_order=2), every sample
// non-finite, len(xs) ≠ len(ys), len(dst) ≠ len(ys), repeated or
// non-finite xs, a zero or non-finite dx, Spacing given with xs or with
// more than one value.
func SampleGradient(dst, ys, xs []float64, s *GradientSettings) ([]float64, error) {
	var ax npAxis
	var err error
	sp := s.spacing()
	switch {
	case xs != nil && len(sp) > 0:
		return nil, errorf(ErrBadParam, "SampleGradient: give the coordinates xs or a step in Spacing, not both")
	case xs != nil:
		if len(ys) != len(xs) {
			return nil, errorf(ErrDimension, "len(ys) = %d, len(xs) = %d", len(ys), len(xs))
		}
		ax, err = npAxisCoords(xs, s.edge())
	case len(sp) > 1:
		return nil, errorf(ErrDimension, "%d spacings for 1D samples", len(sp))
	default:
		h := 1.0
		if len(sp) == 1 {
			h = sp[0]
		}
		ax, err = npAxisUniform(len(ys), h, s.edge())
	}
	if err != nil {
		return nil, err
	}
	if allNonFinite(ys) {
		return nil, errorf(ErrNotFinite, "every sample is NaN or ±Inf (ys[0] = %v)", ys[0])
	}
	dst, err = useDst(dst, len(ys), "ys")
	if err != nil {
		return nil, err
	}
	ax.apply(dst, ys, 1)
	return dst, nil
}

// allNonFinite reports whether v has no finite value (true for an empty v).
func allNonFinite(v []float64) bool {
	for _, x := range v {
		if isFinite(x) {
			return false
		}
	}
	return true
}
