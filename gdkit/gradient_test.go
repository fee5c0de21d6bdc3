package gdkit_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"
)

func gradRandIn(rng *rand.Rand, r [2]float64) float64 { return r[0] + (r[1]-r[0])*rng.Float64() }

func TestNumGradCatalogue(t *testing.T) {
	// Stated tolerance: |numeric - analytic| ≤ 1e-8·max(1,|E|,|analytic|).
	rng := rand.New(rand.NewPCG(7, 8))
	g, num := make([]float64, 2), make([]float64, 2)
	for _, fn := range funcs.Catalogue2D() {
		for k := 0; k < 100; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			fn.Grad(g, w)
			if _, err := gdkit.NumGrad(num, fn.F, w); err != nil {
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
	got, err := gdkit.NumGrad(nil, f, w)
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
		{"empty", nil, f, nil, gdkit.ErrEmpty},
		{"dst len", make([]float64, 3), f, []float64{1, 2}, gdkit.ErrDimension},
		{"NaN w", nil, f, []float64{1, math.NaN()}, gdkit.ErrNotFinite},
		{"Inf w", nil, f, []float64{math.Inf(-1), 1}, gdkit.ErrNotFinite},
		{"f NaN", nil, func(w []float64) float64 { return math.Log(w[0]) }, []float64{0}, gdkit.ErrNotFinite},
	} {
		if _, err := gdkit.NumGrad(tc.dst, tc.f, tc.w); !errors.Is(err, tc.want) {
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
	gdkit.NumGrad(dst, f, w) // warm the pool
	if n := testing.AllocsPerRun(20, func() { gdkit.NumGrad(dst, f, w) }); n != 0 {
		t.Errorf("NumGrad with dst: %v allocations per call, want 0", n)
	}
}

func TestNumHessian(t *testing.T) {
	// Stated tolerance: 1e-5·max(1,|H_ij|) against the hyperdual Hessian.
	rng := rand.New(rand.NewPCG(9, 10))
	for _, fn := range funcs.Catalogue2D() {
		for k := 0; k < 20; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			var num, ex mat.SymDense
			if err := gdkit.NumHessian(&num, fn.F, w); err != nil {
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
	if err := gdkit.NumHessian(mat.NewSymDense(3, nil), funcs.Bowl().F, []float64{1, 2}); !errors.Is(err, gdkit.ErrDimension) {
		t.Error(err)
	}
	if err := gdkit.NumHessian(nil, funcs.Bowl().F, []float64{1, 2}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Error(err)
	}
	var h mat.SymDense
	if err := gdkit.NumHessian(&h, func(w []float64) float64 { return math.Sqrt(w[0]) }, []float64{0}); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Error(err)
	}
}

func TestCheckGradCatalogue(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, fn := range funcs.Catalogue2D() {
		for k := 0; k < 50; k++ {
			w := []float64{gradRandIn(rng, fn.XRange), gradRandIn(rng, fn.YRange)}
			rep, err := gdkit.CheckGrad(fn.F, fn.Grad, w, &gdkit.GradCheckSettings{Exact: fn.ExactGrad})
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
				rep, err := gdkit.CheckGrad(fn.F, wrong, w, nil)
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
	rep, err := gdkit.CheckGrad(E, grad, []float64{0.5, 1.5, -0.7, 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Worst != 2 || rep.Tol != 1e-6 {
		t.Fatalf("report: %+v", rep)
	}
	txt := rep.String()
	lines := strings.Split(strings.TrimSpace(txt), "\n")
	if len(lines) != 6 || !strings.Contains(lines[3], "w3") || !strings.Contains(lines[0], "limit") || !strings.Contains(lines[3], "✗") ||
		strings.Contains(lines[1], "✗") || !strings.Contains(lines[5], "FAIL: wrong component(s) w3") {
		t.Errorf("text report:\n%s", txt)
	}
	good, _ := gdkit.CheckGrad(funcs.Bowl().F, funcs.Bowl().Grad, []float64{1, 2}, &gdkit.GradCheckSettings{Tol: 1e-9, Exact: funcs.Bowl().ExactGrad})
	if !good.OK || !strings.Contains(good.String(), "OK: all 2 components") || !strings.Contains(good.String(), "exact") {
		t.Errorf("good report:\n%s", good)
	}
}

func TestCheckGradErrors(t *testing.T) {
	data, _ := gdkit.NewData([]float64{1, 2, 3}, []float64{1, 2, 3}, 3, 1)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	E := funcs.Bowl().F
	g := funcs.Bowl().Grad
	g3 := func(grad, w []float64) { grad[0], grad[1], grad[2] = w[0], w[1], w[2] }
	for _, tc := range []struct {
		name string
		E    func([]float64) float64
		g    func(grad, w []float64)
		w    []float64
		s    *gdkit.GradCheckSettings
		want error
	}{
		{"empty", E, g, nil, nil, gdkit.ErrEmpty},
		{"NaN w", E, g, []float64{math.NaN(), 0}, nil, gdkit.ErrNotFinite},
		{"3D grad on 2D w", E, g3, []float64{1, 2}, nil, gdkit.ErrDimension},
		{"2D E on 3D w", func(w []float64) float64 { return w[5] }, g, []float64{1, 2, 3}, nil, gdkit.ErrDimension},
		{"E Inf", func(w []float64) float64 { return math.Inf(1) }, g, []float64{1, 2}, nil, gdkit.ErrNotFinite},
		{"grad NaN", E, func(grad, w []float64) { grad[0] = math.NaN() }, []float64{1, 2}, nil, gdkit.ErrNotFinite},
		{"exact NaN", E, g, []float64{1, 2}, &gdkit.GradCheckSettings{Exact: func(grad, w []float64) { grad[1] = math.Inf(1) }}, gdkit.ErrNotFinite},
		{"model on 3D w", m.E, m.Grad, []float64{1, 2, 3}, nil, gdkit.ErrDimension},
		{"negative tol", E, g, []float64{1, 2}, &gdkit.GradCheckSettings{Tol: -1}, gdkit.ErrBadParam},
		{"nil E", nil, g, []float64{1, 2}, nil, gdkit.ErrBadParam},
	} {
		if _, err := gdkit.CheckGrad(tc.E, tc.g, tc.w, tc.s); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

// TestCheckGradPanics: a panic that is not a length problem (here a nil
// dereference inside the gradient) is not reported as ErrDimension: it
// reaches the caller as it is.
func TestCheckGradPanics(t *testing.T) {
	type params struct{ scale float64 }
	var p *params // a bug: never set
	buggy := func(g, w []float64) { g[0], g[1] = p.scale*w[0], p.scale*w[1] }
	defer func() {
		r := recover()
		err, _ := r.(error)
		if r == nil || errors.Is(err, gdkit.ErrDimension) || !strings.Contains(fmt.Sprint(r), "nil pointer") {
			t.Errorf("recovered %v, want the nil dereference itself", r)
		}
	}()
	rep, err := gdkit.CheckGrad(funcs.Bowl().F, buggy, []float64{1, 2}, nil)
	t.Errorf("CheckGrad returned %v, %v instead of panicking", rep, err)
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
		rep, err := gdkit.CheckGrad(E, grad, w, nil)
		if err != nil {
			return // errors are fine, panics are not
		}
		if len(rep.Rows) != 3 || rep.String() == "" || rep.Spanish() == "" {
			t.Fatal("incomplete report")
		}
		small := math.Abs(a)+math.Abs(b)+math.Abs(c) < 1e3
		if small && (k == 3 || delta == 0) && !rep.OK {
			t.Fatalf("correct gradient rejected at %v:\n%s", w, rep)
		}
		if small && k < 3 {
			g := []float64{2*a + c, 4 * b, a}
			lim := 1e-6*math.Max(1, math.Abs(g[k])) + 1e-9*math.Abs(E(w))/math.Max(1, math.Abs(w[k]))
			if math.Abs(delta) > 2*lim && (rep.OK || rep.Worst != k) {
				t.Fatalf("component %d off by %g not flagged at %v:\n%s", k, delta, w, rep)
			}
		}
	})
}
