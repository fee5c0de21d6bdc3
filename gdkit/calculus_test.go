package gdkit_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gonum.org/v1/gonum/diff/fd"
)

func calcSq(x float64) float64   { return x * x }
func calcReLU(x float64) float64 { return math.Max(0, x) }

func TestQuotient(t *testing.T) {
	// For f = x², (f(x+h)-f(x))/h = 2x + h exactly in real arithmetic.
	for _, tc := range []struct{ x, h float64 }{{3, 0.1}, {3, -0.1}, {-2, 0.5}, {0, 1e-3}, {1, -1e-4}} {
		got, err := gdkit.Quotient(calcSq, tc.x, tc.h)
		if err != nil {
			t.Fatal(err)
		}
		want := 2*tc.x + tc.h
		// Round-off of the difference quotient ≈ ε·|f(x)|/|h|.
		if tol := 1e-15*math.Max(1, tc.x*tc.x)/math.Abs(tc.h) + 1e-14; math.Abs(got-want) > tol {
			t.Errorf("Quotient(x², %g, %g) = %.17g, want %.17g", tc.x, tc.h, got, want)
		}
	}
	bad := []struct {
		name    string
		f       func(float64) float64
		x, h    float64
		wantErr error
	}{
		{"h=0", calcSq, 1, 0, gdkit.ErrBadParam},
		{"x NaN", calcSq, math.NaN(), 0.1, gdkit.ErrNotFinite},
		{"h Inf", calcSq, 1, math.Inf(1), gdkit.ErrNotFinite},
		{"f Inf", func(x float64) float64 { return 1 / x }, -0.1, 0.1, gdkit.ErrNotFinite},
		{"f(x) NaN", math.Sqrt, -1, 2, gdkit.ErrNotFinite},
	}
	for _, tc := range bad {
		if _, err := gdkit.Quotient(tc.f, tc.x, tc.h); !errors.Is(err, tc.wantErr) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.wantErr)
		}
	}
}

func TestQuotientTable(t *testing.T) {
	hs := gdkit.Decades(1, 8)
	if len(hs) != 8 || hs[0] != 0.1 || math.Abs(hs[7]-1e-8) > 1e-22 {
		t.Fatalf("Decades(1,8) = %v", hs)
	}
	// |x| at 0: every left quotient is -1, every right one is +1.
	rows, err := gdkit.QuotientTable(math.Abs, 0, hs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Left != -1 || r.Right != 1 {
			t.Errorf("|x| at 0, h=%g: left %g right %g, want -1, 1", r.H, r.Left, r.Right)
		}
	}
	// x² at 1: left = 2 - h, right = 2 + h, central = 2 (up to round-off ≈ ε/h).
	rows, err = gdkit.QuotientTable(calcSq, 1, hs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if math.Abs(r.Left-(2-r.H)) > 1e-7 || math.Abs(r.Right-(2+r.H)) > 1e-7 || math.Abs(r.Central-2) > 1e-7 {
			t.Errorf("x² at 1, h=%g: left %g right %g central %g", r.H, r.Left, r.Right, r.Central)
		}
	}
	if _, err := gdkit.QuotientTable(calcSq, 1, nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("empty hs: err = %v", err)
	}
	if _, err := gdkit.QuotientTable(calcSq, 1, []float64{0.1, 0}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("h=0 in hs: err = %v", err)
	}
}

func TestOneSided(t *testing.T) {
	for _, tc := range []struct {
		name        string
		f           func(float64) float64
		x           float64
		left, right float64
		tol         float64
	}{
		{"|x| at 0", math.Abs, 0, -1, 1, 1e-12},
		{"ReLU at 0", calcReLU, 0, 0, 1, 1e-12},
		{"|x| at 2", math.Abs, 2, 1, 1, 1e-9},
		{"x² at 1.5", calcSq, 1.5, 3, 3, 1e-8},
		{"sin at 1", math.Sin, 1, math.Cos(1), math.Cos(1), 1e-8},
	} {
		l, r, err := gdkit.OneSided(tc.f, tc.x)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if math.Abs(l-tc.left) > tc.tol || math.Abs(r-tc.right) > tc.tol {
			t.Errorf("%s: left %.12g right %.12g, want %g %g", tc.name, l, r, tc.left, tc.right)
		}
	}
	if _, _, err := gdkit.OneSided(math.Sqrt, 0); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Errorf("sqrt at 0 (left side NaN): err = %v", err)
	}
}

