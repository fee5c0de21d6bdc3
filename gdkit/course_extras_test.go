package gdkit_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

func TestLeastSquares(t *testing.T) {
	// y = 2x + 1 exactly, and with residuals whose closed form is known:
	// for x = (0, 1, 2), y = (1, 2, 4): slope 1.5, intercept 5/6.
	for _, c := range []struct {
		x, y  []float64
		wantW []float64
	}{
		{[]float64{0, 1, 2, 3}, []float64{1, 3, 5, 7}, []float64{2, 1}},
		{[]float64{0, 1, 2}, []float64{1, 2, 4}, []float64{1.5, 5.0 / 6}},
	} {
		d, err := gdkit.NewData(c.x, c.y, len(c.y), 1)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, d)
		w, err := m.LeastSquares()
		if err != nil {
			t.Fatal(err)
		}
		for j := range w {
			if math.Abs(w[j]-c.wantW[j]) > 1e-12 {
				t.Errorf("w = %v, want %v", w, c.wantW)
			}
		}
		// The gradient vanishes at the least-squares point.
		g := make([]float64, 2)
		m.Grad(g, w)
		if math.Hypot(g[0], g[1]) > 1e-12 {
			t.Errorf("∇E at the least-squares point = %v", g)
		}
	}
	// Repeated feature: no unique minimum. Logistic loss: no closed form.
	rep, _ := gdkit.NewData([]float64{1, 1, 2, 2, 3, 3}, []float64{1, 2, 3}, 3, 2)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, rep)
	if _, err := m.LeastSquares(); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("collinear columns: err = %v, want ErrBadParam", err)
	}
	cls, _ := gdkit.NewData([]float64{1, 2, 3}, []float64{0, 1, 1}, 3, 1)
	lg, _ := gdkit.NewModel(gdkit.LogisticLoss{}, cls)
	if _, err := lg.LeastSquares(); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("logistic: err = %v, want ErrBadParam", err)
	}
	var nilModel *gdkit.Model
	if _, err := nilModel.LeastSquares(); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("nil model: err = %v", err)
	}
	if got := cls.ClassCounts(); got[0] != 1 || got[1] != 2 || len(got) != 2 {
		t.Errorf("ClassCounts = %v", got)
	}
}

func TestGap(t *testing.T) {
	// E = w² from w0 = 1 with α = 0.25: E_k = 0.25^k, so the gap to 0 halves
	// twice per step until it reaches the round-off floor 1e-14.
	p := gdkit.Problem{E: func(w []float64) float64 { return w[0] * w[0] },
		Grad: func(g, w []float64) { g[0] = 2 * w[0] }, Dim: 1}
	tr, err := gdkit.Descend(p, []float64{1}, &gdkit.DescentSettings{Alpha: 0.25, MaxIter: 60})
	if err != nil {
		t.Fatal(err)
	}
	g := tr.Gap(0)
	if len(g) != 24 || g[0] != 1 || g[1] != 0.25 { // 0.25^23 ≈ 1.4e-14 > 1e-14 ≥ 0.25^24
		t.Errorf("Gap: %d values starting %v, want 24 starting 1, 0.25", len(g), g[:2])
	}
	if g := tr.Gap(-1); len(g) != tr.Len() || g[0] != 2 {
		t.Errorf("a gap that never closes keeps every value: %d of %d", len(g), tr.Len())
	}
}

func TestBasins(t *testing.T) {
	// E = (w1² − 1)² + w2²: minima (−1, 0) and (1, 0), basins split by the
	// sign of w1; w1 = 0 is the ridge, where the gradient in w1 vanishes and
	// descent goes to (0, 0), not a minimum: 0 there.
	p := gdkit.Problem{
		E: func(w []float64) float64 { return (w[0]*w[0]-1)*(w[0]*w[0]-1) + w[1]*w[1] },
		Grad: func(g, w []float64) {
			g[0] = 4 * w[0] * (w[0]*w[0] - 1)
			g[1] = 2 * w[1]
		}, Dim: 2}
	mesh := gdkit.Meshgrid([]float64{-1.5, -0.5, 0, 0.5, 1.5}, []float64{-1, 1})
	s := &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 2000, GradTol: 1e-8}
	g, err := mesh.Basins(p, [][2]float64{{-1, 0}, {1, 0}}, s)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1, 1, 0, 2, 2, 1, 1, 0, 2, 2}
	for i, v := range g.Values {
		if v != want[i] {
			t.Fatalf("Basins = %v, want %v", g.Values, want)
		}
	}
	if _, err := mesh.Basins(gdkit.Problem{Dim: 3}, [][2]float64{{0, 0}}, s); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("Dim 3: %v", err)
	}
	if _, err := mesh.Basins(p, nil, s); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("no minima: %v", err)
	}
	if _, err := mesh.Basins(p, [][2]float64{{0, 0}}, &gdkit.DescentSettings{Alpha: -1}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("bad α: %v", err)
	}
}

