package main

import (
	"math"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// Figures of notebooks/01_derivadas.ipynb, with the same calls and
// parameters as its cells: f(x) = x³ − 3x and f'(x) = 3x² − 3.
func init() {
	f := func(x float64) float64 { return x*x*x - 3*x }
	df := func(x float64) float64 { return 3*x*x - 3 }
	register("01-derivadas-funcion-y-derivada", func() (*gdplot.Figure, error) {
		p, err := gdplot.Curves(-2.2, 2.2,
			gdplot.Curve{Label: "$f(x) = x^3 - 3x$", F: f},
			gdplot.Curve{Label: "$f'(x) = 3x^2 - 3$", F: df})
		if err != nil {
			return nil, err
		}
		p.Title.Text = "Una función y su derivada"
		return gdplot.Single(p), nil
	})
	register("01-derivadas-tangente", func() (*gdplot.Figure, error) {
		m, err := gdkit.Derivative(f, 1.5, nil)
		if err != nil {
			return nil, err
		}
		p, err := gdplot.Tangent(f, -2.2, 2.2, 1.5, m)
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	register("01-indicador-crece-decrece", func() (*gdplot.Figure, error) {
		p, err := gdplot.DerivativeSign(f, gdkit.DerivativeFunc(f, nil), -2.2, 2.2, []float64{-2, -1, 0, 1, 2})
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	register("01-indicador-secantes", func() (*gdplot.Figure, error) {
		p, err := gdplot.Secants(f, 0, 2.5, 1.5, []float64{1, 0.5, 0.1})
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	register("01-indicador-quiebre", func() (*gdplot.Figure, error) {
		p, err := gdplot.Secants(math.Abs, -2, 2, 0, []float64{1, 0.5, 0.25})
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	register("01-indicador-error-vs-h", func() (*gdplot.Figure, error) {
		rows, err := gdkit.QuotientTable(f, 1.5, gdkit.Decades(1, 13))
		if err != nil {
			return nil, err
		}
		var hs, fw, ce []float64
		for _, r := range rows {
			hs = append(hs, r.H)
			fw = append(fw, math.Abs(r.Right-df(1.5)))
			ce = append(ce, math.Abs(r.Central-df(1.5)))
		}
		p, err := gdplot.StepError(hs,
			gdplot.Series{Label: "hacia adelante $(f(x+h) - f(x))/h$", Y: fw},
			gdplot.Series{Label: "central $(f(x+h) - f(x-h))/2h$", Y: ce})
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	register("01-dominio-agujero", nb01Hole)
}

// nb01Hole is the function with a hole of notebook 01, E = log(w1) + w2²
// on [−2, 2)² at step 0.1: its contour map and its surface, with the half
// w1 ≤ 0 (outside the domain) masked.
func nb01Hole() (*gdplot.Figure, error) {
	ws, err := gdkit.Arange(-2, 2, 0.1)
	if err != nil {
		return nil, err
	}
	g, err := gdkit.Meshgrid(ws, ws).Eval(func(w1, w2 float64) float64 { return math.Log(w1) + w2*w2 })
	if err != nil {
		return nil, err
	}
	c, err := gdplot.Contour(g, []float64{-2, -1, 0, 1, 2, 3, 4}, true)
	if err != nil {
		return nil, err
	}
	s, err := gdplot.NewSurface(g)
	if err != nil {
		return nil, err
	}
	s.XLabel, s.YLabel, s.ZLabel = "$w_1$", "$w_2$", "$E$"
	sp := s.NewPlot("Superficie de $E = \\log(w_1) + w_2^2$")
	gdplot.DefaultTheme.Apply(sp)
	sp.HideAxes()
	return gdplot.Panels(c, sp), nil
}
