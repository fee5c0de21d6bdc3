package gdplot

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// FitEvolution plots the data (xs[i], ys[i]) as points and the fitted
// model at several iterations: models[k] is the model after iters[k]
// iterations, drawn over [min xs, max xs] in a sequential colour map from
// light (early) to dark (late), the last one solid in the accent colour.
// Each line is labelled on the plot with its iteration, "$k$ = 10", where
// the label covers no other label or data point; the legend names the data
// and the lines.
func FitEvolution(xs, ys []float64, models []func(float64) float64, iters []int) (*plot.Plot, error) {
	if len(xs) == 0 || len(models) == 0 {
		return nil, fmt.Errorf("gdplot: FitEvolution has %d data points and %d models: %w", len(xs), len(models), gdkit.ErrEmpty)
	}
	if len(xs) != len(ys) || len(iters) != len(models) {
		return nil, fmt.Errorf("gdplot: ragged input: %d x, %d y, %d models, %d iteration numbers: %w", len(xs), len(ys), len(models), len(iters), gdkit.ErrDimension)
	}
	xys := make(plotter.XYs, 0, len(xs))
	for i := range xs {
		if finite(xs[i], ys[i]) {
			xys = append(xys, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	if len(xys) == 0 {
		return nil, fmt.Errorf("gdplot: no finite data point: %w", gdkit.ErrNotFinite)
	}
	p := New("Ajuste del modelo durante el descenso", "$x$", "$y$")
	xmin, xmax, _, _ := plotter.XYRange(xys)
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	labels := &lineLabels{}
	var thumb *plotter.Line
	for k, m := range models {
		pts := sample(m, xmin, xmax, 200)
		if len(pts) < 2 {
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		last := k == len(models)-1
		if last {
			l.LineStyle = draw.LineStyle{Color: DefaultTheme.Color(1), Width: DefaultTheme.LineWidth}
		} else {
			l.LineStyle = draw.LineStyle{Color: sequentialColor(k, len(models)-1), Width: DefaultTheme.GuideWidth * 1.2}
			if thumb == nil || k == (len(models)-1)/2 {
				thumb = l
			}
		}
		p.Add(l)
		labels.items = append(labels.items, lineLabel{pts: pts, text: fmt.Sprintf("$k$ = %d", iters[k]), color: l.LineStyle.Color})
	}
	sc, err := markers(xys, 2, draw.CircleGlyph{}) // black: the lines are blue
	if err != nil {
		return nil, err
	}
	p.Add(sc)
	// The last model is labelled first: it matters most.
	for i, j := 0, len(labels.items)-1; i < j; i, j = i+1, j-1 {
		labels.items[i], labels.items[j] = labels.items[j], labels.items[i]
	}
	p.Add(labels)
	p.Legend.Add("datos", sc)
	if thumb != nil {
		p.Legend.Add("recta en la iteración $k$", thumb)
	}
	all := append(plotter.XYs{}, xys...)
	for _, m := range models {
		all = append(all, sample(m, xmin, xmax, 50)...)
	}
	placeLegend(p, all)
	return p, nil
}

// sequentialColor is colour k of n + 1 steps of a sequential blue map, from
// light (k = 0, grey level ≈ 0.72) to dark (k = n, ≈ 0.2), luminance
// decreasing evenly so the order reads in greyscale too.
func sequentialColor(k, n int) color.Color {
	cm, err := moreland.NewLuminance([]color.Color{ // dark to light
		color.NRGBA{R: 0x08, G: 0x30, B: 0x6b, A: 0xff},
		color.NRGBA{R: 0x3d, G: 0x8d, B: 0xc4, A: 0xff},
		color.NRGBA{R: 0x9e, G: 0xc9, B: 0xe2, A: 0xff},
	})
	if err != nil {
		return color.Gray{Y: uint8(180 - 130*float64(k)/math.Max(1, float64(n)))}
	}
	cm.SetMin(0)
	cm.SetMax(1)
	c, err := cm.At(1 - math.Min(1, float64(k)/math.Max(1, float64(n))))
	if err != nil {
		return color.Gray{Y: 128}
	}
	return c
}

// lineLabels is a plot.Plotter writing a label on each of several curves,
// in the curve's colour. The rule, curve by curve in order: the label goes
// just above or below its curve, at the first place from 92 % of the x
// range leftwards that covers no line, text or marker and is nearer to its
// own curve than to any other (so it names the right one); else further
// out, where it covers nothing, joined to its curve by a leader line; else
// over lines at the place covering the fewest, on a translucent halo that
// leaves the lines visible; a label with no place at all is left out and a
// note under the plot names it and the curve it nearly lies on.
type lineLabels struct {
	items []lineLabel
}

// lineLabel is one curve (its sample points) and its label.
type lineLabel struct {
	pts   plotter.XYs
	text  string
	color color.Color
}

// Plot implements plot.Plotter.
func (ll *lineLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	curves := make([][]vg.Point, len(ll.items))
	for k, it := range ll.items {
		for _, q := range it.pts {
			curves[k] = append(curves[k], vg.Point{X: trX(q.X), Y: trY(q.Y)})
		}
	}
	deferLabel(p, c, orderLine, func(l *layout, c draw.Canvas) {
		var missing []string
		for k, it := range ll.items {
			sty := labelStyle()
			sty.Color = it.color
			if !l.placeOnCurve(c, it.text, sty, curves, k) {
				missing = append(missing, fmt.Sprintf("%s sin etiqueta (casi sobre %s)", it.text, ll.items[nearestCurve(curves, k)].text))
			}
		}
		if len(missing) > 0 {
			// Under the plot: the corners are the legend's.
			l.notes = append(l.notes, placedNote{strings.Join(missing, "; "), color.Gray{Y: 0x40}})
		}
	})
}

// placeOnCurve places txt as a label of curves[k] by the rule of
// lineLabels, and reports whether it found a place.
func (l *layout) placeOnCurve(c draw.Canvas, txt string, sty draw.TextStyle, curves [][]vg.Point, k int) bool {
	pts := curves[k]
	n := len(pts)
	if n < 2 {
		return false
	}
	sz, off := textExtent(sty, txt)
	gap := vg.Points(3)
	// own reports whether b is nearer to curve k than to every other
	// curve, the others at least margin times as far.
	own := func(b vg.Rectangle, margin float64) bool {
		d := curveDist(b, pts)
		for j, o := range curves {
			if j != k && curveDist(b, o) <= margin*d+float64(vg.Points(1)) {
				return false
			}
		}
		return true
	}
	type cand struct {
		box    vg.Rectangle
		anchor vg.Point
		soft   int
	}
	// at returns the boxes on both sides of the curve at fraction f of
	// its samples, their near side d from the curve.
	at := func(f float64, d vg.Length) [2]cand {
		i := int(f * float64(n-1))
		a, b := pts[max(i-2, 0)], pts[min(i+2, n-1)]
		u := dir(float64(b.X-a.X), float64(b.Y-a.Y))
		nrm := vg.Point{X: -u.Y, Y: u.X}
		if nrm.Y < 0 {
			nrm = vg.Point{X: -nrm.X, Y: -nrm.Y}
		}
		q := pts[i]
		return [2]cand{
			{box: boxAt(q, nrm, sz, d), anchor: q},
			{box: boxAt(q, vg.Point{X: -nrm.X, Y: -nrm.Y}, sz, d), anchor: q},
		}
	}
	var fs []float64
	for f := 0.92; f > 0.05; f -= 0.04 {
		fs = append(fs, f)
	}
	put := func(cd cand, leader, halo bool) bool {
		if leader {
			a, e := cd.anchor, nearestIn(cd.box, cd.anchor)
			c.StrokeLine2(draw.LineStyle{Color: sty.Color, Width: vg.Points(0.6)}, a.X, a.Y, e.X, e.Y)
			l.leaders = append(l.leaders, [2]vg.Point{a, e})
		}
		if halo {
			l.fillHalo(c, cd.box, sty)
		}
		ts := sty
		ts.XAlign, ts.YAlign = draw.XLeft, draw.YBottom
		c.FillText(ts, cd.box.Min.Add(off), txt)
		l.take(cd.box)
		return true
	}
	// Next to the curve, covering nothing, clearly nearest to its own
	// curve; the best place over lines (nearest to its own curve) is kept
	// for the last resort.
	best := cand{soft: math.MaxInt}
	for _, f := range fs {
		for _, cd := range at(f, gap) {
			hard, soft := l.cost(cd.box, c.Rectangle)
			if hard || !own(cd.box, 1) {
				continue
			}
			if soft == 0 && own(cd.box, 1.5) {
				return put(cd, false, false)
			}
			if soft < best.soft {
				best, best.soft = cd, soft
			}
		}
	}
	// Further out, covering nothing, with a leader line from a point of
	// the curve at least 5 pt from every other curve.
	step := max(sz.Y, vg.Points(9))
	apart := func(q vg.Point) bool {
		r := vg.Rectangle{Min: q, Max: q}
		for j, o := range curves {
			if j != k && curveDist(r, o) < float64(vg.Points(5)) {
				return false
			}
		}
		return true
	}
	for ring := 1; ring <= 3; ring++ {
		for _, f := range fs {
			if !apart(pts[int(f*float64(n-1))]) {
				continue
			}
			for _, cd := range at(f, gap+vg.Length(ring)*step) {
				hard, soft := l.cost(cd.box, c.Rectangle)
				if hard || soft > 0 {
					continue
				}
				if e := nearestIn(cd.box, cd.anchor); l.segmentHitsText(cd.anchor, e) || l.leaderCrossesLines(cd.anchor, e) {
					continue
				}
				return put(cd, true, false)
			}
		}
	}
	if best.soft < math.MaxInt {
		return put(best, false, true)
	}
	return false
}

// segmentHitsText reports whether the segment ab crosses a text or a
// marker of the layout.
func (l *layout) segmentHitsText(a, b vg.Point) bool {
	for _, r := range append(append([]vg.Rectangle(nil), l.texts...), l.marks...) {
		if segmentHitsBox(a, b, r) {
			return true
		}
	}
	return false
}

// leaderCrossesLines reports whether the leader line from a (on its own
// curve) to e crosses a line further than 2.5 pt from a: a leader across
// another curve would point at it.
func (l *layout) leaderCrossesLines(a, e vg.Point) bool {
	d := math.Hypot(float64(e.X-a.X), float64(e.Y-a.Y))
	skip := float64(vg.Points(2.5))
	if d <= skip {
		return false
	}
	for s := skip; s <= d; s += float64(l.grid.cell) / 2 {
		t := vg.Length(s / d)
		p := vg.Point{X: a.X + t*(e.X-a.X), Y: a.Y + t*(e.Y-a.Y)}
		if l.grid.at(p) {
			return true
		}
	}
	return false
}

// nearestCurve is the index of the curve nearest on average to curves[k].
func nearestCurve(curves [][]vg.Point, k int) int {
	best, bestD := k, math.Inf(1)
	for j, o := range curves {
		if j == k || len(o) == 0 {
			continue
		}
		d := 0.0
		for _, p := range curves[k] {
			d += curveDist(vg.Rectangle{Min: p, Max: p}, o)
		}
		if d < bestD {
			best, bestD = j, d
		}
	}
	return best
}

// nearestIn is the point of b nearest to p.
func nearestIn(b vg.Rectangle, p vg.Point) vg.Point {
	return vg.Point{X: max(b.Min.X, min(b.Max.X, p.X)), Y: max(b.Min.Y, min(b.Max.Y, p.Y))}
}

// curveDist is the distance from the box b to the polyline pts (its
// vertices: curves are sampled densely).
func curveDist(b vg.Rectangle, pts []vg.Point) float64 {
	d := math.Inf(1)
	for _, p := range pts {
		d = math.Min(d, boxDist(b, p))
	}
	return d
}
