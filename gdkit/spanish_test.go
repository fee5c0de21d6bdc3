package gdkit_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/optim"
)

// TestSpanish: Spanish(err) is the Spanish text of the first error of the
// chain that has one, else the English message, and Must's panic shows
// exactly that text.
func TestSpanish(t *testing.T) {
	kink := &gdkit.KinkError{X: 0, Left: -1, Right: 1}
	div := &gdkit.DivergenceError{Iter: 7, Reason: gdkit.NonFinite, What: "∇E[1]", Value: math.Inf(1), E0: 1, Alpha: 2}
	_, logErr := gdkit.Derivative(math.Log, 0, nil)
	plain := fmt.Errorf("gdkit: %w: α = -1 must be finite and > 0", gdkit.ErrBadParam)
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"English only", plain, plain.Error()},
		{"KinkError", kink, kink.Spanish()},
		{"wrapped KinkError", fmt.Errorf("celda 3: %w", kink), kink.Spanish()},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", div)), div.Spanish()},
		{"DomainError from Derivative", logErr, "f(0) = -Inf: x = 0 está fuera del dominio de f (o es un polo): ahí no hay derivada"},
		{"joined, the second has Spanish", errors.Join(plain, kink), kink.Spanish()},
		{"outermost Spanish wins", fmt.Errorf("%w / %w", div, kink), div.Spanish()},
	} {
		if got := gdkit.Spanish(c.err); got != c.want {
			t.Errorf("%s: Spanish = %q, want %q", c.name, got, c.want)
		}
		if c.err == nil {
			continue
		}
		func() {
			defer func() {
				r := recover()
				err, ok := r.(error)
				if !ok || err.Error() != c.want || !errors.Is(err, c.err) {
					t.Errorf("%s: Must panicked with %v (%T), want an error wrapping err with message %q", c.name, r, r, c.want)
				}
			}()
			gdkit.Must0(c.err)
		}()
	}
}

// A notebook prints a library error in Spanish, and goes on.
func ExampleSpanish() {
	for _, x := range []float64{1e-7, 0} {
		if _, err := gdkit.Derivative(math.Log, x, nil); err != nil {
			fmt.Println(gdkit.Spanish(err))
		}
	}
	// An error with no Spanish text keeps its English message.
	_, err := gdkit.Descend(gdkit.Problem{}, []float64{1}, nil)
	fmt.Println(gdkit.Spanish(err))
	// Output:
	// la derivada en x = 1e-07 necesita f en x ± 1e-05, pero f(x − 1e-05) = f(-9.9e-06) = NaN: ese punto está fuera del dominio de f; probá un x más lejos del borde
	// f(0) = -Inf: x = 0 está fuera del dominio de f (o es un polo): ahí no hay derivada
	// gdkit: bad parameter: the Problem needs both E and Grad
}

