package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Curve is one function of x to draw with Curves, e.g. {"$f'(x)$", df}.
type Curve struct {
	Label string
	F     func(float64) float64
}

// Curves plots the functions cs on [a, b] on the same axes, with the line
// y = 0 as a thin guide, e.g. f and its derivative f′: where f′ crosses
// zero, f has a critical point. A function is not drawn across points where
// it is NaN or infinite (a kink of f makes f′ jump there).
func Curves(a, b float64, cs ...Curve) (*plot.Plot, error) {
	if len(cs) == 0 {
		return nil, ErrEmpty
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
			return nil, fmt.Errorf("gdplot: curve %d (%q) has no function", i, c.Label)
		}
		segs := segments(c.F, a, b, curveSamples)
		if len(segs) == 0 {
			return nil, fmt.Errorf("gdplot: curve %q has no finite value on [%v, %v]", c.Label, a, b)
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

// segments samples f at n+1 points of [a, b] and splits the curve where f
// is not finite, and where it jumps (a step much larger than its
// neighbours', as f′ at a kink).
func segments(f func(float64) float64, a, b float64, n int) []plotter.XYs {
	var segs []plotter.XYs
	var cur plotter.XYs
	flush := func() {
		if len(cur) > 0 {
			segs = append(segs, cur)
		}
		cur = nil
	}
	for i := 0; i <= n; i++ {
		x := a + (b-a)*float64(i)/float64(n)
		y := f(x)
		if !finite(x, y) {
			flush()
			continue
		}
		cur = append(cur, plotter.XY{X: x, Y: y})
	}
	flush()
	return segs
}

// Trend plots f on [a, b] drawn by the sign of its derivative df: solid
// where f′(x) > 0 ("crece"), dashed where f′(x) < 0 ("decrece"), and marks
// each x of xs with its verdict: "crece", "decrece" or "punto crítico" when
// |f′(x)| ≤ 1e-7 (gdkit.DefaultTrendTol). As the slide warns, the sign only
// says what f does around the point.
func Trend(f, df func(float64) float64, a, b float64, xs []float64) (*plot.Plot, error) {
	if err := checkInterval(a, b); err != nil {
		return nil, err
	}
	if f == nil || df == nil {
		return nil, fmt.Errorf("gdplot: Trend needs f and its derivative: %w", ErrEmpty)
	}
	p := New("El signo de $f'$: crece o decrece", "$x$", "$f(x)$")
	const tol = 1e-7
	sign := func(d float64) int {
		switch {
		case d > tol:
			return 1
		case d < -tol:
			return -1
		}
		return 0
	}
	// Split the curve into runs of equal sign of f′.
	var all plotter.XYs
	var runs []plotter.XYs
	var kinds []int
	prev := 2
	for _, q := range sample(f, a, b, curveSamples) {
		s := sign(df(q.X))
		if s == 0 && prev != 2 {
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
		return nil, fmt.Errorf("gdplot: f has no finite value on [%v, %v]", a, b)
	}
	var labels []string
	seen := map[int]bool{}
	for k, r := range runs {
		if len(r) < 2 {
			continue
		}
		i := 0
		if kinds[k] < 0 {
			i = 1
		}
		l, err := line(r, i)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if !seen[kinds[k]] && kinds[k] != 0 {
			seen[kinds[k]] = true
			lbl := "crece: $f'(x) > 0$"
			if kinds[k] < 0 {
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
	for _, x := range xs {
		y, d := f(x), df(x)
		if !finite(x, y) || math.IsNaN(d) {
			continue
		}
		pts = append(pts, plotter.XY{X: x, Y: y})
		name, align, dx, dy := "punto crítico", draw.XCenter, vg.Length(0), vg.Points(8)
		yalign := draw.YBottom
		if h := (b - a) / 50; f(x-h)+f(x+h) > 2*y {
			// a minimum: write below it
			yalign, dy = draw.YTop, -vg.Points(8)
		}
		switch sign(d) {
		case 1:
			name, align, dx, dy, yalign = "crece", draw.XRight, -vg.Points(4), vg.Points(8), draw.YBottom
		case -1:
			name, align, dx, dy, yalign = "decrece", draw.XLeft, vg.Points(4), vg.Points(8), draw.YBottom
		}
		lab, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{name}})
		if err != nil {
			return nil, err
		}
		lab.TextStyle[0].Font = p.Legend.TextStyle.Font
		lab.TextStyle[0].Handler = p.Legend.TextStyle.Handler
		lab.TextStyle[0].XAlign = align
		lab.TextStyle[0].YAlign = yalign
		lab.Offset = vg.Point{X: dx, Y: dy}
		p.Add(lab)
	}
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

// StepError plots, on log-log axes, the absolute error of difference
// quotients against the step h: one series per formula (e.g. forward
// (f(x+h) − f(x))/h and central (f(x+h) − f(x−h))/2h), Y[i] the error at
// hs[i]. For large h the truncation error dominates (a line of slope 1 for
// the forward, 2 for the central formula), for tiny h the round-off error
// ε·|f(x)|/h grows again; each series' smallest error is marked. Zero
// errors (exact by luck) and non-finite ones are skipped.
func StepError(hs []float64, series ...Series) (*plot.Plot, error) {
	if len(hs) == 0 || len(series) == 0 {
		return nil, ErrEmpty
	}
	p := New("Error del cociente incremental vs. paso $h$", "$h$", "error absoluto")
	var all plotter.XYs
	var labels []string
	any := false
	for i, s := range series {
		if len(s.Y) != len(hs) {
			return nil, fmt.Errorf("gdplot: series %q has %d values for %d steps", s.Label, len(s.Y), len(hs))
		}
		var xys plotter.XYs
		best := -1
		for k, y := range s.Y {
			h := hs[k]
			if !(h > 0) || math.IsInf(h, 0) || !(y > 0) || math.IsInf(y, 0) {
				continue
			}
			// log10 coordinates on linear axes labelled 10^k: gonum
			// places the y-axis label's glyph box at the arithmetic
			// middle of a log axis, leaving a gap under the title.
			xys = append(xys, plotter.XY{X: math.Log10(h), Y: math.Log10(y)})
			if best < 0 || xys[len(xys)-1].Y < xys[best].Y {
				best = len(xys) - 1
			}
		}
		if len(xys) == 0 {
			continue
		}
		any = true
		all = append(all, xys...)
		l, err := line(xys, i)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		sc, err := markers(xys, i, draw.CircleGlyph{})
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle.Radius *= 0.6
		p.Add(sc)
		bp := plotter.XYs{xys[best]}
		bm, _ := markers(bp, i, draw.RingGlyph{})
		bm.GlyphStyle.Radius *= 2
		p.Add(bm)
		lab, _ := plotter.NewLabels(plotter.XYLabels{XYs: bp, Labels: []string{"mejor $h$ = " + fmtPow10(math.Pow(10, bp[0].X))}})
		lab.TextStyle[0].Font = p.Legend.TextStyle.Font
		lab.TextStyle[0].Handler = p.Legend.TextStyle.Handler
		lab.TextStyle[0].Color = DefaultTheme.Color(i)
		lab.TextStyle[0].XAlign = draw.XCenter
		lab.TextStyle[0].YAlign = draw.YTop
		lab.Offset = vg.Point{Y: -vg.Points(10)}
		p.Add(lab)
		if s.Label != "" {
			p.Legend.Add(s.Label, l)
			labels = append(labels, s.Label)
		}
	}
	if !any {
		return nil, fmt.Errorf("gdplot: no positive finite error to plot: %w", ErrEmpty)
	}
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Tick.Marker = exponentTicks{}
		ax.Tick.Label.Handler = MathText{}
	}
	// Room below the lowest minimum for its label (a decade), and three
	// decades above the data for the legend, top left: for tiny h the
	// round-off errors of every formula are large and alike.
	p.Y.Min--
	p.Y.Max += 3
	p.Legend.Top, p.Legend.Left = true, true
	return p, nil
}

// exponentTicks marks the integers k of an axis holding log10 values,
// labelled 10^k (set the tick label handler to MathText). Up to 6 decades
// every k is labelled; over a wider range only the multiples of a round
// step (2, 5, 10, 20, 50, 100, ...) are, with unlabelled minor ticks (every
// k up to 40 decades, else every step/5), so an axis from 10⁰ to 10³⁰⁸ (a
// diverging run) stays readable.
type exponentTicks struct{}

// Ticks implements plot.Ticker.
func (exponentTicks) Ticks(min, max float64) []plot.Tick {
	if !(max >= min) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	lo, hi := int(math.Ceil(min)), int(math.Floor(max))
	step := 1
	for i := 0; (hi-lo)/step > 6; i++ {
		step = []int{1, 2, 5}[(i+1)%3] * int(math.Pow10((i+1)/3))
	}
	minor := 1
	if hi-lo > 40 {
		minor = max1(step/5, 1)
	}
	var ts []plot.Tick
	for k := lo; k <= hi; k++ {
		if k%minor != 0 {
			continue
		}
		t := plot.Tick{Value: float64(k)}
		if k%step == 0 {
			t.Label = superscript(k)
		}
		ts = append(ts, t)
	}
	return ts
}

// fmtPow10 writes an exact power of ten as $10^{k}$, other numbers as fmtNum.
func fmtPow10(x float64) string {
	if x > 0 {
		k := math.Round(math.Log10(x))
		if math.Abs(x/math.Pow(10, k)-1) < 1e-9 {
			return fmt.Sprintf("$10^{%d}$", int(k))
		}
	}
	return fmtNum(x)
}
