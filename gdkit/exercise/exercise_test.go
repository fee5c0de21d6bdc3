package exercise

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func capture(t *testing.T) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	old := out
	out = &b
	t.Cleanup(func() { out = old })
	return &b
}

func TestDerivative(t *testing.T) {
	f := func(w float64) float64 { return (w-3)*(w-3) + 1 }
	xs := []float64{-2, 0, 1.5, 3, 7}
	cases := []struct {
		name string
		df   func(float64) float64
		ok   bool
		want string
	}{
		{"right", func(w float64) float64 { return 2 * (w - 3) }, true, "✔"},
		{"forgot the chain factor", func(w float64) float64 { return w - 3 }, false, "en x = -2"},
		{"sign", func(w float64) float64 { return -2 * (w - 3) }, false, "Pista: h"},
		{"NaN", func(w float64) float64 { return math.NaN() }, false, "✘"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := capture(t)
			v := Derivative("d", f, c.df, xs, "h")
			if v.OK != c.ok {
				t.Fatalf("OK = %v, want %v (%s)", v.OK, c.ok, v)
			}
			if !strings.Contains(out.String(), c.want) {
				t.Errorf("printed %q, want it to contain %q", out, c.want)
			}
		})
	}
	capture(t)
	if v := Derivative("kink", math.Abs, func(float64) float64 { return 0 }, []float64{0}, ""); v.OK {
		t.Error("a derivative at a kink passed")
	}
	if v := Derivative("empty", f, f, nil, ""); v.OK {
		t.Error("no points passed")
	}
}

func TestGradient(t *testing.T) {
	capture(t)
	E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	right := func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] }
	wrong := func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] }
	ws := [][]float64{{1, 2}, {-3, 0.5}}
	if v := Gradient("g", E, right, ws, ""); !v.OK {
		t.Errorf("right gradient failed: %s", v)
	}
	v := Gradient("g", E, wrong, ws, "")
	if v.OK || !strings.Contains(v.Detail, "δE/δw2") || !strings.Contains(v.Detail, "en w = (1, 2)") {
		t.Errorf("wrong second component not named: %s", v)
	}
	short := func(g, w []float64) { g[0] = 2 * w[0] }
	if v := Gradient("g", E, short, [][]float64{{1}}, ""); v.OK {
		t.Errorf("dimension mismatch passed: %s", v)
	}
}

func TestClose(t *testing.T) {
	out := capture(t)
	Close("c", 1.25, 0.75, 1e-6, "")
	if strings.Contains(out.String(), "0.75") || !strings.Contains(out.String(), "mayor") {
		t.Errorf("a wrong answer must say too large without the answer: %q", out)
	}
	for _, c := range []struct {
		got, want, tol float64
		ok             bool
	}{
		{1.0000001, 1, 1e-6, true},
		{1.1, 1, 1e-6, false},
		{math.Inf(1), 1, 1, false},
		{math.NaN(), math.NaN(), 1, false},
		{2e6 + 1, 2e6, 1e-6, true},
	} {
		if v := Close("c", c.got, c.want, c.tol, ""); v.OK != c.ok {
			t.Errorf("Close(%v, %v, %v).OK = %v", c.got, c.want, c.tol, v.OK)
		}
	}
}

func TestMustPass(t *testing.T) {
	MustPass(Verdict{OK: true})
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "Ejercicio 9") {
			t.Fatalf("MustPass did not panic with the verdict, got %v", r)
		}
	}()
	MustPass(Verdict{OK: true}, Verdict{Title: "Ejercicio 9"})
}
