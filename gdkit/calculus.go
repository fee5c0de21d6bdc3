package gdkit

import (
	"math"

	"gonum.org/v1/gonum/diff/fd"
)

// Quotient returns the incremental quotient
//
//	q(h) = (f(x+h) - f(x)) / h.
//
// h > 0 gives the right (forward) quotient, h < 0 the left (backward) one.
// It returns an ErrBadParam error for h = 0 and ErrNotFinite if x, h, f(x)
// or f(x+h) is NaN or ±Inf (for f(x) or f(x+h), a *DomainError).
func Quotient(f func(float64) float64, x, h float64) (float64, error) {
	if h == 0 {
		return math.NaN(), errorf(ErrBadParam, "step h = 0 in (f(x+h)-f(x))/h")
	}
	if !isFinite(x) {
		return math.NaN(), notFinite("x", x)
	}
	if !isFinite(h) {
		return math.NaN(), notFinite("h", h)
	}
	f0, f1 := f(x), f(x+h)
	if !isFinite(f0) {
		return math.NaN(), &DomainError{X: x, At: x, Value: f0, H: h}
	}
	if !isFinite(f1) {
		return math.NaN(), &DomainError{X: x, At: x + h, Value: f1, H: h}
	}
	return (f1 - f0) / h, nil
}

// QuotientRow is one row of a table of difference quotients at x, for a
// step H > 0:
//
//	Left    = (f(x-H) - f(x)) / (-H)      the left (backward) quotient
//	Right   = (f(x+H) - f(x)) / H         the right (forward) quotient
//	Central = (f(x+H) - f(x-H)) / (2H)    the central quotient
type QuotientRow struct {
	H, Left, Right, Central float64
}

// QuotientTable returns, for each step h in hs (use Decades to build
// hs = 10⁻¹, 10⁻², ...), the left, right and central quotients at x. As
// h→0 the left and right ones tend to the one-sided derivatives, which
// differ at a kink; against a known f'(x) their errors show the trade-off
// of finite differences: truncation, ∝ h for the one-sided quotients and
// ∝ h² for the central one, dominates for large h, and round-off,
// ∝ ε|f|/h, for small h (the best h is ≈ √ε ≈ 1e-8 one-sided, ≈ ∛ε ≈ 1e-5
// central). Errors: empty hs, h = 0, NaN/Inf in x, h or a value of f.
func QuotientTable(f func(float64) float64, x float64, hs []float64) ([]QuotientRow, error) {
	if len(hs) == 0 {
		return nil, errorf(ErrEmpty, "no steps h")
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
		c := (f(x+h) - f(x-h)) / (2 * h)
		rows[i] = QuotientRow{H: h, Left: l, Right: r, Central: c}
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

// checked wraps f so that the first non-finite value is remembered.
type checkedFunc struct {
	f   func(float64) float64
	bad float64
	err bool
}

func (c *checkedFunc) eval(x float64) float64 {
	v := c.f(x)
	if !isFinite(v) && !c.err {
		c.err, c.bad = true, x
	}
	return v
}

func fdDeriv(f func(float64) float64, x float64, form fd.Formula) (float64, error) {
	c := checkedFunc{f: f}
	s := fd.Settings{Formula: form, Step: fdStepFor(form.Step, x)}
	d := fd.Derivative(c.eval, x, &s)
	if c.err {
		return math.NaN(), &DomainError{X: x, At: c.bad, Value: f(c.bad)}
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
	if !isFinite(x) {
		return math.NaN(), math.NaN(), notFinite("x", x)
	}
	if left, err = fdDeriv(f, x, leftFormula); err != nil {
		return math.NaN(), math.NaN(), err
	}
	if right, err = fdDeriv(f, x, rightFormula); err != nil {
		return math.NaN(), math.NaN(), err
	}
	return left, right, nil
}
