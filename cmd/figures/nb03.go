package main

import (
	"errors"
	"fmt"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

// Figures of notebooks/03_efecto_alpha.ipynb: E(w) = (w-3)² + 1 from
// w0 = 0, GradTol 1e-6; the same α, iteration counts and windows as the
// notebook's cells.

func nb03Run(alpha float64, maxIter int) (*gdkit.Trace, error) {
	return gdkit.Descend1D(funcs.ShiftedSquare().F, func(w float64) float64 { return 2 * (w - 3) }, 0,
		&gdkit.DescentSettings{Alpha: alpha, MaxIter: maxIter, GradTol: 1e-6})
}

type nb03Case struct {
	alpha float64
	label string
}

var nb03Cases = []nb03Case{{0.05, "demasiado chico"}, {0.3, "correcto"}, {0.95, "demasiado grande"}}

func nb03Panels(window [2]float64, maxIter int, cases []nb03Case) (*gdplot.Figure, error) {
	var runs []gdplot.Run1D
	for _, c := range cases {
		tr, err := nb03Run(c.alpha, maxIter)
		if err != nil && !errors.As(err, new(*gdkit.DivergenceError)) {
			return nil, err
		}
		runs = append(runs, gdplot.Run1D{Label: fmt.Sprintf("$\\alpha$ = %g, %s", c.alpha, c.label), Ws: tr.Path1D(), Es: tr.Es()})
	}
	return gdplot.AlphaPanels(funcs.ShiftedSquare().F, window[0], window[1], runs)
}

func init() {
	register("03-efecto-alpha-paneles", func() (*gdplot.Figure, error) {
		return nb03Panels([2]float64{-1, 7}, 15, nb03Cases)
	})
	register("03-efecto-alpha-error", func() (*gdplot.Figure, error) {
		var series []gdplot.Series
		for _, c := range nb03Cases {
			tr, err := nb03Run(c.alpha, 60)
			if err != nil {
				return nil, err
			}
			es := tr.Es()
			y := make([]float64, len(es))
			for k, e := range es {
				y[k] = e - 1
			}
			series = append(series, gdplot.Series{Label: fmt.Sprintf("$\\alpha$ = %g (%s)", c.alpha, c.label), Y: y})
		}
		p, err := gdplot.LossCurve(true, series...)
		if err != nil {
			return nil, err
		}
		p.Y.Label.Text = "$E(w_k) - 1$ (escala log)"
		return gdplot.Single(p), nil
	})
	register("03-efecto-alpha-no-converge", func() (*gdplot.Figure, error) {
		return nb03Panels([2]float64{-2, 8}, 15, []nb03Case{{1, "oscila"}, {1.05, "diverge"}})
	})
	register("03-efecto-alpha-divergencia", func() (*gdplot.Figure, error) {
		slow, err := nb03Run(1.05, 1000)
		if !errors.As(err, new(*gdkit.DivergenceError)) {
			return nil, fmt.Errorf("α = 1.05 should diverge: %v", err)
		}
		fast, err := gdkit.Descend1D(funcs.ShiftedSquare().F, func(w float64) float64 { return 2 * (w - 3) }, 0,
			&gdkit.DescentSettings{Alpha: 5, MaxIter: 1000, GradTol: 1e-6, DivergeFactor: -1})
		if !errors.As(err, new(*gdkit.DivergenceError)) {
			return nil, fmt.Errorf("α = 5 should overflow: %v", err)
		}
		p, err := gdplot.LossCurve(true,
			gdplot.Series{Label: "$\\alpha$ = 1.05 (corta gdkit)", Y: slow.Es()},
			gdplot.Series{Label: "$\\alpha$ = 5 (hasta +∞)", Y: fast.Es()})
		if err != nil {
			return nil, err
		}
		p.Title.Text = "Divergencia: el error crece"
		p.Y.Label.Text = "$E(w_k)$ (escala log)"
		return gdplot.Single(p), nil
	})
	// The interactive cell's initial figure (α = 0.3, 20 iterations).
	register("03-efecto-alpha-interactivo", func() (*gdplot.Figure, error) {
		tr, err := nb03Run(0.3, 20)
		if err != nil {
			return nil, err
		}
		return gdplot.AlphaPanels(funcs.ShiftedSquare().F, -2, 8, []gdplot.Run1D{{
			Label: fmt.Sprintf("$\\alpha$ = %g: %s tras %d iteraciones", 0.3, tr.Reason.Spanish(), tr.Iterations()),
			Ws:    tr.Path1D(), Es: tr.Es(),
		}})
	})
}
