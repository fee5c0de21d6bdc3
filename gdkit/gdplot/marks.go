package gdplot

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// line returns a themed line through the points, or an error for empty or
// non-finite input.
func line(xys plotter.XYs, i int) (*plotter.Line, error) {
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	l.LineStyle = DefaultTheme.Line(i)
	return l, nil
}

// markers returns themed scatter points.
func markers(xys plotter.XYs, i int, shape draw.GlyphDrawer) (*plotter.Scatter, error) {
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: DefaultTheme.Color(i), Radius: DefaultTheme.MarkerRadius, Shape: shape}
	return s, nil
}

// arrows is a plot.Plotter drawing arrows with filled heads from XYs[i] to
// XYs[i+1] (a path of arrows), in data coordinates. Every step long enough
// to carry its head (1.6 head lengths, once shrunk) gets one; a shorter
// step is a plain line, and so is a step whose head would cover the head
// of an earlier step (converging paths pile them up).
type arrows struct {
	XYs plotter.XYs
	draw.LineStyle
	// Head is the arrowhead length (default 2.5×line width + 4 pt).
	Head vg.Length
	// Shrink shortens each arrow at both ends so it does not cover markers.
	Shrink vg.Length
}

// Plot implements plot.Plotter.
func (a *arrows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	head := a.Head
	if head == 0 {
		head = 2.5*a.Width + vg.Points(4)
	}
	var heads []vg.Rectangle
	for i := 0; i+1 < len(a.XYs); i++ {
		p0 := vg.Point{X: trX(a.XYs[i].X), Y: trY(a.XYs[i].Y)}
		p1 := vg.Point{X: trX(a.XYs[i+1].X), Y: trY(a.XYs[i+1].Y)}
		if hb, ok := drawArrow(c, p0, p1, a.LineStyle, head, a.Shrink, heads); ok {
			heads = append(heads, hb)
		}
	}
}

// DataRange implements plot.DataRanger.
func (a *arrows) DataRange() (xmin, xmax, ymin, ymax float64) {
	return plotter.XYRange(a.XYs)
}

// drawArrow draws on c a line from p0 to p1 in style ls, both ends pulled
// in by shrink, ending in a filled triangular head of length head when the
// line is at least 1.6 heads long and the head's box overlaps none of
// taken. It returns the head's box and whether it drew one. Degenerate
// (zero-length or non-finite) arrows draw nothing.
func drawArrow(c draw.Canvas, p0, p1 vg.Point, ls draw.LineStyle, head, shrink vg.Length, taken []vg.Rectangle) (vg.Rectangle, bool) {
	dx, dy := float64(p1.X-p0.X), float64(p1.Y-p0.Y)
	l := math.Hypot(dx, dy)
	if !(l > 2*float64(shrink)+0.5) || math.IsInf(l, 0) {
		return vg.Rectangle{}, false
	}
	ux, uy := dx/l, dy/l
	s := float64(shrink)
	p0 = vg.Point{X: p0.X + vg.Length(ux*s), Y: p0.Y + vg.Length(uy*s)}
	p1 = vg.Point{X: p1.X - vg.Length(ux*s), Y: p1.Y - vg.Length(uy*s)}
	l -= 2 * s
	ls2 := ls
	ls2.Dashes = nil
	h := float64(head)
	w := 0.45 * h
	base := vg.Point{X: p1.X - vg.Length(ux*h), Y: p1.Y - vg.Length(uy*h)}
	left := vg.Point{X: base.X - vg.Length(uy*w), Y: base.Y + vg.Length(ux*w)}
	right := vg.Point{X: base.X + vg.Length(uy*w), Y: base.Y - vg.Length(ux*w)}
	box := unionBox(unionBox(vg.Rectangle{Min: p1, Max: p1}, vg.Rectangle{Min: left, Max: left}), vg.Rectangle{Min: right, Max: right})
	withHead := l >= 1.6*h
	for _, t := range taken {
		if withHead && overlaps(box, t) {
			withHead = false
		}
	}
	if !withHead {
		c.StrokeLine2(ls2, p0.X, p0.Y, p1.X, p1.Y)
		return vg.Rectangle{}, false
	}
	// Line up to the base of the head, so the tip stays sharp.
	c.StrokeLine2(ls2, p0.X, p0.Y, base.X+vg.Length(ux*h*0.3), base.Y+vg.Length(uy*h*0.3))
	var path vg.Path
	path.Move(p1)
	path.Line(left)
	path.Line(right)
	path.Close()
	c.SetColor(ls.Color)
	c.Fill(path)
	return box, true
}

