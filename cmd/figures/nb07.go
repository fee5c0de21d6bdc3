package main

// Figures of notebooks/07_no_convexas.ipynb (slide "Funciones no convexas"),
// built with the same calls and parameters as the notebook's cells.

import (
	"fmt"
	"image/color"
	"math"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
	"gonum.org/v1/plot/plotter"
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
	p := gdkit.Problem{E: nb07Himmel.F, Grad: nb07Himmel.Grad, Dim: 2}
	return gdkit.Descend(p, w0, &gdkit.DescentSettings{Alpha: 0.01, MaxIter: 2000, GradTol: 1e-6})
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

func nb07WhichMin2D(w []float64) int {
	best, dBest := 0, math.Inf(1)
	for k, m := range nb07Himmel.Minima {
		if d := math.Hypot(w[0]-m[0], w[1]-m[1]); d < dBest {
			best, dBest = k, d
		}
	}
	return best + 1
}

// nb07BasinColors is a palette.Palette with one light colour per minimum.
type nb07BasinColors []color.Color

func (c nb07BasinColors) Colors() []color.Color { return c }

// nb07Lighten mixes c with white: f = 0 keeps c, f = 1 gives white.
func nb07Lighten(c color.Color, f float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8) + f*(255-float64(v>>8))) }
	return color.RGBA{mix(r), mix(g), mix(b), 255}
}

func nb07HimmelBasins() (*gdplot.Figure, error) {
	ws, err := gdkit.Linspace(-5, 5, 51)
	if err != nil {
		return nil, err
	}
	var reached []float64
	for _, w2 := range ws {
		for _, w1 := range ws {
			tr, err := nb07RunHimmel([]float64{w1, w2})
			if err != nil {
				return nil, err
			}
			reached = append(reached, float64(nb07WhichMin2D(tr.Final())))
		}
	}
	basins, err := gdkit.NewGrid(ws, ws, reached)
	if err != nil {
		return nil, err
	}
	th := gdplot.DefaultTheme
	var pal nb07BasinColors
	for _, i := range []int{0, 1, 3, 4} {
		pal = append(pal, nb07Lighten(th.Color(i), 0.55))
	}
	p := gdplot.New("Cuencas de los 4 mínimos ($\\alpha$ = 0.01)", "$w_1$", "$w_2$")
	hm := plotter.NewHeatMap(basins, pal)
	hm.Rasterized = true
	p.Add(hm)
	fine, err := gdkit.Linspace(-5, 5, 101)
	if err != nil {
		return nil, err
	}
	g, err := gdkit.Meshgrid(fine, fine).Eval(nb07Himmel.E)
	if err != nil {
		return nil, err
	}
	if _, err := gdplot.AddContourLines(p, g, []float64{0.5, 5, 20, 80, 250}); err != nil {
		return nil, err
	}
	var mins plotter.XYLabels
	for k, m := range nb07Himmel.Minima {
		mins.XYs = append(mins.XYs, plotter.XY{X: m[0], Y: m[1]})
		mins.Labels = append(mins.Labels, fmt.Sprint(k+1))
	}
	labels, err := plotter.NewLabels(mins)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Font.Size = th.LabelSize
		labels.TextStyle[i].XAlign, labels.TextStyle[i].YAlign = -0.5, -0.5
	}
	p.Add(&gdplot.BoxedLabels{Labels: labels})
	gdplot.EqualAspect(p)
	return gdplot.Single(p), nil
}

// nb07PlateauData is the notebook's "meseta": y = tanh(3(x+2)) − tanh(3(x−0.5)) + noise.
func nb07PlateauData() (x, y []float64) {
	rng := gdkit.NewRand(7)
	n := 40
	x, y = make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = -3 + 6*float64(i)/float64(n-1)
		y[i] = math.Tanh(3*(x[i]+2)) - math.Tanh(3*(x[i]-0.5)) + 0.1*rng.NormFloat64()
	}
	return x, y
}

func nb07TanhNet() (*gdkit.Model, error) {
	x, y := nb07PlateauData()
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
	x, y := nb07PlateauData()
	th := gdplot.DefaultTheme
	fit := gdplot.New("Ajuste de $v$ tanh($a x$ + $b$)", "$x$", "$y$")
	xys := make(plotter.XYs, len(x))
	for i := range x {
		xys[i].X, xys[i].Y = x[i], y[i]
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle.Radius = th.MarkerRadius
	sc.GlyphStyle.Color = th.Guide(nil).Color
	fit.Add(sc)
	fit.Legend.Add("datos", sc)
	fit.Y.Min, fit.Y.Max = -0.6, 3.2
	var curves []gdplot.Series
	for i, seed := range []uint64{1, 2} {
		_, tr, err := nb07RunNet(m, seed)
		if err != nil {
			return nil, err
		}
		w := tr.Final()
		f := plotter.NewFunction(func(x float64) float64 { return m.Predict(w, []float64{x}) })
		f.LineStyle = th.Line(i)
		f.Samples = 200
		fit.Add(f)
		label := fmt.Sprintf("semilla %d: $E$ = %.4f", seed, tr.FinalE())
		fit.Legend.Add(label, f)
		es := tr.Es()
		curves = append(curves, gdplot.Series{Label: label, Y: es[:min(len(es), 1001)]})
	}
	fit.Legend.Top = true
	loss, err := gdplot.LossCurve(false, curves...)
	if err != nil {
		return nil, err
	}
	loss.Title.Text = "Error: primeras 1000 iteraciones"
	return gdplot.Panels(fit, loss), nil
}
