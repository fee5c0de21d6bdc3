package gdkit

import "fmt"

// This file holds numpy's np.gradient along one axis with both edge
// orders, as self-contained kernels, plus the 1D np.gradient(f, dx) with a
// scalar spacing. They are not yet wired into GridGradient, NumpyGradient
// and SampleGradient (issue 13): the lead does that when the settings of
// the renovated API (issue 10) land.

// npAxis holds numpy's np.gradient coefficients along one axis: uniform
// step h (dx == nil) or the spacings dx_i = x_{i+1} − x_i, and the edge
// order, 1 or 2.
type npAxis struct {
	edge int
	h    float64
	dx   []float64
}

// npAxisUniform is the axis of n points at uniform step h.
func npAxisUniform(n int, h float64, edge int) (npAxis, error) {
	if err := npCheckEdge(n, edge); err != nil {
		return npAxis{}, err
	}
	if err := checkSpacing(h); err != nil {
		return npAxis{}, err
	}
	return npAxis{edge: edge, h: h}, nil
}

// npAxisCoords is the axis at coordinates x. As numpy does, the spacing is
// uniform (and the faster formulas are used) iff every x_{i+1} − x_i is
// exactly equal to x_1 − x_0.
func npAxisCoords(x []float64, edge int) (npAxis, error) {
	n := len(x)
	if err := npCheckEdge(n, edge); err != nil {
		return npAxis{}, err
	}
	dx := make([]float64, n-1)
	uniform := true
	for i := range dx {
		dx[i] = x[i+1] - x[i]
		if err := checkStep(x, i); err != nil {
			return npAxis{}, err
		}
		uniform = uniform && dx[i] == dx[0]
	}
	if uniform {
		return npAxis{edge: edge, h: dx[0]}, nil
	}
	return npAxis{edge: edge, dx: dx}, nil
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

// apply writes the derivative of the n values f[0], f[s], …, f[(n−1)s]
// into dst at the same stride, with numpy's formulas and order of
// operations. Inside, second-order central differences; uniform:
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
func (a npAxis) apply(dst, f []float64, n, s int) {
	at := func(i int) float64 { return f[i*s] }
	if a.dx == nil {
		for i := 1; i < n-1; i++ {
			dst[i*s] = (at(i+1) - at(i-1)) / (2 * a.h)
		}
	} else {
		for i := 1; i < n-1; i++ {
			h1, h2 := a.dx[i-1], a.dx[i]
			ca := -h2 / (h1 * (h1 + h2))
			cb := (h2 - h1) / (h1 * h2)
			cc := h1 / (h2 * (h1 + h2))
			dst[i*s] = ca*at(i-1) + cb*at(i) + cc*at(i+1)
		}
	}
	if a.edge == 1 {
		d0, dn := a.h, a.h
		if a.dx != nil {
			d0, dn = a.dx[0], a.dx[n-2]
		}
		dst[0] = (at(1) - at(0)) / d0
		dst[(n-1)*s] = (at(n-1) - at(n-2)) / dn
		return
	}
	var ca, cb, cc float64
	if a.dx == nil {
		ca, cb, cc = -1.5/a.h, 2/a.h, -0.5/a.h
	} else {
		h1, h2 := a.dx[0], a.dx[1]
		ca = -(2*h1 + h2) / (h1 * (h1 + h2))
		cb = (h1 + h2) / (h1 * h2)
		cc = -h1 / (h2 * (h1 + h2))
	}
	dst[0] = ca*at(0) + cb*at(1) + cc*at(2)
	if a.dx == nil {
		ca, cb, cc = 0.5/a.h, -2/a.h, 1.5/a.h
	} else {
		h1, h2 := a.dx[n-3], a.dx[n-2]
		ca = h2 / (h1 * (h1 + h2))
		cb = -(h2 + h1) / (h1 * h2)
		cc = (2*h2 + h1) / (h2 * (h1 + h2))
	}
	dst[(n-1)*s] = ca*at(n-3) + cb*at(n-2) + cc*at(n-1)
}

// gradient1D is np.gradient(f, h, edge_order=edge) for samples f at
// uniform step h (h = 1 is np.gradient(f)). dst is allocated when nil.
// Errors: edge not 1 or 2, fewer than edge+1 samples, h zero or not
// finite, NaN/Inf in f, len(dst) ≠ len(f).
func gradient1D(dst, f []float64, h float64, edge int) ([]float64, error) {
	ax, err := npAxisUniform(len(f), h, edge)
	if err != nil {
		return nil, err
	}
	return npApply1D(dst, f, ax)
}

// gradient1DCoords is np.gradient(f, x, edge_order=edge) for samples
// f_i = f(x_i). Errors as gradient1D, and len(x) ≠ len(f) or repeated or
// non-finite x.
func gradient1DCoords(dst, f, x []float64, edge int) ([]float64, error) {
	if len(x) != len(f) {
		return nil, errorf(ErrDimension, "len(f) = %d, len(x) = %d", len(f), len(x))
	}
	ax, err := npAxisCoords(x, edge)
	if err != nil {
		return nil, err
	}
	return npApply1D(dst, f, ax)
}

func npApply1D(dst, f []float64, ax npAxis) ([]float64, error) {
	if i := firstNonFinite(f); i >= 0 {
		return nil, notFinite(fmt.Sprintf("f[%d]", i), f[i])
	}
	dst, err := useDst(dst, len(f), "f")
	if err != nil {
		return nil, err
	}
	ax.apply(dst, f, len(f), 1)
	return dst, nil
}