// note is a plot.Plotter writing a boxed message in the data area, e.g.
// "diverge en la iteración 7: se muestran 6 pasos", at the free spot the
// layout finds (the corner its fields name first), or under the plot when
// every spot covers data.
type note struct {
	Text string
	// Color of the text and frame (default dark red).
	Color color.Color
	// Right prefers the top-right corner instead of the top-left one.
	Right bool
	// Bottom prefers a bottom corner instead of a top one.
	Bottom bool
	// Center prefers the top (or bottom) centre.
	Center bool
	// mask, for a masking note (see mask.go), is what it counts: the
	// masking notes of one plot are merged into one (mergedMaskText).
	mask *maskCount
}

// Plot implements plot.Plotter.
func (n *note) Plot(c draw.Canvas, p *plot.Plot) {
	if n.Text == "" {
		return
	}
	pref := spotUpperLeft
	switch {
	case n.Center && n.Bottom:
		pref = spotLowerCenter
	case n.Center:
		pref = spotUpperCenter
	case n.Right && n.Bottom:
		pref = spotLowerRight
	case n.Right:
		pref = spotUpperRight
	case n.Bottom:
		pref = spotLowerLeft
	}
	if l := layoutOf(p); l != nil && n.mask != nil {
		l.masks = append(l.masks, *n.mask)
		if len(l.masks) > 1 {
			return // the first masking note writes them all
		}
		deferLabel(p, c, orderNote, func(l *layout, c draw.Canvas) {
			l.placeNote(c, mergedMaskText(l.masks), n.Color, pref)
		})
		return
	}
	deferLabel(p, c, orderNote, func(l *layout, c draw.Canvas) { l.placeNote(c, n.Text, n.Color, pref) })
}

// stepLabels is a plot.Plotter writing the step numbers First, First+1, ...
// next to the points of a path, placed by the layout: on the side away from
// the neighbouring steps, never over another label or a marker. The rule,
// for converging steps that pile up: the first and the last step are
// numbered (further out with a leader line if need be), the others in
// order until one finds no free place next to it; when that leaves only
// the step before the last without a number it gets a leader line too,
// otherwise a note says which steps have no number ("pasos 6–9 sin número (muy juntos)").
type stepLabels struct {
	XYs   plotter.XYs
	First int
}

// Plot implements plot.Plotter.
func (s *stepLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, len(s.XYs))
	for i, xy := range s.XYs {
		pts[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
	}
	deferLabel(p, c, orderPoint, func(l *layout, c draw.Canvas) { s.place(l, c, pts) })
}

