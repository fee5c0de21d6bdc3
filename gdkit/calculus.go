package gdkit

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
)

// Errors returned by the 1D calculus helpers. Test with errors.Is.
var (
	// ErrKink reports a point where the left limit of the incremental
	// quotient, lim_{h→0⁻} (f(x+h)-f(x))/h, and the right limit,
	// lim_{h→0⁺}, disagree: f has no derivative there (|x| or ReLU at 0).
	// The concrete error is a *KinkError holding both one-sided values.
	ErrKink = errors.New("gdkit: one-sided derivatives disagree (kink)")
	// ErrZeroStep reports h = 0 in (f(x+h)-f(x))/h.
	ErrZeroStep = errors.New("gdkit: step h is zero")
	// ErrNotFinite reports a NaN or ±Inf input or function value.
	ErrNotFinite = errors.New("gdkit: value is NaN or Inf")
	// ErrEmpty reports an empty input (no points, no steps, no components).
	ErrEmpty = errors.New("gdkit: empty input")
	// ErrDimension reports slices whose lengths do not match.
	ErrDimension = errors.New("gdkit: dimension mismatch")
)

// KinkError is returned (wrapped as ErrKink) by Derivative when the
// one-sided derivatives at X differ: Left ≈ f'(X⁻), Right ≈ f'(X⁺).
type KinkError struct {
	X, Left, Right float64
}

// Error implements error.
func (e *KinkError) Error() string {
	return fmt.Sprintf("gdkit: no derivative at x=%g: left limit %.6g ≠ right limit %.6g", e.X, e.Left, e.Right)
}

// Is makes errors.Is(err, ErrKink) true for a *KinkError.
func (e *KinkError) Is(target error) bool { return target == ErrKink }

func numFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func numNotFinite(what string, v float64) error {
	return fmt.Errorf("%w: %s = %v", ErrNotFinite, what, v)
}

// Quotient returns the incremental quotient
//
//	q(h) = (f(x+h) - f(x)) / h.
//
// h > 0 gives the right (forward) quotient, h < 0 the left (backward) one.
// It returns ErrZeroStep for h = 0 and ErrNotFinite if x, h, f(x) or
// f(x+h) is NaN or ±Inf.
func Quotient(f func(float64) float64, x, h float64) (float64, error) {
	if h == 0 {
		return math.NaN(), ErrZeroStep
	}
	if !numFinite(x) {
		return math.NaN(), numNotFinite("x", x)
	}
	if !numFinite(h) {
		return math.NaN(), numNotFinite("h", h)
	}
	f0, f1 := f(x), f(x+h)
	if !numFinite(f0) {
		return math.NaN(), numNotFinite("f(x)", f0)
	}
	if !numFinite(f1) {
		return math.NaN(), numNotFinite("f(x+h)", f1)
	}
	return (f1 - f0) / h, nil
}

// QuotientRow is one row of a table of incremental quotients at x:
// Left = (f(x-H)-f(x))/(-H) and Right = (f(x+H)-f(x))/H, with H > 0.
type QuotientRow struct {
	H, Left, Right float64
}

// QuotientTable returns, for each step h in hs, the left quotient
// (f(x-|h|)-f(x))/(-|h|) and the right quotient (f(x+|h|)-f(x))/|h|:
// the sequences whose limits as h→0 are the one-sided derivatives.
// Use Decades to build hs = 10⁻¹, 10⁻², ...
func QuotientTable(f func(float64) float64, x float64, hs []float64) ([]QuotientRow, error) {
	if len(hs) == 0 {
		return nil, ErrEmpty
	}
	rows := make([]QuotientRow, len(hs))
	for i, h := range hs {
		h = math.Abs(h)
		l, err := Quotient(f, x, -h)
		if err != nil {
			return nil, err
		}
		r, err := Quotient(f, x, h)
		if err != nil {
			return nil, err
		}
		rows[i] = QuotientRow{H: h, Left: l, Right: r}
	}
	return rows, nil
}

