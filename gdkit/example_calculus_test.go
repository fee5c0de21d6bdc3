package gdkit_test

import (
	"errors"
	"fmt"
	"math"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/num/dual"
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
	d, err := gdkit.Derivative(math.Sin, 0, nil)
	fmt.Printf("sin'(0) = %.10f, err = %v\n", d, err)

	_, err = gdkit.Derivative(math.Abs, 0, nil)
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
	E := func(w float64) float64 { return w*w*w*w - 3*w*w + w }
	for _, w := range []float64{-2, -1.3008395659415772, 0, 2} { // the second is a minimum
		t, err := gdkit.TrendAt(E, w, nil)
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

// Forward vs central differences against the exact exp'(1) = e: the error
// first falls with h (truncation) and then grows again (round-off).
func ExampleQuotientTable_errors() {
	rows, err := gdkit.QuotientTable(math.Exp, 1, gdkit.Decades(1, 13))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		if r.H == 1e-1 || r.H == 1e-5 || r.H == 1e-8 || r.H == 1e-13 {
			fmt.Printf("h=%-6g forward error %.1e, central error %.1e\n", r.H, math.Abs(r.Right-math.E), math.Abs(r.Central-math.E))
		}
	}
	// Output:
	// h=0.1    forward error 1.4e-01, central error 4.5e-03
	// h=1e-05  forward error 1.4e-05, central error 1.4e-11
	// h=1e-08  forward error 3.8e-08, central error 1.6e-08
	// h=1e-13  forward error 4.6e-04, central error 4.6e-04
}

// CheckGrad points at the wrong component of a hand-written gradient.
func ExampleCheckGrad() {
	E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	wrong := func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] } // should be 4·w2
	rep, err := gdkit.CheckGrad(E, wrong, []float64{1, 3}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.OK, rep.Failed())
	fmt.Print(rep)
	// Output:
	// false [1]
	//    i  analytic  numeric   abs err     limit   rel err
	//   w1         2        2  0.00e+00  2.02e-06  0.00e+00  ✓
	//   w2         6       12  6.00e+00  1.20e-05  5.00e-01  ✗
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

	dEdW1, dEdW2, _ := gdkit.GridGradient(E, nil) // variable order, true spacing
	col, row := 15, 5                             // w1 = 2, w2 = -6
	fmt.Printf("at (w1=%.1f, w2=%.1f): dE/dw1=%.2f dE/dw2=%.2f\n", E.X(col), E.Y(row), dEdW1.Z(col, row), dEdW2.Z(col, row))

	// The slide's dEdW1, dEdW2 = np.gradient(E): numpy's axis 0 is rows (w2)
	// and the spacing is 1, so its "dEdW1" is 0.8·∂E/∂w2.
	ax0, ax1, _ := gdkit.NumpyGradient(E, nil)
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

// An exact gradient by dual numbers as the third column of a gradient check.
func ExampleDualGrad() {
	E := func(w []float64) float64 { return w[0]*w[0]*w[1] + math.Sin(w[1]) }
	Edual := func(w []dual.Number) dual.Number {
		return dual.Add(dual.Mul(dual.Mul(w[0], w[0]), w[1]), dual.Sin(w[1]))
	}
	grad := func(g, w []float64) { g[0], g[1] = 2*w[0]*w[1], w[0]*w[0]+math.Cos(w[1]) }
	exact := func(g, w []float64) { gdkit.DualGrad(g, Edual, w) }
	rep, err := gdkit.CheckGrad(E, grad, []float64{1, 2}, &gdkit.GradCheckSettings{Exact: exact})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v: exact ∇E = (%.6f, %.6f)\n", rep.OK, rep.Rows[0].Exact, rep.Rows[1].Exact)
	// Output:
	// true: exact ∇E = (4.000000, 0.583853)
}

// np.gradient(ys, xs) of samples of sin on an uneven grid.
func ExampleSampleGradient() {
	xs := []float64{0, 0.1, 0.3, 0.6, 1}
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = math.Sin(x)
	}
	d, err := gdkit.SampleGradient(nil, ys, xs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f\n(cos: %.3f %.3f %.3f)\n", d, math.Cos(0.1), math.Cos(0.3), math.Cos(0.6))
	// Output:
	// [0.998 0.992 0.946 0.809 0.692]
	// (cos: 0.995 0.955 0.825)
}

// The examples of np.gradient's docstring: a scalar spacing, edge_order=2,
// and a NaN that spoils only the differences that read it.
func ExampleGradientSettings() {
	f := []float64{1, 2, 4, 7, 11, 16}
	d, _ := gdkit.SampleGradient(nil, f, nil, nil) // np.gradient(f)
	fmt.Println(d)
	d, _ = gdkit.SampleGradient(nil, f, nil, &gdkit.GradientSettings{Spacing: []float64{2}})
	fmt.Println(d) // np.gradient(f, 2.)
	sq := []float64{0, 1, 4, 9, 16}
	d, _ = gdkit.SampleGradient(nil, sq, nil, &gdkit.GradientSettings{EdgeOrder: 2})
	fmt.Println(d) // np.gradient(x**2, edge_order=2): exact for a quadratic
	d, _ = gdkit.SampleGradient(nil, []float64{0, 1, math.NaN(), 9, 16, 25}, nil, nil)
	fmt.Println(d)
	// Output:
	// [1 1.5 2.5 3.5 4.5 5]
	// [0.5 0.75 1.25 1.75 2.25 2.5]
	// [0 2 4 6 8]
	// [1 NaN 4 NaN 8 9]
}

// np.meshgrid's full arrays, and E written on a vector evaluated on the mesh.
func ExampleMeshgrid() {
	m := gdkit.Meshgrid([]float64{-1, 0, 1}, []float64{10, 20})
	fmt.Println("W1:", m.W1())
	fmt.Println("W2:", m.W2())
	E := func(w []float64) float64 { return w[0] + w[1] }
	g, err := m.EvalVec(E)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("E:", g.Values, "E[1, 0] =", g.At(1, 0))
	// Output:
	// W1: [-1 0 1 -1 0 1]
	// W2: [10 10 10 20 20 20]
	// E: [9 10 11 19 20 21] E[1, 0] = 19
}

// Must stops a notebook cell on an error; the panic's message is the
// error's Spanish text when it has one.
func ExampleMust() {
	d := gdkit.Must(gdkit.Derivative(math.Sin, 0, nil))
	fmt.Printf("sin'(0) = %.6f\n", d)
	defer func() { fmt.Println("se detuvo:", recover()) }()
	gdkit.Must(gdkit.Derivative(math.Abs, 0, nil))
	// Output:
	// sin'(0) = 1.000000
	// se detuvo: no hay derivada en x = 0: el límite por izquierda (-1) y el límite por derecha (1) son distintos (un quiebre)
}
