package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// StepError plots, on log-log axes, the absolute error of difference
// quotients against the step h: one series per formula (e.g. forward
// (f(x+h) − f(x))/h and central (f(x+h) − f(x−h))/2h), Y[i] the error at
// hs[i]. For large h the truncation error dominates (a line of slope 1 for
// the forward, 2 for the central formula), for tiny h the round-off error
// ε·|f(x)|/h grows again; each series' smallest error is marked. Zero
// errors (exact by luck) and non-finite ones are skipped.
func StepError(hs []float64, series ...Series) (*plot.Plot, error) {
	if len(hs) == 0 || len(series) == 0 {
		return nil, fmt.Errorf("gdplot: StepError has %d steps and %d series: %w", len(hs), len(series), gdkit.ErrEmpty)
	}
	p := New("Error del cociente incremental vs. paso $h$", "$h$", "error absoluto")
	var all plotter.XYs
	var labels []string
	any := false
	for i, s := range series {
		if len(s.Y) != len(hs) {
			return nil, fmt.Errorf("gdplot: series %q has %d values for %d steps: %w", s.Label, len(s.Y), len(hs), gdkit.ErrDimension)
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
		sty := labelStyle()
		sty.Font = p.Legend.TextStyle.Font
		sty.Color = DefaultTheme.Color(i)
		p.Add(&pointLabels{items: []pointLabel{{
			xy: bp[0], text: "mejor $h$ = " + fmtPow10(math.Pow(10, bp[0].X)), sty: sty,
			dirs: []vg.Point{dir(0, -1)}, keep: bm.GlyphStyle.Radius + vg.Points(2),
		}}})
		if s.Label != "" {
			p.Legend.Add(s.Label, l)
			labels = append(labels, s.Label)
		}
	}
	if !any {
		return nil, fmt.Errorf("gdplot: no positive finite error to plot: %w", gdkit.ErrEmpty)
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
