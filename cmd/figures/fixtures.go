package main

import (
	"math"

	"gdkit.dev/gdkit/gdplot"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// lintFixtures are figures that each break one rule of gdplot.Lint, so
// that `go run ./cmd/figures -lint -fixtures` shows every check failing
// (and the tests make sure each one does). check names the rule.
var lintFixtures = []struct {
	name, check string
	build       func() (*gdplot.Figure, error)
}{
	{"fixture-overlap", "overlap", fixtureOverlap},
	{"fixture-off-canvas", "off-canvas", fixtureOffCanvas},
	{"fixture-ticks", "ticks", fixtureTicks},
	{"fixture-non-finite", "non-finite", fixtureNonFinite},
}

// fixturePlot is a themed plot of y = x² on [0, 4].
func fixturePlot() (*plot.Plot, error) {
	p := gdplot.New("Fixture", "$x$", "$y$")
	xys := make(plotter.XYs, 41)
	for i := range xys {
		x := float64(i) / 10
		xys[i] = plotter.XY{X: x, Y: x * x}
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	p.Add(l)
	return p, nil
}

// fixtureOverlap writes two labels on the same point with gonum's
// plotter.Labels, which knows nothing of the layout.
func fixtureOverlap() (*gdplot.Figure, error) {
	p, err := fixturePlot()
	if err != nil {
		return nil, err
	}
	lab, err := plotter.NewLabels(plotter.XYLabels{
		XYs:    plotter.XYs{{X: 2, Y: 4}, {X: 2.05, Y: 4.1}},
		Labels: []string{"primero", "segundo"},
	})
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	return gdplot.Single(p), nil
}

// fixtureOffCanvas has a title of one long word, which cannot wrap.
func fixtureOffCanvas() (*gdplot.Figure, error) {
	p, err := fixturePlot()
	if err != nil {
		return nil, err
	}
	p.Title.Text = "Descensodegradienteconuntítulodemasiadolargoparaentrarenlafigura"
	return gdplot.Single(p).WithSize(3*gdplot.Inch, 2.5*gdplot.Inch), nil
}

// fixtureTicks uses gonum's DefaultTicks, whose labels on [1, 17] are 3, 9, 15.
func fixtureTicks() (*gdplot.Figure, error) {
	p, err := fixturePlot()
	if err != nil {
		return nil, err
	}
	p.Y.Tick.Marker = plot.DefaultTicks{}
	p.Y.Min, p.Y.Max = 1, 17
	return gdplot.Single(p), nil
}

// nanPlotter strokes a line to a NaN point, as a plotter with a bug would.
type nanPlotter struct{}

func (nanPlotter) Plot(c draw.Canvas, _ *plot.Plot) {
	c.StrokeLine2(draw.LineStyle{Color: plotter.DefaultLineStyle.Color, Width: vg.Points(1)},
		c.Min.X, c.Min.Y, vg.Length(math.NaN()), c.Max.Y)
}

// fixtureNonFinite draws a NaN coordinate into the SVG.
func fixtureNonFinite() (*gdplot.Figure, error) {
	p, err := fixturePlot()
	if err != nil {
		return nil, err
	}
	p.Add(nanPlotter{})
	return gdplot.Single(p), nil
}
