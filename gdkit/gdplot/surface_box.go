package gdplot

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// surfTicks returns the labelled ticks of RoundTicks on [lo, hi] (4 to 7
// multiples of a 1, 2, 2.5 or 5 × 10ⁿ step), or the ends of a range too
// narrow for round steps.
func surfTicks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (RoundTicks{}).Ticks(lo, hi) {
		if t.Label != "" {
			out = append(out, t)
		}
	}
	return out
}

// surfTicksN returns the labelled ticks of RoundTicks on [lo, hi] limited
// to n labels, for a short axis of the box.
func surfTicksN(lo, hi float64, n int) []plot.Tick {
	step, m, ok := roundStepN(lo, hi, false, n)
	if !ok {
		return surfTicks(lo, hi)
	}
	dec := stepDecimals(step, m)
	var out []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k <= math.Floor(hi/step+1e-9); k++ {
		v := cleanFloat(k * step)
		out = append(out, plot.Tick{Value: v, Label: tickLabel(v, dec)})
	}
	return out
}

// thinTicks gives each axis of the box, when TickMarker is nil, as many
// labels as its projected length holds at about 1.8 font sizes apart
// (between 3 and 7), at the scale k of the first layout guess.
func (s *Surface) thinTicks(axes []surfAxis, v *surfView, fontSize float64) {
	if s.TickMarker != nil || !(fontSize > 0) {
		return
	}
	for i := range axes {
		a := &axes[i]
		if len(a.ticks) == 0 {
			continue
		}
		p0, p1 := v.box(a.from[0], a.from[1], a.from[2]), v.box(a.to[0], a.to[1], a.to[2])
		d := [3]float64{p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]}
		length := v.k * math.Hypot(surfDot(d, v.r), surfDot(d, v.u))
		n := max(int(length/(1.8*fontSize)), 3)
		if n >= 7 {
			continue
		}
		lo, hi := a.from[a.dim], a.to[a.dim]
		a.ticks = surfTicksN(min(lo, hi), max(lo, hi), n)
	}
}

// ticks returns the major ticks of [lo, hi].
func (s *Surface) ticks(lo, hi float64) []plot.Tick {
	var tm plot.Ticker = plot.TickerFunc(surfTicks)
	if s.TickMarker != nil {
		tm = s.TickMarker
	}
	var out []plot.Tick
	eps := 1e-9 * (hi - lo)
	for _, t := range tm.Ticks(lo, hi) {
		if t.Label == "" || t.Value < lo-eps || t.Value > hi+eps {
			continue
		}
		out = append(out, t)
	}
	return out
}

// surfLabel is a piece of text placed by the axes layout.
type surfLabel struct {
	at     vg.Point
	dx, dy float64 // outward unit direction
	off    vg.Length
	text   string
	sty    draw.TextStyle
}

// pos returns the anchor of the label and its style with alignment set
// so the text lies outward of the anchor.
func (l surfLabel) pos() (vg.Point, draw.TextStyle) {
	sty := l.sty
	sty.XAlign = draw.XAlignment(-0.5 + 0.5*l.dx)
	sty.YAlign = draw.YAlignment(-0.5 + 0.5*l.dy)
	return vg.Point{X: l.at.X + l.off*vg.Length(l.dx), Y: l.at.Y + l.off*vg.Length(l.dy)}, sty
}

// rect returns the canvas rectangle covered by the label.
func (l surfLabel) rect() vg.Rectangle {
	p, sty := l.pos()
	r := sty.Rectangle(l.text)
	return vg.Rectangle{Min: r.Min.Add(p), Max: r.Max.Add(p)}
}

// surfAxis is one axis of the box: an edge, its ticks and a label.
type surfAxis struct {
	from, to [3]float64 // data coordinates of the edge ends
	out      [3]float64 // outward direction in box units
	ticks    []plot.Tick
	dim      int
	label    string
}

