package gdplot

import (
	"fmt"
	"image/color"
	"math"

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
// XYs[i+1] (a path of arrows), in data coordinates. Arrows shorter than the
// head are drawn as a line only.
type arrows struct {
	XYs plotter.XYs
	draw.LineStyle
	// Head is the arrowhead length (default 3×line width + 5 pt).
	Head vg.Length
	// Shrink shortens each arrow at both ends so it does not cover markers.
	Shrink vg.Length
}

// Plot implements plot.Plotter.
func (a *arrows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	head := a.Head
	if head == 0 {
		head = 3*a.Width + vg.Points(5)
	}
	for i := 0; i+1 < len(a.XYs); i++ {
		p0 := vg.Point{X: trX(a.XYs[i].X), Y: trY(a.XYs[i].Y)}
		p1 := vg.Point{X: trX(a.XYs[i+1].X), Y: trY(a.XYs[i+1].Y)}
		drawArrow(c, p0, p1, a.LineStyle, head, a.Shrink)
	}
}

// DataRange implements plot.DataRanger.
func (a *arrows) DataRange() (xmin, xmax, ymin, ymax float64) {
	return plotter.XYRange(a.XYs)
}

// drawArrow draws on c a line from p0 to p1 in style ls, ending in a filled
// triangular head of length head; both ends are pulled in by shrink.
// Degenerate (zero-length or non-finite) arrows draw nothing.
func drawArrow(c draw.Canvas, p0, p1 vg.Point, ls draw.LineStyle, head, shrink vg.Length) {
	dx, dy := float64(p1.X-p0.X), float64(p1.Y-p0.Y)
	l := math.Hypot(dx, dy)
	if !(l > 2*float64(shrink)+1e-9) || math.IsInf(l, 0) {
		return
	}
	ux, uy := dx/l, dy/l
	s := float64(shrink)
	p0 = vg.Point{X: p0.X + vg.Length(ux*s), Y: p0.Y + vg.Length(uy*s)}
	p1 = vg.Point{X: p1.X - vg.Length(ux*s), Y: p1.Y - vg.Length(uy*s)}
	l -= 2 * s
	h := math.Min(float64(head), 0.6*l)
	w := 0.45 * h
	base := vg.Point{X: p1.X - vg.Length(ux*h), Y: p1.Y - vg.Length(uy*h)}
	// Line up to the base of the head, so the tip stays sharp.
	ls2 := ls
	ls2.Dashes = nil
	c.StrokeLine2(ls2, p0.X, p0.Y, base.X+vg.Length(ux*h*0.3), base.Y+vg.Length(uy*h*0.3))
	var path vg.Path
	path.Move(p1)
	path.Line(vg.Point{X: base.X - vg.Length(uy*w), Y: base.Y + vg.Length(ux*w)})
	path.Line(vg.Point{X: base.X + vg.Length(uy*w), Y: base.Y - vg.Length(ux*w)})
	path.Close()
	c.SetColor(ls.Color)
	c.Fill(path)
}

// note is a plot.Plotter writing a boxed message in the top-left corner of
// the data area (or the corner or top centre its fields choose), e.g.
// "diverge en la iteración 7: se muestran 6 pasos".
type note struct {
	Text string
	// Color of the text and frame (default dark red).
	Color color.Color
	// Right places the note in the top-right corner instead.
	Right bool
	// Bottom places the note in a bottom corner instead of a top one.
	Bottom bool
	// Center centres the note horizontally (Right is then ignored).
	Center bool
}

// Plot implements plot.Plotter.
func (n *note) Plot(c draw.Canvas, p *plot.Plot) {
	if n.Text == "" {
		return
	}
	col := n.Color
	if col == nil {
		col = color.RGBA{R: 0xb0, A: 0xff}
	}
	sty := text.Style{
		Color:   col,
		Font:    font.From(DefaultTheme.Font, DefaultTheme.LegendSize),
		Handler: DefaultTheme.handler(),
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
	}
	pad := vg.Points(4)
	w, h := sty.Width(n.Text), sty.Height(n.Text)
	x := c.Min.X + 2*pad
	switch {
	case n.Center:
		x = (c.Min.X+c.Max.X)/2 - (w+3*pad)/2
	case n.Right:
		x = c.Max.X - 2*pad - w - 2*pad
	}
	y := c.Max.Y - 2*pad
	if n.Bottom {
		y = c.Min.Y + 2*pad + h + 2*pad
	}
	box := vg.Rectangle{Min: vg.Point{X: x, Y: y - h - 2*pad}, Max: vg.Point{X: x + w + 3*pad, Y: y}}
	c.SetColor(color.RGBA{R: 0xff, G: 0xf4, B: 0xf0, A: 0xff})
	c.Fill(box.Path())
	c.StrokeLines(draw.LineStyle{Color: col, Width: vg.Points(1)}, []vg.Point{box.Min, {X: box.Max.X, Y: box.Min.Y}, box.Max, {X: box.Min.X, Y: box.Max.Y}, box.Min})
	c.FillText(sty, vg.Point{X: x + 1.5*pad, Y: y - pad}, n.Text)
}

// stepLabels is a plot.Plotter writing the step numbers First, First+1, ...
// next to the points, on the side away from the neighbouring steps (so
// labels do not sit on the arrows), skipping a label that would overlap
// one already drawn (converging steps pile up).
type stepLabels struct {
	XYs   plotter.XYs
	First int
}

// Plot implements plot.Plotter.
func (s *stepLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := text.Style{Color: color.Black, Font: font.From(DefaultTheme.Font, DefaultTheme.TickSize),
		Handler: text.Plain{Fonts: font.DefaultCache}, XAlign: draw.XCenter, YAlign: draw.YCenter}
	pts := make([]vg.Point, len(s.XYs))
	for i, xy := range s.XYs {
		pts[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
	}
	unit := func(a, b vg.Point) (float64, float64) {
		dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
		l := math.Hypot(dx, dy)
		if l < 1e-6 {
			return 0, 0
		}
		return dx / l, dy / l
	}
	dist := float64(DefaultTheme.TickSize) * 0.9
	minGap := float64(DefaultTheme.TickSize) * 1.1
	var drawn []vg.Point
	for i, pt := range pts {
		// Away from the previous and next steps, with a slight upward bias.
		vx, vy := 0.0, 0.25
		if i > 0 {
			ux, uy := unit(pt, pts[i-1])
			vx, vy = vx-ux, vy-uy
		}
		if i+1 < len(pts) {
			ux, uy := unit(pt, pts[i+1])
			vx, vy = vx-ux, vy-uy
		}
		l := math.Hypot(vx, vy)
		if l < 1e-6 {
			vx, vy, l = 0.7, 0.7, 1
		}
		at := vg.Point{X: pt.X + vg.Length(dist*vx/l), Y: pt.Y + vg.Length(dist*vy/l)}
		ok := true
		for _, q := range drawn {
			if math.Hypot(float64(at.X-q.X), float64(at.Y-q.Y)) < minGap {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		drawn = append(drawn, at)
		c.FillText(sty, at, fmt.Sprint(s.First+i))
	}
}

// numberLabels labels points first, first+1, ... .
func numberLabels(xys plotter.XYs, first int) (*stepLabels, error) {
	return &stepLabels{XYs: xys, First: first}, nil
}

// BoxedLabels draws plotter.Labels on white patches (text over lines stays
// readable, as in matplotlib's clabel).
type BoxedLabels struct {
	*plotter.Labels
}

// Plot implements plot.Plotter.
func (b *BoxedLabels) Plot(c draw.Canvas, p *plot.Plot) {
	if b.Labels == nil {
		return
	}
	trX, trY := p.Transforms(&c)
	for i, s := range b.Labels.Labels {
		pt := vg.Point{X: trX(b.XYs[i].X), Y: trY(b.XYs[i].Y)}
		if !c.Contains(pt) {
			continue
		}
		pt = pt.Add(b.Offset)
		sty := b.TextStyle[i]
		r := sty.Rectangle(s).Add(pt)
		pad := vg.Points(1.5)
		r.Min.X -= pad
		r.Min.Y -= pad
		r.Max.X += pad
		r.Max.Y += pad
		c.SetColor(color.White)
		c.Fill(r.Path())
		c.FillText(sty, pt, s)
	}
}

// DataRange implements plot.DataRanger.
func (b *BoxedLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	if b.Labels == nil || len(b.XYs) == 0 {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return b.Labels.DataRange()
}
