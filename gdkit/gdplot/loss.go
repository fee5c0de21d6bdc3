package gdplot

import (
	"fmt"
	"math"
	"slices"

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
//
// On a log axis, a series that climbs far above all the others (more than
// 10 decades and 3 times the decades the others span, e.g. a run
// overflowing to 10³⁰⁸ beside one that gdkit stops at 10⁷) would squash
// them flat: the axis is then clipped a quarter of their span above their
// top, the runaway series is drawn until it leaves the plot, and a note
// gives the value it reaches ("α = 5 sale del gráfico: llega a 10³⁰⁸ en la
// iteración 161").
func LossCurve(logY bool, series ...Series) (*plot.Plot, error) {
	if len(series) == 0 {
		return nil, fmt.Errorf("gdplot: LossCurve has no series: %w", gdkit.ErrEmpty)
	}
	ylabel := "$E(\\mathbf{w})$"
	if logY {
		ylabel = "$E(\\mathbf{w})$ (escala log)"
	}
	p := New("Error por iteración", "iteración", ylabel)
	p.X.Tick.Marker = RoundTicks{Integer: true} // iterations are whole numbers
	var notes []string
	curves := make([]plotter.XYs, len(series))
	diverged := make([]int, len(series)) // iteration of the first non-finite value, or -1
	for i, s := range series {
		var xys plotter.XYs
		diverged[i] = -1
		for k, y := range s.Y {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				notes = append(notes, divergeNote(s.Label, k))
				diverged[i] = k
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
		curves[i] = xys
	}
	top, cap, clip := math.Inf(-1), 0.0, -1
	if logY {
		clip, cap, top = runaway(curves)
	}
	any := false
	var all plotter.XYs
	xmax := math.Inf(-1)
	for i, xys := range curves {
		if len(xys) == 0 {
			continue
		}
		if i == clip {
			xys = clipAbove(xys, cap)
			last := curves[i][len(curves[i])-1]
			msg := fmt.Sprintf("%s sale del gráfico: llega a %s en la iteración %d",
				series[i].Label, superscript(int(math.Floor(top))), int(last.X))
			if k := diverged[i]; k >= 0 {
				msg = fmt.Sprintf("%s sale del gráfico: llega a %s y diverge en la iteración %d",
					series[i].Label, superscript(int(math.Floor(top))), k)
				notes = slices.DeleteFunc(notes, func(n string) bool { return n == divergeNote(series[i].Label, k) })
			}
			notes = append(notes, msg)
		}
		any = true
		all = append(all, xys...)
		xmax = math.Max(xmax, xys[len(xys)-1].X)
		l, err := line(xys, i)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if len(xys) == 1 {
			sc, _ := markers(xys, i, draw.CircleGlyph{})
			p.Add(sc)
		}
		if series[i].Label != "" {
			p.Legend.Add(series[i].Label, l)
		}
	}
	if !any {
		return nil, fmt.Errorf("gdplot: no plottable value in the series: %w", gdkit.ErrEmpty)
	}
	if clip >= 0 {
		p.Y.Max = cap
		p.X.Max = xmax
	}
	if logY {
		p.Y.Tick.Marker = exponentTicks{}
		p.Y.Tick.Label.Handler = MathText{}
	}
	placeLegend(p, all)
	for _, n := range notes {
		p.Add(&note{Text: n, Right: true, Bottom: true})
	}
	return p, nil
}

// divergeNote says that the series named label diverges at iteration k.
func divergeNote(label string, k int) string {
	return fmt.Sprintf("%s diverge en la iteración %d", label, k)
}

// runaway returns the index of the series (log10 values) whose top is more
// than 10 decades and 3 spans above the top of all the others, the height
// at which to clip it (their top plus a quarter of their span, at least
// one decade) and its own top; -1 when there is none.
func runaway(curves []plotter.XYs) (idx int, cap, top float64) {
	type rng struct{ lo, hi float64 }
	var rs []rng
	var ids []int
	for i, c := range curves {
		if len(c) == 0 {
			continue
		}
		_, _, lo, hi := plotter.XYRange(c)
		rs = append(rs, rng{lo, hi})
		ids = append(ids, i)
	}
	if len(rs) < 2 {
		return -1, 0, 0
	}
	best := 0
	for k := range rs {
		if rs[k].hi > rs[best].hi {
			best = k
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for k, r := range rs {
		if k != best {
			lo, hi = math.Min(lo, r.lo), math.Max(hi, r.hi)
		}
	}
	span := math.Max(hi-lo, 1)
	if rs[best].hi-hi <= math.Max(10, 3*span) {
		return -1, 0, 0
	}
	return ids[best], hi + math.Max(1, span/4), rs[best].hi
}

// clipAbove returns the points of xys up to where the polyline first rises
// above y = cap, ending exactly on it.
func clipAbove(xys plotter.XYs, cap float64) plotter.XYs {
	for k, q := range xys {
		if q.Y <= cap {
			continue
		}
		if k == 0 {
			return plotter.XYs{{X: q.X, Y: cap}}
		}
		a := xys[k-1]
		t := (cap - a.Y) / (q.Y - a.Y)
		return append(append(plotter.XYs{}, xys[:k]...), plotter.XY{X: a.X + t*(q.X-a.X), Y: cap})
	}
	return xys
}
