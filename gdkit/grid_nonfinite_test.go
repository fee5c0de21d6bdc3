package gdkit

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// sameNumpy reports whether got matches numpy's want: NaN where numpy has
// NaN, the same infinity, and finite values within tol (relative).
func sameNumpy(got, want float64, tol float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNumpy(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !sameNumpy(got[i], want[i], 1e-14) {
			t.Errorf("%s[%d] = %v, numpy gives %v", name, i, got[i], want[i])
		}
	}
}

// TestGradientNonFiniteNumpy checks that NaN and ±Inf propagate as in
// numpy 2.4.6 (np.seterr(all='ignore')): a non-finite value spoils the
// differences that read it, and nothing else. The uniform interior formula
// does not read f_i, so a NaN at i leaves the derivative at i finite.
func TestGradientNonFiniteNumpy(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	f := []float64{1, nan, 3, 4, 5, inf, 7}
	x := []float64{0, 1, 1.5, 3.5, 4, 6, 7}
	for _, c := range []struct {
		name string
		x    []float64
		edge int
		want []float64
	}{
		{"np.gradient(f)", nil, 1, []float64{nan, 1, nan, 1, inf, 1, -inf}},
		{"np.gradient(f, edge_order=2)", nil, 2, []float64{nan, 1, nan, 1, inf, 1, -inf}},
		{"np.gradient(f, x)", x, 1, []float64{nan, nan, nan, 1.7000000000000002, inf, -inf, -inf}},
		{"np.gradient(f, x, edge_order=2)", x, 2, []float64{nan, nan, nan, 1.7000000000000002, inf, -inf, -inf}},
	} {
		got, err := SampleGradient(nil, f, c.x, &GradientSettings{EdgeOrder: c.edge})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkNumpy(t, c.name, got, c.want)
	}

	g := Grid{Xs: []float64{0, 1, 2, 4}, Ys: []float64{0, 1, 3},
		Values: []float64{nan, 1, 2, 3, 4, 5, inf, 7, 8, 9, 10, 11}}
	a0, a1, err := NumpyGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNumpy(t, "np.gradient(E)[0]", a0.Values, []float64{nan, 4, inf, 4, nan, 4, 4, 4, 4, 4, -inf, 4})
	checkNumpy(t, "np.gradient(E)[1]", a1.Values, []float64{nan, nan, 1, 1, 1, inf, 1, -inf, 1, 1, 1, 1})
	d1, d2, err := GridGradient(g, &GradientSettings{EdgeOrder: 2})
	if err != nil {
		t.Fatal(err)
	}
	// dE/dw2, dE/dw1 = np.gradient(E, ys, xs, edge_order=2)
	checkNumpy(t, "dE/dw2", d2.Values, []float64{nan, 4.666666666666667, inf, 4.666666666666667,
		nan, 3.3333333333333335, inf, 3.333333333333333, nan, 0.666666666666667, -inf, 0.6666666666666679})
	checkNumpy(t, "dE/dw1", d1.Values, []float64{nan, nan, 0.8333333333333334, 0.16666666666666652,
		-inf, inf, inf, -inf, 1, 1, 0.8333333333333333, 0.16666666666666785})
}