func TestDerivativeCatalogue(t *testing.T) {
	// Stated tolerance: |central - f'| ≤ 1e-8·max(1,|f'|) at ordinary points.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, fn := range append(funcs.Catalogue1D(), funcs.XCos(2.5)) {
		for k := 0; k < 50; k++ {
			x := fn.Domain[0] + (fn.Domain[1]-fn.Domain[0])*rng.Float64()
			got, err := gdkit.Derivative(fn.F, x, nil)
			if err != nil {
				t.Fatalf("%s at %g: %v", fn.Name, x, err)
			}
			want := fn.Deriv(x)
			if math.Abs(got-want) > 1e-8*math.Max(1, math.Abs(want)) {
				t.Errorf("%s at %g: central %.15g, closed form %.15g", fn.Name, x, got, want)
			}
		}
	}
}

func TestDerivativeSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *gdkit.DerivativeSettings
		tol  float64
	}{
		{"nil", nil, 1e-9},
		{"central", &gdkit.DerivativeSettings{Formula: fd.Central}, 1e-9},
		// forward/backward: O(h) + O(ε/h) ≈ 1e-8·e
		{"forward", &gdkit.DerivativeSettings{Formula: fd.Forward}, 1e-6},
		{"backward", &gdkit.DerivativeSettings{Formula: fd.Backward}, 1e-6},
	} {
		got, err := gdkit.Derivative(math.Exp, 1, tc.s)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-math.E) > tc.tol {
			t.Errorf("%s: exp'(1) = %.15g, want e", tc.name, got)
		}
	}
	// The forward formula's error is O(h): it must be worse than the central one.
	c, _ := gdkit.Derivative(math.Exp, 1, nil)
	f, _ := gdkit.Derivative(math.Exp, 1, &gdkit.DerivativeSettings{Formula: fd.Forward})
	if math.Abs(f-math.E) <= math.Abs(c-math.E) {
		t.Errorf("forward error %g not above central %g: the formula was not used", math.Abs(f-math.E), math.Abs(c-math.E))
	}
	for name, s := range map[string]*gdkit.DerivativeSettings{
		"second derivative": {Formula: fd.Central2nd},
		"zero step":         {Formula: fd.Formula{Stencil: fd.Central.Stencil, Derivative: 1}},
		"negative KinkTol":  {KinkTol: -1},
		"NaN CriticalTol":   {CriticalTol: math.NaN()},
	} {
		if _, err := gdkit.Derivative(math.Exp, 1, s); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: err = %v, want ErrBadParam", name, err)
		}
	}
	if _, err := gdkit.Derivative(nil, 1, nil); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("nil f: %v", err)
	}
	// A looser KinkTol accepts a small kink: |x|/1e6 has one-sided slopes ∓1e-6.
	small := func(x float64) float64 { return math.Abs(x) / 1e6 }
	if _, err := gdkit.Derivative(small, 0, nil); err != nil {
		t.Errorf("slopes ∓1e-6 are within the default KinkTol: %v", err)
	}
	if _, err := gdkit.Derivative(small, 0, &gdkit.DerivativeSettings{KinkTol: 1e-7}); !errors.Is(err, gdkit.ErrKink) {
		t.Errorf("KinkTol 1e-7: %v, want ErrKink", err)
	}
}

func TestDerivativeKink(t *testing.T) {
	for _, tc := range []struct {
		name        string
		f           func(float64) float64
		left, right float64
	}{{"|x|", math.Abs, -1, 1}, {"ReLU", calcReLU, 0, 1}} {
		d, err := gdkit.Derivative(tc.f, 0, nil)
		if !errors.Is(err, gdkit.ErrKink) || !math.IsNaN(d) {
			t.Fatalf("%s at 0: d=%v err=%v, want NaN and ErrKink", tc.name, d, err)
		}
		var ke *gdkit.KinkError
		if !errors.As(err, &ke) || math.Abs(ke.Left-tc.left) > 1e-12 || math.Abs(ke.Right-tc.right) > 1e-12 {
			t.Errorf("%s: KinkError = %+v", tc.name, ke)
		}
		if ke.Error() == "" {
			t.Error("empty message")
		}
		if tc.name == "|x|" {
			for _, want := range []string{"x = 0", "izquierda (-1)", "derecha (1)", "quiebre"} {
				if !strings.Contains(ke.Spanish(), want) {
					t.Errorf("Spanish() = %q, missing %q", ke.Spanish(), want)
				}
			}
		}
	}
	// Large |f| but smooth: round-off must not look like a kink.
	if d, err := gdkit.Derivative(func(x float64) float64 { return 1e8 + x }, 0, nil); err != nil || math.Abs(d-1) > 1e-3 {
		t.Errorf("(1e8+x)' at 0 = %v, %v", d, err)
	}
	if _, err := gdkit.Derivative(func(x float64) float64 { return 1e6 + math.Abs(x) }, 0, nil); !errors.Is(err, gdkit.ErrKink) {
		t.Errorf("1e6+|x| at 0: %v, want ErrKink", err)
	}
	if d, err := gdkit.Derivative(math.Abs, -3, nil); err != nil || math.Abs(d+1) > 1e-12 {
		t.Errorf("|x|' at -3 = %v, %v", d, err)
	}
	if _, err := gdkit.Derivative(calcSq, math.Inf(1), nil); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Errorf("x=Inf: %v", err)
	}
}

