package funcs

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/hyperdual"
)

// Closed forms written independently of the catalogue.
var closed1D = map[string]func(w float64) (f, d1, d2 float64){
	"w^2":            func(w float64) (float64, float64, float64) { return w * w, 2 * w, 2 },
	"(w-3)^2 + 1":    func(w float64) (float64, float64, float64) { return (w-3)*(w-3) + 1, 2 * (w - 3), 2 },
	"w^4 - 3w^2 + w": func(w float64) (float64, float64, float64) { return w*w*w*w - 3*w*w + w, 4*w*w*w - 6*w + 1, 12*w*w - 6 },
	"x·cos(x)": func(x float64) (float64, float64, float64) {
		return x * math.Cos(x), math.Cos(x) - x*math.Sin(x), -2*math.Sin(x) - x*math.Cos(x)
	},
}

func TestCatalogue1D(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	fns := Catalogue1D()
	if len(fns) != len(closed1D) {
		t.Fatalf("%d functions, %d closed forms", len(fns), len(closed1D))
	}
	for _, fn := range fns {
		cf, ok := closed1D[fn.Name]
		if !ok {
			t.Fatalf("no closed form for %q", fn.Name)
		}
		for k := 0; k < 100; k++ {
			w := fn.Domain[0] + (fn.Domain[1]-fn.Domain[0])*rng.Float64()
			f, d1, d2 := cf(w)
			e1, e2 := fn.ExactDeriv(w)
			// ≤ 1e-14 relative; the scale includes the size of the terms
			// (cancellation in 4w³-6w+1 near its roots).
			sc := math.Max(1, w*w*w*w)
			if math.Abs(fn.F(w)-f) > 1e-14*sc || math.Abs(e1-d1) > 1e-14*sc || math.Abs(e2-d2) > 1e-14*sc {
				t.Errorf("%s at %g: exact (%g,%g,%g), closed (%g,%g,%g)", fn.Name, w, fn.F(w), e1, e2, f, d1, d2)
			}
			if math.Abs(fn.Deriv(w)-d1) > 1e-14*sc {
				t.Errorf("%s at %g: Deriv %g, closed %g", fn.Name, w, fn.Deriv(w), d1)
			}
		}
		for _, m := range fn.Minima {
			d1, d2 := fn.ExactDeriv(m)
			if math.Abs(d1) > 1e-12 || d2 <= 0 {
				t.Errorf("%s: minimum %g has f'=%g f''=%g", fn.Name, m, d1, d2)
			}
		}
	}
}

var closed2D = map[string]func(x, y float64) (f, gx, gy float64){
	"w1^2 + w2^2":  func(x, y float64) (float64, float64, float64) { return x*x + y*y, 2 * x, 2 * y },
	"w1^2 + 2w2^2": func(x, y float64) (float64, float64, float64) { return x*x + 2*y*y, 2 * x, 4 * y },
	"w1^2 - w2^2":  func(x, y float64) (float64, float64, float64) { return x*x - y*y, 2 * x, -2 * y },
	"(1-w1)^2 + 100(w2-w1^2)^2": func(x, y float64) (float64, float64, float64) {
		return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x), -2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)
	},
	"(w1^2+w2-11)^2 + (w1+w2^2-7)^2": func(x, y float64) (float64, float64, float64) {
		p, q := x*x+y-11, x+y*y-7
		return p*p + q*q, 4*x*p + 2*q, 2*p + 4*y*q
	},
	"(1.5-w1+w1w2)^2 + (2.25-w1+w1w2^2)^2 + (2.625-w1+w1w2^3)^2": func(x, y float64) (float64, float64, float64) {
		a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
		return a*a + b*b + c*c,
			2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1),
			2*a*x + 2*b*2*x*y + 2*c*3*x*y*y
	},
}

