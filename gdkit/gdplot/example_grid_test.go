package gdplot_test

import (
	"fmt"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/plotter"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// The main path, the slide "Diagramas de contorno y gradientes": the grid of
// np.meshgrid, E on it, its gradient (np.gradient), the contour lines of E
// with the gradient as arrows, saved for the slides. One grid type,
// gdkit.Grid, goes from Meshgrid through GridGradient into Contour and
// NewQuiver.
func Example() {
	ws, err := gdkit.Arange(-10, 10, 0.8) // np.arange(-10, 10, 0.8): 25 points
	if err != nil {
		fmt.Println(err)
		return
	}
	E, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
	if err != nil {
		fmt.Println(err)
		return
	}
	dEdW1, dEdW2, err := gdkit.GridGradient(E, nil) // ∂E/∂w1, ∂E/∂w2 on the same grid
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := gdplot.Contour(E, []float64{25, 50, 75, 100, 125, 150, 175}, true)
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := gdplot.NewQuiver(dEdW1, dEdW2) // plt.quiver(W1, W2, dEdW1, dEdW2)
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Add(q)
	fmt.Printf("longest arrow one grid step (0.8): scale %.4f\n", q.EffectiveScale())

	fig := gdplot.Single(p).WithSize(16*gdplot.Cm, 16*gdplot.Cm)
	dir, err := os.MkdirTemp("", "gdplot")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	// SaveAll(base) writes base.png (200 DPI), base.svg and base.pdf;
	// in a notebook, nb.Show(fig) shows it.
	fmt.Println(fig.Save(filepath.Join(dir, "flechas.svg")))
	// Output:
	// longest arrow one grid step (0.8): scale 0.0295
	// <nil>
}

// plot_surface(W1, W2, E) with contourf on the floor of the box.
func ExampleNewSurface() {
	ws, _ := gdkit.Linspace(-1, 1, 3)
	E, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + w2*w2 })
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := gdplot.NewSurface(E)
	if err != nil {
		fmt.Println(err)
		return
	}
	s.XLabel, s.YLabel, s.ZLabel = "$w_1$", "$w_2$", "$E$"
	s.Azimuth, s.Elevation = -60, 30 // matplotlib's default view
	p := s.NewPlot("$E(w_1, w_2)$")  // save or show it like any plot
	gdplot.DefaultTheme.Apply(p)     // the theme's fonts and math text
	p.HideAxes()                     // the surface draws its own 3D axes
	fmt.Println(s.FloorLevels())
	// Output:
	// [0 0.25 0.5 0.75 1 1.25 1.5 1.75 2]
}

// plt.contourf(W1, W2, E) with plt.colorbar().
func ExampleColorBar() {
	ws, _ := gdkit.Linspace(-2, 2, 41)
	E, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return w1*w1 + 2*w2*w2 })
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := gdplot.FilledContour(E, 8)
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := E.MinMax()
	bar, err := gdplot.ColorBar(lo, hi, 8, "$E$")
	if err != nil {
		fmt.Println(err)
		return
	}
	fig := gdplot.Single(p)
	fig.Side = bar
	_, err = fig.Bytes(gdplot.PNG)
	fmt.Printf("E in [%g, %g], %v\n", lo, hi, err)
	// Output:
	// E in [0, 12], <nil>
}

// Labels of your own with math: plotter.Labels typeset by MathText, as the
// titles and legends of gdplot's figures are.
func ExampleMathText() {
	p := gdplot.New("Mínimos de $E$", "$w_1$", "$w_2$")
	lab, err := plotter.NewLabels(plotter.XYLabels{
		XYs:    plotter.XYs{{X: 3, Y: 2}, {X: -2.81, Y: 3.13}},
		Labels: []string{"$w^*_1$", "$w^*_2$"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Handler = gdplot.MathText{}
	}
	p.Add(lab)
	_, err = gdplot.Single(p).Bytes(gdplot.SVG)
	fmt.Println(err)
	// Output:
	// <nil>
}

// Arrows centred on their nodes (matplotlib's pivot="middle") instead of
// starting there: the arrow (2, 0) at (0, 0), with the scale 1, spans
// [-1, 1] instead of [0, 2].
func ExamplePivot() {
	at := []float64{0}
	u := gdkit.Grid{Xs: at, Ys: at, Values: []float64{2}}
	v := gdkit.Grid{Xs: at, Ys: at, Values: []float64{0}}
	q, err := gdplot.NewQuiver(u, v)
	if err != nil {
		fmt.Println(err)
		return
	}
	q.Scale = 1
	xmin, xmax, _, _ := q.DataRange()
	fmt.Println("tail on the node:", xmin, xmax)
	q.Pivot = gdplot.PivotMiddle
	xmin, xmax, _, _ = q.DataRange()
	fmt.Println("middle on the node:", xmin, xmax)
	// Output:
	// tail on the node: 0 2
	// middle on the node: -1 1
}