// axes chooses the box edges carrying the x, y and z axes: x and y on the
// bottom edges nearest the viewer, z on the vertical edge at the right
// silhouette (the left one if the right one is nearest the viewer), as
// matplotlib does.
func (s *Surface) axes(v *surfView) []surfAxis {
	// Side of y (resp. x) nearest the viewer.
	yNear, ySign := v.y0, -1.0
	if v.e[1] > 0 {
		yNear, ySign = v.y1, 1
	}
	xNear, xSign := v.x0, -1.0
	if v.e[0] > 0 {
		xNear, xSign = v.x1, 1
	}
	xa := surfAxis{
		from: [3]float64{v.x0, yNear, v.z0}, to: [3]float64{v.x1, yNear, v.z0},
		out: [3]float64{0, ySign, 0}, ticks: s.ticks(v.x0, v.x1), dim: 0, label: s.XLabel,
	}
	ya := surfAxis{
		from: [3]float64{xNear, v.y0, v.z0}, to: [3]float64{xNear, v.y1, v.z0},
		out: [3]float64{xSign, 0, 0}, ticks: s.ticks(v.y0, v.y1), dim: 1, label: s.YLabel,
	}
	// z: vertical edge with the smallest screen u, unless it is the
	// nearest one (it would sit in front of the surface); then the largest.
	best, bestU := -1, math.Inf(1)
	worst, worstU := -1, math.Inf(-1)
	nearest, nearD := -1, math.Inf(-1)
	for i := range 4 {
		c := v.corner(i)
		p := v.box(c[0], c[1], c[2])
		u := surfDot(p, v.r)
		if u < bestU {
			best, bestU = i, u
		}
		if u > worstU {
			worst, worstU = i, u
		}
		if d := surfDot(p, v.e); d > nearD {
			nearest, nearD = i, d
		}
	}
	zi := worst
	if zi == nearest {
		zi = best
	}
	zc := v.corner(zi)
	out := [3]float64{-1, -1, 0}
	if zi&1 != 0 {
		out[0] = 1
	}
	if zi&2 != 0 {
		out[1] = 1
	}
	za := surfAxis{
		from: [3]float64{zc[0], zc[1], v.z0}, to: [3]float64{zc[0], zc[1], v.z1},
		out: out, ticks: s.ticks(v.z0, v.z1), dim: 2, label: s.ZLabel,
	}
	axes := []surfAxis{xa, ya, za}
	// An axis seen end-on (e.g. z from straight above) would stack its
	// labels on one point: drop its ticks and label.
	for i := range axes {
		var d [3]float64
		d[i] = 1
		if math.Hypot(surfDot(d, v.r), surfDot(d, v.u)) < 0.2 {
			axes[i].ticks, axes[i].label = nil, ""
		}
	}
	return axes
}

// at returns the data point on axis a at tick value t.
func (a surfAxis) at(t float64) [3]float64 {
	p := a.from
	p[a.dim] = t
	return p
}

// labels lays out tick labels and axis labels for the current view.
func (s *Surface) labels(v *surfView, axes []surfAxis, tickSty, labSty draw.TextStyle) []surfLabel {
	var out []surfLabel
	gap := s.TickLength + vg.Points(2)
	for _, a := range axes {
		dx, dy := v.dir(a.out)
		var far vg.Length
		for _, t := range a.ticks {
			q := a.at(t.Value)
			l := surfLabel{at: v.pt(q[0], q[1], q[2]), dx: dx, dy: dy, off: gap, text: t.Label, sty: tickSty}
			out = append(out, l)
			r := tickSty.Rectangle(t.Label)
			ext := vg.Length(math.Abs(dx))*(r.Max.X-r.Min.X) + vg.Length(math.Abs(dy))*(r.Max.Y-r.Min.Y)
			far = max(far, ext)
		}
		if a.label == "" {
			continue
		}
		m := [3]float64{(a.from[0] + a.to[0]) / 2, (a.from[1] + a.to[1]) / 2, (a.from[2] + a.to[2]) / 2}
		out = append(out, surfLabel{
			at: v.pt(m[0], m[1], m[2]), dx: dx, dy: dy,
			off: gap + far + vg.Points(6), text: a.label, sty: labSty,
		})
	}
	return out
}

