package gdkit

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/dual"
	"gonum.org/v1/gonum/num/hyperdual"
)

// DualDeriv evaluates f at the dual number x + 1ε (ε² = 0) and returns the
// value f(x) and the exact first derivative f'(x) (forward-mode automatic
// differentiation, gonum.org/v1/gonum/num/dual): f(x+ε) = f(x) + f'(x)ε.
func DualDeriv(f func(dual.Number) dual.Number, x float64) (v, d float64) {
	r := f(dual.Number{Real: x, Emag: 1})
	return r.Real, r.Emag
}

// HyperdualDeriv evaluates f at x + ε₁ + ε₂ (ε₁² = ε₂² = 0, ε₁ε₂ ≠ 0) with
// gonum.org/v1/gonum/num/hyperdual and returns f(x), f'(x) and f”(x) exactly:
// f(x+ε₁+ε₂) = f + f'ε₁ + f'ε₂ + f”ε₁ε₂.
func HyperdualDeriv(f func(hyperdual.Number) hyperdual.Number, x float64) (v, d1, d2 float64) {
	r := f(hyperdual.Number{Real: x, E1mag: 1, E2mag: 1})
	return r.Real, r.E1mag, r.E1E2mag
}

func numCheckVec(name string, w []float64) error {
	if len(w) == 0 {
		return fmt.Errorf("%w: %s has no components", ErrEmpty, name)
	}
	for i, v := range w {
		if !numFinite(v) {
			return fmt.Errorf("%w: %s[%d] = %v", ErrNotFinite, name, i, v)
		}
	}
	return nil
}

// DualGrad returns the exact gradient ∂f/∂w_i of f at w, one forward-mode
// pass per component (w_i + ε, the others constant), and stores it in dst
// (allocated when nil). Errors: empty or non-finite w, len(dst) ≠ len(w),
// non-finite f(w) or derivative.
func DualGrad(dst []float64, f func([]dual.Number) dual.Number, w []float64) ([]float64, error) {
	if err := numCheckVec("w", w); err != nil {
		return nil, err
	}
	dst, err := numDst(dst, len(w), "w")
	if err != nil {
		return nil, err
	}
	x := make([]dual.Number, len(w))
	for i, v := range w {
		x[i] = dual.Number{Real: v}
	}
	for i := range w {
		x[i].Emag = 1
		r := f(x)
		x[i].Emag = 0
		if !numFinite(r.Real) || !numFinite(r.Emag) {
			return nil, fmt.Errorf("%w: f or ∂f/∂w%d at w = %v", ErrNotFinite, i+1, w)
		}
		dst[i] = r.Emag
	}
	return dst, nil
}

// HyperdualHessian returns f(w) and stores the exact gradient in grad (if
// not nil, len(grad) = len(w)) and the exact Hessian H_ij = ∂²f/∂w_i∂w_j in
// hess (if not nil; resized when empty), using one hyperdual pass per pair
// i ≤ j with w_i + ε₁, w_j + ε₂.
func HyperdualHessian(grad []float64, hess *mat.SymDense, f func([]hyperdual.Number) hyperdual.Number, w []float64) (float64, error) {
	if err := numCheckVec("w", w); err != nil {
		return math.NaN(), err
	}
	n := len(w)
	if grad != nil && len(grad) != n {
		return math.NaN(), fmt.Errorf("%w: len(grad)=%d, len(w)=%d", ErrDimension, len(grad), n)
	}
	if hess != nil {
		if hess.IsEmpty() {
			hess.ReuseAsSym(n)
		} else if hess.SymmetricDim() != n {
			return math.NaN(), fmt.Errorf("%w: Hessian is %d×%d, len(w)=%d", ErrDimension, hess.SymmetricDim(), hess.SymmetricDim(), n)
		}
	}
	x := make([]hyperdual.Number, n)
	for i, v := range w {
		x[i] = hyperdual.Number{Real: v}
	}
	val := math.NaN()
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			if hess == nil && j > i {
				break
			}
			x[i].E1mag = 1
			x[j].E2mag = 1
			r := f(x)
			x[i].E1mag, x[j].E2mag = 0, 0
			if !numFinite(r.Real) || !numFinite(r.E1mag) || !numFinite(r.E1E2mag) {
				return math.NaN(), fmt.Errorf("%w: f or its derivatives at w = %v", ErrNotFinite, w)
			}
			val = r.Real
			if j == i && grad != nil {
				grad[i] = r.E1mag
			}
			if hess != nil {
				hess.SetSym(i, j, r.E1E2mag)
			}
		}
	}
	return val, nil
}
