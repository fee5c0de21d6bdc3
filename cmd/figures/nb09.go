package main

// Figures of notebooks/09_mas_alla_del_alfa_fijo.ipynb (beyond the slides:
// momentum, adaptive steps, Adam, schedules, line search, Newton), built
// with the same gdkit calls and parameters as the notebook's cells.

import (
	"errors"
	"fmt"
	"math"
	"time"

	"gdkit.dev/datasets"
	"gdkit.dev/gdkit"
	"gdkit.dev/gdkit/funcs"
	"gdkit.dev/gdkit/gdplot"
	"gdkit.dev/gdkit/optim"
	"gonum.org/v1/gonum/mat"
)

func init() {
	register("09-tabla05-error-por-metodo", nb09TableCurves)
	register("09-carrera-elipse-momento", func() (*gdplot.Figure, error) {
		return nb09Figure(nb09Ellipse, nb09Start, 40, nb09GD(0.4), nb09Momentum(0.4, 0.5), nb09Momentum(0.4, 0.9))
	})
	register("09-explorador-momento", func() (*gdplot.Figure, error) { return nb09MomentumRace(0.4, 0.5) })
	register("09-carrera-elipse-adaptativos", func() (*gdplot.Figure, error) {
		return nb09Figure(nb09Ellipse, nb09Start, 40, nb09GD(0.4),
			nb09Method{"AdaGrad", gdkit.DescentSettings{Alpha: 0.4, Rule: optim.NewAdaGrad()}},
			nb09Method{"RMSProp, $\\rho$ = 0.9", gdkit.DescentSettings{Alpha: 0.4, Rule: &optim.RMSProp{Rho: 0.9, Eps: 1e-6}}})
	})
	register("09-carrera-rosenbrock", func() (*gdplot.Figure, error) {
		return nb09Titled("Rosenbrock", nb09Rosen, []float64{-1.2, 1}, 3000,
			nb09Method{"descenso", gdkit.DescentSettings{Alpha: 1e-3}},
			nb09Method{"momento", gdkit.DescentSettings{Alpha: 1e-3, Rule: optim.NewMomentum(0.9)}},
			nb09Method{"Nesterov", gdkit.DescentSettings{Alpha: 1e-3, Rule: optim.NewNesterov(0.9)}},
			nb09Method{"RMSProp", gdkit.DescentSettings{Alpha: 1e-2, Rule: &optim.RMSProp{Rho: 0.9, Eps: 1e-8}}},
			nb09Method{"Adam", gdkit.DescentSettings{Alpha: 0.02, Rule: optim.NewAdam()}})
	})
	register("09-carrera-beale", func() (*gdplot.Figure, error) {
		return nb09Titled("Beale", nb09Beale, []float64{1, 1.5}, 3000,
			nb09Method{"descenso", gdkit.DescentSettings{Alpha: 1e-2}},
			nb09Method{"momento", gdkit.DescentSettings{Alpha: 1e-3, Rule: optim.NewMomentum(0.9)}},
			nb09Method{"AdaGrad", gdkit.DescentSettings{Alpha: 0.5, Rule: optim.NewAdaGrad()}},
			nb09Method{"RMSProp", gdkit.DescentSettings{Alpha: 1e-2, Rule: &optim.RMSProp{Rho: 0.9, Eps: 1e-8}}},
			nb09Method{"Adam", gdkit.DescentSettings{Alpha: 0.05, Rule: optim.NewAdam()}})
	})
	register("09-calendarios-del-paso", nb09Schedules)
	register("09-rmsprop-calendarios-beale", nb09RMSPropSchedules)
	register("09-newton-xcos", nb09NewtonXCos)
	registerGIF("09-carrera-elipse", 150*time.Millisecond, func() ([]*gdplot.Figure, error) {
		r, err := nb09RaceOn(nb09Ellipse, nb09Start, 40, nb09GD(0.4),
			nb09Method{"momento", gdkit.DescentSettings{Alpha: 0.4, Rule: optim.NewMomentum(0.5)}},
			nb09Method{"RMSProp", gdkit.DescentSettings{Alpha: 0.4, Rule: &optim.RMSProp{Rho: 0.9, Eps: 1e-6}}},
			nb09Method{"Adam", gdkit.DescentSettings{Alpha: 0.4, Rule: optim.NewAdam()}})
		if err != nil {
			return nil, err
		}
		return r.Frames(40)
	})
}

// nb09Field is a 2D function with the window and contour levels of its race.
type nb09Field struct {
	f      funcs.Func2D
	x, y   [2]float64
	levels []float64
}

var (
	nb09Ellipse = nb09Field{funcs.NarrowEllipse(), [2]float64{-5.5, 2}, [2]float64{-3, 2},
		[]float64{0.1, 0.5, 1, 2, 4, 8, 12}}
	nb09Rosen = nb09Field{funcs.Rosenbrock(), [2]float64{-1.6, 1.6}, [2]float64{-0.6, 2},
		[]float64{0.3, 1, 3, 10, 30, 100, 300, 1000}}
	nb09Beale = nb09Field{funcs.Beale(), [2]float64{-0.5, 4}, [2]float64{-1, 2},
		[]float64{0.1, 0.5, 1, 3, 10, 30, 100, 300}}
	nb09Start = []float64{-5, -2}
)