// place numbers the steps at pts by the rule of stepLabels.
func (s *stepLabels) place(l *layout, c draw.Canvas, pts []vg.Point) {
	sty := draw.TextStyle{Color: color.Black, Font: font.From(DefaultTheme.Font, DefaultTheme.TickSize),
		Handler: plainHandler()}
	n := len(pts)
	label := func(i, rings int) bool {
		return l.placeLabel(c, labelReq{
			text: fmt.Sprint(s.First + i), sty: sty, at: pts[i],
			keep: DefaultTheme.MarkerRadius + vg.Points(0.5), dirs: []vg.Point{awayFrom(pts, i)},
			rings: rings, tolerate: 3, area: c.Rectangle, others: pts,
		})
	}
	var missing []int
	if !label(0, 3) {
		missing = append(missing, 0)
	}
	if n > 1 && !label(n-1, 3) {
		missing = append(missing, n-1)
	}
	stop := n - 1
	for i := 1; i < n-1; i++ {
		if !label(i, 0) {
			stop = i
			break
		}
	}
	if stop == n-2 {
		for i := stop; i < n-1; i++ {
			if !label(i, 2) {
				missing = append(missing, i)
			}
		}
	} else {
		for i := stop; i < n-1; i++ {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return
	}
	sort.Ints(missing)
	for k := range missing {
		missing[k] += s.First
	}
	word := "paso %s sin número (muy junto a otros)"
	if len(missing) > 1 {
		word = "pasos %s sin número (muy juntos)"
	}
	l.placeNote(c, fmt.Sprintf(word, intRanges(missing)), color.Gray{Y: 0x40}, spotLowerRight)
}

// awayFrom is the unit direction from pts[i] away from its neighbours,
// with a slight upward bias.
func awayFrom(pts []vg.Point, i int) vg.Point {
	unit := func(a, b vg.Point) (float64, float64) {
		dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
		l := math.Hypot(dx, dy)
		if l < 1e-6 {
			return 0, 0
		}
		return dx / l, dy / l
	}
	vx, vy := 0.0, 0.25
	if i > 0 {
		ux, uy := unit(pts[i], pts[i-1])
		vx, vy = vx-ux, vy-uy
	}
	if i+1 < len(pts) {
		ux, uy := unit(pts[i], pts[i+1])
		vx, vy = vx-ux, vy-uy
	}
	l := math.Hypot(vx, vy)
	if l < 1e-6 {
		return vg.Point{X: 0.7071, Y: 0.7071}
	}
	return vg.Point{X: vg.Length(vx / l), Y: vg.Length(vy / l)}
}

// intRanges writes sorted integers as ranges: 1, 3–5, 8.
func intRanges(ks []int) string {
	var parts []string
	for i := 0; i < len(ks); {
		j := i
		for j+1 < len(ks) && ks[j+1] == ks[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, fmt.Sprint(ks[i]))
		case j == i+1:
			parts = append(parts, fmt.Sprint(ks[i]), fmt.Sprint(ks[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", ks[i], ks[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// numberLabels labels points first, first+1, ... .
func numberLabels(xys plotter.XYs, first int) (*stepLabels, error) {
	return &stepLabels{XYs: xys, First: first}, nil
}

// pointLabels is a plot.Plotter writing texts next to data points (a
// verdict next to a marker, the slope next to a tangent point), placed by
// the layout in the preferred direction when it is free.
type pointLabels struct {
	items []pointLabel
}

// pointLabel is one text of pointLabels.
type pointLabel struct {
	xy   plotter.XY
	text string
	sty  draw.TextStyle
	dirs []vg.Point // preferred directions, best first
	keep vg.Length  // radius kept clear around the point
}

// Plot implements plot.Plotter.
func (pl *pointLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	reqs := make([]labelReq, 0, len(pl.items))
	for _, it := range pl.items {
		reqs = append(reqs, labelReq{
			text: it.text, sty: it.sty, at: vg.Point{X: trX(it.xy.X), Y: trY(it.xy.Y)},
			keep: it.keep, dirs: it.dirs, rings: 3, tolerate: 2,
		})
	}
	deferLabel(p, c, orderPoint, func(l *layout, c draw.Canvas) {
		for _, q := range reqs {
			q.area = c.Rectangle
			l.placeLabel(c, q)
		}
	})
}

// DataRange implements plot.DataRanger: the labelled points.
func (pl *pointLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	xys := make(plotter.XYs, len(pl.items))
	for i, it := range pl.items {
		xys[i] = it.xy
	}
	if len(xys) == 0 {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return plotter.XYRange(xys)
}

// dir returns the unit vector of (x, y).
func dir(x, y float64) vg.Point {
	l := math.Hypot(x, y)
	if l == 0 {
		return vg.Point{}
	}
	return vg.Point{X: vg.Length(x / l), Y: vg.Length(y / l)}
}

// labelStyle is the theme's style for text inside plots (legend size,
// MathText).
func labelStyle() draw.TextStyle {
	return draw.TextStyle{Color: color.Black, Font: font.From(DefaultTheme.Font, DefaultTheme.LegendSize),
		Handler: DefaultTheme.handler()}
}

// plainHandler is the handler of tick labels and step numbers.
func plainHandler() text.Handler { return text.Plain{Fonts: font.DefaultCache} }

// BoxedLabels draws plotter.Labels on white patches (text over lines stays
// readable, as in matplotlib's clabel). When a Figure draws the plot, each
// label goes at its point (plus Offset) if no other text or marker is
// there, else next to the point where it is free, with a leader line if it
// must move further; a label with no free place is left out.
type BoxedLabels struct {
	*plotter.Labels
}

// Plot implements plot.Plotter.
func (b *BoxedLabels) Plot(c draw.Canvas, p *plot.Plot) {
	if b.Labels == nil {
		return
	}
	trX, trY := p.Transforms(&c)
	type item struct {
		at  vg.Point
		s   string
		sty draw.TextStyle
	}
	var items []item
	for i, s := range b.Labels.Labels {
		pt := vg.Point{X: trX(b.XYs[i].X), Y: trY(b.XYs[i].Y)}
		if !contains(c.Rectangle, pt) {
			continue
		}
		items = append(items, item{pt, s, b.TextStyle[i]})
	}
	off := b.Offset
	deferLabel(p, c, orderPoint, func(l *layout, c draw.Canvas) {
		for _, it := range items {
			sz, _ := textExtent(it.sty, it.s)
			r := it.sty.Rectangle(it.s).Add(it.at.Add(off))
			centre := vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
			if l.placeAt(c, it.s, it.sty, []vg.Point{centre}, c.Rectangle) {
				continue
			}
			u := dir(float64(off.X), float64(off.Y))
			if u == (vg.Point{}) {
				u = compass[1]
			}
			l.placeLabel(c, labelReq{text: it.s, sty: it.sty, at: it.at, keep: min(sz.X, sz.Y) / 2,
				dirs: []vg.Point{u}, rings: 3, boxed: true, area: c.Rectangle})
		}
	})
}

// DataRange implements plot.DataRanger.
func (b *BoxedLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	if b.Labels == nil || len(b.XYs) == 0 {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return b.Labels.DataRange()
}