func TestTrend(t *testing.T) {
	q := funcs.Quartic()
	for _, tc := range []struct {
		x       float64
		want    gdkit.Trend
		spanish string
	}{
		{-2, gdkit.Decreasing, "decrece"}, // f'(-2) = -19
		{2, gdkit.Increasing, "crece"},    // f'(2) = 21
		{q.Minima[0], gdkit.Critical, "punto crítico"},
		{q.Minima[1], gdkit.Critical, "punto crítico"},
	} {
		got, err := gdkit.TrendAt(q.F, tc.x, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want || got.Spanish() != tc.spanish {
			t.Errorf("TrendAt(%g) = %v/%s, want %v/%s", tc.x, got, got.Spanish(), tc.want, tc.spanish)
		}
	}
	if _, err := gdkit.TrendAt(math.Abs, 0, nil); !errors.Is(err, gdkit.ErrKink) {
		t.Errorf("kink: %v", err)
	}
	if _, err := gdkit.TrendAt(calcSq, 1, &gdkit.DerivativeSettings{CriticalTol: -1}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("negative tol: %v", err)
	}
	// f'(x) = 1e-3: increasing by default, critical with CriticalTol 1e-2.
	slope := func(x float64) float64 { return 1e-3 * x }
	if tr, _ := gdkit.TrendAt(slope, 0, nil); tr != gdkit.Increasing {
		t.Errorf("slope 1e-3: %v", tr)
	}
	if tr, _ := gdkit.TrendAt(slope, 0, &gdkit.DerivativeSettings{CriticalTol: 1e-2}); tr != gdkit.Critical {
		t.Errorf("slope 1e-3, tol 1e-2: %v", tr)
	}
	if gdkit.Increasing.String() != "increasing" || gdkit.Trend(7).String() != "Trend(7)" || gdkit.Trend(-1).Spanish() != "Trend(-1)" {
		t.Error("Trend names")
	}
}

func TestDerivativeFunc(t *testing.T) {
	df := gdkit.DerivativeFunc(func(x float64) float64 { return x * x * x }, nil)
	for _, x := range []float64{-2, -0.5, 0, 1, 3} {
		if got, want := df(x), 3*x*x; math.Abs(got-want) > 1e-8*math.Max(1, want) {
			t.Errorf("(x³)'(%g) = %g, want %g", x, got, want)
		}
	}
	if !math.IsNaN(gdkit.DerivativeFunc(math.Abs, nil)(0)) {
		t.Error("|x|' at 0 should be NaN")
	}
}

// TestQuotientErrors: against exp'(1) = e, the errors of the right
// (forward) and central quotients follow truncation for large h (e·h/2,
// e·h²/6) and round-off for small h; the best steps are near √ε and ∛ε.
func TestQuotientErrors(t *testing.T) {
	rows, err := gdkit.QuotientTable(math.Exp, 1, gdkit.Decades(1, 15))
	if err != nil {
		t.Fatal(err)
	}
	p := rows[0] // h = 0.1
	if r := (p.Right - math.E) / (math.E * 0.1 / 2); r < 0.9 || r > 1.1 {
		t.Errorf("forward error at h=0.1 = %g, want ≈ e·h/2", p.Right-math.E)
	}
	if r := (p.Central - math.E) / (math.E * 0.01 / 6); r < 0.9 || r > 1.1 {
		t.Errorf("central error at h=0.1 = %g, want ≈ e·h²/6", p.Central-math.E)
	}
	bestF, bestC := rows[0], rows[0]
	for _, r := range rows {
		if math.Abs(r.Right-math.E) < math.Abs(bestF.Right-math.E) {
			bestF = r
		}
		if math.Abs(r.Central-math.E) < math.Abs(bestC.Central-math.E) {
			bestC = r
		}
	}
	if bestF.H < 1e-10 || bestF.H > 1e-6 || bestC.H < 1e-7 || bestC.H > 1e-3 {
		t.Errorf("best forward h = %g, best central h = %g", bestF.H, bestC.H)
	}
	if math.Abs(bestC.Central-math.E) > 1e-9 || math.Abs(rows[14].Right-math.E) < 1e-3 {
		t.Errorf("best central error %g, forward error at 1e-15 %g", bestC.Central-math.E, rows[14].Right-math.E)
	}
	if gdkit.Decades(3, 1) != nil {
		t.Error("Decades(3,1) not nil")
	}
}
