package gdkit

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"
)

func gradRandIn(rng *rand.Rand, r [2]float64) float64 { return r[0] + (r[1]-r[0])*rng.Float64() }

func TestNumGradCatalogue(t *testing.T) {
	// Stated tolerance: |numeric - analytic| ≤ 1e-8·max(1,|E|,|analytic|).
	rng := rand.New(rand.NewPCG(7, 8))
	g, num := make([]float64, 2), make([]float64, 2)
	for _, fn := range Catalogue2D() {
		for k := 0; k < 100; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			fn.Grad(g, w)
			if _, err := NumGrad(num, fn.F, w); err != nil {
				t.Fatal(err)
			}
			sc := math.Max(1, math.Abs(fn.F(w)))
			for i := range g {
				if math.Abs(num[i]-g[i]) > 1e-8*math.Max(sc, math.Abs(g[i])) {
					t.Errorf("%s at %v: numeric %v, analytic %v", fn.Name, w, num, g)
				}
			}
		}
	}
}

func TestNumGradMatchesFd(t *testing.T) {
	// Same stencil as gonum's fd.Central: results agree to rounding.
	w := []float64{0.3, -0.8, 0.5, 0.9}
	f := functions.ExtendedRosenbrock{}.Func
	got, err := NumGrad(nil, f, w)
	if err != nil {
		t.Fatal(err)
	}
	want := fd.Gradient(nil, f, w, &fd.Settings{Formula: fd.Central})
	for i := range w {
		if math.Abs(got[i]-want[i]) > 1e-7*math.Max(1, math.Abs(want[i])) {
			t.Errorf("component %d: %g vs fd %g", i, got[i], want[i])
		}
	}
}