// nb09Method is a named method: the settings gdkit.Descend receives.
type nb09Method struct {
	name string
	s    gdkit.DescentSettings
}

func nb09GD(alpha float64) nb09Method {
	return nb09Method{"descenso", gdkit.DescentSettings{Alpha: alpha}}
}

func nb09Momentum(alpha, mu float64) nb09Method {
	return nb09Method{fmt.Sprintf("momento, $\\mu$ = %g", mu),
		gdkit.DescentSettings{Alpha: alpha, Rule: optim.NewMomentum(mu)}}
}

// nb09RaceOn is the notebook's raceOn: every method on fd from w0 (n
// updates at most, until ‖∇E‖ ≤ 1e-10); a diverging run is kept.
func nb09RaceOn(fd nb09Field, w0 []float64, n int, ms ...nb09Method) (gdplot.Race, error) {
	p := gdkit.Problem{E: fd.f.F, Grad: fd.f.Grad, Dim: 2}
	xs, err := gdkit.Linspace(fd.x[0], fd.x[1], 101)
	if err != nil {
		return gdplot.Race{}, err
	}
	ys, err := gdkit.Linspace(fd.y[0], fd.y[1], 101)
	if err != nil {
		return gdplot.Race{}, err
	}
	g, err := gdkit.Meshgrid(xs, ys).Eval(fd.f.E)
	if err != nil {
		return gdplot.Race{}, err
	}
	r := gdplot.Race{Grid: g, Levels: fd.levels, Min: fd.f.Minima[0][:], LogY: true}
	for _, m := range ms {
		s := m.s
		s.MaxIter, s.GradTol = n, 1e-10
		tr, err := gdkit.Descend(p, w0, &s)
		if err != nil && !errors.Is(err, gdkit.ErrDiverged) && !errors.Is(err, gdkit.ErrNotFinite) {
			return gdplot.Race{}, fmt.Errorf("%s: %w", m.name, err)
		}
		run, err := gdplot.RunOf(m.name, tr, 0)
		if err != nil {
			return gdplot.Race{}, err
		}
		r.Runs = append(r.Runs, run)
	}
	return r, nil
}

func nb09Figure(fd nb09Field, w0 []float64, n int, ms ...nb09Method) (*gdplot.Figure, error) {
	return nb09Titled("", fd, w0, n, ms...)
}

func nb09Titled(title string, fd nb09Field, w0 []float64, n int, ms ...nb09Method) (*gdplot.Figure, error) {
	r, err := nb09RaceOn(fd, w0, n, ms...)
	if err != nil {
		return nil, err
	}
	r.Title = title
	return r.Figure()
}

// nb09MomentumRace is the momentum explorer's figure for α and μ.
func nb09MomentumRace(alpha, mu float64) (*gdplot.Figure, error) {
	gd := nb09GD(alpha)
	gd.name = fmt.Sprintf("descenso, $\\alpha$ = %g", alpha)
	return nb09Figure(nb09Ellipse, nb09Start, 40, gd, nb09Momentum(alpha, mu))
}

// nb09Slide is notebook 05's model and the exact Hessian of its E.
func nb09Slide() (*gdkit.Model, *mat.SymDense, error) {
	tab, err := datasets.SlideND()
	if err != nil {
		return nil, nil, err
	}
	x, y, n, d, err := tab.FlatXY("y")
	if err != nil {
		return nil, nil, err
	}
	data, err := gdkit.NewData(x, y, n, d)
	if err != nil {
		return nil, nil, err
	}
	m, err := gdkit.NewModel(gdkit.SquaredLoss{}, data)
	if err != nil {
		return nil, nil, err
	}
	var sx, sxx float64
	for _, v := range x {
		sx, sxx = sx+v, sxx+v*v
	}
	fn := float64(n)
	return m, mat.NewSymDense(2, []float64{2 * sxx / fn, 2 * sx / fn, 2 * sx / fn, 2}), nil
}

