package gdkit

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

func calcSq(x float64) float64   { return x * x }
func calcReLU(x float64) float64 { return math.Max(0, x) }

func TestQuotient(t *testing.T) {
	// For f = x², (f(x+h)-f(x))/h = 2x + h exactly in real arithmetic.
	for _, tc := range []struct{ x, h float64 }{{3, 0.1}, {3, -0.1}, {-2, 0.5}, {0, 1e-3}, {1, -1e-4}} {
		got, err := Quotient(calcSq, tc.x, tc.h)
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
		{"h=0", calcSq, 1, 0, ErrZeroStep},
		{"x NaN", calcSq, math.NaN(), 0.1, ErrNotFinite},
		{"h Inf", calcSq, 1, math.Inf(1), ErrNotFinite},
		{"f Inf", func(x float64) float64 { return 1 / x }, -0.1, 0.1, ErrNotFinite},
		{"f(x) NaN", math.Sqrt, -1, 2, ErrNotFinite},
	}
	for _, tc := range bad {
		if _, err := Quotient(tc.f, tc.x, tc.h); !errors.Is(err, tc.wantErr) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.wantErr)
		}
	}
}

func TestQuotientTable(t *testing.T) {
	hs := Decades(1, 8)
	if len(hs) != 8 || hs[0] != 0.1 || math.Abs(hs[7]-1e-8) > 1e-22 {
		t.Fatalf("Decades(1,8) = %v", hs)
	}
	// |x| at 0: every left quotient is -1, every right one is +1.
	rows, err := QuotientTable(math.Abs, 0, hs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Left != -1 || r.Right != 1 {
			t.Errorf("|x| at 0, h=%g: left %g right %g, want -1, 1", r.H, r.Left, r.Right)
		}
	}
	// x² at 1: left = 2 - h, right = 2 + h.
	rows, err = QuotientTable(calcSq, 1, hs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if math.Abs(r.Left-(2-r.H)) > 1e-7 || math.Abs(r.Right-(2+r.H)) > 1e-7 {
			t.Errorf("x² at 1, h=%g: left %g right %g", r.H, r.Left, r.Right)
		}
	}
	if _, err := QuotientTable(calcSq, 1, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty hs: err = %v", err)
	}
	if _, err := QuotientTable(calcSq, 1, []float64{0.1, 0}); !errors.Is(err, ErrZeroStep) {
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
		l, r, err := OneSided(tc.f, tc.x)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if math.Abs(l-tc.left) > tc.tol || math.Abs(r-tc.right) > tc.tol {
			t.Errorf("%s: left %.12g right %.12g, want %g %g", tc.name, l, r, tc.left, tc.right)
		}
	}
	if _, _, err := OneSided(math.Sqrt, 0); !errors.Is(err, ErrNotFinite) {
		t.Errorf("sqrt at 0 (left side NaN): err = %v", err)
	}
}

