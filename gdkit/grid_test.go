package gdkit

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestArange(t *testing.T) {
	for _, tc := range []struct {
		start, stop, step float64
		n                 int
		last              float64
	}{
		{-10, 10, 0.8, 25, 9.2}, // the slides' grid
		{0, 1, 0.1, 10, 0.9},
		{1, 0, -0.25, 4, 0.25},
		{0, 5, 1, 5, 4},
		{0, 5.5, 1, 6, 5},
	} {
		xs, err := Arange(tc.start, tc.stop, tc.step)
		if err != nil {
			t.Fatal(err)
		}
		if len(xs) != tc.n || xs[0] != tc.start || math.Abs(xs[len(xs)-1]-tc.last) > 1e-12 {
			t.Errorf("Arange(%g,%g,%g) = %v", tc.start, tc.stop, tc.step, xs)
		}
		for k, x := range xs {
			if x != tc.start+float64(k)*tc.step {
				t.Errorf("x[%d] = %v, want start + k·step", k, x)
			}
		}
	}
	if xs, err := Arange(1, 0, 0.5); err != nil || len(xs) != 0 {
		t.Errorf("empty range: %v %v", xs, err)
	}
	if _, err := Arange(0, 1, 0); !errors.Is(err, ErrBadParam) {
		t.Error(err)
	}
	if _, err := Arange(0, math.Inf(1), 1); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
	if _, err := Arange(0, 1, 1e-12); err == nil {
		t.Error("huge Arange accepted")
	}
	ls, err := Linspace(-1, 1, 5)
	if err != nil || len(ls) != 5 || ls[0] != -1 || ls[2] != 0 || ls[4] != 1 {
		t.Errorf("Linspace = %v %v", ls, err)
	}
	if _, err := Linspace(0, 1, 0); err == nil {
		t.Error("Linspace n=0 accepted")
	}
}

func TestMeshgridEval(t *testing.T) {
	xs, ys := []float64{-1, 0, 2}, []float64{10, 20}
	m := Meshgrid(xs, ys)
	// numpy: W1 = [[-1,0,2],[-1,0,2]], W2 = [[10,10,10],[20,20,20]].
	if got := m.W1(); !gridEqual(got, []float64{-1, 0, 2, -1, 0, 2}) {
		t.Errorf("W1 = %v", got)
	}
	if got := m.W2(); !gridEqual(got, []float64{10, 10, 10, 20, 20, 20}) {
		t.Errorf("W2 = %v", got)
	}
	g, err := m.Eval(func(a, b float64) float64 { return 100*a + b })
	if err != nil {
		t.Fatal(err)
	}
	if !gridEqual(g.Values, []float64{-90, 10, 210, -80, 20, 220}) {
		t.Errorf("Values = %v", g.Values)
	}
	if c, r := g.Dims(); c != 3 || r != 2 || g.Z(2, 1) != 220 || g.At(1, 2) != 220 || g.X(2) != 2 || g.Y(1) != 20 {
		t.Errorf("Dims/Z/At/X/Y wrong: %d %d %g", c, r, g.Z(2, 1))
	}
	if !gridEqual(gridRow(g, 0), []float64{-90, 10, 210}) {
		t.Error("Row")
	}
	if lo, hi := g.MinMax(); lo != -90 || hi != 220 {
		t.Error("MinMax", lo, hi)
	}
	gv, err := m.EvalVec(func(w []float64) float64 { return 100*w[0] + w[1] })
	if err != nil || !gridEqual(gv.Values, g.Values) {
		t.Errorf("EvalVec = %v %v", gv.Values, err)
	}
	if _, err := Meshgrid(nil, ys).Eval(gridBowl); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
	if _, err := Meshgrid(xs, []float64{math.NaN()}).Eval(gridBowl); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
	if _, err := m.Eval(func(a, b float64) float64 { return 1 / (a * 0) }); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
}

// Test functions written independently of package funcs (which imports gdkit).
func gridBowl(w1, w2 float64) float64 { return w1*w1 + w2*w2 }
func gridBowlGrad(g, w []float64)     { g[0], g[1] = 2*w[0], 2*w[1] }
func gridHimmel(w1, w2 float64) float64 {
	p, q := w1*w1+w2-11, w1+w2*w2-7
	return p*p + q*q
}

// gridRow returns row r of g (fixed w2 = Ys[r], w1 varying).
func gridRow(g Grid, r int) []float64 { n := len(g.Xs); return g.Values[r*n : (r+1)*n] }

func gridEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func gridCloseAll(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol*math.Max(1, math.Abs(want[i])) {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

func TestGridGradientHand(t *testing.T) {
	// E = w1² + w2² on xs = {0,1,2,3} (step 1), ys = {0,2,4} (step 2).
	// Along w1, per row, x² = [0,1,4,9]: edges (1-0)/1 = 1, (9-4)/1 = 5;
	// inside (4-0)/2 = 2, (9-1)/2 = 4  → [1 2 4 5].
	// Along w2, per column, y² = [0,4,16]: edges (4-0)/2 = 2, (16-4)/2 = 6;
	// inside (16-0)/4 = 4 → [2 4 6].
	xs, ys := []float64{0, 1, 2, 3}, []float64{0, 2, 4}
	g, err := Meshgrid(xs, ys).Eval(gridBowl)
	if err != nil {
		t.Fatal(err)
	}
	d1, d2, err := GridGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "dE/dw1", d1.Values, []float64{1, 2, 4, 5, 1, 2, 4, 5, 1, 2, 4, 5}, 0)
	gridCloseAll(t, "dE/dw2", d2.Values, []float64{2, 2, 2, 2, 4, 4, 4, 4, 6, 6, 6, 6}, 0)

	// numpy's order with unit spacing, np.gradient(E): axis0 (down rows) first.
	// axis0 per column: y² rows [0,4,16] → [4, 8, 12]; axis1 per row: [1 2 4 5].
	a0, a1, err := NumpyGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "axis0", a0.Values, []float64{4, 4, 4, 4, 8, 8, 8, 8, 12, 12, 12, 12}, 0)
	gridCloseAll(t, "axis1", a1.Values, []float64{1, 2, 4, 5, 1, 2, 4, 5, 1, 2, 4, 5}, 0)
	// np.gradient(E, 2, 1): (row step, column step) → axis0 = dE/dw2.
	a0, a1, err = NumpyGradient(g, &GradientSettings{Spacing: []float64{2, 1}})
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "axis0 spaced", a0.Values, d2.Values, 0)
	gridCloseAll(t, "axis1 spaced", a1.Values, d1.Values, 0)

	// Non-uniform: x = {0,1,3}, f = x² = [0,1,9]. Edges: (1-0)/1 = 1,
	// (9-1)/2 = 4. Inside h1=1, h2=2: (1²·9 - 2²·0 + (2²-1²)·1)/(1·2·3) = 12/6 = 2.
	d, err := SampleGradient(nil, []float64{0, 1, 9}, []float64{0, 1, 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	gridCloseAll(t, "non-uniform", d, []float64{1, 2, 4}, 1e-15)
}

// refGradient is numpy's np.gradient along one axis, written pointwise
// from the formula (independent of the package's implementation).
func gridRefGradient(f, x []float64) []float64 {
	n := len(f)
	out := make([]float64, n)
	out[0] = (f[1] - f[0]) / (x[1] - x[0])
	out[n-1] = (f[n-1] - f[n-2]) / (x[n-1] - x[n-2])
	for i := 1; i < n-1; i++ {
		h1, h2 := x[i]-x[i-1], x[i+1]-x[i]
		out[i] = (h1*h1*f[i+1] - h2*h2*f[i-1] + (h2*h2-h1*h1)*f[i]) / (h1 * h2 * (h1 + h2))
	}
	return out
}

func gridRandom(rng *rand.Rand, nc, nr int) Grid {
	coords := func(n int) []float64 {
		x := make([]float64, n)
		x[0] = rng.Float64()
		for i := 1; i < n; i++ {
			x[i] = x[i-1] + 0.1 + rng.Float64()
		}
		return x
	}
	g := Grid{Xs: coords(nc), Ys: coords(nr), Values: make([]float64, nc*nr)}
	for i := range g.Values {
		g.Values[i] = rng.NormFloat64()
	}
	return g
}

func TestGridGradientReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, dims := range [][2]int{{2, 2}, {2, 5}, {7, 3}, {10, 11}} {
		g := gridRandom(rng, dims[0], dims[1])
		d1, d2, err := GridGradient(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		nc, nr := g.Dims()
		for r := 0; r < nr; r++ {
			gridCloseAll(t, "dE/dw1 row", gridRow(d1, r), gridRefGradient(gridRow(g, r), g.Xs), 1e-13)
		}
		for c := 0; c < nc; c++ {
			col, got := make([]float64, nr), make([]float64, nr)
			for r := 0; r < nr; r++ {
				col[r], got[r] = g.Z(c, r), d2.Z(c, r)
			}
			gridCloseAll(t, "dE/dw2 column", got, gridRefGradient(col, g.Ys), 1e-13)
		}
	}
}

func TestGridGradientSlide(t *testing.T) {
	// The slide: W = arange(-10, 10, 0.8), E = w1² + w2². Inside, the
	// second-order formula is exact for a quadratic: ∂E/∂w1 = 2w1.
	xs, _ := Arange(-10, 10, 0.8)
	m := Meshgrid(xs, xs)
	g, err := m.Eval(gridBowl)
	if err != nil {
		t.Fatal(err)
	}
	d1, d2, err := GridGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	a1, a2, err := m.GradOnGrid(gridBowlGrad)
	if err != nil {
		t.Fatal(err)
	}
	n := len(xs)
	for r := 1; r < n-1; r++ {
		for c := 1; c < n-1; c++ {
			if math.Abs(d1.Z(c, r)-a1.Z(c, r)) > 1e-12 || math.Abs(d2.Z(c, r)-a2.Z(c, r)) > 1e-12 {
				t.Fatalf("(%d,%d): grid %g %g, analytic %g %g", c, r, d1.Z(c, r), d2.Z(c, r), a1.Z(c, r), a2.Z(c, r))
			}
		}
	}
	// The slide's dEdW1, dEdW2 = np.gradient(E): its first output is the
	// unit-spaced derivative down the rows, 0.8·∂E/∂w2, not ∂E/∂w1.
	s1, _, err := NumpyGradient(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r, c := 3, 20; math.Abs(s1.Z(c, r)-0.8*2*xs[r]) > 1e-12 || math.Abs(s1.Z(c, r)-0.8*a1.Z(c, r)) < 1 {
		t.Errorf("slide's dEdW1 at (w1=%g, w2=%g) = %g; want 0.8·2·w2 = %g", xs[c], xs[r], s1.Z(c, r), 1.6*xs[r])
	}
}

func TestGridErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    Grid
		want error
	}{
		{"empty", Grid{}, ErrEmpty},
		{"one column", Grid{Xs: []float64{0}, Ys: []float64{0, 1}, Values: []float64{1, 2}}, ErrEmpty},
		{"values length", Grid{Xs: []float64{0, 1}, Ys: []float64{0, 1}, Values: []float64{1, 2, 3}}, ErrDimension},
		{"every value NaN or Inf", Grid{Xs: []float64{0, 1}, Ys: []float64{0, 1}, Values: []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.NaN()}}, ErrNotFinite},
		{"NaN coordinate", Grid{Xs: []float64{0, math.NaN()}, Ys: []float64{0, 1}, Values: []float64{1, 2, 3, 4}}, ErrNotFinite},
	} {
		if _, _, err := GridGradient(tc.g, nil); !errors.Is(err, tc.want) {
			t.Errorf("GridGradient %s: err = %v, want %v", tc.name, err, tc.want)
		}
		if _, _, err := NumpyGradient(tc.g, nil); !errors.Is(err, tc.want) {
			t.Errorf("NumpyGradient %s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	rep := Grid{Xs: []float64{0, 0, 1}, Ys: []float64{0, 1}, Values: make([]float64, 6)}
	if _, _, err := GridGradient(rep, nil); err == nil {
		t.Error("repeated coordinate accepted")
	}
	ok := Grid{Xs: []float64{0, 1}, Ys: []float64{0, 1}, Values: make([]float64, 4)}
	if _, _, err := NumpyGradient(ok, &GradientSettings{Spacing: []float64{0}}); err == nil {
		t.Error("zero spacing accepted")
	}
	if _, _, err := NumpyGradient(ok, &GradientSettings{Spacing: []float64{1, 2, 3}}); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, err := NewGrid([]float64{0, 1}, []float64{0, 1}, []float64{1, 2, 3}); !errors.Is(err, ErrDimension) {
		t.Error("3 values for 2×2:", err)
	}
	g, err := NewGrid([]float64{0, 1}, []float64{5, 6}, []float64{1, 2, 3, 4})
	if err != nil || g.Z(1, 0) != 2 || g.Z(0, 1) != 3 || g.At(1, 0) != 3 {
		t.Error("NewGrid:", g, err)
	}
	if _, _, err := Meshgrid([]float64{0, 1}, []float64{0, 1}).GradOnGrid(func(g, w []float64) { g[2] = 1 }); !errors.Is(err, ErrDimension) {
		t.Error("3D gradient on the 2D mesh:", err)
	}
	if _, _, err := Meshgrid([]float64{0, 1}, []float64{0, 1}).GradOnGrid(func(g, w []float64) { g[0] = math.NaN() }); !errors.Is(err, ErrNotFinite) {
		t.Error("NaN gradient:", err)
	}
	if _, err := NewGrid([]float64{0, 1}, []float64{0}, []float64{math.NaN(), math.Inf(1)}); !errors.Is(err, ErrNotFinite) {
		t.Error(err)
	}
	if _, err := SampleGradient(nil, []float64{1}, []float64{1}, nil); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
	if _, err := SampleGradient(nil, []float64{1, 2}, []float64{1}, nil); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, err := SampleGradient(make([]float64, 1), []float64{1, 2}, []float64{1, 2}, nil); !errors.Is(err, ErrDimension) {
		t.Error(err)
	}
	if _, _, err := Meshgrid([]float64{1}, nil).GradOnGrid(gridBowlGrad); !errors.Is(err, ErrEmpty) {
		t.Error(err)
	}
}

// TestGridGradientNumpy compares with numpy's np.gradient itself when
// /usr/bin/python3 with numpy is available (skipped otherwise).
func TestGridGradientNumpy(t *testing.T) {
	const py = "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil || testing.Short() {
		t.Skip("no /usr/bin/python3")
	}
	rng := rand.New(rand.NewPCG(15, 16))
	g := gridRandom(rng, 6, 5)
	xs, _ := Arange(-10, 10, 0.8) // uniform-looking but float-rounded spacing
	slide, _ := Meshgrid(xs, xs).Eval(gridHimmel)
	for _, g := range []Grid{g, slide} {
		in, _ := json.Marshal(g)
		cmd := exec.Command(py, "-c", `
import json, sys, numpy as np
g = json.load(sys.stdin)
E = np.array(g["Values"]).reshape(len(g["Ys"]), len(g["Xs"]))
d0, d1 = np.gradient(E, np.array(g["Ys"]), np.array(g["Xs"]))
u0, u1 = np.gradient(E)
print(json.dumps([d1.ravel().tolist(), d0.ravel().tolist(), u0.ravel().tolist(), u1.ravel().tolist()]))
`)
		cmd.Stdin = strings.NewReader(string(in))
		cmd.Env = append(os.Environ(), "OPENBLAS_CORETYPE=", "OPENBLAS_L2_SIZE=")
		out, err := cmd.Output()
		if err != nil {
			t.Skipf("numpy not usable: %v", err)
		}
		var want [4][]float64
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		d1, d2, err := GridGradient(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		u0, u1, err := NumpyGradient(g, nil)
		if err != nil {
			t.Fatal(err)
		}
		gridCloseAll(t, "dE/dw1 vs numpy", d1.Values, want[0], 1e-12)
		gridCloseAll(t, "dE/dw2 vs numpy", d2.Values, want[1], 1e-12)
		gridCloseAll(t, "axis0 vs numpy", u0.Values, want[2], 1e-12)
		gridCloseAll(t, "axis1 vs numpy", u1.Values, want[3], 1e-12)
	}
}

func FuzzGridGradient(f *testing.F) {
	f.Add(uint8(3), uint8(2), []byte{1, 2, 3, 4, 5, 6, 7, 8}, 0.5)
	f.Add(uint8(1), uint8(1), []byte{}, 1.0)
	f.Add(uint8(0), uint8(4), []byte{255, 0, 17}, -2.0)
	f.Fuzz(func(t *testing.T, nc, nr uint8, data []byte, h float64) {
		nc, nr = nc%12, nr%12
		xs, ys := make([]float64, nc), make([]float64, nr)
		for i := range xs {
			xs[i] = float64(i) * h
		}
		for i := range ys {
			ys[i] = float64(i*i) + float64(i)*h // non-uniform when h is not 1
		}
		vals := make([]float64, int(nc)*int(nr))
		for i := range vals {
			if len(data) > 0 {
				vals[i] = float64(int(data[i%len(data)])-128) * (1 + float64(i%3))
			}
		}
		d1, d2, err := GridGradient(Grid{Xs: xs, Ys: ys, Values: vals}, nil)
		if err != nil {
			return
		}
		if len(d1.Values) != len(vals) || len(d2.Values) != len(vals) {
			t.Fatal("wrong output size")
		}
		// A grid of a plane a·w1 + b·w2 has gradient (a, b) everywhere
		// (for spacings whose products do not overflow or underflow).
		if a := math.Abs(h); a < 1e-50 || a > 1e50 {
			return
		}
		plane, err := Meshgrid(xs, ys).Eval(func(w1, w2 float64) float64 { return 3*w1 - 2*w2 })
		if err != nil {
			t.Fatal(err)
		}
		p1, p2, err := GridGradient(plane, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p1.Values {
			if math.Abs(p1.Values[i]-3) > 1e-6 || math.Abs(p2.Values[i]+2) > 1e-6 {
				t.Fatalf("plane gradient %g %g at %d (h=%g)", p1.Values[i], p2.Values[i], i, h)
			}
		}
		if _, _, err := NumpyGradient(Grid{Xs: xs, Ys: ys, Values: vals}, &GradientSettings{Spacing: []float64{h}}); err != nil && h != 0 && !math.IsNaN(h) && !math.IsInf(h, 0) {
			t.Fatal(err)
		}
	})
}

// Grid must satisfy gonum/plot's plotter.GridXYZ (copied here so that the
// numerics package does not import plot, even in tests).
var _ interface {
	Dims() (c, r int)
	Z(c, r int) float64
	X(c int) float64
	Y(r int) float64
} = Grid{}
