package optim

import (
	"fmt"
	"math"
	"slices"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/hyperdual"
)

// HessianFunc writes the Hessian ∇²E(w) into dst, which Newton allocates
// once as a len(w)×len(w) matrix and reuses: set every entry of the upper
// triangle. HessianOf1D, HessianOf2D, HyperdualHessianOf and NumHessianOf
// build one from gdkit's exact catalogue or from finite differences.
type HessianFunc func(dst *mat.SymDense, w []float64) error

// Fallback says what Newton does where the Hessian is not positive
// definite, so that the Newton direction H⁻¹g does not point downhill (on
// a non-convex E, near a maximum or a saddle, as on d2l's x·cos(cx)).
type Fallback int

const (
	// FailIndefinite stops with an *IndefiniteError (errors.Is(err,
	// ErrIndefinite)), the default.
	FailIndefinite Fallback = iota
	// GradientStep takes the plain step w ← w − α g for that update.
	GradientStep
	// ShiftHessian solves (H + τI) d = g with the smallest τ of the
	// sequence τ₀, 2τ₀, 4τ₀, … for which H + τI has a Cholesky factor
	// (Nocedal & Wright, Algorithm 3.3), τ₀ = max(β, β − min_i H_ii),
	// β = 10⁻³·max(1, max_i |H_ii|): a step between Newton's and a short
	// gradient step. The smallest such τ leaves H + τI barely positive
	// definite where H has a negative curvature, so the step along it can
	// be very long (on d2l's x·cos(0.15πx) from x = 10 it jumps from 25 to
	// −2763 and ends at a far local minimum): the algorithm is meant to be
	// paired with a line search or a small α.
	ShiftHessian
)

// Newton is Newton's method as an update rule: for t = 1, 2, …, with
// g_t = ∇E(w_{t−1}) and H_t = ∇²E(w_{t−1}),
//
//	solve H_t d_t = g_t (Cholesky),   w_t ← w_{t−1} − α d_t.
//
// α = 1 is the full step, which lands on the minimum of a quadratic in one
// update; α < 1 is the damped variant. In 1D it is x ← x − α f'(x)/f”(x).
// The Cholesky factorisation (LAPACK's dpotrf through gonum's lapack64)
// succeeds only for a positive definite H; where it fails, or H is
// numerically singular (the factor's diagonal spans more than 10⁷, so
// κ(H) > 10¹⁴), Newton does what Fallback says. Step allocates nothing
// beyond what Hessian allocates (gonum's mat.Cholesky would allocate
// three small work slices per factorisation).
type Newton struct {
	Hessian  HessianFunc
	Fallback Fallback

	h, hs    *mat.SymDense // the Hessian and the shifted copy
	fac      *mat.SymDense // the Cholesky factor U (upper triangle)
	d        []float64     // the Newton direction H⁻¹g
	shift    float64
	fellBack bool
}

// NewNewton returns Newton's method with the given Hessian, failing on an
// indefinite Hessian.
func NewNewton(hess HessianFunc) *Newton { return &Newton{Hessian: hess} }

// Init checks that a Hessian is set and allocates the matrices for dim
// parameters.
func (n *Newton) Init(dim int) error {
	if err := checkDim(dim); err != nil {
		return err
	}
	if n.Hessian == nil {
		return badParam("Newton needs a Hessian function")
	}
	if n.Fallback < FailIndefinite || n.Fallback > ShiftHessian {
		return badParam("Newton.Fallback = %d is not one of FailIndefinite, GradientStep, ShiftHessian", n.Fallback)
	}
	if n.h == nil || n.h.SymmetricDim() != dim {
		n.h = mat.NewSymDense(dim, nil)
		n.hs = mat.NewSymDense(dim, nil)
		n.fac = mat.NewSymDense(dim, nil)
		n.d = make([]float64, dim)
	}
	n.shift, n.fellBack = 0, false
	return nil
}

