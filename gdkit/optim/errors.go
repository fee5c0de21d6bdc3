package optim

import (
	"errors"
	"fmt"
	"math"

	"gdkit.dev/gdkit"
)

// ErrIndefinite is wrapped by Newton's error when the Hessian is not
// positive definite (the Newton step would not go downhill), and by
// ExactQuadratic when the curvature dᵀHd along the direction is ≤ 0.
var ErrIndefinite = errors.New("optim: Hessian is not positive definite")

// IndefiniteError is Newton's error where the Hessian at W is not
// positive definite (or numerically singular), so that the Newton step
// H⁻¹g need not go downhill: with FailIndefinite, or with ShiftHessian when
// no shift τ ≤ Shift made H + τI positive definite. errors.Is(err,
// ErrIndefinite) holds. The English Error names the point (w to 4
// significant digits) and leaves the update number to the caller, which
// knows it (Descend says "update rule at iteration 3"); the Spanish text,
// which gdkit.Spanish and gdkit.Must show alone, says both.
type IndefiniteError struct {
	W      []float64 // the point (a copy)
	Update int       // t of the Step that failed
	Shift  float64   // the last τ tried by ShiftHessian; 0 with FailIndefinite
}

// Error implements error: "optim: Hessian is not positive definite at
// w = [24.99]: ...".
func (e *IndefiniteError) Error() string {
	if e.Shift > 0 {
		return fmt.Sprintf("%v at w = %.4g, and no shift τ ≤ %.3g made H + τI positive definite", ErrIndefinite, e.W, e.Shift)
	}
	return fmt.Sprintf("%v at w = %.4g: the Newton step H⁻¹g would not go downhill; use Fallback GradientStep or ShiftHessian, or gradient descent",
		ErrIndefinite, e.W)
}

// Unwrap returns ErrIndefinite.
func (e *IndefiniteError) Unwrap() error { return ErrIndefinite }

// Spanish explains the error for the course notebooks (voseo, as the
// slides, and their notation: the gradient is ΔE).
func (e *IndefiniteError) Spanish() string {
	if e.Shift > 0 {
		return fmt.Sprintf("en la iteración %d el hessiano no es definido positivo en w = %.4g, y ningún τ ≤ %.3g "+
			"hizo definido positivo a H + τI; probá el descenso de gradiente", e.Update, e.W, e.Shift)
	}
	return fmt.Sprintf("en la iteración %d el hessiano no es definido positivo en w = %.4g: ahí el paso de Newton, "+
		"H⁻¹·ΔE, puede ir cuesta arriba (hacia un máximo); usá Fallback GradientStep o ShiftHessian, "+
		"o el descenso de gradiente", e.Update, e.W)
}

// badParam is a parameter error of this package: "optim: bad parameter:
// …", wrapping gdkit.ErrBadParam.
func badParam(format string, args ...any) error {
	return fmt.Errorf("optim: %w: "+format, append([]any{gdkit.ErrBadParam}, args...)...)
}

// searchFailed is the error of a line search that found no acceptable
// step: "optim: line search found no acceptable step: …", wrapping
// gdkit.ErrSearchFailed (Descend stops with reason SearchFailed).
func searchFailed(format string, args ...any) error {
	return fmt.Errorf("optim: %w: "+format, append([]any{gdkit.ErrSearchFailed}, args...)...)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkUnit checks 0 ≤ v < 1 (a decay rate such as β₁, β₂ or μ).
func checkUnit(name string, v float64) error {
	if !(v >= 0 && v < 1) {
		return badParam("%s = %v must be in [0, 1)", name, v)
	}
	return nil
}

// checkEps checks ε > 0 and finite.
func checkEps(v float64) error {
	if !(v > 0) || !finite(v) {
		return badParam("ε = %v must be finite and > 0", v)
	}
	return nil
}

// checkNonNeg checks v ≥ 0 and finite (a weight decay, a decay rate).
func checkNonNeg(name string, v float64) error {
	if !(v >= 0) || !finite(v) {
		return badParam("%s = %v must be finite and ≥ 0", name, v)
	}
	return nil
}

// firstErr returns the first non-nil error: Init lists its checks in
// order, firstErr(checkDim(dim), checkEps(ε), …).
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// checkDim is the common part of every Init.
func checkDim(dim int) error {
	if dim <= 0 {
		return badParam("dim = %d must be > 0", dim)
	}
	return nil
}

// checkStep is the common O(1) check of every Step: w and g of the length
// given to Init, a finite α ≥ 0 and t ≥ 1.
func checkStep(dim int, w, g []float64, alpha float64, t int) error {
	if dim == 0 {
		return badParam("Step before Init")
	}
	if len(w) != dim || len(g) != dim {
		return badParam("len(w) = %d, len(g) = %d, Init was given dim = %d", len(w), len(g), dim)
	}
	if !(alpha >= 0) || !finite(alpha) {
		return badParam("α = %v must be finite and ≥ 0", alpha)
	}
	if t < 1 {
		return badParam("t = %d must be ≥ 1 (the first update is t = 1)", t)
	}
	return nil
}

// grow returns s resized to n and zeroed, reusing its storage when it can.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}