// drawPanes fills the three back faces of the box and draws the tick grid on them.
func (s *Surface) drawPanes(c draw.Canvas, v *surfView, axes []surfAxis) {
	// Back faces: x = far side, y = far side, and the floor.
	xFar, yFar := v.x1, v.y1
	if v.e[0] > 0 {
		xFar = v.x0
	}
	if v.e[1] > 0 {
		yFar = v.y0
	}
	zFar := v.z0
	if v.e[2] < 0 {
		zFar = v.z1
	}
	quad := func(a, b, cc, d [3]float64) {
		if s.PaneColor == nil {
			return
		}
		var pa vg.Path
		pa.Move(v.pt(a[0], a[1], a[2]))
		pa.Line(v.pt(b[0], b[1], b[2]))
		pa.Line(v.pt(cc[0], cc[1], cc[2]))
		pa.Line(v.pt(d[0], d[1], d[2]))
		pa.Close()
		c.SetColor(s.PaneColor)
		c.Fill(pa)
	}
	quad([3]float64{xFar, v.y0, v.z0}, [3]float64{xFar, v.y1, v.z0}, [3]float64{xFar, v.y1, v.z1}, [3]float64{xFar, v.y0, v.z1})
	quad([3]float64{v.x0, yFar, v.z0}, [3]float64{v.x1, yFar, v.z0}, [3]float64{v.x1, yFar, v.z1}, [3]float64{v.x0, yFar, v.z1})
	quad([3]float64{v.x0, v.y0, zFar}, [3]float64{v.x1, v.y0, zFar}, [3]float64{v.x1, v.y1, zFar}, [3]float64{v.x0, v.y1, zFar})
	if s.GridStyle.Width <= 0 || s.GridStyle.Color == nil {
		return
	}
	line := func(a, b [3]float64) {
		p0, p1 := v.pt(a[0], a[1], a[2]), v.pt(b[0], b[1], b[2])
		c.StrokeLine2(s.GridStyle, p0.X, p0.Y, p1.X, p1.Y)
	}
	for _, t := range axes[0].ticks { // x ticks: on the y pane and floor
		line([3]float64{t.Value, yFar, v.z0}, [3]float64{t.Value, yFar, v.z1})
		if !s.Floor {
			line([3]float64{t.Value, v.y0, zFar}, [3]float64{t.Value, v.y1, zFar})
		}
	}
	for _, t := range axes[1].ticks { // y ticks: on the x pane and floor
		line([3]float64{xFar, t.Value, v.z0}, [3]float64{xFar, t.Value, v.z1})
		if !s.Floor {
			line([3]float64{v.x0, t.Value, zFar}, [3]float64{v.x1, t.Value, zFar})
		}
	}
	for _, t := range axes[2].ticks { // z ticks: on both walls
		line([3]float64{xFar, v.y0, t.Value}, [3]float64{xFar, v.y1, t.Value})
		line([3]float64{v.x0, yFar, t.Value}, [3]float64{v.x1, yFar, t.Value})
	}
}

// drawAxes draws the axis lines and tick marks.
func (s *Surface) drawAxes(c draw.Canvas, v *surfView, axes []surfAxis) {
	if s.AxisStyle.Width <= 0 || s.AxisStyle.Color == nil {
		return
	}
	for _, a := range axes {
		p0, p1 := v.pt(a.from[0], a.from[1], a.from[2]), v.pt(a.to[0], a.to[1], a.to[2])
		c.StrokeLine2(s.AxisStyle, p0.X, p0.Y, p1.X, p1.Y)
		dx, dy := v.dir(a.out)
		for _, t := range a.ticks {
			q := a.at(t.Value)
			pt := v.pt(q[0], q[1], q[2])
			c.StrokeLine2(s.AxisStyle, pt.X, pt.Y,
				pt.X+s.TickLength*vg.Length(dx), pt.Y+s.TickLength*vg.Length(dy))
		}
	}
}
