package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Series is one named sequence of values, e.g. the loss per iteration.
type Series struct {
	Label string    // legend entry; "" for none
	Y     []float64 // Y[i] is the value at iteration i (LossCurve) or step hs[i] (StepError)
}

// LossCurve plots each series against its iteration index 0, 1, 2, ... .
// With logY the y axis is logarithmic and non-positive values are skipped.
// Non-finite values end a series (with a note that it diverged).
func LossCurve(logY bool, series ...Series) (*plot.Plot, error) {
	if len(series) == 0 {
		return nil, fmt.Errorf("gdplot: LossCurve has no series: %w", gdkit.ErrEmpty)
	}
	ylabel := "$E(\\mathbf{w})$"
	if logY {
		ylabel = "$E(\\mathbf{w})$ (escala log)"
	}
	p := New("Error por iteración", "iteración", ylabel)
	p.X.Tick.Marker = intTicks{} // iterations are whole numbers
	any := false
	var notes []string
	var all plotter.XYs
	for i, s := range series {
		var xys plotter.XYs
		for k, y := range s.Y {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				notes = append(notes, fmt.Sprintf("%s diverge en la iteración %d", s.Label, k))
				break
			}
			if logY {
				if y <= 0 {
					continue
				}
				// A log axis is drawn as log10(y) on a linear axis labelled
				// 10^k: gonum v0.17 centres the y label's glyph box at
				// Norm((min+max)/2), which on plot.LogScale lies near the
				// top and leaves an empty band under the title.
				y = math.Log10(y)
			}
			xys = append(xys, plotter.XY{X: float64(k), Y: y})
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
		if len(xys) == 1 {
			sc, _ := markers(xys, i, draw.CircleGlyph{})
			p.Add(sc)
		}
		if s.Label != "" {
			p.Legend.Add(s.Label, l)
		}
	}
	if !any {
		return nil, fmt.Errorf("gdplot: no plottable value in the series: %w", gdkit.ErrEmpty)
	}
	if logY {
		p.Y.Tick.Marker = exponentTicks{}
		p.Y.Tick.Label.Handler = MathText{}
	}
	placeLegend(p, all)
	if len(notes) > 0 {
		n := notes[0]
		if len(notes) > 1 {
			n += fmt.Sprintf(" (y %d más)", len(notes)-1)
		}
		// The note takes the emptiest corner the legend does not use.
		c := emptiestCorner(p, all, true)
		p.Add(&note{Text: n, Right: !c.left, Bottom: !c.top})
	}
	return p, nil
}
