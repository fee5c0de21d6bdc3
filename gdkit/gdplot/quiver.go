package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Pivot says which part of an arrow sits on its grid point.
type Pivot int

const (
	// PivotTail puts the tail of the arrow on the grid point (matplotlib's default).
	PivotTail Pivot = iota
	// PivotMiddle centres the arrow on the grid point.
	PivotMiddle
	// PivotTip puts the tip of the arrow on the grid point.
	PivotTip
)

// Quiver is a plot.Plotter and plot.DataRanger drawing a vector field
// (u, v) sampled on a grid as arrows with filled arrowheads, like
// matplotlib's quiver. Make it with NewQuiver from two grids, e.g. the
// ∂E/∂w1 and ∂E/∂w2 of gdkit.GridGradient.
//
// The arrow for vector (u, v) at (x, y) goes, in data coordinates, from the
// pivot point to (x + s·u, y + s·v), where s is Scale. With Scale == 0 the
// scale is chosen so that the longest finite arrow is one grid step (the
// smallest): s = min(Δx, Δy) / max‖(u, v)‖.
//
// An arrow carries a head of HeadLength times its length (between MinHead
// and MaxHead) when it is at least 1.3 heads long. A shorter arrow is drawn
// without a head if it is at least MinShaft long, and not drawn otherwise
// (nor are zero vectors, unless ZeroRadius asks for a dot); when a Figure
// draws the plot, a note says how many arrows lost their head or were
// left out, so that a field that vanishes near a minimum is not mistaken
// for a missing one. Vectors with a NaN or infinite component are skipped.
type Quiver struct {
	// x and y are the column and row coordinates of the grid; u and v the
	// vector components, row-major: u[r*len(x)+c] is the x component at
	// (x[c], y[r]).
	x, y, u, v []float64

	// Scale is the data length of an arrow per unit magnitude.
	// Zero means automatic (longest arrow = one grid step).
	Scale float64

	// Pivot is the part of the arrow anchored at the grid point.
	Pivot Pivot

	// LineStyle is the style of the shafts; its colour is used for
	// arrows when ColorMap is nil.
	LineStyle draw.LineStyle

	// HeadLength is the arrowhead length as a fraction of the arrow
	// length; MinHead is its minimum and MaxHead its maximum absolute
	// length. HeadWidth is the head width relative to its length.
	HeadLength float64
	MinHead    vg.Length
	MaxHead    vg.Length
	HeadWidth  float64

	// MinShaft is the shortest arrow drawn (without a head); shorter
	// arrows are left out. Zero means the shaft width.
	MinShaft vg.Length

	// ZeroRadius is the radius of the dot drawn for a zero vector;
	// 0 (the default) leaves zero vectors out.
	ZeroRadius vg.Length

	// ColorMap, if not nil, colours each arrow by its magnitude
	// ‖(u, v)‖ = √(u² + v²). Its range is set to the finite magnitudes
	// of the field when drawn.
	ColorMap palette.ColorMap
}

// NewQuiver returns a Quiver for the vector field whose x components are
// the values of u and y components the values of v: the arrow at
// (u.X(c), u.Y(r)) is (u.Z(c, r), v.Z(c, r)). Both grids must have the
// same coordinates (as the two results of gdkit.GridGradient), finite and
// strictly increasing, with at least one node; values may be NaN or
// infinite (those arrows are skipped, and a note in a top corner says
// how many). The grids are copied.
//
// Errors wrap gdkit.ErrEmpty (a nil or empty grid), gdkit.ErrDimension
// (grids of different sizes), gdkit.ErrNotFinite (a non-finite coordinate,
// or no node where both components are finite) or, for coordinates that
// differ or do not increase, a bad-parameter error.
func NewQuiver(u, v plotter.GridXYZ) (*Quiver, error) {
	gu, err := readGrid(u, 1)
	if err != nil {
		return nil, fmt.Errorf("gdplot: quiver u: %w", err)
	}
	gv, err := readGrid(v, 1)
	if err != nil {
		return nil, fmt.Errorf("gdplot: quiver v: %w", err)
	}
	if err := sameCoords(gu, gv); err != nil {
		return nil, fmt.Errorf("gdplot: quiver u and v: %w", err)
	}
	if !anyFiniteVector(gu.zs, gv.zs) {
		return nil, fmt.Errorf("gdplot: quiver: no node has a finite vector (u, v): nothing to draw: %w", gdkit.ErrNotFinite)
	}
	return &Quiver{
		x: gu.xs, y: gu.ys, u: gu.zs, v: gv.zs,
		LineStyle: draw.LineStyle{
			Color: color.Black,
			Width: vg.Points(0.9),
		},
		HeadLength: 0.35,
		MinHead:    vg.Points(2),
		MaxHead:    vg.Points(7),
		HeadWidth:  0.75,
	}, nil
}

