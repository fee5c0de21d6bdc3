package main

// Figures of notebooks/08_resumen.ipynb (slides "Resumen", "Descenso de
// gradiente": Generalizable / Escalable): the same gdkit calls and
// parameters as the notebook's cells.

import (
	"fmt"
	"math"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/gdplot"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"
)

func init() {
	register("08-resumen-bisagra", nb08Hinge)
	register("08-resumen-fronteras", nb08Classifiers)
	register("08-resumen-tres-modelos", nb08ThreeCurves)
	register("08-resumen-escalable-epocas", nb08EpochCurves)
}

// nb08Run is the course's loop for any model: iters steps of size α from w = 0.
func nb08Run(m *gdkit.Model, alpha float64, iters int) (*gdkit.Trace, error) {
	return gdkit.Descend(m.Problem(), make([]float64, m.Dim()), &gdkit.DescentSettings{Alpha: alpha, MaxIter: iters})
}

// nb08Linear: 200 rows, y = 2·x1 − x2 + 0.5 + noise (σ = 0.3), seed 5.
func nb08Linear() (*gdkit.Model, error) {
	x, y, err := datasets.LinearData(gdkit.NewRand(5), 200, []float64{2, -1}, 0.5, 0.3)
	if err != nil {
		return nil, err
	}
	data, err := gdkit.NewData(x, y, 200, 2)
	if err != nil {
		return nil, err
	}
	return gdkit.NewModel(gdkit.SquaredLoss{}, data)
}

// nb08TwoClass: 200 rows of two clouds 3 apart, spread 1, seed 8, with the
// logistic regression and the SVM (λ = 0.01) on them.
func nb08TwoClass() (x, y []float64, logreg, svm *gdkit.Model, err error) {
	x, y, err = datasets.TwoClassData(gdkit.NewRand(8), 200, 2, 3, 1)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	data, err := gdkit.NewData(x, y, 200, 2)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if logreg, err = gdkit.NewModel(gdkit.LogisticLoss{}, data); err != nil {
		return nil, nil, nil, nil, err
	}
	svm, err = gdkit.NewModel(gdkit.HingeLoss{Lambda: 0.01}, data)
	return x, y, logreg, svm, err
}

func nb08Hinge() (*gdplot.Figure, error) {
	hinge := func(m float64) float64 { return math.Max(0, 1-m) }
	th := gdplot.DefaultTheme
	p := gdplot.New("Bisagra: quiebre en $m$ = 1", "margen $m = s z$", "pérdida")
	f := plotter.NewFunction(hinge)
	f.LineStyle, f.Samples = th.Line(0), 401
	p.Add(f)
	p.Legend.Add("max(0, 1 − $m$)", f)
	for i, c := range []struct {
		g     float64
		label string
	}{{-1, "pendiente −1 (por izquierda)"}, {-0.5, "pendiente −0.5 (subgradiente)"}, {0, "pendiente 0 (por derecha, gdkit)"}} {
		g := c.g
		l := plotter.NewFunction(func(m float64) float64 { return g * (m - 1) })
		l.LineStyle = th.Guide(th.Color(i + 1))
		p.Add(l)
		p.Legend.Add(c.label, l)
	}
	kink, err := plotter.NewScatter(plotter.XYs{{X: 1, Y: 0}})
	if err != nil {
		return nil, err
	}
	kink.GlyphStyle.Color, kink.GlyphStyle.Radius = th.Color(2), th.MarkerRadius
	p.Add(kink)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -1, 3, -1, 2.5
	p.Legend.Top, p.Legend.Left = true, false
	return gdplot.Single(p), nil
}

func nb08Classifiers() (*gdplot.Figure, error) {
	x, y, logreg, svm, err := nb08TwoClass()
	if err != nil {
		return nil, err
	}
	tl, err := nb08Run(logreg, 0.5, 500)
	if err != nil {
		return nil, err
	}
	ts, err := nb08Run(svm, 0.1, 500)
	if err != nil {
		return nil, err
	}
	p, err := gdplot.Classes(x, y,
		gdplot.Boundary{Label: "regresión logística", W: tl.Final()},
		gdplot.Boundary{Label: "SVM (bisagra)", W: ts.Final()})
	if err != nil {
		return nil, err
	}
	return gdplot.Single(p), nil
}

func nb08ThreeCurves() (*gdplot.Figure, error) {
	lin, err := nb08Linear()
	if err != nil {
		return nil, err
	}
	_, _, logreg, svm, err := nb08TwoClass()
	if err != nil {
		return nil, err
	}
	var ss []gdplot.Series
	for _, c := range []struct {
		label string
		m     *gdkit.Model
		alpha float64
	}{
		{"regresión lineal ($\\alpha$ = 0.1)", lin, 0.1},
		{"regresión logística ($\\alpha$ = 0.5)", logreg, 0.5},
		{"SVM ($\\alpha$ = 0.1)", svm, 0.1},
	} {
		tr, err := nb08Run(c.m, c.alpha, 500)
		if err != nil {
			return nil, err
		}
		ss = append(ss, gdplot.Series{Label: c.label, Y: tr.Es()})
	}
	p, err := gdplot.LossCurve(true, ss...)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "El mismo descenso, tres modelos"
	p.Y.Label.Text = "$E$"
	return gdplot.Single(p), nil
}

// nb08EpochCurves: the million rows (seed 1, w = (2, −1, 0.5, 3, −2), b = 1,
// σ = 0.5), 5 epochs of batch, mini-batch (64) and stochastic descent with
// α = 0.01, E − E_min after each epoch.
func nb08EpochCurves() (*gdplot.Figure, error) {
	const n, d, alpha, epochs = 1_000_000, 5, 0.01, 5
	x, y, err := datasets.LinearData(gdkit.NewRand(1), n, []float64{2, -1, 0.5, 3, -2}, 1, 0.5)
	if err != nil {
		return nil, err
	}
	data, err := gdkit.NewData(x, y, n, d)
	if err != nil {
		return nil, err
	}
	m, err := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	if err != nil {
		return nil, err
	}
	X := mat.NewDense(n, d+1, nil)
	for i := 0; i < n; i++ {
		row := X.RawRowView(i)
		copy(row, data.Row(i))
		row[d] = 1
	}
	var wLS mat.VecDense
	if err := wLS.SolveVec(X, mat.NewVecDense(n, y)); err != nil {
		return nil, err
	}
	eMin := m.E(wLS.RawVector().Data)
	var ss []gdplot.Series
	for _, md := range []struct {
		name  string
		batch int
	}{{"por lotes", 0}, {"mini-lotes (64)", 64}, {"estocástico (1)", 1}} {
		tr, err := gdkit.SGD(m, make([]float64, m.Dim()), &gdkit.SGDSettings{
			Alpha: alpha, BatchSize: md.batch, Epochs: epochs, Rand: gdkit.NewRand(2), FullE: true})
		if err != nil {
			return nil, err
		}
		var gap []float64
		for _, e := range tr.FullE() {
			gap = append(gap, e-eMin)
		}
		ss = append(ss, gdplot.Series{Label: md.name, Y: gap})
	}
	p, err := gdplot.LossCurve(true, ss...)
	if err != nil {
		return nil, err
	}
	p.Title.Text = fmt.Sprintf("$10^6$ ejemplos, $\\alpha$ = %g: $E - E_{min}$ por época", alpha)
	p.X.Label.Text = "época"
	p.Y.Label.Text = "$E - E_{min}$"
	p.Y.Max = 3 // log10 units: up to 10³, room for the legend
	p.Legend.Top, p.Legend.Left = true, false
	return gdplot.Single(p), nil
}