// Step does update t in place on w from g = ∇E(w) and the Hessian at w
// (g is not modified).
func (n *Newton) Step(w, g []float64, alpha float64, t int) error {
	dim := 0
	if n.h != nil {
		dim = n.h.SymmetricDim()
	}
	if err := checkStep(dim, w, g, alpha, t); err != nil {
		return err
	}
	if err := n.Hessian(n.h, w); err != nil {
		return fmt.Errorf("optim: Newton's Hessian at w = %.4g: %w", w, err)
	}
	for i := range dim {
		for j := i; j < dim; j++ {
			if v := n.h.At(i, j); !finite(v) {
				return fmt.Errorf("optim: %w: Newton's Hessian at w = %.4g has H[%d][%d] = %v", gdkit.ErrNotFinite, w, i, j, v)
			}
		}
	}
	n.shift, n.fellBack = 0, false
	if !n.solve(n.h, g) {
		n.fellBack = true
		switch n.Fallback {
		case GradientStep:
			for i, gi := range g {
				w[i] -= alpha * gi
			}
			return nil
		case ShiftHessian:
			if !n.solveShifted(dim, g) {
				return &IndefiniteError{W: slices.Clone(w), Update: t, Shift: n.shift}
			}
		default:
			return &IndefiniteError{W: slices.Clone(w), Update: t}
		}
	}
	for i, di := range n.d {
		w[i] -= alpha * di
	}
	return nil
}

// solve factorises a = UᵀU and solves a·d = g; false if a is not
// (numerically) positive definite.
func (n *Newton) solve(a *mat.SymDense, g []float64) bool {
	n.fac.CopySym(a)
	u, ok := lapack64.Potrf(n.fac.RawSymmetric())
	if !ok {
		return false
	}
	lo, hi := math.Inf(1), 0.0
	for i := range u.N {
		v := u.Data[i*u.Stride+i]
		lo, hi = min(lo, v), max(hi, v)
	}
	if !(lo > 0) || hi > 1e7*lo {
		return false
	}
	copy(n.d, g)
	lapack64.Potrs(u, blas64.General{Rows: u.N, Cols: 1, Stride: 1, Data: n.d})
	return true
}

// solveShifted is Nocedal & Wright's Algorithm 3.3 on H + τI.
func (n *Newton) solveShifted(dim int, g []float64) bool {
	minDiag, maxAbs := math.Inf(1), 0.0
	for i := range dim {
		minDiag = min(minDiag, n.h.At(i, i))
		maxAbs = max(maxAbs, math.Abs(n.h.At(i, i)))
	}
	beta := 1e-3 * max(1, maxAbs)
	tau := max(beta, beta-minDiag)
	for range 64 {
		n.hs.CopySym(n.h)
		for i := range dim {
			n.hs.SetSym(i, i, n.h.At(i, i)+tau)
		}
		n.shift = tau
		if n.solve(n.hs, g) {
			return true
		}
		tau *= 2
	}
	return false
}

// Shift returns the τ added to the Hessian's diagonal in the last update
// (0 when H was positive definite or the fallback was not ShiftHessian).
func (n *Newton) Shift() float64 { return n.shift }

// FellBack reports whether the Hessian of the last update was not positive
// definite, so that the Fallback was used.
func (n *Newton) FellBack() bool { return n.fellBack }

// HessianOf1D is the exact f”(x) of a course function of one variable
// (hyperdual numbers), as a 1×1 Hessian.
func HessianOf1D(f funcs.Func1D) HessianFunc {
	return func(dst *mat.SymDense, w []float64) error {
		if len(w) != 1 {
			return badParam("HessianOf1D: len(w) = %d, the function has 1 variable", len(w))
		}
		_, d2 := f.ExactDeriv(w[0])
		dst.SetSym(0, 0, d2)
		return nil
	}
}

// HessianOf2D is the exact 2×2 Hessian of a course function of two
// variables, by hyperdual numbers (funcs.Func2D.ExactHessian).
func HessianOf2D(f funcs.Func2D) HessianFunc {
	return func(dst *mat.SymDense, w []float64) error {
		_, err := f.ExactHessian(nil, dst, w)
		return err
	}
}

// HyperdualHessianOf is the exact Hessian of f written over hyperdual
// numbers (gdkit.HyperdualHessian, one pass per pair i ≤ j).
func HyperdualHessianOf(f func([]hyperdual.Number) hyperdual.Number) HessianFunc {
	return func(dst *mat.SymDense, w []float64) error {
		_, err := gdkit.HyperdualHessian(nil, dst, f, w)
		return err
	}
}

// NumHessianOf is the central-difference Hessian of E (gdkit.NumHessian):
// exact up to round-off on a quadratic, ~10⁻⁷ relative on smooth E.
func NumHessianOf(E func([]float64) float64) HessianFunc {
	return func(dst *mat.SymDense, w []float64) error { return gdkit.NumHessian(dst, E, w) }
}
