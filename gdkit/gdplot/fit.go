package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// FitEvolution plots the data (xs[i], ys[i]) as points and the fitted
// model at several iterations: models[k] is the model after iters[k]
// iterations, drawn over [min xs, max xs] from light (early) to dark
// (last, solid and in the accent colour).
func FitEvolution(xs, ys []float64, models []func(float64) float64, iters []int) (*plot.Plot, error) {
	if len(xs) == 0 || len(models) == 0 {
		return nil, fmt.Errorf("gdplot: FitEvolution has %d data points and %d models: %w", len(xs), len(models), gdkit.ErrEmpty)
	}
	if len(xs) != len(ys) || len(iters) != len(models) {
		return nil, fmt.Errorf("gdplot: ragged input: %d x, %d y, %d models, %d iteration numbers: %w", len(xs), len(ys), len(models), len(iters), gdkit.ErrDimension)
	}
	xys := make(plotter.XYs, 0, len(xs))
	for i := range xs {
		if finite(xs[i], ys[i]) {
			xys = append(xys, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	if len(xys) == 0 {
		return nil, fmt.Errorf("gdplot: no finite data point: %w", gdkit.ErrNotFinite)
	}
	p := New("Ajuste del modelo durante el descenso", "$x$", "$y$")
	xmin, xmax, _, _ := plotter.XYRange(xys)
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	for k, m := range models {
		pts := sample(m, xmin, xmax, 200)
		if len(pts) < 2 {
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		last := k == len(models)-1
		if last {
			l.LineStyle = draw.LineStyle{Color: DefaultTheme.Color(1), Width: DefaultTheme.LineWidth}
		} else {
			t := float64(k) / math.Max(1, float64(len(models)-1))
			v := uint8(200 - 120*t)
			l.LineStyle = draw.LineStyle{Color: color.RGBA{R: v, G: v, B: v, A: 255}, Width: DefaultTheme.GuideWidth,
				Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
		}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("iteración %d", iters[k]), l)
	}
	sc, err := markers(xys, 0, draw.CircleGlyph{})
	if err != nil {
		return nil, err
	}
	p.Add(sc)
	p.Legend.Add("datos", sc)
	all := append(plotter.XYs{}, xys...)
	for _, m := range models {
		all = append(all, sample(m, xmin, xmax, 50)...)
	}
	placeLegend(p, all)
	return p, nil
}