// Decades returns the steps h = 10^-from, 10^-(from+1), ..., 10^-to
// (e.g. Decades(1, 12) = 1e-1 ... 1e-12). It returns nil if to < from.
func Decades(from, to int) []float64 {
	if to < from {
		return nil
	}
	hs := make([]float64, 0, to-from+1)
	for k := from; k <= to; k++ {
		hs = append(hs, math.Pow(10, -float64(k)))
	}
	return hs
}

// Second-order one-sided formulas used for the one-sided limits:
//
//	f'(x⁺) ≈ (-3f(x) + 4f(x+h) - f(x+2h)) / (2h)
//	f'(x⁻) ≈ ( 3f(x) - 4f(x-h) + f(x-2h)) / (2h)
//
// with truncation error h²f”'/3, far below the O(h) of the plain quotient.
var (
	rightFormula = fd.Formula{
		Stencil:    []fd.Point{{Loc: 0, Coeff: -1.5}, {Loc: 1, Coeff: 2}, {Loc: 2, Coeff: -0.5}},
		Derivative: 1,
		Step:       1e-5,
	}
	leftFormula = fd.Formula{
		Stencil:    []fd.Point{{Loc: 0, Coeff: 1.5}, {Loc: -1, Coeff: -2}, {Loc: -2, Coeff: 0.5}},
		Derivative: 1,
		Step:       1e-5,
	}
)

// fdStepFor returns base·max(1,|x|) rounded so that x+h is exactly representable.
func fdStepFor(base, x float64) float64 {
	h := base * math.Max(1, math.Abs(x))
	t := x + h
	return t - x
}

// DiffMethod selects a finite-difference formula for DerivativeWith.
type DiffMethod int

const (
	// DiffCentral is (f(x+h) - f(x-h)) / (2h), error O(h²); h = 6e-6·max(1,|x|).
	DiffCentral DiffMethod = iota
	// DiffForward is (f(x+h) - f(x)) / h, error O(h); h = 2e-8·max(1,|x|).
	DiffForward
	// DiffBackward is (f(x) - f(x-h)) / h, error O(h); h = 2e-8·max(1,|x|).
	DiffBackward
)

// String returns "central", "forward" or "backward".
func (m DiffMethod) String() string {
	switch m {
	case DiffCentral:
		return "central"
	case DiffForward:
		return "forward"
	case DiffBackward:
		return "backward"
	}
	return fmt.Sprintf("DiffMethod(%d)", int(m))
}

func (m DiffMethod) formula() (fd.Formula, bool) {
	switch m {
	case DiffCentral:
		return fd.Central, true
	case DiffForward:
		return fd.Forward, true
	case DiffBackward:
		return fd.Backward, true
	}
	return fd.Formula{}, false
}

// checked wraps f so that the first non-finite value is remembered.
type checkedFunc struct {
	f   func(float64) float64
	bad float64
	err bool
}

func (c *checkedFunc) eval(x float64) float64 {
	v := c.f(x)
	if !numFinite(v) && !c.err {
		c.err, c.bad = true, x
	}
	return v
}

func fdDeriv(f func(float64) float64, x float64, form fd.Formula) (float64, error) {
	c := checkedFunc{f: f}
	s := fd.Settings{Formula: form, Step: fdStepFor(form.Step, x)}
	d := fd.Derivative(c.eval, x, &s)
	if c.err {
		return math.NaN(), fmt.Errorf("%w: f(%g) = %v", ErrNotFinite, c.bad, f(c.bad))
	}
	return d, nil
}