// TestDomainError: a point outside the domain of f, or too close to its
// edge, is a *DomainError (ErrNotFinite) whose English message is the
// same as before it had a type and whose Spanish text names the point.
func TestDomainError(t *testing.T) {
	derivative := func(x float64, s *gdkit.DerivativeSettings) func() error {
		return func() error { _, err := gdkit.Derivative(math.Log, x, s); return err }
	}
	for _, c := range []struct {
		name    string
		call    func() error
		at      float64
		english string
		spanish string
	}{
		{"log at -1", derivative(-1, nil), -1,
			"gdkit: value is NaN or Inf: f(-1) = NaN: x = -1 is outside the domain of f (or a pole): no derivative there",
			"f(-1) = NaN: x = -1 está fuera del dominio de f (o es un polo): ahí no hay derivada"},
		{"log at 0", derivative(0, nil), 0,
			"gdkit: value is NaN or Inf: f(0) = -Inf: x = 0 is outside the domain of f (or a pole): no derivative there",
			"f(0) = -Inf: x = 0 está fuera del dominio de f (o es un polo): ahí no hay derivada"},
		{"log near 0", derivative(1e-7, nil), 1e-7 - 1e-5,
			"gdkit: value is NaN or Inf: f(-9.9e-06) = NaN: the derivative at x = 1e-07 needs f at x ± 1e-05, and that point is outside the domain of f",
			"la derivada en x = 1e-07 necesita f en x ± 1e-05, pero f(x − 1e-05) = f(-9.9e-06) = NaN: ese punto está fuera del dominio de f; probá un x más lejos del borde"},
		{"log near 0 in m", derivative(1e-7, &gdkit.DerivativeSettings{Var: "m"}), 1e-7 - 1e-5,
			"gdkit: value is NaN or Inf: f(-9.9e-06) = NaN: the derivative at m = 1e-07 needs f at m ± 1e-05, and that point is outside the domain of f",
			"la derivada en m = 1e-07 necesita f en m ± 1e-05, pero f(m − 1e-05) = f(-9.9e-06) = NaN: ese punto está fuera del dominio de f; probá un m más lejos del borde"},
		{"−log(−x) near 0, right side", func() error {
			_, err := gdkit.Derivative(func(x float64) float64 { return -math.Log(-x) }, -1e-7, nil)
			return err
		}, -1e-7 + 1e-5,
			"gdkit: value is NaN or Inf: f(9.9e-06) = NaN: the derivative at x = -1e-07 needs f at x ± 1e-05, and that point is outside the domain of f",
			"la derivada en x = -1e-07 necesita f en x ± 1e-05, pero f(x + 1e-05) = f(9.9e-06) = NaN: ese punto está fuera del dominio de f; probá un x más lejos del borde"},
		{"Quotient at 0", func() error { _, err := gdkit.Quotient(math.Log, 0, 0.1); return err }, 0,
			"gdkit: value is NaN or Inf: f(x) = f(0) = -Inf",
			"f(0) = -Inf: x = 0 está fuera del dominio de f (o es un polo): ahí no hay cociente incremental"},
		{"Quotient leaving the domain", func() error { _, err := gdkit.Quotient(math.Log, 0.5, -1); return err }, -0.5,
			"gdkit: value is NaN or Inf: f(x+h) = f(-0.5) = NaN",
			"el cociente incremental en x = 0.5 con h = -1 necesita f(x + h) = f(-0.5) = NaN: ese punto está fuera del dominio de f; probá un |h| más chico o un x más lejos del borde"},
	} {
		err := c.call()
		var de *gdkit.DomainError
		if !errors.Is(err, gdkit.ErrNotFinite) || !errors.As(err, &de) || de.At != c.at {
			t.Errorf("%s: err = %v (%T), want a *DomainError at %g wrapping ErrNotFinite", c.name, err, err, c.at)
			continue
		}
		if err.Error() != c.english {
			t.Errorf("%s: Error()\n got %q\nwant %q", c.name, err.Error(), c.english)
		}
		if got := gdkit.Spanish(err); got != c.spanish {
			t.Errorf("%s: Spanish()\n got %q\nwant %q", c.name, got, c.spanish)
		}
	}
}

// TestBadParamSaidOnce: a bad update rule, schedule or line search of
// package optim fails in Descend with an error that says "bad parameter"
// once (optim's own check says it, Descend only adds where), still
// errors.Is(err, gdkit.ErrBadParam).
func TestBadParamSaidOnce(t *testing.T) {
	for _, c := range []struct {
		name string
		s    gdkit.DescentSettings
		want string
	}{
		{"rule", gdkit.DescentSettings{Alpha: 0.1, Rule: &optim.Adam{Beta1: 2}},
			"gdkit: update rule: optim: bad parameter: β₁ = 2 must be in [0, 1)"},
		{"schedule", gdkit.DescentSettings{Alpha: 0.1, Schedule: optim.Cosine{T: -1}},
			"gdkit: schedule: optim: bad parameter: Cosine.T = -1 must be ≥ 1"},
		{"line search", gdkit.DescentSettings{LineSearch: &optim.Armijo{C: 2}},
			"gdkit: line search: optim: bad parameter: Armijo.C = 2 must be in (0, 1)"},
		{"Newton without a Hessian", gdkit.DescentSettings{Alpha: 1, Rule: &optim.Newton{}},
			"gdkit: update rule: optim: bad parameter: Newton needs a Hessian function"},
	} {
		_, err := gdkit.Descend(ill, []float64{1, 1}, &c.s)
		if !errors.Is(err, gdkit.ErrBadParam) || err.Error() != c.want || strings.Count(err.Error(), "bad parameter") != 1 {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestSpanishNotation: the Spanish texts write the gradient as the slides
// do, ΔE (the English ones keep ∇E).
func TestSpanishNotation(t *testing.T) {
	for _, e := range []interface {
		error
		Spanish() string
	}{
		&gdkit.SearchError{Iter: 4906, E: 1.313279186, GradNorm: 3.2e-7, Err: gdkit.ErrSearchFailed},
		&gdkit.DivergenceError{Iter: 7, Reason: gdkit.NonFinite, What: "∇E[1]", Value: math.Inf(1), E0: 1, Alpha: 2},
	} {
		es := e.Spanish()
		if strings.Contains(es, "∇") || !strings.Contains(es, "ΔE") || !strings.Contains(e.Error(), "∇E") {
			t.Errorf("%T:\n Spanish %q\n English %q", e, es, e.Error())
		}
	}
}
