package gdkit

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
)

// DerivativeSettings configures Derivative, DerivativeFunc and TrendAt.
// A nil *DerivativeSettings, or the zero value, gives the defaults.
type DerivativeSettings struct {
	// Formula is the finite-difference formula, as in gonum's diff/fd:
	// fd.Central (the default, used when Formula.Stencil is nil),
	// fd.Forward, fd.Backward or any stencil of a first derivative. Its
	// Step is scaled to the point: h = Step·max(1, |x|).
	Formula fd.Formula
	// KinkTol is the relative tolerance of the kink test: the one-sided
	// derivatives l and r disagree, and Derivative returns a *KinkError, when
	//
	//	|l - r| > KinkTol·max(1, |l|, |r|) + 1e-8·|f(x)|/max(1, |x|),
	//
	// the last term allowing for round-off (≈ 2ε|f|/h). 0 means 1e-5.
	KinkTol float64
	// CriticalTol is the tolerance of TrendAt: |f'(x)| ≤ CriticalTol is a
	// critical point. 0 means 1e-7.
	CriticalTol float64
	// Var names the variable of f in messages (a *KinkError's "no hay
	// derivada en m = 1", a *DomainError's): "" means "x".
	Var string
}

// Defaults of DerivativeSettings.
const (
	defaultKinkTol     = 1e-5
	defaultCriticalTol = 1e-7
	kinkRoundoff       = 1e-8
)

// resolve returns the settings with every default filled in, or an
// ErrBadParam error.
func (s *DerivativeSettings) resolve() (DerivativeSettings, error) {
	r := DerivativeSettings{Formula: fd.Central, KinkTol: defaultKinkTol, CriticalTol: defaultCriticalTol, Var: "x"}
	if s == nil {
		return r, nil
	}
	if s.Var != "" {
		r.Var = s.Var
	}
	if s.Formula.Stencil != nil {
		if s.Formula.Derivative != 1 || !(s.Formula.Step > 0) || math.IsInf(s.Formula.Step, 0) {
			return r, errorf(ErrBadParam, "Formula must be of a first derivative (Derivative = %d) with a finite Step > 0 (Step = %v)",
				s.Formula.Derivative, s.Formula.Step)
		}
		r.Formula = s.Formula
	}
	for _, t := range []struct {
		name string
		v    float64
		dst  *float64
	}{{"KinkTol", s.KinkTol, &r.KinkTol}, {"CriticalTol", s.CriticalTol, &r.CriticalTol}} {
		if err := checkTol(t.name, t.v); err != nil {
			return r, err
		}
		if t.v > 0 {
			*t.dst = t.v
		}
	}
	return r, nil
}

// Derivative returns f'(x) by finite differences through gonum's diff/fd,
// by default the central formula
//
//	f'(x) ≈ (f(x+h) - f(x-h)) / (2h),  h = 6e-6·max(1,|x|),
//
// relative error ~1e-10 for smooth f (s selects another formula; nil gives
// the defaults). It first compares the one-sided limits (see OneSided) and
// returns a *KinkError (errors.Is(err, ErrKink)) when they disagree by
// more than s.KinkTol, e.g. |x| or ReLU at 0, also within ~1e-5·max(1,|x|)
// of such a kink. NaN/Inf inputs give ErrNotFinite; so does a point outside
// the domain of f (f(x) NaN or ±Inf: log at x ≤ 0, 1/x at 0) or too close
// to its edge for the difference formula, as a *DomainError that names the
// point. A derivative at one point has no hole to leave, unlike a grid
// (Mesh.Eval keeps such values and the figures mask them): see the
// package's rule for non-finite values. Bad settings or a nil f give
// ErrBadParam.
func Derivative(f func(float64) float64, x float64, s *DerivativeSettings) (float64, error) {
	r, err := s.resolve()
	if err != nil {
		return math.NaN(), err
	}
	return r.derivative(f, x)
}

func (r *DerivativeSettings) derivative(f func(float64) float64, x float64) (float64, error) {
	if f == nil {
		return math.NaN(), errorf(ErrBadParam, "nil function")
	}
	l, right, err := OneSided(f, x)
	if err != nil {
		return math.NaN(), r.named(err)
	}
	// Allow for round-off in the one-sided formulas, ≈ 2ε|f(x)|/h.
	noise := kinkRoundoff * math.Abs(f(x)) / math.Max(1, math.Abs(x))
	if math.Abs(l-right) > r.KinkTol*math.Max(1, math.Max(math.Abs(l), math.Abs(right)))+noise {
		return math.NaN(), &KinkError{X: x, Left: l, Right: right, Var: r.Var}
	}
	d, err := fdDeriv(f, x, r.Formula)
	return d, r.named(err)
}

