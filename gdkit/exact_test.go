package gdkit

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/num/dual"
)

func exactRelClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b)) || a == b
}

func TestDualDeriv(t *testing.T) {
	c := 2.0
	f := func(x dual.Number) dual.Number { return dual.Mul(x, dual.Cos(dual.Scale(c, x))) }
	for _, x := range []float64{-3, -0.7, 0.2, 1, 4.5} {
		v, d := DualDeriv(f, x)
		// f = x cos(cx), f' = cos(cx) - c x sin(cx).
		wv, wd := x*math.Cos(c*x), math.Cos(c*x)-c*x*math.Sin(c*x)
		if !exactRelClose(v, wv, 1e-14) || !exactRelClose(d, wd, 1e-14) {
			t.Errorf("dual at %g: %g %g, want %g %g", x, v, d, wv, wd)
		}
	}
}

func exactRosenDual(x []dual.Number) dual.Number {
	a := dual.Sub(dual.Number{Real: 1}, x[0])
	b := dual.Sub(x[1], dual.Mul(x[0], x[0]))
	return dual.Add(dual.Mul(a, a), dual.Scale(100, dual.Mul(b, b)))
}

func TestDualGrad(t *testing.T) {
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
}