func TestNumGradErrors(t *testing.T) {
	f := functions.ExtendedRosenbrock{}.Func
	for _, tc := range []struct {
		name string
		dst  []float64
		f    func([]float64) float64
		w    []float64
		want error
	}{
		{"empty", nil, f, nil, ErrEmpty},
		{"dst len", make([]float64, 3), f, []float64{1, 2}, ErrDimension},
		{"NaN w", nil, f, []float64{1, math.NaN()}, ErrNotFinite},
		{"Inf w", nil, f, []float64{math.Inf(-1), 1}, ErrNotFinite},
		{"f NaN", nil, func(w []float64) float64 { return math.Log(w[0]) }, []float64{0}, ErrNotFinite},
	} {
		if _, err := NumGrad(tc.dst, tc.f, tc.w); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestNumGradNoAlloc(t *testing.T) {
	if gradRaceEnabled {
		t.Skip("sync.Pool drops items under -race")
	}
	w := make([]float64, 100)
	for i := range w {
		w[i] = float64(i%7) / 7
	}
	dst := make([]float64, len(w))
	f := functions.ExtendedRosenbrock{}.Func
	NumGrad(dst, f, w) // warm the pool
	if n := testing.AllocsPerRun(20, func() { NumGrad(dst, f, w) }); n != 0 {
		t.Errorf("NumGrad with dst: %v allocations per call, want 0", n)
	}
}

func TestNumHessian(t *testing.T) {
	// Stated tolerance: 1e-5·max(1,|H_ij|) against the hyperdual Hessian.
	rng := rand.New(rand.NewPCG(9, 10))
	for _, fn := range Catalogue2D() {
		for k := 0; k < 20; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			var num, ex mat.SymDense
			if err := NumHessian(&num, fn.F, w); err != nil {
				t.Fatal(err)
			}
			if _, err := fn.ExactHessian(nil, &ex, w); err != nil {
				t.Fatal(err)
			}
			sc := math.Max(1, math.Abs(fn.F(w)))
			for i := 0; i < 2; i++ {
				for j := 0; j < 2; j++ {
					if d := math.Abs(num.At(i, j) - ex.At(i, j)); d > 1e-5*math.Max(sc, math.Abs(ex.At(i, j))) {
						t.Errorf("%s at %v: H[%d,%d] numeric %g exact %g", fn.Name, w, i, j, num.At(i, j), ex.At(i, j))
					}
				}
			}
		}
	}
	if err := NumHessian(mat.NewSymDense(3, nil), Bowl().F, []float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if err := NumHessian(nil, Bowl().F, []float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	var h mat.SymDense
	if err := NumHessian(&h, func(w []float64) float64 { return math.Sqrt(w[0]) }, []float64{0}); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
}

func TestCheckGradCatalogue(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, fn := range Catalogue2D() {
		for k := 0; k < 50; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			rep, err := CheckGradWith(fn.F, fn.Grad, w, GradCheckSettings{Exact: fn.ExactGrad})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK {
				t.Fatalf("%s at %v: correct gradient rejected\n%s", fn.Name, w, rep)
			}
			// One wrong component: add 1e-3·max(1,|g_i|) to component i.
			for bad := 0; bad < 2; bad++ {
				wrong := func(g, w []float64) {
					fn.Grad(g, w)
					g[bad] += 1e-3 * math.Max(1, math.Abs(g[bad]))
				}
				rep, err := CheckGrad(fn.F, wrong, w)
				if err != nil {
					t.Fatal(err)
				}
				if rep.OK || rep.Worst != bad || len(rep.Failed()) != 1 || rep.Failed()[0] != bad {
					t.Fatalf("%s at %v: wrong component %d not flagged\n%s", fn.Name, w, bad, rep)
				}
			}
		}
	}
}

func TestCheckGradReport(t *testing.T) {
	E := functions.ExtendedRosenbrock{}.Func
	grad := func(g, w []float64) {
		functions.ExtendedRosenbrock{}.Grad(g, w)
		g[2] *= -1 // sign error in ∂E/∂w3
	}
	rep, err := CheckGrad(E, grad, []float64{0.5, 1.5, -0.7, 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Worst != 2 || rep.Tol != DefaultGradTol {
		t.Fatalf("report: %+v", rep)
	}
	txt := rep.String()
	lines := strings.Split(strings.TrimSpace(txt), "\n")
	if len(lines) != 6 || !strings.Contains(lines[3], "w3") || !strings.Contains(lines[0], "limit") || !strings.Contains(lines[3], "✗") ||
		strings.Contains(lines[1], "✗") || !strings.Contains(lines[5], "FAIL: wrong component(s) w3") {
		t.Errorf("text report:\n%s", txt)
	}
	md := rep.Markdown()
	if !strings.Contains(md, "| **w3** |") || strings.Count(md, "\n| ") != 4 || !strings.Contains(md, "**FAIL") {
		t.Errorf("markdown:\n%s", md)
	}
	h := rep.HTML()
	if strings.Count(h, "<tr") != 5 || strings.Count(h, "#fdd") != 1 || !strings.Contains(h, "w3") {
		t.Errorf("html:\n%s", h)
	}
	good, _ := CheckGradWith(Bowl().F, Bowl().Grad, []float64{1, 2}, GradCheckSettings{Tol: 1e-9, Exact: Bowl().ExactGrad})
	if !good.OK || !strings.Contains(good.String(), "OK: all 2 components") || !strings.Contains(good.String(), "exact") {
		t.Errorf("good report:\n%s", good)
	}
}

func TestCheckGradErrors(t *testing.T) {
	E := Bowl().F
	g := Bowl().Grad
	g3 := func(grad, w []float64) { grad[0], grad[1], grad[2] = w[0], w[1], w[2] }
	for _, tc := range []struct {
		name string
		E    func([]float64) float64
		g    func(grad, w []float64)
		w    []float64
		s    GradCheckSettings
		want error
	}{
		{"empty", E, g, nil, GradCheckSettings{}, ErrEmpty},
		{"NaN w", E, g, []float64{math.NaN(), 0}, GradCheckSettings{}, ErrNotFinite},
		{"3D grad on 2D w", E, g3, []float64{1, 2}, GradCheckSettings{}, ErrDimension},
		{"2D E on 3D w", func(w []float64) float64 { return w[5] }, g, []float64{1, 2, 3}, GradCheckSettings{}, ErrDimension},
		{"E Inf", func(w []float64) float64 { return math.Inf(1) }, g, []float64{1, 2}, GradCheckSettings{}, ErrNotFinite},
		{"grad NaN", E, func(grad, w []float64) { grad[0] = math.NaN() }, []float64{1, 2}, GradCheckSettings{}, ErrNotFinite},
		{"exact NaN", E, g, []float64{1, 2}, GradCheckSettings{Exact: func(grad, w []float64) { grad[1] = math.Inf(1) }}, ErrNotFinite},
	} {
		if _, err := CheckGradWith(tc.E, tc.g, tc.w, tc.s); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := CheckGradWith(E, g, []float64{1, 2}, GradCheckSettings{Tol: -1}); err == nil {
		t.Error("negative tol accepted")
	}
	if _, err := CheckGrad(nil, g, []float64{1, 2}); err == nil {
		t.Error("nil E accepted")
	}
}

func FuzzCheckGrad(f *testing.F) {
	f.Add(1.0, -2.0, 0.5, uint8(0), 0.0)
	f.Add(0.0, 0.0, 0.0, uint8(2), 1e-2)
	f.Add(math.NaN(), 1.0, 3.0, uint8(1), 1.0)
	f.Fuzz(func(t *testing.T, a, b, c float64, bad uint8, delta float64) {
		w := []float64{a, b, c}
		E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] + w[0]*w[2] }
		k := int(bad % 4) // 3 means no wrong component
		grad := func(g, w []float64) {
			g[0], g[1], g[2] = 2*w[0]+w[2], 4*w[1], w[0]
			if k < 3 {
				g[k] += delta
			}
		}
		rep, err := CheckGrad(E, grad, w)
		if err != nil {
			return // errors are fine, panics are not
		}
		if len(rep.Rows) != 3 || rep.String() == "" || rep.Markdown() == "" || rep.HTML() == "" {
			t.Fatal("incomplete report")
		}
		small := math.Abs(a)+math.Abs(b)+math.Abs(c) < 1e3
		if small && (k == 3 || delta == 0) && !rep.OK {
			t.Fatalf("correct gradient rejected at %v:\n%s", w, rep)
		}
		if small && k < 3 {
			g := []float64{2*a + c, 4 * b, a}
			lim := DefaultGradTol*math.Max(1, math.Abs(g[k])) + 1e-9*math.Abs(E(w))/math.Max(1, math.Abs(w[k]))
			if math.Abs(delta) > 2*lim && (rep.OK || rep.Worst != k) {
				t.Fatalf("component %d off by %g not flagged at %v:\n%s", k, delta, w, rep)
			}
		}
	})
}