// minStep returns the smallest positive spacing of the grid, or 1 for a
// single point.
func (q *Quiver) minStep() float64 {
	step := math.Inf(1)
	for _, a := range [][]float64{q.x, q.y} {
		for i := 1; i < len(a); i++ {
			step = math.Min(step, a[i]-a[i-1])
		}
	}
	if math.IsInf(step, 1) || step <= 0 {
		return 1
	}
	return step
}

// maxMagnitude returns the largest finite magnitude √(u²+v²) of the field
// (0 when there is none) and the smallest.
func (q *Quiver) magnitudeRange() (lo, hi float64) {
	lo, hi = math.Inf(1), 0
	for i := range q.u {
		if m, ok := q.magnitude(i); ok {
			lo = math.Min(lo, m)
			hi = math.Max(hi, m)
		}
	}
	if math.IsInf(lo, 1) {
		lo = 0
	}
	return lo, hi
}

// magnitude returns ‖(U[i], V[i])‖ and whether it is finite.
func (q *Quiver) magnitude(i int) (float64, bool) {
	u, v := q.u[i], q.v[i]
	if math.IsNaN(u) || math.IsNaN(v) || math.IsInf(u, 0) || math.IsInf(v, 0) {
		return 0, false
	}
	m := math.Hypot(u, v)
	return m, !math.IsInf(m, 0)
}

// EffectiveScale returns the scale s used to draw the arrows: Scale when
// it is positive and finite, otherwise min(Δx, Δy)/max‖(u, v)‖
// (0 for a field with no non-zero finite vector).
func (q *Quiver) EffectiveScale() float64 {
	num, den := q.scale()
	if den == 0 {
		return 0
	}
	return num / den
}

// scale returns s as num/den, so that s·u = (u/den)·num does not
// overflow for tiny fields (den = max‖(u, v)‖ in the automatic case).
func (q *Quiver) scale() (num, den float64) {
	if q.Scale > 0 && !math.IsInf(q.Scale, 0) {
		return q.Scale, 1
	}
	_, hi := q.magnitudeRange()
	if hi == 0 {
		return 0, 0
	}
	return q.minStep(), hi
}

// arrowCount returns the number of arrows drawn: the vectors that are finite
// and non-zero.
func (q *Quiver) arrowCount() int {
	n := 0
	for i := range q.u {
		if m, ok := q.magnitude(i); ok && m > 0 {
			n++
		}
	}
	return n
}

// segment returns the data coordinates of tail and tip of arrow i, with
// s = num/den, and whether they are all finite.
func (q *Quiver) segment(i int, num, den float64) (x0, y0, x1, y1 float64, ok bool) {
	nc := len(q.x)
	x, y := q.x[i%nc], q.y[i/nc]
	dx, dy := q.u[i]/den*num, q.v[i]/den*num
	switch q.Pivot {
	case PivotMiddle:
		x, y = x-dx/2, y-dy/2
	case PivotTip:
		x, y = x-dx, y-dy
	}
	x0, y0, x1, y1 = x, y, x+dx, y+dy
	for _, v := range [4]float64{x0, y0, x1, y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return x0, y0, x1, y1, false
		}
	}
	return x0, y0, x1, y1, true
}

// DataRange implements plot.DataRanger: the grid extent, grown to include
// every arrow.
func (q *Quiver) DataRange() (xmin, xmax, ymin, ymax float64) {
	if len(q.x) == 0 || len(q.y) == 0 {
		return 0, 1, 0, 1
	}
	xmin, xmax = q.x[0], q.x[len(q.x)-1]
	ymin, ymax = q.y[0], q.y[len(q.y)-1]
	num, den := q.scale()
	n := min(len(q.u), len(q.v), len(q.x)*len(q.y))
	for i := range n {
		if m, ok := q.magnitude(i); !ok || m == 0 || den == 0 {
			continue
		}
		x0, y0, x1, y1, ok := q.segment(i, num, den)
		if !ok {
			continue
		}
		xmin = math.Min(xmin, math.Min(x0, x1))
		xmax = math.Max(xmax, math.Max(x0, x1))
		ymin = math.Min(ymin, math.Min(y0, y1))
		ymax = math.Max(ymax, math.Max(y0, y1))
	}
	if xmin == xmax {
		xmin, xmax = xmin-0.5, xmax+0.5
	}
	if ymin == ymax {
		ymin, ymax = ymin-0.5, ymax+0.5
	}
	return xmin, xmax, ymin, ymax
}