func TestMaxDiff(t *testing.T) {
	xs := []float64{0, 1, 2}
	a, _ := gdkit.NewGrid(xs, xs, []float64{0, 0, 0, 0, 0, 0, 0, 0, 0})
	b, _ := gdkit.NewGrid(xs, xs, []float64{0.5, 0, 0, 0, 0.25, 0, 0, 0, -2})
	in, edge, err := a.MaxDiff(b)
	if err != nil || in != 0.25 || edge != 2 {
		t.Errorf("MaxDiff = %v, %v, %v; want 0.25, 2", in, edge, err)
	}
	c, _ := gdkit.NewGrid(xs[:2], xs, []float64{0, 0, 0, 0, 0, 0})
	if _, _, err := a.MaxDiff(c); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("3×3 vs 3×2: %v", err)
	}
}

// The closed-form minimum of the slide's kind of table: a line through
// (0, 1), (1, 2), (2, 4) by least squares, where descent also ends up.
func ExampleModel_LeastSquares() {
	data, _ := gdkit.NewData([]float64{0, 1, 2}, []float64{1, 2, 4}, 3, 1)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	w, _ := m.LeastSquares()
	fmt.Printf("w1 = %.4f, b = %.4f, E = %.4f\n", w[0], w[1], m.E(w))
	tr, _ := gdkit.Descend(m.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.1, GradTol: 1e-10})
	fmt.Printf("descent: w1 = %.4f, b = %.4f after %d iterations\n", tr.Final()[0], tr.Final()[1], tr.Iterations())
	// Output:
	// w1 = 1.5000, b = 0.8333, E = 0.0556
	// descent: w1 = 1.5000, b = 0.8333 after 363 iterations
}

// Which minimum each start reaches: E = (w1² − 1)² + w2² has minima at
// (−1, 0) and (1, 0); starts left of the ridge w1 = 0 reach the first.
func ExampleMesh_Basins() {
	p := gdkit.Problem{
		E: func(w []float64) float64 { return (w[0]*w[0]-1)*(w[0]*w[0]-1) + w[1]*w[1] },
		Grad: func(g, w []float64) {
			g[0] = 4 * w[0] * (w[0]*w[0] - 1)
			g[1] = 2 * w[1]
		}, Dim: 2}
	mesh := gdkit.Meshgrid([]float64{-1.5, -0.5, 0.5, 1.5}, []float64{0.5})
	g, _ := mesh.Basins(p, [][2]float64{{-1, 0}, {1, 0}}, &gdkit.DescentSettings{Alpha: 0.05, GradTol: 1e-8})
	fmt.Println(g.Values)
	// Output:
	// [1 1 2 2]
}

func TestEpochTraceElapsedGap(t *testing.T) {
	d, _ := gdkit.NewData([]float64{0, 1, 2, 3}, []float64{1, 3, 5, 7}, 4, 1)
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, d)
	tr, err := gdkit.SGD(m, []float64{0, 0}, &gdkit.SGDSettings{Alpha: 0.05, Epochs: 3, FullE: true})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Elapsed <= 0 {
		t.Errorf("Elapsed = %v, want > 0", tr.Elapsed)
	}
	if g, e := tr.Gap(0), tr.FullE(); len(g) != len(e) || g[0] != e[0] {
		t.Errorf("Gap(0) = %v, FullE = %v", g, e)
	}
}

func TestPath2D(t *testing.T) {
	p := gdkit.Problem{E: func(w []float64) float64 { return w[0]*w[0] + w[1]*w[1] },
		Grad: func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] }, Dim: 2}
	tr, _ := gdkit.Descend(p, []float64{1, -2}, &gdkit.DescentSettings{Alpha: 0.25, MaxIter: 2})
	got := tr.Path2D()
	want := [][2]float64{{1, -2}, {0.5, -1}, {0.25, -0.5}}
	if len(got) != len(want) || got[1] != want[1] || got[2] != want[2] || got[0] != want[0] {
		t.Errorf("Path2D = %v, want %v", got, want)
	}
	tr1, _ := gdkit.Descend1D(func(w float64) float64 { return w * w }, func(w float64) float64 { return 2 * w }, 1,
		&gdkit.DescentSettings{Alpha: 0.25, MaxIter: 2})
	if tr1.Path2D() != nil {
		t.Error("Path2D of a 1D run: want nil")
	}
}
