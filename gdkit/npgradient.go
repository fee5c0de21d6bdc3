package gdkit

import "math"

// This file holds the one np.gradient kernel of the package: numpy's
// formulas along one axis, for uniform and non-uniform spacing and
// edge_order 1 and 2, with numpy's order of operations (so the results
// match numpy's to the last bit or within a rounding). GridGradient,
// NumpyGradient and SampleGradient are built on it.
//
// Non-finite values are data here, as in numpy: each output is its
// formula applied to the values it reads, so a NaN or ±Inf neighbour
// makes that difference NaN or ±Inf and leaves every other output alone.

// npAxis holds numpy's np.gradient coefficients along one axis of n
// points: uniform step h (dx == nil) or the spacings dx_i = x_{i+1} − x_i,
// and the edge order, 1 or 2.
type npAxis struct {
	n, edge int
	h       float64
	dx      []float64
	// h2 = 2h is the divisor of the uniform central difference, and inv =
	// 1/h2 when h2 is a power of two (then v·inv = v/h2 exactly), else 0.
	h2, inv float64
	// a, b, c are the non-uniform interior weights of f_{i−1}, f_i, f_{i+1}
	// (index i = 1 … n−2; nil when uniform).
	a, b, c []float64
	// e0 and en weigh (f_0, f_1, f_2) and (f_{n−3}, f_{n−2}, f_{n−1}) for
	// edge_order 2; d0 and dn divide f_1 − f_0 and f_{n−1} − f_{n−2} for
	// edge_order 1.
	e0, en [3]float64
	d0, dn float64
}

// npAxisUniform is the axis of n points at uniform step h.
func npAxisUniform(n int, h float64, edge int) (npAxis, error) {
	if err := npCheckEdge(n, edge); err != nil {
		return npAxis{}, err
	}
	if err := checkSpacing(h); err != nil {
		return npAxis{}, err
	}
	return npAxis{n: n, edge: edge, h: h}.init(), nil
}

// npAxisCoords is the axis at coordinates x. As numpy does, the spacing is
// uniform (and the uniform formulas are used) iff every x_{i+1} − x_i is
// exactly equal to x_1 − x_0.
func npAxisCoords(x []float64, edge int) (npAxis, error) {
	n := len(x)
	if err := npCheckEdge(n, edge); err != nil {
		return npAxis{}, err
	}
	dx := make([]float64, n-1)
	uniform := true
	for i := range dx {
		if err := checkStep(x, i); err != nil {
			return npAxis{}, err
		}
		dx[i] = x[i+1] - x[i]
		uniform = uniform && dx[i] == dx[0]
	}
	if uniform {
		return npAxis{n: n, edge: edge, h: dx[0]}.init(), nil
	}
	return npAxis{n: n, edge: edge, dx: dx}.init(), nil
}

func npCheckEdge(n, edge int) error {
	if edge != 1 && edge != 2 {
		return errorf(ErrBadParam, "edge_order = %d must be 1 or 2", edge)
	}
	if n < edge+1 {
		return errorf(ErrEmpty, "np.gradient with edge_order = %d needs at least %d points along an axis, got %d", edge, edge+1, n)
	}
	return nil
}

// init computes the coefficients, with numpy's formulas. Inside, second-
// order central differences; uniform:
//
//	(f_{i+1} − f_{i−1}) / (2h);
//
// non-uniform, with h₁ = dx_{i−1}, h₂ = dx_i:
//
//	a f_{i−1} + b f_i + c f_{i+1},  a = −h₂/(h₁(h₁+h₂)), b = (h₂−h₁)/(h₁h₂), c = h₁/(h₂(h₁+h₂)).
//
// Edges, edge_order = 1: (f_1 − f_0)/dx_0 and (f_{n−1} − f_{n−2})/dx_{n−2}.
// Edges, edge_order = 2 (one-sided, second order); uniform:
//
//	(−1.5 f_0 + 2 f_1 − 0.5 f_2)/h,   (0.5 f_{n−3} − 2 f_{n−2} + 1.5 f_{n−1})/h;
//
// non-uniform, with h₁ = dx_0, h₂ = dx_1 at the start:
//
//	a = −(2h₁+h₂)/(h₁(h₁+h₂)),  b = (h₁+h₂)/(h₁h₂),  c = −h₁/(h₂(h₁+h₂)),
//
// and with h₁ = dx_{n−3}, h₂ = dx_{n−2} at the end:
//
//	a = h₂/(h₁(h₁+h₂)),  b = −(h₁+h₂)/(h₁h₂),  c = (2h₂+h₁)/(h₂(h₁+h₂)).
func (ax npAxis) init() npAxis {
	n := ax.n
	if ax.dx == nil {
		h := ax.h
		ax.h2 = 2 * h
		if frac, _ := math.Frexp(ax.h2); math.Abs(frac) == 0.5 {
			ax.inv = 1 / ax.h2
		}
		ax.d0, ax.dn = h, h
		ax.e0 = [3]float64{-1.5 / h, 2 / h, -0.5 / h}
		ax.en = [3]float64{0.5 / h, -2 / h, 1.5 / h}
		return ax
	}
	dx := ax.dx
	ax.a, ax.b, ax.c = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := 1; i < n-1; i++ {
		h1, h2 := dx[i-1], dx[i]
		ax.a[i] = -h2 / (h1 * (h1 + h2))
		ax.b[i] = (h2 - h1) / (h1 * h2)
		ax.c[i] = h1 / (h2 * (h1 + h2))
	}
	ax.d0, ax.dn = dx[0], dx[n-2]
	if n >= 3 {
		h1, h2 := dx[0], dx[1]
		ax.e0 = [3]float64{-(2*h1 + h2) / (h1 * (h1 + h2)), (h1 + h2) / (h1 * h2), -h1 / (h2 * (h1 + h2))}
		h1, h2 = dx[n-3], dx[n-2]
		ax.en = [3]float64{h2 / (h1 * (h1 + h2)), -(h2 + h1) / (h1 * h2), (2*h2 + h1) / (h2 * (h1 + h2))}
	}
	return ax
}

