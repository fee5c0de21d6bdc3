package gdkit_test

import (
	"errors"
	"fmt"
	"math"

	"gdkit.dev/gdkit"
)

// The incremental quotient from the right and from the left of x = 1 for
// f(x) = x²: both tend to f'(1) = 2 as h → 0.
func ExampleQuotientTable() {
	f := func(x float64) float64 { return x * x }
	rows, err := gdkit.QuotientTable(f, 1, gdkit.Decades(1, 4))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		fmt.Printf("h=%-7g left=%.4f right=%.4f\n", r.H, r.Left, r.Right)
	}
	// Output:
	// h=0.1     left=1.9000 right=2.1000
	// h=0.01    left=1.9900 right=2.0100
	// h=0.001   left=1.9990 right=2.0010
	// h=0.0001  left=1.9999 right=2.0001
}

// At a kink the one-sided limits disagree and Derivative returns an error.
func ExampleDerivative() {
	d, err := gdkit.Derivative(math.Sin, 0)
	fmt.Printf("sin'(0) = %.10f, err = %v\n", d, err)

	_, err = gdkit.Derivative(math.Abs, 0)
	var kink *gdkit.KinkError
	if errors.As(err, &kink) {
		fmt.Printf("|x| at 0: left %.3g, right %.3g, ErrKink: %v\n", kink.Left, kink.Right, errors.Is(err, gdkit.ErrKink))
	}
	// Output:
	// sin'(0) = 1.0000000000, err = <nil>
	// |x| at 0: left -1, right 1, ErrKink: true
}

// The sign of the derivative says whether f grows, falls or is critical.
func ExampleTrendAt() {
	E := gdkit.Quartic() // w⁴ - 3w² + w
	for _, w := range []float64{-2, E.Minima[0], 0, 2} {
		t, err := gdkit.TrendAt(E.F, w)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("w=%6.3f: %s\n", w, t.Spanish())
	}
	// Output:
	// w=-2.000: decrece
	// w=-1.301: punto crítico
	// w= 0.000: crece
	// w= 2.000: crece
}

// Forward vs central differences: the error first falls with h
// (truncation) and then grows again (round-off).
func ExampleStepSweep() {
	s, err := gdkit.StepSweep(math.Exp, 1, math.E, gdkit.Decades(1, 13))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("best forward h = %g, best central h = %g\n", s.BestForward.H, s.BestCentral.H)
	fmt.Printf("central error at h=1e-1: %.1e (truncation ≈ e·h²/6)\n", s.Points[0].ErrCentral)
	fmt.Println("round-off at h=1e-13 worse than at best h:", s.Points[12].ErrCentral > 1e3*s.BestCentral.ErrCentral)
	// Output:
	// best forward h = 1e-08, best central h = 1e-05
	// central error at h=1e-1: 4.5e-03 (truncation ≈ e·h²/6)
	// round-off at h=1e-13 worse than at best h: true
}

// Exact derivatives with the catalogue's hyperdual definition.
func ExampleFunc1D() {
	E := gdkit.Quartic()
	d1, d2 := E.ExactDeriv(2)
	num, _ := gdkit.Derivative(E.F, 2)
	fmt.Printf("%s at w=2: E=%g, E'=%g (analytic %g, numeric %.6f), E''=%g\n", E.Name, E.F(2), d1, E.Deriv(2), num, d2)
	// Output:
	// w^4 - 3w^2 + w at w=2: E=6, E'=21 (analytic 21, numeric 21.000000), E''=42
}

// CheckGrad points at the wrong component of a hand-written gradient.
func ExampleCheckGrad() {
	E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	wrong := func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] } // should be 4·w2
	rep, err := gdkit.CheckGrad(E, wrong, []float64{1, 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.OK, rep.Failed())
	fmt.Print(rep)
	// Output:
	// false [1]
	// i   analytic  numeric   abs err     limit   rel err  ok
	// w1         2        2  0.00e+00  2.02e-06  0.00e+00  ✓
	// w2         6       12  6.00e+00  1.20e-05  5.00e-01  ✗ <--
	// FAIL: wrong component(s) w2 (tol 1e-06·max(1,|numeric|) + round-off)
}

// The slide's grid: W1 = W2 = np.arange(-10, 10, 0.8), E = W1² + W2².
func ExampleGridGradient() {
	ws, _ := gdkit.Arange(-10, 10, 0.8)
	E, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
	if err != nil {
		fmt.Println(err)
		return
	}
	c, r := E.Dims()
	fmt.Println("grid:", c, "columns (w1) ×", r, "rows (w2)")

	dEdW1, dEdW2, _ := gdkit.GridGradient(E) // variable order, true spacing
	col, row := 15, 5                        // w1 = 2, w2 = -6
	fmt.Printf("at (w1=%.1f, w2=%.1f): dE/dw1=%.2f dE/dw2=%.2f\n", E.X(col), E.Y(row), dEdW1.Z(col, row), dEdW2.Z(col, row))

	// The slide's dEdW1, dEdW2 = np.gradient(E): numpy's axis 0 is rows (w2)
	// and the spacing is 1, so its "dEdW1" is 0.8·∂E/∂w2.
	ax0, ax1, _ := gdkit.NumpyGradient(E)
	fmt.Printf("np.gradient(E): axis0=%.2f axis1=%.2f\n", ax0.Z(col, row), ax1.Z(col, row))
	// Output:
	// grid: 25 columns (w1) × 25 rows (w2)
	// at (w1=2.0, w2=-6.0): dE/dw1=4.00 dE/dw2=-12.00
	// np.gradient(E): axis0=-9.60 axis1=3.20
}

// One-sided limits of the incremental quotient: equal where f is smooth,
// different at the kink of ReLU(x) = max(0, x).
func ExampleOneSided() {
	relu := func(x float64) float64 { return math.Max(0, x) }
	for _, x := range []float64{-1, 0, 1} {
		l, r, err := gdkit.OneSided(relu, x)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("x=%2g: left %.6f right %.6f\n", x, l, r)
	}
	// Output:
	// x=-1: left 0.000000 right 0.000000
	// x= 0: left 0.000000 right 1.000000
	// x= 1: left 1.000000 right 1.000000
}

// Numeric gradient of a vector function, with a reusable dst.
func ExampleNumGrad() {
	E := func(w []float64) float64 { return w[0]*w[0] + 3*w[0]*w[1] + w[2]*w[2]*w[2] }
	g := make([]float64, 3)
	if _, err := gdkit.NumGrad(g, E, []float64{1, 2, -1}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("∇E(1,2,-1) ≈ [%.6f %.6f %.6f]\n", g[0], g[1], g[2]) // exact: [8 3 3]
	// Output:
	// ∇E(1,2,-1) ≈ [8.000000 3.000000 3.000000]
}

// A catalogue function checked three ways: analytic vs numeric vs exact.
func ExampleFunc2D() {
	R := gdkit.Rosenbrock()
	rep, err := gdkit.CheckGradWith(R.F, R.Grad, []float64{-1.2, 1}, gdkit.GradCheckSettings{Exact: R.ExactGrad})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(R.Name, "minimum", R.Minima[0], "E =", R.E(1, 1))
	fmt.Printf("%v %v exact ∇E = (%.10g, %.10g)\n", rep.OK, rep.HasExact, rep.Rows[0].Exact, rep.Rows[1].Exact)
	// Output:
	// (1-w1)^2 + 100(w2-w1^2)^2 minimum [1 1] E = 0
	// true true exact ∇E = (-215.6, -88)
}