func TestDerivativeCatalogue(t *testing.T) {
	// Stated tolerance: |central - f'| ≤ 1e-8·max(1,|f'|) at ordinary points.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, fn := range append(Catalogue1D(), XCos(2.5)) {
		for k := 0; k < 50; k++ {
			x := fn.Domain[0] + (fn.Domain[1]-fn.Domain[0])*rng.Float64()
			got, err := Derivative(fn.F, x)
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

func TestDerivativeMethods(t *testing.T) {
	for _, m := range []DiffMethod{DiffCentral, DiffForward, DiffBackward} {
		got, err := DerivativeWith(math.Exp, 1, m)
		if err != nil {
			t.Fatal(err)
		}
		tol := 1e-6 // forward/backward: O(h) + O(ε/h) ≈ 1e-8·e
		if m == DiffCentral {
			tol = 1e-9
		}
		if math.Abs(got-math.E) > tol {
			t.Errorf("%v: exp'(1) = %.15g, want e", m, got)
		}
	}
	if _, err := DerivativeWith(math.Exp, 1, DiffMethod(9)); err == nil {
		t.Error("unknown method: no error")
	}
	if DiffBackward.String() != "backward" {
		t.Error(DiffBackward.String())
	}
}

func TestDerivativeKink(t *testing.T) {
	for _, tc := range []struct {
		name        string
		f           func(float64) float64
		left, right float64
	}{{"|x|", math.Abs, -1, 1}, {"ReLU", calcReLU, 0, 1}} {
		d, err := Derivative(tc.f, 0)
		if !errors.Is(err, ErrKink) || !math.IsNaN(d) {
			t.Fatalf("%s at 0: d=%v err=%v, want NaN and ErrKink", tc.name, d, err)
		}
		var ke *KinkError
		if !errors.As(err, &ke) || math.Abs(ke.Left-tc.left) > 1e-12 || math.Abs(ke.Right-tc.right) > 1e-12 {
			t.Errorf("%s: KinkError = %+v", tc.name, ke)
		}
		if ke.Error() == "" {
			t.Error("empty message")
		}
	}
	// Large |f| but smooth: round-off must not look like a kink.
	if d, err := Derivative(func(x float64) float64 { return 1e8 + x }, 0); err != nil || math.Abs(d-1) > 1e-3 {
		t.Errorf("(1e8+x)' at 0 = %v, %v", d, err)
	}
	if _, err := Derivative(func(x float64) float64 { return 1e6 + math.Abs(x) }, 0); !errors.Is(err, ErrKink) {
		t.Errorf("1e6+|x| at 0: %v, want ErrKink", err)
	}
	if d, err := Derivative(math.Abs, -3); err != nil || math.Abs(d+1) > 1e-12 {
		t.Errorf("|x|' at -3 = %v, %v", d, err)
	}
	if _, err := Derivative(calcSq, math.Inf(1)); !errors.Is(err, ErrNotFinite) {
		t.Errorf("x=Inf: %v", err)
	}
}

func TestTrend(t *testing.T) {
	q := Quartic()
	for _, tc := range []struct {
		x       float64
		want    Trend
		spanish string
	}{
		{-2, Decreasing, "decrece"}, // f'(-2) = -19
		{2, Increasing, "crece"},    // f'(2) = 21
		{q.Minima[0], Critical, "punto crítico"},
		{q.Minima[1], Critical, "punto crítico"},
	} {
		got, err := TrendAt(q.F, tc.x)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want || got.Spanish() != tc.spanish {
			t.Errorf("TrendAt(%g) = %v/%s, want %v/%s", tc.x, got, got.Spanish(), tc.want, tc.spanish)
		}
	}
	if _, err := TrendAt(math.Abs, 0); !errors.Is(err, ErrKink) {
		t.Errorf("kink: %v", err)
	}
	if _, err := TrendAtTol(calcSq, 1, -1); err == nil {
		t.Error("negative tol: no error")
	}
	if TrendOf(1e-3, 1e-2) != Critical || TrendOf(-1, 0) != Decreasing || Increasing.String() != "increasing" {
		t.Error("TrendOf/String")
	}
}

func TestDerivativeFunc(t *testing.T) {
	df := DerivativeFunc(func(x float64) float64 { return x * x * x })
	for _, x := range []float64{-2, -0.5, 0, 1, 3} {
		if got, want := df(x), 3*x*x; math.Abs(got-want) > 1e-8*math.Max(1, want) {
			t.Errorf("(x³)'(%g) = %g, want %g", x, got, want)
		}
	}
	if !math.IsNaN(DerivativeFunc(math.Abs)(0)) {
		t.Error("|x|' at 0 should be NaN")
	}
}

func TestStepSweep(t *testing.T) {
	s, err := StepSweep(math.Exp, 1, math.E, Decades(1, 15))
	if err != nil {
		t.Fatal(err)
	}
	// Truncation regime: forward error ≈ e·h/2, central error ≈ e·h²/6.
	p := s.Points[0] // h = 0.1
	if r := p.ErrForward / (math.E * 0.1 / 2); r < 0.9 || r > 1.1 {
		t.Errorf("forward error at h=0.1 = %g, want ≈ e·h/2", p.ErrForward)
	}
	if r := p.ErrCentral / (math.E * 0.01 / 6); r < 0.9 || r > 1.1 {
		t.Errorf("central error at h=0.1 = %g, want ≈ e·h²/6", p.ErrCentral)
	}
	// Best steps near √ε and ∛ε; round-off wins below them.
	if h := s.BestForward.H; h < 1e-10 || h > 1e-6 {
		t.Errorf("best forward h = %g", h)
	}
	if h := s.BestCentral.H; h < 1e-7 || h > 1e-3 {
		t.Errorf("best central h = %g", h)
	}
	if s.BestCentral.ErrCentral > 1e-9 || s.Points[14].ErrForward < 1e-3 {
		t.Errorf("best central err %g, forward err at 1e-15 %g", s.BestCentral.ErrCentral, s.Points[14].ErrForward)
	}
	if _, err := StepSweep(math.Exp, 1, math.NaN(), Decades(1, 3)); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
	if _, err := StepSweep(math.Exp, 1, 1, nil); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
	if Decades(3, 1) != nil {
		t.Error("Decades(3,1) not nil")
	}
}
