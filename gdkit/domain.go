package gdkit

import (
	"fmt"
	"math"
)

// DomainError reports a value of f that is NaN or ±Inf at a point that a
// derivative or an incremental quotient at X needs: X itself is outside
// the domain of f or a pole (log at x ≤ 0, 1/x at 0), or the difference
// formula reaches a point At outside it (log'(1e-7) needs log at
// 1e-7 ± 1e-5). Derivative, DerivativeFunc's error source, OneSided,
// TrendAt and Quotient return it; errors.Is(err, ErrNotFinite) holds.
type DomainError struct {
	X     float64 // the point of the derivative or quotient
	At    float64 // where f is not finite: X, or a point of the formula
	Value float64 // f(At): NaN or ±Inf
	// H is the step of Quotient, (f(X+H) - f(X))/H; 0 for a derivative,
	// whose formula reaches the points X ± |At - X|.
	H   float64
	Var string // the variable's name in messages ("" means "x")
}

// name is the variable's name, "x" by default.
func (e *DomainError) name() string { return varName(e.Var) }

// Error names the point, in English: "gdkit: value is NaN or Inf: f(0) =
// -Inf: x = 0 is outside the domain of f (or a pole): no derivative there".
func (e *DomainError) Error() string {
	p, x := "gdkit: "+ErrNotFinite.Error()+": ", e.name()
	switch {
	case e.H != 0 && e.At == e.X:
		return fmt.Sprintf("%sf(%s) = f(%g) = %v", p, x, e.At, e.Value)
	case e.H != 0:
		return fmt.Sprintf("%sf(%s+h) = f(%g) = %v", p, x, e.At, e.Value)
	case e.At == e.X:
		return fmt.Sprintf("%sf(%g) = %v: %s = %g is outside the domain of f (or a pole): no derivative there", p, e.At, e.Value, x, e.X)
	}
	return fmt.Sprintf("%sf(%g) = %v: the derivative at %s = %g needs f at %s ± %.2g, and that point is outside the domain of f",
		p, e.At, e.Value, x, e.X, x, math.Abs(e.At-e.X))
}

// Unwrap returns ErrNotFinite.
func (e *DomainError) Unwrap() error { return ErrNotFinite }

// Spanish explains the error for the course notebooks (voseo, as the
// slides), values to 4 significant digits: "f(0) = -Inf: x = 0 está fuera
// del dominio de f (o es un polo): ahí no hay derivada", or, near the edge
// of the domain, which point the formula needs and what to try ("la
// derivada en x = 1e-07 necesita f en x ± 1e-05, pero f(x − 1e-05) =
// f(-9.9e-06) = NaN: ese punto está fuera del dominio de f; probá un x más
// lejos del borde").
func (e *DomainError) Spanish() string {
	x := e.name()
	if e.At == e.X {
		what := "derivada"
		if e.H != 0 {
			what = "cociente incremental"
		}
		return fmt.Sprintf("f(%.4g) = %v: %s = %.4g está fuera del dominio de f (o es un polo): ahí no hay %s",
			e.At, e.Value, x, e.X, what)
	}
	if e.H != 0 {
		return fmt.Sprintf("el cociente incremental en %s = %.4g con h = %.2g necesita f(%s + h) = f(%.4g) = %v: "+
			"ese punto está fuera del dominio de f; probá un |h| más chico o un %s más lejos del borde",
			x, e.X, e.H, x, e.At, e.Value, x)
	}
	h, sign := math.Abs(e.At-e.X), "+"
	if e.At < e.X {
		sign = "−"
	}
	return fmt.Sprintf("la derivada en %s = %.4g necesita f en %s ± %.2g, pero f(%s %s %.2g) = f(%.4g) = %v: "+
		"ese punto está fuera del dominio de f; probá un %s más lejos del borde",
		x, e.X, x, h, x, sign, h, e.At, e.Value, x)
}
