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

// DualGrad returns the exact gradient ∂f/∂w_i of f at w, one forward-mode
// pass per component (w_i + ε, the others constant), and stores it in dst
// (allocated when nil). Wrapped as func(grad, w []float64), it is an
// exact reference for CheckGrad (GradCheckSettings.Exact). Errors: empty
// or non-finite w, len(dst) ≠ len(w), non-finite f(w) or derivative.
func DualGrad(dst []float64, f func([]dual.Number) dual.Number, w []float64) ([]float64, error) {
	if err := checkVec("w", w); err != nil {
		return nil, err
	}
	dst, err := useDst(dst, len(w), "w")
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
		if !isFinite(r.Real) || !isFinite(r.Emag) {
			return nil, notFinite(fmt.Sprintf("f or ∂f/∂w%d at w = %v", i+1, w), r.Emag)
		}
		dst[i] = r.Emag
	}
	return dst, nil
}

// HyperdualHessian returns f(w) and stores the exact gradient in grad (if
// not nil, len(grad) = len(w)) and the exact Hessian H_ij = ∂²f/∂w_i∂w_j in
// hess (if not nil; resized when empty), using one hyperdual pass per pair
// i ≤ j with w_i + ε₁, w_j + ε₂ (gonum.org/v1/gonum/num/hyperdual):
// f(w + ε₁e_i + ε₂e_j) = f + ∂_i f ε₁ + ∂_j f ε₂ + ∂_i∂_j f ε₁ε₂. It is the
// Hessian of Newton's method (gdkit/optim) and of funcs.Func2D.ExactHessian.
// Errors: empty or non-finite w, a grad or hess of another size
// (ErrDimension), non-finite values or derivatives (ErrNotFinite).
func HyperdualHessian(grad []float64, hess *mat.SymDense, f func([]hyperdual.Number) hyperdual.Number, w []float64) (float64, error) {
	if err := checkVec("w", w); err != nil {
		return math.NaN(), err
	}
	n := len(w)
	if grad != nil && len(grad) != n {
		return math.NaN(), errorf(ErrDimension, "len(grad) = %d, len(w) = %d", len(grad), n)
	}
	if hess != nil {
		if hess.IsEmpty() {
			hess.ReuseAsSym(n)
		} else if hess.SymmetricDim() != n {
			return math.NaN(), errorf(ErrDimension, "Hessian is %d×%d, len(w) = %d", hess.SymmetricDim(), hess.SymmetricDim(), n)
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
			if !isFinite(r.Real) || !isFinite(r.E1mag) || !isFinite(r.E1E2mag) {
				return math.NaN(), errorf(ErrNotFinite, "f or its derivatives at w = %v", w)
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
