package gdkit

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// LeastSquares returns the closed-form minimum of a linear regression's
// mean squared error: the least-squares solution w = (w₁…w_d, b) of
//
//	[X 1]·w ≈ y
//
// (X the N×D data, 1 a column of ones for the bias), by QR through gonum's
// mat. Descent on the same model converges to it. Only a SquaredLoss model
// has this closed form (ErrBadParam otherwise); data whose columns are
// linearly dependent (e.g. a feature repeated) have no unique solution and
// give ErrBadParam too.
func (m *Model) LeastSquares() ([]float64, error) {
	if m == nil || m.Data == nil {
		return nil, errorf(ErrBadParam, "nil model or data")
	}
	if _, ok := m.Loss.(SquaredLoss); !ok {
		return nil, errorf(ErrBadParam, "LeastSquares needs a SquaredLoss model (linear regression), not %T", m.Loss)
	}
	X := m.Data.Design()
	n, p := X.Dims()
	if n < p {
		return nil, errorf(ErrBadParam, "LeastSquares needs at least %d rows for %d parameters, got %d", p, p, n)
	}
	var qr mat.QR
	qr.Factorize(X)
	if c := qr.Cond(); math.IsInf(c, 1) || c > 1e14 {
		return nil, errorf(ErrBadParam, "LeastSquares: the columns of [X 1] are linearly dependent (condition number %.3g): no unique minimum", c)
	}
	var w mat.VecDense
	if err := qr.SolveVecTo(&w, false, mat.NewVecDense(n, append([]float64(nil), m.Data.Y...))); err != nil {
		return nil, errorf(ErrBadParam, "LeastSquares: %v", err)
	}
	return w.RawVector().Data, nil
}

// Design returns the N×(D+1) design matrix [X 1]: the data's features with
// a last column of ones, the column of the bias (a new matrix).
func (d *Data) Design() *mat.Dense {
	X := mat.NewDense(d.N, d.D+1, nil)
	for i := 0; i < d.N; i++ {
		row := X.RawRowView(i)
		copy(row, d.Row(i))
		row[d.D] = 1
	}
	return X
}

// ClassCounts returns how many rows have each label (for two-class data,
// the size of each class): e.g. map[0:91 1:109].
func (d *Data) ClassCounts() map[float64]int {
	c := make(map[float64]int)
	for _, y := range d.Y {
		c[y]++
	}
	return c
}

// Basins colours the mesh by where descent goes: for every point (w1, w2)
// of the mesh it runs Descend(p, (w1, w2), s) and records the number
// k = 1…len(minima) of the minimum the run converged to (the nearest, if
// it is within 1e-3·max(1, ‖minimum‖) of the final w), or 0 when the run
// did not converge (it diverged or reached MaxIter) or converged elsewhere
// (a saddle point, a minimum not in the list). The result, on the
// mesh's grid, is the map of the basins of attraction: each region of
// equal k is the set of starts that reach minimum k. p must have Dim 2;
// other errors of Descend (bad settings) are returned.
func (m Mesh) Basins(p Problem, minima [][2]float64, s *DescentSettings) (Grid, error) {
	if p.Dim != 2 {
		return Grid{}, errorf(ErrDimension, "Basins needs a problem of 2 parameters, got Dim = %d", p.Dim)
	}
	if len(minima) == 0 {
		return Grid{}, errorf(ErrEmpty, "Basins needs at least one minimum")
	}
	vals := make([]float64, 0, len(m.Xs)*len(m.Ys))
	for _, w2 := range m.Ys {
		for _, w1 := range m.Xs {
			tr, err := Descend(p, []float64{w1, w2}, s)
			k := 0
			switch {
			case err == nil && tr.Reason == Converged:
				k = nearest(tr.Final(), minima)
			case err != nil && tr == nil:
				return Grid{}, err
			}
			vals = append(vals, float64(k))
		}
	}
	return NewGrid(m.Xs, m.Ys, vals)
}

// nearest returns the 1-based number of the point of ms closest to w, or 0
// if it is farther than 1e-3·max(1, its norm).
func nearest(w []float64, ms [][2]float64) int {
	best, dBest := 0, math.Inf(1)
	for k, m := range ms {
		if d := math.Hypot(w[0]-m[0], w[1]-m[1]); d < dBest {
			best, dBest = k+1, d
		}
	}
	if best > 0 {
		m := ms[best-1]
		if dBest > 1e-3*math.Max(1, math.Hypot(m[0], m[1])) {
			return 0
		}
	}
	return best
}

// MaxDiff returns the largest |g − h| over the interior points of the grid
// and over its edge points (first and last row and column) separately: how
// well a numeric gradient (GridGradient) matches the exact one, whose
// one-sided edge differences are less accurate than the central ones
// inside. The grids must have the same dimensions (ErrDimension).
func (g Grid) MaxDiff(h Grid) (inside, edge float64, err error) {
	cols, rows := g.Dims()
	if hc, hr := h.Dims(); hc != cols || hr != rows {
		return 0, 0, errorf(ErrDimension, "MaxDiff of a %d×%d and a %d×%d grid", rows, cols, hr, hc)
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			d := math.Abs(g.At(r, c) - h.At(r, c))
			if r == 0 || c == 0 || r == rows-1 || c == cols-1 {
				edge = math.Max(edge, d)
			} else {
				inside = math.Max(inside, d)
			}
		}
	}
	return inside, edge, nil
}

// Path2D returns the path of a run of two parameters as points (w1, w2),
// from w_0 to the last iterate (a new slice), the shape gdplot.MultiStart
// takes; nil when Dim is not 2.
func (t *Trace) Path2D() [][2]float64 {
	if t.Dim != 2 {
		return nil
	}
	path := make([][2]float64, t.Len())
	for i := range path {
		w := t.W(i)
		path[i] = [2]float64{w[0], w[1]}
	}
	return path
}
