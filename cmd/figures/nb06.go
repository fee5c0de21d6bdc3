package main

// Figures of notebooks/06_contornos.ipynb (slide "Diagramas de contorno y
// gradientes"), built with the same calls and parameters as the notebook's cells.

import (
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
	"gonum.org/v1/plot"
)

func init() {
	register("06-contorno", nb06SlideContour)
	register("06-flechas-gradiente", nb06SlideArrows)
	register("06-np-gradient-ejes-cambiados", nb06GradComparison)
	register("06-descenso-contra-flechas", nb06DescentOverArrows)
	register("06-superficie-3d", nb06SlideSurface)
}

var (
	nb06Bowl   = funcs.Bowl()
	nb06Levels = []float64{25, 50, 75, 100, 125, 150, 175}
)

// nb06SlideGrid is the slide's grid w1, w2 = arange(-10, 10, 0.8) and E of fn on it.
func nb06SlideGrid(fn funcs.Func2D) (gdkit.Mesh, gdkit.Grid, error) {
	ws, err := gdkit.Arange(-10, 10, 0.8)
	if err != nil {
		return gdkit.Mesh{}, gdkit.Grid{}, err
	}
	mesh := gdkit.Meshgrid(ws, ws)
	g, err := mesh.Eval(fn.E)
	return mesh, g, err
}

func nb06SlideContour() (*gdplot.Figure, error) {
	_, E, err := nb06SlideGrid(nb06Bowl)
	if err != nil {
		return nil, err
	}
	p, err := gdplot.Contour(E, nb06Levels, true)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "Contorno de $E = w_1^2 + w_2^2$"
	return gdplot.Single(p), nil
}

func nb06GradPanel(fn funcs.Func2D, slide bool, title string) (*plot.Plot, error) {
	_, E, err := nb06SlideGrid(fn)
	if err != nil {
		return nil, err
	}
	var u, v gdkit.Grid
	if slide {
		u, v, err = gdkit.NumpyGradient(E, nil)
	} else {
		u, v, err = gdkit.GridGradient(E, nil)
	}
	if err != nil {
		return nil, err
	}
	p, err := gdplot.Contour(E, nb06Levels, false)
	if err != nil {
		return nil, err
	}
	q, err := gdplot.NewQuiver(u, v)
	if err != nil {
		return nil, err
	}
	q.Scale = 0.025 // one scale in every panel: the longest arrows about one grid step
	p.Add(q)
	p.Title.Text = title
	return p, nil
}

func nb06SlideArrows() (*gdplot.Figure, error) {
	p, err := nb06GradPanel(nb06Bowl, false, "Flechas: vectores gradiente")
	if err != nil {
		return nil, err
	}
	return gdplot.Single(p), nil
}

func nb06GradComparison() (*gdplot.Figure, error) {
	f, err := gdplot.PanelGrid(2, 2)
	if err != nil {
		return nil, err
	}
	panels := []struct {
		fn    funcs.Func2D
		slide bool
		title string
	}{
		{funcs.Bowl(), false, "$w_1^2 + w_2^2$: GridGradient"},
		{funcs.Bowl(), true, "$w_1^2 + w_2^2$: np.gradient(E)"},
		{funcs.Ellipse(), false, "$w_1^2 + 2w_2^2$: GridGradient"},
		{funcs.Ellipse(), true, "$w_1^2 + 2w_2^2$: np.gradient(E)"},
	}
	for i, pn := range panels {
		p, err := nb06GradPanel(pn.fn, pn.slide, pn.title)
		if err != nil {
			return nil, err
		}
		if err := f.Set(i/2, i%2, p); err != nil {
			return nil, err
		}
	}
	f.Width, f.Height = 11*gdplot.Inch, 10.5*gdplot.Inch
	return f, nil
}

func nb06DescentOverArrows() (*gdplot.Figure, error) {
	ell := funcs.Ellipse()
	p, err := nb06GradPanel(ell, false, "Descenso en contra de las flechas")
	if err != nil {
		return nil, err
	}
	tr, err := gdkit.Descend(gdkit.Problem{E: ell.F, Grad: ell.Grad, Dim: 2}, []float64{-8, 6},
		&gdkit.DescentSettings{Alpha: 0.1, MaxIter: 30})
	if err != nil {
		return nil, err
	}
	if err := gdplot.AddPath(p, tr.Column(0), tr.Column(1), 1, "$\\alpha$ = 0.1"); err != nil {
		return nil, err
	}
	return gdplot.Single(p), nil
}

func nb06SlideSurface() (*gdplot.Figure, error) {
	_, E, err := nb06SlideGrid(nb06Bowl)
	if err != nil {
		return nil, err
	}
	s, err := gdplot.NewSurface(E)
	if err != nil {
		return nil, err
	}
	s.Floor = true
	s.XLabel, s.YLabel, s.ZLabel = "$w_1$", "$w_2$", "$E$"
	p := s.NewPlot("Superficie de $E = w_1^2 + w_2^2$")
	gdplot.DefaultTheme.Apply(p)
	p.HideAxes()
	return gdplot.Single(p), nil
}