// nb09TableCurves: E − E_min of four methods on notebook 05's table.
func nb09TableCurves() (*gdplot.Figure, error) {
	m, H, err := nb09Slide()
	if err != nil {
		return nil, err
	}
	g := make([]float64, 2)
	m.Grad(g, []float64{0, 0})
	var w mat.VecDense
	if err := w.SolveVec(H, mat.NewVecDense(2, g)); err != nil {
		return nil, err
	}
	eMin := m.E([]float64{-w.AtVec(0), -w.AtVec(1)})
	var series []gdplot.Series
	for _, c := range []nb09Method{
		{"descenso, $\\alpha$ = 0.008", gdkit.DescentSettings{Alpha: 0.008}},
		{"momento, $\\mu$ = 0.9", gdkit.DescentSettings{Alpha: 0.008, Rule: optim.NewMomentum(0.9)}},
		{"Adam, $\\alpha$ = 0.1", gdkit.DescentSettings{Alpha: 0.1, Rule: optim.NewAdam()}},
		{"búsqueda lineal exacta", gdkit.DescentSettings{LineSearch: &optim.ExactQuadratic{H: H}}},
	} {
		c.s.MaxIter, c.s.GradTol = 700, 1e-10
		tr, err := gdkit.Descend(m.Problem(), []float64{0, 0}, &c.s)
		if err != nil {
			return nil, err
		}
		var gap []float64
		for _, e := range tr.Es() {
			if e-eMin < 1e-14 {
				break
			}
			gap = append(gap, e-eMin)
		}
		series = append(series, gdplot.Series{Label: c.name, Y: gap})
	}
	p, err := gdplot.LossCurve(true, series...)
	if err != nil {
		return nil, err
	}
	p.Title.Text = "La tabla del notebook 05"
	p.Y.Label.Text = "$E - E_{min}$"
	return gdplot.Single(p), nil
}

// nb09Schedules: α_t of every schedule, α = 0.1, 100 updates.
func nb09Schedules() (*gdplot.Figure, error) {
	var series []gdplot.Series
	for _, c := range []struct {
		label string
		s     gdkit.Schedule
	}{
		{"constante", optim.Constant{}},
		{"escalones ($\\gamma$ = 0.5 cada 25)", optim.StepDecay{Every: 25, Gamma: 0.5}},
		{"exponencial ($\\gamma$ = 0.97)", optim.Exponential{Gamma: 0.97}},
		{"$1/t$ ($k$ = 0.1)", optim.InverseTime{K: 0.1}},
		{"coseno ($T$ = 100)", optim.Cosine{T: 100}},
		{"calentamiento + coseno", optim.WarmUp{Steps: 10, Then: optim.Cosine{T: 90}}},
	} {
		alphas, err := gdkit.ScheduleSteps(c.s, 0.1, 100)
		if err != nil {
			return nil, err
		}
		series = append(series, gdplot.Series{Label: c.label, Y: alphas})
	}
	return gdplot.StepSizePanels(3, series...)
}

// nb09RMSPropSchedules: RMSProp on Beale with four schedules.
func nb09RMSPropSchedules() (*gdplot.Figure, error) {
	p := gdkit.Problem{E: nb09Beale.f.F, Grad: nb09Beale.f.Grad, Dim: 2}
	var series []gdplot.Series
	for _, c := range []struct {
		label string
		s     gdkit.Schedule
	}{
		{"constante", optim.Constant{}},
		{"escalones (×0.3 cada 500)", optim.StepDecay{Every: 500, Gamma: 0.3}},
		{"exponencial (0.998)", optim.Exponential{Gamma: 0.998}},
		{"coseno", optim.Cosine{T: 3000}},
	} {
		s := gdkit.DescentSettings{Alpha: 0.01, Rule: &optim.RMSProp{Rho: 0.9, Eps: 1e-8},
			Schedule: c.s, MaxIter: 3000, GradTol: 1e-10}
		tr, err := gdkit.Descend(p, []float64{1, 1.5}, &s)
		if err != nil {
			return nil, err
		}
		series = append(series, gdplot.Series{Label: c.label, Y: tr.Es()})
	}
	lc, err := gdplot.LossCurve(true, series...)
	if err != nil {
		return nil, err
	}
	lc.Title.Text = "RMSProp en Beale con distintos calendarios"
	return gdplot.Single(lc), nil
}

// nb09NewtonXCos: Newton's fallbacks and plain descent on x·cos(0.15πx) from 10.
func nb09NewtonXCos() (*gdplot.Figure, error) {
	xcos := funcs.XCos(0.15 * math.Pi)
	var runs []gdplot.Run1D
	for _, c := range []struct {
		label string
		fb    optim.Fallback
	}{{"Newton + ShiftHessian", optim.ShiftHessian}, {"Newton + GradientStep", optim.GradientStep}} {
		s := &gdkit.DescentSettings{Alpha: 1, GradTol: 1e-10, MaxIter: 100,
			Rule: &optim.Newton{Hessian: optim.HessianOf1D(xcos), Fallback: c.fb}}
		tr, err := gdkit.Descend1D(xcos.F, xcos.Deriv, 10, s)
		if err != nil {
			return nil, err
		}
		runs = append(runs, gdplot.Run1D{Label: c.label, Ws: tr.Path1D(), Es: tr.Es()})
	}
	tr, err := gdkit.Descend1D(xcos.F, xcos.Deriv, 10, &gdkit.DescentSettings{Alpha: 0.1, GradTol: 1e-10, MaxIter: 1000})
	if err != nil {
		return nil, err
	}
	runs = append(runs, gdplot.Run1D{Label: "descenso, $\\alpha$ = 0.1", Ws: tr.Path1D(), Es: tr.Es()})
	return gdplot.AlphaPanels(xcos.F, -5, 30, runs)
}
