package gdkit_test

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gonum.org/v1/gonum/diff/fd"
)

func mustData(t testing.TB, x, y []float64, n, d int) *gdkit.Data {
	t.Helper()
	data, err := gdkit.NewData(x, y, n, d)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestModelGradients compares every analytic gradient with gonum's central
// finite differences (step 1e-5, error O(h²) ≈ 1e-10·E”') at random points.
func TestModelGradients(t *testing.T) {
	rng := gdkit.NewRand(3)
	const n, d = 40, 3
	xl, yl, err := datasets.LinearData(rng, n, []float64{1, -2, 0.5}, 0.3, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	xc, yc, err := datasets.TwoClassData(rng, n, d, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	lin := mustData(t, xl, yl, n, d)
	cls := mustData(t, xc, yc, n, d)
	mk := func(m *gdkit.Model, err error) *gdkit.Model {
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	models := []struct {
		name string
		m    *gdkit.Model
	}{
		{"linreg", mk(gdkit.NewModel(gdkit.SquaredLoss{}, lin))},
		{"logreg", mk(gdkit.NewModel(gdkit.LogisticLoss{}, cls))},
		{"svm", mk(gdkit.NewModel(gdkit.HingeLoss{Lambda: 0.1}, cls))},
		{"tanhnet", mk(gdkit.NewModel(gdkit.TanhNetLoss{}, lin))},
	}
	settings := &fd.Settings{Formula: fd.Central, Step: 1e-5}
	for _, c := range models {
		for trial := 0; trial < 5; trial++ {
			w, _ := gdkit.RandomW0(rng, c.m.Dim(), -1, 1)
			got := make([]float64, len(w))
			c.m.Grad(got, w)
			want := fd.Gradient(nil, c.m.E, w, settings)
			for j := range w {
				if math.Abs(got[j]-want[j]) > 1e-7*math.Max(1, math.Abs(want[j])) {
					t.Errorf("%s trial %d: ∂E/∂w%d = %v, central difference %v", c.name, trial, j, got[j], want[j])
				}
			}
		}
	}
}

// TestHingeKink: at margin exactly 1 the documented subgradient is 0 (plus
// λw), just below it is −s(x,1).
func TestHingeKink(t *testing.T) {
	h := gdkit.HingeLoss{}
	g := make([]float64, 2)
	// x = 1, y = +1, w = (1, 0): z = 1, margin 1.
	if l := h.AddRowGrad(g, []float64{1, 0}, []float64{1}, 1); l != 0 || g[0] != 0 || g[1] != 0 {
		t.Errorf("at the kink: loss %v, g %v; want 0, (0, 0)", l, g)
	}
	// w = (0.5, 0): margin 0.5, loss 0.5, subgradient −(x, 1) = (−1, −1).
	if l := h.AddRowGrad(g, []float64{0.5, 0}, []float64{1}, 1); l != 0.5 || g[0] != -1 || g[1] != -1 {
		t.Errorf("inside the margin: loss %v, g %v", l, g)
	}
	// Label 0 is read as −1: x = 1, w = (0.5, 0): margin −0.5, loss 1.5, g = +(x, 1).
	clear(g)
	if l := h.AddRowGrad(g, []float64{0.5, 0}, []float64{1}, 0); l != 1.5 || g[0] != 1 || g[1] != 1 {
		t.Errorf("label 0: loss %v, g %v", l, g)
	}
	// λ = 2 adds λw₁…d = (1, ·) and (λ/2)‖w₁‖² = 0.25 at w = (0.5, 0), margin ≥ 1 (y=1, x=4 → z=2).
	clear(g)
	if l := (gdkit.HingeLoss{Lambda: 2}).AddRowGrad(g, []float64{0.5, 0}, []float64{4}, 1); l != 0.25 || g[0] != 1 || g[1] != 0 {
		t.Errorf("λ: loss %v, g %v", l, g)
	}
}

// TestLogisticStable: for z = ±1000 the loss log(1+e^z) − yz must be finite:
// y=0, z=1000 → 1000; y=1, z=1000 → 0; y=1, z=−1000 → 1000.
func TestLogisticStable(t *testing.T) {
	l := gdkit.LogisticLoss{}
	cases := []struct{ z, y, want, grad float64 }{
		{1000, 0, 1000, 1}, {1000, 1, 0, 0}, {-1000, 1, 1000, -1}, {0, 1, math.Ln2, -0.5},
	}
	for _, c := range cases {
		g := make([]float64, 2)
		got := l.AddRowGrad(g, []float64{c.z, 0}, []float64{1}, c.y)
		if math.Abs(got-c.want) > 1e-12 || math.Abs(g[0]-c.grad) > 1e-12 || math.Abs(l.RowLoss([]float64{c.z, 0}, []float64{1}, c.y)-c.want) > 1e-12 {
			t.Errorf("z=%v y=%v: loss %v grad %v, want %v %v", c.z, c.y, got, g[0], c.want, c.grad)
		}
	}
	if p := l.Predict([]float64{1, 0}, []float64{-800}); p != 0 {
		t.Errorf("σ(−800) = %v", p)
	}
}

func TestModelBadData(t *testing.T) {
	nan := math.NaN()
	dataErr := []struct {
		name string
		x, y []float64
		n, d int
		want error
	}{
		{"empty", nil, nil, 0, 1, gdkit.ErrEmpty},
		{"x len", []float64{1, 2, 3}, []float64{1, 2}, 2, 2, gdkit.ErrDimension},
		{"y len", []float64{1, 2}, []float64{1}, 2, 1, gdkit.ErrDimension},
		{"NaN x", []float64{1, nan}, []float64{1, 2}, 2, 1, gdkit.ErrNotFinite},
		{"Inf y", []float64{1, 2}, []float64{1, math.Inf(1)}, 2, 1, gdkit.ErrNotFinite},
	}
	for _, c := range dataErr {
		if _, err := gdkit.NewData(c.x, c.y, c.n, c.d); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	x := []float64{1, 2, 3}
	modelErr := []struct {
		name string
		mk   func(*gdkit.Data) (*gdkit.Model, error)
		y    []float64
	}{
		{"logreg label 2", func(d *gdkit.Data) (*gdkit.Model, error) { return gdkit.NewModel(gdkit.LogisticLoss{}, d) }, []float64{0, 1, 2}},
		{"logreg label -1", func(d *gdkit.Data) (*gdkit.Model, error) { return gdkit.NewModel(gdkit.LogisticLoss{}, d) }, []float64{0, 1, -1}},
		{"svm label 0.5", func(d *gdkit.Data) (*gdkit.Model, error) { return gdkit.NewModel(gdkit.HingeLoss{Lambda: 0}, d) }, []float64{1, -1, 0.5}},
		{"svm mixes 0 and -1", func(d *gdkit.Data) (*gdkit.Model, error) { return gdkit.NewModel(gdkit.HingeLoss{Lambda: 0}, d) }, []float64{1, -1, 0}},
		{"svm λ<0", func(d *gdkit.Data) (*gdkit.Model, error) { return gdkit.NewModel(gdkit.HingeLoss{Lambda: -1}, d) }, []float64{1, -1, 1}},
	}
	for _, c := range modelErr {
		if _, err := c.mk(mustData(t, x, c.y, 3, 1)); !errors.Is(err, gdkit.ErrBadParam) {
			t.Errorf("%s: err = %v", c.name, err)
		}
	}
	if _, err := gdkit.NewModel(gdkit.SquaredLoss{}, nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("nil data: %v", err)
	}
	if _, err := gdkit.NewModel(nil, mustData(t, x, []float64{1, 2, 3}, 3, 1)); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("nil loss: %v", err)
	}
	if _, err := gdkit.NewModel(gdkit.SquaredLoss{}, mustData(t, x, []float64{1, 2, 3}, 3, 1)); err != nil {
		t.Errorf("valid model: %v", err)
	}
	// A data set whose slices were changed after NewData is caught by NewModel.
	d := mustData(t, []float64{1, 2}, []float64{1, 2}, 2, 1)
	d.X[1] = nan
	if _, err := gdkit.NewModel(gdkit.SquaredLoss{}, d); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Errorf("NaN introduced after NewData: %v", err)
	}
	// Wrong w length: E and Grad panic with ErrDimension (documented), Descend refuses w0.
	m, _ := gdkit.NewModel(gdkit.SquaredLoss{}, mustData(t, []float64{1, 2}, []float64{1, 2}, 2, 1))
	lg, _ := gdkit.NewModel(gdkit.LogisticLoss{}, mustData(t, []float64{1, 2}, []float64{0, 1}, 2, 1))
	for name, call := range map[string]func(){
		"E(len 1)":            func() { m.E([]float64{1}) },
		"Grad(len 3 w)":       func() { m.Grad(make([]float64, 2), []float64{1, 2, 3}) },
		"Grad(len 3 dst)":     func() { m.Grad(make([]float64, 3), []float64{1, 2}) },
		"logistic E(len 3)":   func() { lg.E([]float64{1, 2, 3}) },
		"logistic Grad(len1)": func() { lg.Grad(make([]float64, 1), []float64{1}) },
	} {
		if err := recoverErr(call); !errors.Is(err, gdkit.ErrDimension) {
			t.Errorf("%s: recovered %v, want an ErrDimension panic", name, err)
		}
	}
	if _, err := gdkit.Descend(m.Problem(), []float64{1, 2, 3}, &gdkit.DescentSettings{Alpha: 0.1}); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("Descend wrong w0: %v", err)
	}
	if _, err := lg.Accuracy([]float64{1}); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("Accuracy wrong w: %v", err)
	}
	if _, err := m.Accuracy([]float64{1, 2}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("Accuracy of a regression: %v", err)
	}
}

// recoverErr calls f and returns the error it panics with (nil if none).
func recoverErr(f func()) (err error) {
	defer func() { err, _ = recover().(error) }()
	f()
	return nil
}

// TestTanhNetNonConvex: the network's E is symmetric, E(a,b,v) = E(−a,−b,−v),
// and descents from mirrored starting points end at mirrored minima.
func TestTanhNetNonConvex(t *testing.T) {
	rng := gdkit.NewRand(11)
	x, y, _ := datasets.LinearData(rng, 50, []float64{1}, 0, 0.05)
	for i := range y {
		y[i] = 2 * math.Tanh(1.5*x[i]+0.3)
	}
	m, err := gdkit.NewModel(gdkit.TanhNetLoss{}, mustData(t, x, y, 50, 1))
	if err != nil {
		t.Fatal(err)
	}
	opt := &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 4000, GradTol: 1e-9}
	a, err := gdkit.Descend(m.Problem(), []float64{0.5, 0.1, 0.5}, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := gdkit.Descend(m.Problem(), []float64{-0.5, -0.1, -0.5}, opt)
	if err != nil {
		t.Fatal(err)
	}
	wa, wb := a.Final(), b.Final()
	for j := range wa {
		if math.Abs(wa[j]+wb[j]) > 1e-9 || math.Abs(wa[j]-wb[j]) < 0.1 {
			t.Errorf("minima %v and %v are not mirror images", wa, wb)
		}
	}
	// The data were made with (1.5, 0.3, 2): one of the two minima is it.
	if math.Abs(wa[0]-1.5) > 1e-3 || math.Abs(wa[1]-0.3) > 1e-3 || math.Abs(wa[2]-2) > 1e-3 {
		t.Errorf("minimum %v, want (1.5, 0.3, 2)", wa)
	}
}

// TestAccuracy: x = (−2, −1, 1, 2), labels (0, 0, 1, 0); the classifier
// with z = x (w = (1, 0)) gets rows 0, 1, 2 right and row 3 wrong: 3/4.
func TestAccuracy(t *testing.T) {
	x := []float64{-2, -1, 1, 2}
	y := []float64{0, 0, 1, 0}
	data := mustData(t, x, y, 4, 1)
	lr, _ := gdkit.NewModel(gdkit.LogisticLoss{}, data)
	svm, _ := gdkit.NewModel(gdkit.HingeLoss{Lambda: 0}, data)
	for _, m := range []*gdkit.Model{lr, svm} {
		if a, err := m.Accuracy([]float64{1, 0}); err != nil || a != 0.75 {
			t.Errorf("%s: accuracy %v, %v; want 0.75", m.Loss.Name(), a, err)
		}
		if _, err := m.Accuracy([]float64{1}); err == nil {
			t.Errorf("%s: wrong length accepted", m.Loss.Name())
		}
	}
	lin, _ := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	if _, err := lin.Accuracy([]float64{1, 0}); err == nil {
		t.Error("accuracy of a regression accepted")
	}
}
