package gdplot_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

func TestBasins(t *testing.T) {
	h := funcs.Himmelblau()
	ws, _ := gdkit.Linspace(-5, 5, 11)
	mesh := gdkit.Meshgrid(ws, ws)
	b, err := mesh.Basins(h.Problem(), h.Minima, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 2000, GradTol: 1e-6})
	if err != nil {
		t.Fatal(err)
	}
	E, _ := mesh.Eval(h.E)
	p, err := gdplot.Basins(b, E, []float64{0.5, 5, 20, 80, 250}, h.Minima)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gdplot.Single(p).Bytes(gdplot.PNG); err != nil {
		t.Fatal(err)
	}
	bad := b
	bad.Values = append([]float64(nil), b.Values...)
	bad.Values[3] = 7
	if _, err := gdplot.Basins(bad, E, []float64{1}, h.Minima); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("a value above the number of minima: %v", err)
	}
	if _, err := gdplot.Basins(b, E, []float64{1}, nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("no minima: %v", err)
	}
}

func TestSubgradientsFitCurves(t *testing.T) {
	hinge := func(m float64) float64 { return math.Max(0, 1-m) }
	p, err := gdplot.Subgradients(hinge, -1, 3, 1, []float64{-1, -0.5, 0}, []string{"izquierda"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gdplot.Single(p).Bytes(gdplot.PNG); err != nil {
		t.Fatal(err)
	}
	if _, err := gdplot.Subgradients(hinge, 1, 1, 1, nil, nil); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("empty interval: %v", err)
	}
	if _, err := gdplot.Subgradients(math.Log, -1, 1, -1, nil, nil); !errors.Is(err, gdkit.ErrNotFinite) {
		t.Errorf("f(x0) = NaN: %v", err)
	}
	x, y := []float64{0, 1, 2}, []float64{0, 1, 4}
	q, err := gdplot.FitCurves(x, y, gdplot.Curve{Label: "x²", F: func(x float64) float64 { return x * x }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gdplot.Single(q).Bytes(gdplot.PNG); err != nil {
		t.Fatal(err)
	}
	if _, err := gdplot.FitCurves(x, y[:2]); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("ragged data: %v", err)
	}
	if _, err := gdplot.FitCurves(x, y, gdplot.Curve{}); !errors.Is(err, gdkit.ErrBadParam) {
		t.Errorf("nil curve: %v", err)
	}
}

// The hinge loss max(0, 1 − m) with three subgradient lines through its
// kink at m = 1.
func ExampleSubgradients() {
	hinge := func(m float64) float64 { return math.Max(0, 1-m) }
	p, err := gdplot.Subgradients(hinge, -1, 3, 1, []float64{-1, -0.5, 0}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Title.Text = "Bisagra: quiebre en $m$ = 1"
	_, err = gdplot.Single(p).Bytes(gdplot.SVG)
	fmt.Println(err)
	// Output: <nil>
}
