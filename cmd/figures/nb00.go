package main

import (
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
)

// Figures of notebooks/00_inicio.ipynb: f(x) = (x-3)² + 1 and its tangent
// at x = 1 on [-1, 7], as in its first figure cell.
func init() {
	register("00-inicio-tangente", func() (*gdplot.Figure, error) {
		f := func(x float64) float64 { return (x-3)*(x-3) + 1 }
		m, err := gdkit.Derivative(f, 1, nil)
		if err != nil {
			return nil, err
		}
		p, err := gdplot.Tangent(f, -1, 7, 1, m)
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
}
