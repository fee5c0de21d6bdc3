package gdkit

import (
	"fmt"

	"gonum.org/v1/gonum/num/dual"
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
