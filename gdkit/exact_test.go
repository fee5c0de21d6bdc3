package gdkit

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/num/dual"
	"gonum.org/v1/gonum/num/hyperdual"
)

func exactRelClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) || a == b
}

func TestDualDeriv(t *testing.T) {
	c := 2.0
	f := func(x dual.Number) dual.Number { return dual.Mul(x, dual.Cos(dual.Scale(c, x))) }
	h := func(x hyperdual.Number) hyperdual.Number {
		return hyperdual.Mul(x, hyperdual.Cos(hyperdual.Scale(c, x)))
	}
	for _, x := range []float64{-3, -0.7, 0.2, 1, 4.5} {
		v, d := DualDeriv(f, x)
		// f = x cos(cx), f' = cos(cx) - c x sin(cx), f'' = -2c sin(cx) - c² x cos(cx).
		wv, wd := x*math.Cos(c*x), math.Cos(c*x)-c*x*math.Sin(c*x)
		wd2 := -2*c*math.Sin(c*x) - c*c*x*math.Cos(c*x)
		if !exactRelClose(v, wv, 1e-14) || !exactRelClose(d, wd, 1e-14) {
			t.Errorf("dual at %g: %g %g, want %g %g", x, v, d, wv, wd)
		}
		hv, hd, hd2 := HyperdualDeriv(h, x)
		if !exactRelClose(hv, wv, 1e-14) || !exactRelClose(hd, wd, 1e-14) || !exactRelClose(hd2, wd2, 1e-14) {
			t.Errorf("hyperdual at %g: %g %g %g, want %g %g %g", x, hv, hd, hd2, wv, wd, wd2)
		}
	}
}

func exactRosenDual(x []dual.Number) dual.Number {
	a := dual.Sub(dual.Number{Real: 1}, x[0])
	b := dual.Sub(x[1], dual.Mul(x[0], x[0]))
	return dual.Add(dual.Mul(a, a), dual.Scale(100, dual.Mul(b, b)))
}

func TestDualGradHessian(t *testing.T) {
	for _, w := range [][]float64{{-1.2, 1}, {0.5, -0.3}, {2, 3}} {
		g, err := DualGrad(nil, exactRosenDual, w)
		if err != nil {
			t.Fatal(err)
		}
		x, y := w[0], w[1]
		want := []float64{-2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)}
		for i := range want {
			if !exactRelClose(g[i], want[i], 1e-14) {
				t.Errorf("DualGrad at %v: %v, want %v", w, g, want)
			}
		}
		var hess mat.SymDense
		grad := make([]float64, 2)
		v, err := Rosenbrock().ExactHessian(grad, &hess, w)
		if err != nil {
			t.Fatal(err)
		}
		wantH := [][]float64{{2 - 400*(y-x*x) + 800*x*x, -400 * x}, {-400 * x, 200}}
		for i := 0; i < 2; i++ {
			if !exactRelClose(grad[i], want[i], 1e-14) {
				t.Errorf("hyperdual grad at %v: %v, want %v", w, grad, want)
			}
			for j := 0; j < 2; j++ {
				if !exactRelClose(hess.At(i, j), wantH[i][j], 1e-14) {
					t.Errorf("Hessian at %v: %v, want %v", w, mat.Formatted(&hess), wantH)
				}
			}
		}
		if !exactRelClose(v, (1-x)*(1-x)+100*(y-x*x)*(y-x*x), 1e-14) {
			t.Errorf("value %g", v)
		}
	}
}

func TestExactErrors(t *testing.T) {
	if _, err := DualGrad(make([]float64, 3), exactRosenDual, []float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, err := DualGrad(nil, exactRosenDual, nil); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
	if _, err := DualGrad(nil, exactRosenDual, []float64{math.NaN(), 1}); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
	logd := func(x []dual.Number) dual.Number { return dual.Log(x[0]) }
	if _, err := DualGrad(nil, logd, []float64{0}); !errors.Is(err, ErrNotFinite) {
		t.Error("log at 0:", err)
	}
	h := mat.NewSymDense(3, nil)
	if _, err := HyperdualHessian(nil, h, Bowl().hyperVec, []float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, err := HyperdualHessian(make([]float64, 1), nil, Bowl().hyperVec, []float64{1, 2}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, err := Bowl().ExactHessian(nil, nil, []float64{1}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
}