// OneSided estimates the left and right limits of the incremental quotient,
//
//	left  = lim_{h→0⁻} (f(x+h)-f(x))/h,   right = lim_{h→0⁺} (f(x+h)-f(x))/h,
//
// with the second-order one-sided formulas of gonum's diff/fd (stencils
// {0,∓1,∓2}, h = 1e-5·max(1,|x|)), accurate to ~1e-9 for smooth f. They agree
// where f is differentiable and differ at a kink (|x| at 0: -1 and 1).
// For the sequence of quotients themselves, see QuotientTable.
func OneSided(f func(float64) float64, x float64) (left, right float64, err error) {
	if !numFinite(x) {
		return math.NaN(), math.NaN(), numNotFinite("x", x)
	}
	if left, err = fdDeriv(f, x, leftFormula); err != nil {
		return math.NaN(), math.NaN(), err
	}
	if right, err = fdDeriv(f, x, rightFormula); err != nil {
		return math.NaN(), math.NaN(), err
	}
	return left, right, nil
}

// KinkTol is the relative tolerance used by Derivative to decide that the
// one-sided derivatives disagree:
//
//	|left-right| > KinkTol·max(1,|left|,|right|) + 1e-8·|f(x)|/max(1,|x|),
//
// the last term allowing for round-off (≈ 2ε|f|/h) when |f| is large.
const KinkTol = 1e-5

const kinkRoundoff = 1e-8

// Derivative returns f'(x) by central differences through diff/fd,
//
//	f'(x) ≈ (f(x+h) - f(x-h)) / (2h),  h = 6e-6·max(1,|x|),
//
// relative error ~1e-10 for smooth f. It first compares the one-sided
// limits (see OneSided) and returns a *KinkError (errors.Is(err, ErrKink))
// when they disagree by more than KinkTol, e.g. |x| or ReLU at 0; also
// within ~1e-5·max(1,|x|) of such a kink. NaN/Inf inputs or values give
// ErrNotFinite.
func Derivative(f func(float64) float64, x float64) (float64, error) {
	return DerivativeWith(f, x, DiffCentral)
}

// DerivativeWith is Derivative with the formula chosen by m (DiffCentral,
// DiffForward or DiffBackward). The kink check is the same for all methods.
func DerivativeWith(f func(float64) float64, x float64, m DiffMethod) (float64, error) {
	form, ok := m.formula()
	if !ok {
		return math.NaN(), fmt.Errorf("gdkit: unknown DiffMethod %d", int(m))
	}
	l, r, err := OneSided(f, x)
	if err != nil {
		return math.NaN(), err
	}
	// Allow for round-off in the one-sided formulas, ≈ 2ε|f(x)|/h.
	noise := kinkRoundoff * math.Abs(f(x)) / math.Max(1, math.Abs(x))
	if math.Abs(l-r) > KinkTol*math.Max(1, math.Max(math.Abs(l), math.Abs(r)))+noise {
		return math.NaN(), &KinkError{X: x, Left: l, Right: r}
	}
	return fdDeriv(f, x, form)
}

// DerivativeFunc returns f' as a function: x ↦ Derivative(f, x).
// Where Derivative fails (kink, NaN/Inf) the returned function gives NaN,
// which plotting code can skip; call Derivative to get the reason.
func DerivativeFunc(f func(float64) float64) func(float64) float64 {
	return func(x float64) float64 {
		d, err := Derivative(f, x)
		if err != nil {
			return math.NaN()
		}
		return d
	}
}

// Trend is what the sign of f'(x) says about f near x.
type Trend int

const (
	// Critical means |f'(x)| ≤ tol: a critical point (minimum, maximum or saddle).
	Critical Trend = iota
	// Increasing means f'(x) > tol: f grows with x.
	Increasing
	// Decreasing means f'(x) < -tol: f falls as x grows.
	Decreasing
)

// String returns "critical", "increasing" or "decreasing".
func (t Trend) String() string {
	switch t {
	case Critical:
		return "critical"
	case Increasing:
		return "increasing"
	case Decreasing:
		return "decreasing"
	}
	return fmt.Sprintf("Trend(%d)", int(t))
}

// Spanish returns the slides' words: "punto crítico", "crece" or "decrece".
func (t Trend) Spanish() string {
	switch t {
	case Critical:
		return "punto crítico"
	case Increasing:
		return "crece"
	case Decreasing:
		return "decrece"
	}
	return t.String()
}

