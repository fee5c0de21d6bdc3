package main

// Figures of notebooks/05_descenso_nd.ipynb (slide "Descenso de gradiente en
// ND"): the same gdkit calls and parameters as the notebook's cells.

import (
	"fmt"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

func init() {
	register("05-descenso-nd-error", nb05ErrorCurves)
	register("05-descenso-nd-ajuste", nb05FitFigure)
}

// nb05Slide loads the slide's table and the linear regression model on it.
func nb05Slide() (xs, ys []float64, m *gdkit.Model, err error) {
	tab, err := datasets.SlideND()
	if err != nil {
		return nil, nil, nil, err
	}
	x, y, n, d, err := tab.FlatXY("y")
	if err != nil {
		return nil, nil, nil, err
	}
	data, err := gdkit.NewData(x, y, n, d)
	if err != nil {
		return nil, nil, nil, err
	}
	m, err = gdkit.NewModel(gdkit.SquaredLoss{}, data)
	return x, y, m, err
}

// nb05ErrorCurves: E over the first 30 iterations and E − E_min (log) over
// 10 000 iterations, α = 0.001 and 0.008 from w0 = (0, 0).
func nb05ErrorCurves() (*gdplot.Figure, error) {
	_, _, model, err := nb05Slide()
	if err != nil {
		return nil, err
	}
	ls, err := model.LeastSquares()
	if err != nil {
		return nil, err
	}
	eMin := model.E(ls)
	var first, gap []gdplot.Series
	for _, alpha := range []float64{0.001, 0.008} {
		tr, err := gdkit.Descend(model.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: alpha, MaxIter: 10000})
		if err != nil {
			return nil, err
		}
		label := fmt.Sprintf("$\\alpha$ = %g", alpha)
		first = append(first, gdplot.Series{Label: label, Y: tr.Es()[:31]})
		gap = append(gap, gdplot.Series{Label: label, Y: tr.Gap(eMin)})
	}
	p1, err := gdplot.LossCurve(false, first...)
	if err != nil {
		return nil, err
	}
	p1.Title.Text = "$E$, primeras 30 iteraciones"
	p1.Y.Label.Text = "$E(w_1, b)$"
	p2, err := gdplot.LossCurve(true, gap...)
	if err != nil {
		return nil, err
	}
	p2.Title.Text = "$E(w_1, b) - E_{min}$, escala log"
	p2.Y.Label.Text = "$E - E_{min}$"
	return gdplot.Panels(p1, p2), nil
}

// nb05FitFigure: the line ŷ = w1·x + b after some iterations of α = 0.008.
func nb05FitFigure() (*gdplot.Figure, error) {
	xs, ys, model, err := nb05Slide()
	if err != nil {
		return nil, err
	}
	iters := []int{0, 1, 2, 10, 100, 1000, 9211}
	tr, err := gdkit.Descend(model.Problem(), []float64{0, 0}, &gdkit.DescentSettings{Alpha: 0.008, MaxIter: iters[len(iters)-1]})
	if err != nil {
		return nil, err
	}
	var models []func(float64) float64
	for _, k := range iters {
		w := tr.W(k)
		models = append(models, func(x float64) float64 { return w[0]*x + w[1] })
	}
	p, err := gdplot.FitEvolution(xs, ys, models, iters)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "$ŷ = w_1 x + b$ durante el descenso ($\\alpha$ = 0.008)"
	return gdplot.Single(p), nil
}