func TestCatalogue2D(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	fns := Catalogue2D()
	if len(fns) != len(closed2D) {
		t.Fatalf("%d functions, %d closed forms", len(fns), len(closed2D))
	}
	g, ge := make([]float64, 2), make([]float64, 2)
	for _, fn := range fns {
		cf, ok := closed2D[fn.Name]
		if !ok {
			t.Fatalf("no closed form for %q", fn.Name)
		}
		for k := 0; k < 100; k++ {
			x := fn.XRange[0] + (fn.XRange[1]-fn.XRange[0])*rng.Float64()
			y := fn.YRange[0] + (fn.YRange[1]-fn.YRange[0])*rng.Float64()
			f, gx, gy := cf(x, y)
			w := []float64{x, y}
			fn.Grad(g, w)
			fn.ExactGrad(ge, w)
			// Scale: the size of the largest term (Beale's y³ terms, Rosenbrock's 400x³).
			sc := 1e-14 * math.Max(1, math.Abs(f)+math.Abs(gx)+math.Abs(gy)) * math.Max(1, math.Abs(y*y*y))
			for _, pair := range [][2]float64{{fn.F(w), f}, {fn.E(x, y), f}, {g[0], gx}, {g[1], gy}, {ge[0], gx}, {ge[1], gy}} {
				if math.Abs(pair[0]-pair[1]) > sc {
					t.Errorf("%s at (%g,%g): %v (value, E, grad, exact grad vs closed)", fn.Name, x, y, pair)
				}
			}
		}
		var h mat.SymDense
		for _, m := range fn.Minima {
			gr := make([]float64, 2)
			if _, err := fn.ExactHessian(gr, &h, m[:]); err != nil {
				t.Fatal(err)
			}
			if math.Hypot(gr[0], gr[1]) > 1e-9 || h.At(0, 0) <= 0 || h.At(0, 0)*h.At(1, 1)-h.At(0, 1)*h.At(1, 0) <= 0 {
				t.Errorf("%s: minimum %v has ∇E=%v H=%v", fn.Name, m, gr, mat.Formatted(&h))
			}
		}
		for _, s := range fn.Saddle {
			gr := make([]float64, 2)
			h.Reset()
			if _, err := fn.ExactHessian(gr, &h, s[:]); err != nil {
				t.Fatal(err)
			}
			if math.Hypot(gr[0], gr[1]) > 1e-12 || h.At(0, 0)*h.At(1, 1)-h.At(0, 1)*h.At(1, 0) >= 0 {
				t.Errorf("%s: saddle %v has ∇E=%v det H ≥ 0", fn.Name, s, gr)
			}
		}
	}
}

// TestWrongLength: F and ExactGrad panic with an ErrDimension error on a
// length other than 2 (they have no error result); ExactHessian returns it.
func TestWrongLength(t *testing.T) {
	panics := func(name string, f func()) {
		defer func() {
			err, _ := recover().(error)
			if !errors.Is(err, gdkit.ErrDimension) {
				t.Errorf("%s: recovered %v, want an ErrDimension error", name, err)
			}
		}()
		f()
	}
	b := Bowl()
	panics("F(1 value)", func() { b.F([]float64{1}) })
	panics("F(3 values)", func() { b.F([]float64{1, 2, 3}) })
	panics("ExactGrad(len 3 grad)", func() { b.ExactGrad(make([]float64, 3), []float64{1, 2}) })
	panics("ExactGrad(len 1 w)", func() { b.ExactGrad(make([]float64, 2), []float64{1}) })
	for name, call := range map[string]func() error{
		"w":    func() error { _, err := b.ExactHessian(nil, nil, []float64{1}); return err },
		"grad": func() error { _, err := b.ExactHessian(make([]float64, 1), nil, []float64{1, 2}); return err },
		"hess": func() error { _, err := b.ExactHessian(nil, mat.NewSymDense(3, nil), []float64{1, 2}); return err },
	} {
		if err := call(); !errors.Is(err, gdkit.ErrDimension) {
			t.Errorf("ExactHessian, bad %s: %v", name, err)
		}
	}
	logE := Func2D{Name: "log", Hyper: func(a, _ hyperdual.Number) hyperdual.Number { return hyperdual.Log(a) }}
	if _, err := logE.ExactHessian(nil, nil, []float64{0, 1}); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Errorf("log at 0: %v", err)
	}
}

// TestRosenbrockHessian: the exact gradient and Hessian against the closed forms.
func TestRosenbrockHessian(t *testing.T) {
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-14*math.Max(math.Abs(a), math.Abs(b)) || a == b }
	for _, w := range [][]float64{{-1.2, 1}, {0.5, -0.3}, {2, 3}} {
		x, y := w[0], w[1]
		want := []float64{-2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)}
		wantH := [][]float64{{2 - 400*(y-x*x) + 800*x*x, -400 * x}, {-400 * x, 200}}
		var hess mat.SymDense
		grad := make([]float64, 2)
		v, err := Rosenbrock().ExactHessian(grad, &hess, w)
		if err != nil {
			t.Fatal(err)
		}
		if !close(v, (1-x)*(1-x)+100*(y-x*x)*(y-x*x)) {
			t.Errorf("value %g", v)
		}
		for i := 0; i < 2; i++ {
			if !close(grad[i], want[i]) {
				t.Errorf("grad at %v: %v, want %v", w, grad, want)
			}
			for j := 0; j < 2; j++ {
				if !close(hess.At(i, j), wantH[i][j]) {
					t.Errorf("Hessian at %v: %v, want %v", w, mat.Formatted(&hess), wantH)
				}
			}
		}
	}
}