// named gives a *DomainError the variable's name of the settings.
func (r *DerivativeSettings) named(err error) error {
	if de, ok := err.(*DomainError); ok {
		de.Var = r.Var
	}
	return err
}

// DerivativeFunc returns f' as a function: x ↦ Derivative(f, x, s).
// Where Derivative fails (kink, NaN/Inf, bad settings) the returned
// function gives NaN, which plotting code skips; call Derivative to get
// the reason.
func DerivativeFunc(f func(float64) float64, s *DerivativeSettings) func(float64) float64 {
	r, err := s.resolve()
	return func(x float64) float64 {
		if err != nil {
			return math.NaN()
		}
		d, err := r.derivative(f, x)
		if err != nil {
			return math.NaN()
		}
		return d
	}
}

// KinkError is returned (wrapped as ErrKink) by Derivative when the
// one-sided derivatives at X differ: Left ≈ f'(X⁻), Right ≈ f'(X⁺).
type KinkError struct {
	X, Left, Right float64
	Var            string // the variable's name in messages ("" means "x")
}

// name is the variable's name, "x" by default.
func (e *KinkError) name() string { return varName(e.Var) }

// varName is the name v of a variable in messages, "x" when v is "".
func varName(v string) string {
	if v == "" {
		return "x"
	}
	return v
}

// Error implements error.
func (e *KinkError) Error() string {
	return fmt.Sprintf("gdkit: no derivative at %s = %g: left limit %.6g ≠ right limit %.6g (a kink)", e.name(), e.X, e.Left, e.Right)
}

// Is makes errors.Is(err, ErrKink) true for a *KinkError.
func (e *KinkError) Is(target error) bool { return target == ErrKink }

// Spanish explains the kink for the course notebooks: the one-sided limits
// f'(X⁻) = Left and f'(X⁺) = Right differ, so f has no derivative at X.
func (e *KinkError) Spanish() string {
	return fmt.Sprintf("no hay derivada en %s = %g: el límite por izquierda (%.6g) y el límite por derecha (%.6g) son distintos (un quiebre)",
		e.name(), e.X, e.Left, e.Right)
}

// Trend is what the sign of f'(x) says about f near x.
type Trend int

// The three trends of TrendAt.
const (
	// Critical means |f'(x)| ≤ tol: a critical point (minimum, maximum or saddle).
	Critical Trend = iota
	// Increasing means f'(x) > tol: f grows with x.
	Increasing
	// Decreasing means f'(x) < -tol: f falls as x grows.
	Decreasing
)

var (
	trendEN = [...]string{"critical", "increasing", "decreasing"}
	trendES = [...]string{"punto crítico", "crece", "decrece"}
)

// String returns "critical", "increasing" or "decreasing".
func (t Trend) String() string { return enumName(trendEN[:], int(t), "Trend") }

// Spanish returns the slides' words: "punto crítico", "crece" or "decrece".
func (t Trend) Spanish() string { return enumName(trendES[:], int(t), "Trend") }

// enumName returns names[i], or "Type(i)" when i is out of range.
func enumName(names []string, i int, typ string) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return names[i]
}

// TrendAt classifies x by the sign of f'(x) (see Derivative, with the same
// settings s): TrendOf(f'(x), s). Kinks, NaN/Inf and bad settings give an
// error.
func TrendAt(f func(float64) float64, x float64, s *DerivativeSettings) (Trend, error) {
	r, err := s.resolve()
	if err != nil {
		return Critical, err
	}
	d, err := r.derivative(f, x)
	if err != nil {
		return Critical, err
	}
	return TrendOf(d, &r), nil
}

// TrendOf classifies a known derivative d (an analytic f'(x), say):
// Increasing if d > tol, Decreasing if d < -tol, Critical otherwise, with
// tol = s.CriticalTol (1e-7 by default; bad settings count as the default).
func TrendOf(d float64, s *DerivativeSettings) Trend {
	r, err := s.resolve()
	if err != nil {
		r.CriticalTol = defaultCriticalTol
	}
	switch {
	case d > r.CriticalTol:
		return Increasing
	case d < -r.CriticalTol:
		return Decreasing
	}
	return Critical
}
