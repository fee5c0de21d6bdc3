package main

import (
	"time"

	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
)

// Figures of notebooks/02_descenso_1d.ipynb: E(w) = (w-3)² + 1, w0 drawn
// uniformly in [-1, 7) with seed 1, α = 0.2, GradTol 1e-6, window [-1, 7].

func nb02Run() (*gdkit.Trace, error) {
	course := funcs.ShiftedSquare()
	ws, err := gdkit.RandomW0(gdkit.NewRand(1), 1, -1, 7)
	if err != nil {
		return nil, err
	}
	return gdkit.Descend1D(course.F, func(w float64) float64 { return 2 * (w - 3) }, ws[0],
		&gdkit.DescentSettings{Alpha: 0.2, MaxIter: 1000, GradTol: 1e-6})
}

func init() {
	E := funcs.ShiftedSquare().F
	register("02-descenso-1d-secuencia", func() (*gdplot.Figure, error) {
		tr, err := nb02Run()
		if err != nil {
			return nil, err
		}
		return gdplot.DescentSequence(E, -1, 7, tr.Path1D(), tr.Es(), 6)
	})
	register("02-descenso-1d-camino", func() (*gdplot.Figure, error) {
		tr, err := nb02Run()
		if err != nil {
			return nil, err
		}
		p, err := gdplot.Descent1D(E, -1, 7, tr.Path1D()[:11], tr.Es()[:11])
		if err != nil {
			return nil, err
		}
		return gdplot.Single(p), nil
	})
	registerGIF("02-descenso-1d-animacion", 500*time.Millisecond, func() ([]*gdplot.Figure, error) {
		tr, err := nb02Run()
		if err != nil {
			return nil, err
		}
		return gdplot.DescentFrames(E, -1, 7, tr.Path1D(), tr.Es(), 10)
	})
}