// DefaultTrendTol is the tolerance of TrendAt: |f'(x)| ≤ 1e-7 is critical.
const DefaultTrendTol = 1e-7

// TrendAt classifies x by the sign of f'(x) (central difference, see
// Derivative): Increasing if f'(x) > DefaultTrendTol, Decreasing if
// f'(x) < -DefaultTrendTol, Critical otherwise. Kinks and NaN/Inf give an error.
func TrendAt(f func(float64) float64, x float64) (Trend, error) {
	return TrendAtTol(f, x, DefaultTrendTol)
}

// TrendAtTol is TrendAt with the tolerance tol ≥ 0 for |f'(x)| given.
func TrendAtTol(f func(float64) float64, x, tol float64) (Trend, error) {
	if !(tol >= 0) || math.IsInf(tol, 0) {
		return Critical, fmt.Errorf("gdkit: tolerance %v must be finite and ≥ 0", tol)
	}
	d, err := Derivative(f, x)
	if err != nil {
		return Critical, err
	}
	return TrendOf(d, tol), nil
}

// TrendOf classifies a known derivative value d with tolerance tol:
// Increasing if d > tol, Decreasing if d < -tol, Critical otherwise.
func TrendOf(d, tol float64) Trend {
	switch {
	case d > tol:
		return Increasing
	case d < -tol:
		return Decreasing
	}
	return Critical
}

// StepSweepPoint is one step size h of a StepSweep: the forward quotient
// (f(x+h)-f(x))/h and the central quotient (f(x+h)-f(x-h))/(2h), and their
// absolute errors against the exact derivative.
type StepSweepPoint struct {
	H                      float64
	Forward, Central       float64
	ErrForward, ErrCentral float64
}

// StepSweepResult is the result of StepSweep: the error of the forward and central
// differences for each h (truncation error ∝ h or h² dominates for large h,
// round-off ∝ ε|f|/h for small h) and the h with the smallest error of each.
type StepSweepResult struct {
	X, Exact    float64
	Points      []StepSweepPoint
	BestForward StepSweepPoint // smallest ErrForward (theory: h ≈ √ε ≈ 1e-8)
	BestCentral StepSweepPoint // smallest ErrCentral (theory: h ≈ ∛ε ≈ 1e-5)
}

// StepSweep evaluates the forward and central difference quotients of f at
// x for each step in hs (e.g. Decades(1, 15)) and their absolute errors
// |q(h) - exact|, where exact = f'(x) is known (closed form or dual
// numbers). It exposes the trade-off between truncation and round-off error.
func StepSweep(f func(float64) float64, x, exact float64, hs []float64) (StepSweepResult, error) {
	if len(hs) == 0 {
		return StepSweepResult{}, ErrEmpty
	}
	if !numFinite(x) {
		return StepSweepResult{}, numNotFinite("x", x)
	}
	if !numFinite(exact) {
		return StepSweepResult{}, numNotFinite("exact", exact)
	}
	s := StepSweepResult{X: x, Exact: exact, Points: make([]StepSweepPoint, len(hs))}
	for i, h := range hs {
		h = math.Abs(h)
		fw, err := Quotient(f, x, h)
		if err != nil {
			return StepSweepResult{}, err
		}
		fp, fm := f(x+h), f(x-h)
		if !numFinite(fm) {
			return StepSweepResult{}, numNotFinite("f(x-h)", fm)
		}
		c := (fp - fm) / (2 * h)
		p := StepSweepPoint{H: h, Forward: fw, Central: c, ErrForward: math.Abs(fw - exact), ErrCentral: math.Abs(c - exact)}
		s.Points[i] = p
		if i == 0 || p.ErrForward < s.BestForward.ErrForward {
			s.BestForward = p
		}
		if i == 0 || p.ErrCentral < s.BestCentral.ErrCentral {
			s.BestCentral = p
		}
	}
	return s, nil
}