// TestEvalKeepsNonFinite is the example: log(w1) + w2² on [−2, 2)²
// keeps NaN (w1 < 0) and −Inf (w1 = 0) in the grid, and GridGradient
// stays finite wherever its three points are inside the domain.
func TestEvalKeepsNonFinite(t *testing.T) {
	xs, _ := Arange(-2, 2, 0.5) // -2 … 1.5; w1 = 0 at column 4
	g, err := Meshgrid(xs, xs).Eval(func(w1, w2 float64) float64 { return math.Log(w1) + w2*w2 })
	if err != nil {
		t.Fatal(err)
	}
	if n := g.NonFinite(); n != 5*8 {
		t.Errorf("NonFinite = %d, want 40 (5 columns w1 ≤ 0 of 8 rows)", n)
	}
	if v := g.At(0, 4); !math.IsInf(v, -1) {
		t.Errorf("E(0, -2) = %v, want -Inf", v)
	}
	if lo, hi := g.MinMax(); lo != math.Log(0.5) || hi != math.Log(1.5)+4 {
		t.Errorf("MinMax = %v, %v: want the finite range [log 0.5, log 1.5 + 4]", lo, hi)
	}
	d1, d2, err := GridGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	for r := range xs {
		for c, w1 := range xs {
			// ∂/∂w1 reads columns c−1, c+1 (c, c+1 at the left edge); ∂/∂w2 only column c.
			fin1, fin2 := isFinite(d1.At(r, c)), isFinite(d2.At(r, c))
			if want := c >= 6; fin1 != want {
				t.Errorf("∂E/∂w1 at (w1, w2) = (%g, %g) is %v", w1, xs[r], d1.At(r, c))
			}
			if want := w1 > 0; fin2 != want {
				t.Errorf("∂E/∂w2 at (w1, w2) = (%g, %g) is %v", w1, xs[r], d2.At(r, c))
			}
		}
	}
	// ∂E/∂w1 at w1 = 0.5 reads E(0) = −Inf: +Inf, as numpy.
	if v := d1.At(0, 5); !math.IsInf(v, 1) {
		t.Errorf("∂E/∂w1 at w1 = 0.5 = %v, want +Inf", v)
	}
	// Entirely non-finite: still an error.
	if _, err := Meshgrid(xs, xs).Eval(func(w1, w2 float64) float64 { return math.Log(-1 - w1*w1) }); !errors.Is(err, ErrNotFinite) {
		t.Errorf("all-NaN Eval: err = %v, want ErrNotFinite", err)
	}
	if _, err := SampleGradient(nil, []float64{math.Inf(1), math.NaN()}, nil, nil); !errors.Is(err, ErrNotFinite) {
		t.Errorf("all non-finite samples: err = %v", err)
	}
	// The analytic gradient on the mesh keeps its holes too.
	a1, _, err := Meshgrid(xs, xs).GradOnGrid(func(g, w []float64) { g[0], g[1] = 1/w[0], 2*w[1] })
	if err != nil || !math.IsInf(a1.At(0, 4), 1) || a1.At(0, 7) != 1/1.5 {
		t.Errorf("GradOnGrid: %v at w1 = 0, %v at 1.5, err %v", a1.At(0, 4), a1.At(0, 7), err)
	}
}

// TestRunsStop is the other half of the rule: what follows one point stops
// at a non-finite value, with an error that names it, while the grid of
// the same function keeps its holes.
func TestRunsStop(t *testing.T) {
	logE := func(w []float64) float64 { return math.Log(w[0]) + w[1]*w[1] }
	logG := func(g, w []float64) { g[0], g[1] = 1/w[0], 2*w[1] }
	for _, c := range []struct {
		x    float64
		want string
	}{
		{-1, "f(-1) = NaN: x = -1 is outside the domain"},
		{0, "f(0) = -Inf: x = 0 is outside the domain"},
		{1e-7, "the derivative at x = 1e-07 needs f at x ± 1e-05"},
	} {
		_, err := Derivative(math.Log, c.x, nil)
		if !errors.Is(err, ErrNotFinite) || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Derivative(log, %g): err = %v, want ErrNotFinite naming %q", c.x, err, c.want)
		}
	}
	// From a point inside the domain, a step too large leaves it: the trace
	// is kept up to the step that left.
	tr, err := Descend(Problem{E: logE, Grad: logG, Dim: 2}, []float64{0.5, 1}, &DescentSettings{Alpha: 1, MaxIter: 10})
	var de *DivergenceError
	if !errors.As(err, &de) || de.Iter != 1 || tr == nil || tr.Iterations() != 1 {
		t.Errorf("Descend leaving the domain: err = %v, trace %v", err, tr)
	}
	// From a point outside the domain: the same error at iteration 0.
	if _, err := Descend(Problem{E: logE, Grad: logG, Dim: 2}, []float64{-1, 1}, &DescentSettings{Alpha: 0.1}); !errors.As(err, &de) || de.Iter != 0 {
		t.Errorf("Descend from outside the domain: err = %v", err)
	}
}
