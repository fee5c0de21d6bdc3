package gdkit

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// gradStep is the base step of the central formula (fd.Central.Step ≈ ∛ε).
const gradStep = 6e-6

var numGradPool = sync.Pool{New: func() any { s := make([]float64, 0, 16); return &s }}

// NumGrad estimates the gradient of f at w by central differences,
//
//	∂f/∂w_i ≈ (f(w + h_i e_i) - f(w - h_i e_i)) / (2 h_i),  h_i = 6e-6·max(1,|w_i|),
//
// the stencil of gonum's fd.Central with a step scaled to w_i. The result
// goes in dst (allocated when nil); with dst given, NumGrad does not
// allocate (the work copy of w comes from a pool). f must not keep its
// argument. Errors: empty or non-finite w, len(dst) ≠ len(w), or f
// returning NaN/Inf at a stencil point.
func NumGrad(dst []float64, f func([]float64) float64, w []float64) ([]float64, error) {
	if err := checkVec("w", w); err != nil {
		return nil, err
	}
	dst, err := useDst(dst, len(w), "w")
	if err != nil {
		return nil, err
	}
	bp := numGradPool.Get().(*[]float64)
	defer numGradPool.Put(bp)
	x := append((*bp)[:0], w...)
	*bp = x
	for i, wi := range w {
		h := fdStepFor(gradStep, wi)
		x[i] = wi + h
		fp := f(x)
		copy(x, w) // f may have modified x
		x[i] = wi - h
		fm := f(x)
		copy(x, w)
		if !isFinite(fp) || !isFinite(fm) {
			return nil, errorf(ErrNotFinite, "f(w ± h·e%d) = %v, %v", i+1, fp, fm)
		}
		dst[i] = (fp - fm) / (2 * h)
	}
	return dst, nil
}

// hessStep is the base step of NumHessian, ≈ ε^¼ (error O(h²) + O(ε|f|/h²)).
const hessStep = 1e-4

// NumHessian estimates the Hessian H_ij = ∂²f/∂w_i∂w_j of f at w with
// gonum's fd.Hessian and the central stencil,
//
//	H_ij ≈ [f(w+h e_i+h e_j) - f(w+h e_i-h e_j) - f(w-h e_i+h e_j) + f(w-h e_i-h e_j)] / (4h²),
//
// h = 1e-4·max(1, max|w_i|) (error ~1e-7 relative for smooth f), storing it in dst (resized
// when empty, otherwise it must be len(w)×len(w)). Errors: empty or
// non-finite w, size mismatch, non-finite f values or result.
func NumHessian(dst *mat.SymDense, f func([]float64) float64, w []float64) error {
	if err := checkVec("w", w); err != nil {
		return err
	}
	if dst == nil {
		return errorf(ErrBadParam, "nil dst")
	}
	n := len(w)
	if !dst.IsEmpty() && dst.SymmetricDim() != n {
		return errorf(ErrDimension, "dst is %d×%d, len(w) = %d", dst.SymmetricDim(), dst.SymmetricDim(), n)
	}
	scale := 1.0
	for _, v := range w {
		scale = math.Max(scale, math.Abs(v))
	}
	bad := false
	g := func(x []float64) float64 {
		v := f(x)
		if !isFinite(v) {
			bad = true
		}
		return v
	}
	s := fd.Settings{Formula: fd.Central, Step: hessStep * scale}
	fd.Hessian(dst, g, w, &s)
	if bad {
		return errorf(ErrNotFinite, "f is NaN or Inf near w = %v", w)
	}
	return nil
}
