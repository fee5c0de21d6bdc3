package main

import (
	"fmt"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

// Figures of notebooks/04_gradiente_2d.ipynb, with the same calls and
// parameters as its cells: descent on E = w1² + 2w2² (funcs.Ellipse) from
// w0 = (8, 6) with α = 0.1 and α = 0.4, drawn on its contour plot.
func init() {
	register("04-descenso-2d-trayectoria", func() (*gdplot.Figure, error) { return nb04Trajectory(0.1) })
	register("04-descenso-2d-zigzag", func() (*gdplot.Figure, error) { return nb04Trajectory(0.4) })
	register("04-descenso-2d-error", func() (*gdplot.Figure, error) {
		tr1, err := nb04Descend(0.1)
		if err != nil {
			return nil, err
		}
		tr4, err := nb04Descend(0.4)
		if err != nil {
			return nil, err
		}
		p, err := gdplot.LossCurve(true,
			gdplot.Series{Label: "$\\alpha$ = 0.1", Y: tr1.Es()},
			gdplot.Series{Label: "$\\alpha$ = 0.4", Y: tr4.Es()})
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
}

// nb04Descend is the notebook's descenso(alpha).
func nb04Descend(alpha float64) (*gdkit.Trace, error) {
	E := func(w []float64) float64 { return w[0]*w[0] + 2*w[1]*w[1] }
	gradE := func(g, w []float64) { g[0], g[1] = 2*w[0], 4*w[1] }
	return gdkit.Descend(gdkit.Problem{E: E, Grad: gradE, Dim: 2}, []float64{8, 6},
		&gdkit.DescentSettings{Alpha: alpha, MaxIter: 200, GradTol: 1e-6})
}

func nb04Trajectory(alpha float64) (*gdplot.Figure, error) {
	tr, err := nb04Descend(alpha)
	if err != nil {
		return nil, err
	}
	xs, err := gdkit.Linspace(-10, 10, 101)
	if err != nil {
		return nil, err
	}
	g, err := gdkit.Meshgrid(xs, xs).Eval(funcs.Ellipse().E)
	if err != nil {
		return nil, err
	}
	levels, err := gdplot.Levels(0, 300, 10, true)
	if err != nil {
		return nil, err
	}
	p, err := gdplot.Trajectory(g, levels, tr.Column(0), tr.Column(1))
	if err != nil {
		return nil, err
	}
	p.Title.Text = fmt.Sprintf("$E = w_1^2 + 2w_2^2$, $\\alpha$ = %g: %d iteraciones", alpha, tr.Iterations())
	return gdplot.Single(p), nil
}
