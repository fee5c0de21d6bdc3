package main

// Figures of notebooks/07_no_convexas.ipynb (slide "Funciones no convexas"),
// built with the same calls and parameters as the notebook's cells.

import (
	"fmt"
	"math"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

func init() {
	register("07-no-convexa-1d-inicios", nb07QuarticPanels)
	register("07-no-convexa-himmelblau", nb07HimmelPaths)
	register("07-himmelblau-cuencas", nb07HimmelBasins)
	register("07-red-tanh-minimos", nb07NetFits)
}

var (
	nb07Quartic       = funcs.Quartic()
	nb07QuarticStarts = []float64{-2, 0.1, 0.25, 2}
	nb07Himmel        = funcs.Himmelblau()
	nb07HimmelStarts  = [][]float64{{0, 0}, {-1, 0}, {-1, -1}, {1, -1}, {4, 4}, {-4, -4}}
)

func nb07RunQuartic(w0 float64) (*gdkit.Trace, error) {
	return gdkit.Descend1D(nb07Quartic.F, nb07Quartic.Deriv, w0, &gdkit.DescentSettings{Alpha: 0.05, MaxIter: 200, GradTol: 1e-6})
}

func nb07WhichMin1D(w float64) string {
	if math.Abs(w-nb07Quartic.Minima[0]) < math.Abs(w-nb07Quartic.Minima[1]) {
		return "global"
	}
	return "local"
}

func nb07QuarticPanels() (*gdplot.Figure, error) {
	var runs []gdplot.Run1D
	for _, w0 := range nb07QuarticStarts {
		tr, err := nb07RunQuartic(w0)
		if err != nil {
			return nil, err
		}
		runs = append(runs, gdplot.Run1D{
			Label: fmt.Sprintf("$w_0$ = %g → mínimo %s", w0, nb07WhichMin1D(tr.Final()[0])),
			Ws:    tr.Path1D(), Es: tr.Es(),
		})
	}
	return gdplot.AlphaPanels(nb07Quartic.F, -2.2, 2.2, runs)
}

func nb07RunHimmel(w0 []float64) (*gdkit.Trace, error) {
	return gdkit.Descend(nb07Himmel.Problem(), w0, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 2000, GradTol: 1e-6})
}

func nb07HimmelPaths() (*gdplot.Figure, error) {
	ws, err := gdkit.Linspace(-5, 5, 101)
	if err != nil {
		return nil, err
	}
	g, err := gdkit.Meshgrid(ws, ws).Eval(nb07Himmel.E)
	if err != nil {
		return nil, err
	}
	levels := []float64{0.5, 2, 5, 10, 20, 40, 80, 150, 250, 400}
	var paths [][][2]float64
	for _, w0 := range nb07HimmelStarts {
		tr, err := nb07RunHimmel(w0)
		if err != nil {
			return nil, err
		}
		w1, w2 := tr.Column(0), tr.Column(1)
		path := make([][2]float64, len(w1))
		for i := range w1 {
			path[i] = [2]float64{w1[i], w2[i]}
		}
		paths = append(paths, path)
	}
	p, err := gdplot.MultiStart(g, levels, paths)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "Himmelblau: 6 inicios, 4 mínimos"
	return gdplot.Single(p), nil
}

func nb07HimmelBasins() (*gdplot.Figure, error) {
	ws, err := gdkit.Linspace(-5, 5, 51)
	if err != nil {
		return nil, err
	}
	s := &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 2000, GradTol: 1e-6}
	basins, err := gdkit.Meshgrid(ws, ws).Basins(nb07Himmel.Problem(), nb07Himmel.Minima, s)
	if err != nil {
		return nil, err
	}
	fine, err := gdkit.Linspace(-5, 5, 101)
	if err != nil {
		return nil, err
	}
	g, err := gdkit.Meshgrid(fine, fine).Eval(nb07Himmel.E)
	if err != nil {
		return nil, err
	}
	p, err := gdplot.Basins(basins, g, []float64{0.5, 5, 20, 80, 250}, nb07Himmel.Minima)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "Cuencas de los 4 mínimos ($\\alpha$ = 0.01)"
	return gdplot.Single(p), nil
}

func nb07TanhNet() (*gdkit.Model, error) {
	x, y, err := datasets.PlateauData(gdkit.NewRand(7), 40, 0.1)
	if err != nil {
		return nil, err
	}
	d, err := gdkit.NewData(x, y, len(x), 1)
	if err != nil {
		return nil, err
	}
	return gdkit.NewModel(gdkit.TanhNetLoss{}, d)
}

func nb07RunNet(m *gdkit.Model, seed uint64) (w0 []float64, tr *gdkit.Trace, err error) {
	w0, err = gdkit.RandomW0(gdkit.NewRand(seed), 3, -2, 2)
	if err != nil {
		return nil, nil, err
	}
	tr, err = gdkit.Descend(m.Problem(), w0, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 20000, GradTol: 1e-5})
	return w0, tr, err
}

func nb07NetFits() (*gdplot.Figure, error) {
	m, err := nb07TanhNet()
	if err != nil {
		return nil, err
	}
	var fits []gdplot.Curve
	var curves []gdplot.Series
	for _, seed := range []uint64{1, 2} {
		_, tr, err := nb07RunNet(m, seed)
		if err != nil {
			return nil, err
		}
		w := tr.Final()
		label := fmt.Sprintf("semilla %d: $E$ = %.4f", seed, tr.FinalE())
		fits = append(fits, gdplot.Curve{Label: label, F: func(x float64) float64 { return m.Predict(w, []float64{x}) }})
		es := tr.Es()
		curves = append(curves, gdplot.Series{Label: label, Y: es[:min(len(es), 1001)]})
	}
	fit, err := gdplot.FitCurves(m.Data.X, m.Data.Y, fits...)
	if err != nil {
		return nil, err
	}
	fit.Title.Text = "Ajuste de $v$ tanh($a x$ + $b$)"
	fit.Legend.Top, fit.Y.Min, fit.Y.Max = true, -0.6, 3.2
	loss, err := gdplot.LossCurve(false, curves...)
	if err != nil {
		return nil, err
	}
	loss.Title.Text = "Error: primeras 1000 iteraciones"
	return gdplot.Panels(fit, loss), nil
}
