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

// Curve is one function of x to draw with Curves, e.g. {"$f'(x)$", df}.
type Curve struct {
	Label string                // legend entry; "" for none
	F     func(float64) float64 // the function; NaN or ±Inf values break the line
}

// Curves plots the functions cs on [a, b] on the same axes, with the line
// y = 0 as a thin guide, e.g. f and its derivative f′: where f′ crosses
// zero, f has a critical point. A function is not drawn across points where
// it is NaN or infinite (a kink of f makes f′ jump there).
func Curves(a, b float64, cs ...Curve) (*plot.Plot, error) {
	if len(cs) == 0 {
		return nil, fmt.Errorf("gdplot: Curves has no curve: %w", gdkit.ErrEmpty)
	}
	if err := checkInterval(a, b); err != nil {
		return nil, err
	}
	p := New("", "$x$", "")
	zero, err := plotter.NewLine(plotter.XYs{{X: a, Y: 0}, {X: b, Y: 0}})
	if err != nil {
		return nil, err
	}
	zero.LineStyle = draw.LineStyle{Color: color.Gray{Y: 150}, Width: vg.Points(0.8)}
	p.Add(zero)
	var all plotter.XYs
	var labels []string
	for i, c := range cs {
		if c.F == nil {
			return nil, fmt.Errorf("gdplot: curve %d (%q) has no function: %w", i, c.Label, errBadParam)
		}
		segs := segments(c.F, a, b, curveSamples)
		if len(segs) == 0 {
			return nil, fmt.Errorf("gdplot: curve %q has no finite value on [%v, %v]: %w", c.Label, a, b, gdkit.ErrNotFinite)
		}
		for k, s := range segs {
			l, err := line(s, i)
			if err != nil {
				return nil, err
			}
			p.Add(l)
			all = append(all, s...)
			if k == 0 && c.Label != "" {
				p.Legend.Add(c.Label, l)
				labels = append(labels, c.Label)
			}
		}
	}
	p.X.Min, p.X.Max = a, b
	roomForLegend(p, all, labels)
	return p, nil
}

// DerivativeSign plots f on [a, b] drawn by the sign of its derivative df:
// solid where f′(x) > 0 ("crece"), dashed where f′(x) < 0 ("decrece"), and
// marks each x of xs with its verdict, gdkit.TrendOf(f′(x), nil).Spanish():
// "crece", "decrece" or "punto crítico"
// when |f′(x)| ≤ 1e-7. As the slide warns, the sign only says what f does
// around the point. df comes from the caller: the analytic f′, or
// gdkit.DerivativeFunc(f, nil).
func DerivativeSign(f, df func(float64) float64, a, b float64, xs []float64) (*plot.Plot, error) {
	if err := checkInterval(a, b); err != nil {
		return nil, err
	}
	if f == nil || df == nil {
		return nil, fmt.Errorf("gdplot: DerivativeSign needs f and its derivative: %w", errBadParam)
	}
	p := New("El signo de $f'$: crece o decrece", "$x$", "$f(x)$")
	trend := func(x float64) gdkit.Trend { return gdkit.TrendOf(df(x), nil) }
	// Split the curve into runs of equal sign of f′.
	var all plotter.XYs
	var runs []plotter.XYs
	var kinds []gdkit.Trend
	prev := gdkit.Trend(-1) // no run yet
	for _, q := range sample(f, a, b, curveSamples) {
		s := trend(q.X)
		if s == gdkit.Critical && len(runs) > 0 {
			s = prev // a critical point joins the run it is in
		}
		if s != prev {
			if n := len(runs); n > 0 {
				runs[n-1] = append(runs[n-1], q) // keep the curve connected
			}
			runs, kinds = append(runs, nil), append(kinds, s)
			prev = s
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], q)
		all = append(all, q)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("gdplot: f has no finite value on [%v, %v]: %w", a, b, gdkit.ErrNotFinite)
	}
	var labels []string
	seen := map[gdkit.Trend]bool{}
	for k, r := range runs {
		if len(r) < 2 {
			continue
		}
		i := 0
		if kinds[k] == gdkit.Decreasing {
			i = 1
		}
		l, err := line(r, i)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if !seen[kinds[k]] && kinds[k] != gdkit.Critical {
			seen[kinds[k]] = true
			lbl := "crece: $f'(x) > 0$"
			if kinds[k] == gdkit.Decreasing {
				lbl = "decrece: $f'(x) < 0$"
			}
			p.Legend.Add(lbl, l)
			labels = append(labels, lbl)
		}
	}
	// Each verdict is written where the curve is not: up and to the left
	// of an increasing point, up and to the right of a decreasing one,
	// right above a critical point (below it at a minimum).
	var pts plotter.XYs
	verdicts := &pointLabels{}
	sty := labelStyle()
	sty.Font = p.Legend.TextStyle.Font
	for _, x := range xs {
		y := f(x)
		if !finite(x, y) || math.IsNaN(df(x)) {
			continue
		}
		pts = append(pts, plotter.XY{X: x, Y: y})
		u := dir(0, 1)
		if h := (b - a) / 50; f(x-h)+f(x+h) > 2*y {
			u = dir(0, -1) // a minimum: write below it
		}
		t := trend(x)
		switch t {
		case gdkit.Increasing:
			u = dir(-1, 1)
		case gdkit.Decreasing:
			u = dir(1, 1)
		}
		verdicts.items = append(verdicts.items, pointLabel{xy: plotter.XY{X: x, Y: y}, text: t.Spanish(), sty: sty,
			dirs: []vg.Point{u}, keep: DefaultTheme.MarkerRadius + vg.Points(3)})
	}
	p.Add(verdicts)
	if len(pts) > 0 {
		sc, err := markers(pts, 2, draw.CircleGlyph{})
		if err != nil {
			return nil, err
		}
		p.Add(sc)
	}
	p.X.Min, p.X.Max = a, b
	roomForLegend(p, all, labels)
	return p, nil
}