// apply writes the derivative of the n values f[0], f[s], …, f[(n−1)s]
// into dst at the same stride.
func (ax *npAxis) apply(dst, f []float64, s int) {
	n := ax.n
	if s == 1 {
		ax.inner(dst[1:n-1], f[:n])
	} else {
		ax.innerStrided(dst, f, s)
	}
	l := (n - 1) * s
	if ax.edge == 1 {
		dst[0] = (f[s] - f[0]) / ax.d0
		dst[l] = (f[l] - f[l-s]) / ax.dn
		return
	}
	dst[0] = ax.e0[0]*f[0] + ax.e0[1]*f[s] + ax.e0[2]*f[2*s]
	dst[l] = ax.en[0]*f[l-2*s] + ax.en[1]*f[l-s] + ax.en[2]*f[l]
}

// inner writes the interior points 1 … n−2 of contiguous values f into
// o = dst[1 : n−1] (slices the compiler can check once).
func (ax *npAxis) inner(o, f []float64) {
	fm, fz, fp := f[:len(o)], f[1:len(o)+1], f[2:len(o)+2]
	switch {
	case ax.dx != nil:
		a, b, c := ax.a[1:len(o)+1], ax.b[1:len(o)+1], ax.c[1:len(o)+1]
		for k := range o {
			o[k] = a[k]*fm[k] + b[k]*fz[k] + c[k]*fp[k]
		}
	case ax.inv != 0:
		for k := range o {
			o[k] = (fp[k] - fm[k]) * ax.inv
		}
	default:
		for k := range o {
			o[k] = (fp[k] - fm[k]) / ax.h2
		}
	}
}

// innerStrided is inner for values at stride s.
func (ax *npAxis) innerStrided(dst, f []float64, s int) {
	n := ax.n
	switch {
	case ax.dx != nil:
		for i := 1; i < n-1; i++ {
			dst[i*s] = ax.a[i]*f[(i-1)*s] + ax.b[i]*f[i*s] + ax.c[i]*f[(i+1)*s]
		}
	case ax.inv != 0:
		for i := 1; i < n-1; i++ {
			dst[i*s] = (f[(i+1)*s] - f[(i-1)*s]) * ax.inv
		}
	default:
		for i := 1; i < n-1; i++ {
			dst[i*s] = (f[(i+1)*s] - f[(i-1)*s]) / ax.h2
		}
	}
}

// rows applies the axis to the rows of the row-major n×nc array f, whole
// rows at a time (cache friendly): row r of dst from rows r−1, r, r+1 of f
// (numpy's axis 0). It computes what apply(dst[c:], f[c:], nc) computes for
// every column c.
func (ax *npAxis) rows(dst, f []float64, nc int) {
	n := ax.n
	row := func(r int) []float64 { return f[r*nc : (r+1)*nc] }
	out := func(r int) []float64 { return dst[r*nc : (r+1)*nc] }
	for r := 1; r < n-1; r++ {
		o, fm, fz, fp := out(r), row(r-1), row(r), row(r+1)
		fm, fz, fp = fm[:len(o)], fz[:len(o)], fp[:len(o)]
		switch {
		case ax.dx != nil:
			rowComb(o, fm, fz, fp, ax.a[r], ax.b[r], ax.c[r])
		case ax.inv != 0:
			for c := range o {
				o[c] = (fp[c] - fm[c]) * ax.inv
			}
		default:
			for c := range o {
				o[c] = (fp[c] - fm[c]) / ax.h2
			}
		}
	}
	if ax.edge == 1 {
		rowDiff(out(0), row(1), row(0), ax.d0)
		rowDiff(out(n-1), row(n-1), row(n-2), ax.dn)
		return
	}
	rowComb(out(0), row(0), row(1), row(2), ax.e0[0], ax.e0[1], ax.e0[2])
	rowComb(out(n-1), row(n-3), row(n-2), row(n-1), ax.en[0], ax.en[1], ax.en[2])
}

// rowComb sets o = a·f0 + b·f1 + c·f2 elementwise.
func rowComb(o, f0, f1, f2 []float64, a, b, c float64) {
	f0, f1, f2 = f0[:len(o)], f1[:len(o)], f2[:len(o)]
	for k := range o {
		o[k] = a*f0[k] + b*f1[k] + c*f2[k]
	}
}

// rowDiff sets o = (f1 − f0)/d elementwise.
func rowDiff(o, f1, f0 []float64, d float64) {
	f0, f1 = f0[:len(o)], f1[:len(o)]
	for k := range o {
		o[k] = (f1[k] - f0[k]) / d
	}
}