// Plot implements plot.Plotter.
func (q *Quiver) Plot(c draw.Canvas, p *plot.Plot) {
	n := len(q.x) * len(q.y)
	if len(q.u) < n || len(q.v) < n {
		return
	}
	trX, trY := p.Transforms(&c)
	num, den := q.scale()
	lo, hi := q.magnitudeRange()
	cmap := q.ColorMap
	if cmap != nil {
		if hi > lo {
			cmap.SetMin(lo)
			cmap.SetMax(hi)
		} else {
			cmap = nil
		}
	}
	sty := q.LineStyle
	if sty.Color == nil {
		sty.Color = color.Black
	}
	headless, left := 0, 0
	for i := range n {
		m, ok := q.magnitude(i)
		if !ok {
			continue
		}
		col := sty.Color
		if cmap != nil {
			if cc, err := cmap.At(math.Min(math.Max(m, lo), hi)); err == nil {
				col = cc
			}
		}
		if m == 0 || den == 0 || num == 0 {
			if q.ZeroRadius > 0 {
				pt := vg.Point{X: trX(q.x[i%len(q.x)]), Y: trY(q.y[i/len(q.x)])}
				c.SetColor(col)
				c.Fill(quiverDot(pt, q.ZeroRadius))
			} else {
				left++
			}
			continue
		}
		x0, y0, x1, y1, ok := q.segment(i, num, den)
		if !ok {
			continue
		}
		a := vg.Point{X: trX(x0), Y: trY(y0)}
		b := vg.Point{X: trX(x1), Y: trY(y1)}
		if !quiverFinite(a) || !quiverFinite(b) {
			continue
		}
		st := sty
		st.Color = col
		switch q.drawArrow(c, st, a, b) {
		case arrowHeadless:
			headless++
		case arrowLeftOut:
			left++
		}
	}
	if msg := quiverNote(headless, left); msg != "" && layoutOf(p) != nil {
		deferLabel(p, c, orderNote, func(l *layout, c draw.Canvas) {
			l.placeNote(c, msg, color.Gray{Y: 0x40}, spotLowerRight)
		})
	}
	if n := q.note(); n != nil {
		n.Plot(c, p)
	}
}

// quiverNote says how many arrows were drawn without a head or left out.
func quiverNote(headless, left int) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return fmt.Sprintf(many, n)
	}
	switch {
	case headless > 0 && left > 0:
		return plural(headless, "1 flecha corta sin punta", "%d flechas cortas sin punta") + " y " +
			plural(left, "1 muy corta sin dibujar", "%d muy cortas sin dibujar")
	case headless > 0:
		return plural(headless, "1 flecha más corta que su punta: sin punta", "%d flechas más cortas que su punta: sin punta")
	case left > 0:
		return plural(left, "1 flecha muy corta sin dibujar", "%d flechas muy cortas sin dibujar")
	}
	return ""
}

// What drawArrow drew.
const (
	arrowWithHead = iota
	arrowHeadless
	arrowLeftOut
)

// drawArrow draws a shaft from a to b with a filled head at b, a shaft
// alone when the arrow is shorter than 1.3 heads, nothing when it is
// shorter than MinShaft, and says which.
func (q *Quiver) drawArrow(c draw.Canvas, sty draw.LineStyle, a, b vg.Point) int {
	d := b.Sub(a)
	l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	minShaft := q.MinShaft
	if minShaft <= 0 {
		minShaft = max(sty.Width, vg.Points(0.5))
	}
	if l < minShaft {
		return arrowLeftOut
	}
	head := vg.Length(q.HeadLength) * l
	if head < q.MinHead {
		head = q.MinHead
	}
	if q.MaxHead > 0 && head > q.MaxHead {
		head = q.MaxHead
	}
	if l < 1.3*head || head <= 0 {
		c.StrokeLine2(sty, a.X, a.Y, b.X, b.Y)
		return arrowHeadless
	}
	ux, uy := d.X/l, d.Y/l // unit direction
	base := vg.Point{X: b.X - ux*head, Y: b.Y - uy*head}
	hw := head * vg.Length(q.HeadWidth) / 2
	c.StrokeLine2(sty, a.X, a.Y, base.X+ux*head/4, base.Y+uy*head/4)
	var pa vg.Path
	pa.Move(b)
	pa.Line(vg.Point{X: base.X - uy*hw, Y: base.Y + ux*hw})
	pa.Line(vg.Point{X: base.X + uy*hw, Y: base.Y - ux*hw})
	pa.Close()
	c.SetColor(sty.Color)
	c.Fill(pa)
	return arrowWithHead
}

// quiverDot returns a closed circle of radius r around p.
func quiverDot(p vg.Point, r vg.Length) vg.Path {
	var pa vg.Path
	pa.Move(vg.Point{X: p.X + r, Y: p.Y})
	pa.Arc(p, r, 0, 2*math.Pi)
	pa.Close()
	return pa
}

// quiverFinite reports whether both coordinates of p are finite.
func quiverFinite(p vg.Point) bool {
	x, y := float64(p.X), float64(p.Y)
	return !math.IsNaN(x) && !math.IsNaN(y) && !math.IsInf(x, 0) && !math.IsInf(y, 0)
}

var (
	_ plot.Plotter    = (*Quiver)(nil)
	_ plot.DataRanger = (*Quiver)(nil)
)
