package gdplot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Surface is a plot.Plotter drawing the 3D surface z = f(x, y) sampled on
// the grid x × y, like matplotlib's plot_surface, over a filled-contour
// floor (matplotlib's contourf projected on the plane z = min z), inside a
// 3D box with axis lines, ticks and labels.
//
// The view is an orthographic projection: a point p (in box coordinates,
// the data box scaled to BoxAspect and centred at 0) is drawn at
// (p·r, p·u) with r = (−sin φ, cos φ, 0), u = (−sin θ cos φ, −sin θ sin φ, cos θ)
// for azimuth φ and elevation θ; its depth is p·e, e = (cos θ cos φ, cos θ sin φ, sin θ).
// Quads are painted far to near (painter's algorithm) and coloured by
// the mean height of their corners.
//
// Surface draws in the whole data area of the plot and ignores the
// plot's axes: use it on a plot with hidden axes (see NewPlot).
type Surface struct {
	// X and Y are the column and row coordinates of the grid.
	X, Y []float64
	// Z holds the heights row-major: Z[r*len(X)+c] is z at (X[c], Y[r]).
	// Cells with a non-finite corner are not drawn.
	Z []float64

	// Azimuth and Elevation are the view angles in degrees
	// (matplotlib's azim and elev; defaults −60 and 30). Seen from below
	// (Elevation < 0) the filled contours go on the top face of the box,
	// the far side from the viewer.
	Azimuth, Elevation float64

	// BoxAspect are the relative lengths of the x, y and z box edges
	// (default 1, 1, 0.75 as matplotlib's 4:4:3).
	BoxAspect [3]float64

	// ColorMap colours surface quads and floor bands by height. Its range
	// is set to [min z, max z] when drawn. Default: a viridis-like map.
	ColorMap palette.ColorMap

	// Shade darkens quads facing away from the light, for depth.
	Shade bool

	// EdgeStyle is the style of the quad edges; zero width draws none.
	EdgeStyle draw.LineStyle

	// Floor draws filled contours on the floor of the box.
	Floor bool
	// Levels are the floor contour levels; nil picks about 8 round levels
	// spanning the data. Non-finite or repeated levels are dropped.
	Levels []float64
	// FloorLines draws the contour lines between floor bands.
	FloorLines draw.LineStyle

	// XLabel, YLabel and ZLabel label the box axes.
	XLabel, YLabel, ZLabel string

	// PaneColor fills the back panes of the box; GridStyle draws the
	// tick grid on them.
	PaneColor color.Color
	GridStyle draw.LineStyle
	// AxisStyle is the style of axis lines and tick marks.
	AxisStyle draw.LineStyle
	// TickLength is the length of the tick marks.
	TickLength vg.Length

	// TickMarker chooses the tick positions; nil means about 5 round
	// ticks per axis.
	TickMarker plot.Ticker
}

// NewSurface returns a Surface for heights z (row-major, len(x)·len(y)
// values) on the grid x × y. x and y must be finite and strictly
// increasing with at least 2 elements each, and z must have at least one
// finite value.
func NewSurface(x, y, z []float64) (*Surface, error) {
	if err := checkGridAxis("x", x); err != nil {
		return nil, err
	}
	if err := checkGridAxis("y", y); err != nil {
		return nil, err
	}
	if len(x) < 2 || len(y) < 2 {
		return nil, fmt.Errorf("gdplot: a surface needs at least a 2×2 grid, have %d×%d", len(x), len(y))
	}
	if len(z) != len(x)*len(y) {
		return nil, fmt.Errorf("gdplot: surface needs len(z) = len(x)·len(y) = %d, have %d", len(x)*len(y), len(z))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range z {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if lo > hi {
		return nil, errors.New("gdplot: surface has no finite z value")
	}
	if math.IsInf(hi-lo, 0) {
		return nil, fmt.Errorf("gdplot: surface z range [%g, %g] overflows", lo, hi)
	}
	return &Surface{
		X: x, Y: y, Z: z,
		Azimuth:   -60,
		Elevation: 30,
		BoxAspect: [3]float64{1, 1, 0.75},
		ColorMap:  surfaceViridis(),
		Shade:     true,
		EdgeStyle: draw.LineStyle{
			Color: color.NRGBA{A: 90},
			Width: vg.Points(0.3),
		},
		Floor:     true,
		PaneColor: color.Gray{Y: 242},
		GridStyle: draw.LineStyle{
			Color: color.Gray{Y: 205},
			Width: vg.Points(0.5),
		},
		AxisStyle: draw.LineStyle{
			Color: color.Black,
			Width: vg.Points(0.8),
		},
		TickLength: vg.Points(4),
		XLabel:     "x",
		YLabel:     "y",
		ZLabel:     "z",
	}, nil
}

// NewSurfaceGrid returns a Surface for a plotter.GridXYZ (for example a
// gdkit.Grid): Z(c, r) is the height at (X(c), Y(r)).
func NewSurfaceGrid(g plotter.GridXYZ) (*Surface, error) {
	if g == nil {
		return nil, errors.New("gdplot: nil grid")
	}
	c, r := g.Dims()
	if c < 0 || r < 0 {
		return nil, fmt.Errorf("gdplot: bad grid dimensions %d×%d", c, r)
	}
	x := make([]float64, c)
	y := make([]float64, r)
	z := make([]float64, c*r)
	for i := range x {
		x[i] = g.X(i)
	}
	for j := range y {
		y[j] = g.Y(j)
	}
	for j := range r {
		for i := range c {
			z[j*c+i] = g.Z(i, j)
		}
	}
	return NewSurface(x, y, z)
}

// NewPlot returns a new plot with hidden axes holding only s, titled
// title (may be empty). Save or export it like any plot.
func (s *Surface) NewPlot(title string) *plot.Plot {
	p := plot.New()
	p.HideAxes()
	p.Title.Text = title
	p.Add(s)
	return p
}

// surfaceViridis returns a viridis-like colour map (luminance increases
// monotonically, so it prints in greyscale).
func surfaceViridis() palette.ColorMap {
	cm, err := moreland.NewLuminance([]color.Color{
		color.NRGBA{68, 1, 84, 255},
		color.NRGBA{59, 82, 139, 255},
		color.NRGBA{33, 145, 140, 255},
		color.NRGBA{94, 201, 98, 255},
		color.NRGBA{253, 231, 37, 255},
	})
	if err != nil {
		return moreland.Kindlmann()
	}
	return cm
}

// zRange returns the finite range of Z, widened when flat.
func (s *Surface) zRange() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	n := min(len(s.Z), len(s.X)*len(s.Y))
	for _, v := range s.Z[:n] {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if lo > hi || math.IsInf(hi-lo, 0) {
		return 0, 0, false
	}
	if hi == lo {
		d := math.Max(1, math.Abs(lo)*0.1)
		lo, hi = lo-d, hi+d
	}
	return lo, hi, true
}

// FloorLevels returns the contour levels used for the floor: Levels
// (sorted, finite, distinct) when set, otherwise round levels
// l₀ < … < lₙ with l₀ ≤ min z and lₙ ≥ max z and about 8 bands.
func (s *Surface) FloorLevels() []float64 {
	lo, hi, ok := s.zRange()
	if !ok {
		return nil
	}
	if s.Levels != nil {
		return finiteSorted(s.Levels)
	}
	return surfNiceLevels(lo, hi, 8)
}

// surfNiceLevels returns levels k·step covering [lo, hi] with step a round
// number (1, 2, 2.5 or 5 × 10ⁿ) giving about n bands.
func surfNiceLevels(lo, hi float64, n int) []float64 {
	raw := (hi - lo) / float64(n)
	if !(raw > 0) || math.IsInf(raw, 0) {
		return []float64{lo, hi}
	}
	step := niceStep(raw)
	if !(step > 0) || math.IsInf(step, 0) || math.Abs(lo/step) > 1e12 {
		return []float64{lo, hi}
	}
	k0 := math.Floor(lo/step + 1e-9)
	var lv []float64
	for k := 0; k < 4*n; k++ {
		v := (k0 + float64(k)) * step
		// Drop the rounding noise of k·step (0.6000000000000001).
		if r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64); err == nil {
			v = r
		}
		if len(lv) > 0 && v <= lv[len(lv)-1] {
			break
		}
		lv = append(lv, v)
		if v >= hi-1e-9*step {
			break
		}
	}
	return lv
}

// surfTicks returns about 5 labelled ticks k·step inside [lo, hi], with
// step a round number (1, 2, 2.5 or 5 × 10ⁿ).
func surfTicks(lo, hi float64) []plot.Tick {
	raw := (hi - lo) / 5
	if !(raw > 0) || math.IsInf(raw, 0) {
		return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}}
	}
	step := niceStep(raw)
	prec := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9)); m == 2.5 {
		prec++
	}
	if !(step > 0) || math.IsInf(step, 0) || math.Abs(lo/step) > 1e12 {
		// Range too small for its magnitude: label the ends only.
		return []plot.Tick{
			{Value: lo, Label: strconv.FormatFloat(lo, 'g', 6, 64)},
			{Value: hi, Label: strconv.FormatFloat(hi, 'g', 6, 64)},
		}
	}
	format := func(v float64) string { return strconv.FormatFloat(v, 'f', prec, 64) }
	if math.Max(math.Abs(lo), math.Abs(hi)) >= 1e6 || step < 1e-4 {
		format = func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	}
	var out []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+1e-9*step && len(out) < 20; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no "-0"
		}
		out = append(out, plot.Tick{Value: v, Label: format(v)})
	}
	return out
}

// surfView is the projection of a Surface onto the canvas.
type surfView struct {
	x0, x1, y0, y1, z0, z1 float64 // data box
	a                      [3]float64
	r, u, e                [3]float64
	k                      float64 // canvas units per box unit
	ox, oy                 vg.Length
}

// box maps data coordinates into the centred box.
func (v *surfView) box(x, y, z float64) [3]float64 {
	return [3]float64{
		((x-v.x0)/(v.x1-v.x0) - 0.5) * v.a[0],
		((y-v.y0)/(v.y1-v.y0) - 0.5) * v.a[1],
		((z-v.z0)/(v.z1-v.z0) - 0.5) * v.a[2],
	}
}

func surfDot(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// pt projects data coordinates to the canvas.
func (v *surfView) pt(x, y, z float64) vg.Point {
	p := v.box(x, y, z)
	return vg.Point{X: v.ox + vg.Length(v.k*surfDot(p, v.r)), Y: v.oy + vg.Length(v.k*surfDot(p, v.u))}
}

// dir projects a data-space direction (in box units) to a unit canvas direction.
func (v *surfView) dir(d [3]float64) (float64, float64) {
	x, y := surfDot(d, v.r), surfDot(d, v.u)
	h := math.Hypot(x, y)
	if h == 0 {
		return 0, -1
	}
	return x / h, y / h
}

// depth returns the distance towards the viewer of a data point.
func (v *surfView) depth(x, y, z float64) float64 { return surfDot(v.box(x, y, z), v.e) }

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

// Plot implements plot.Plotter.
func (s *Surface) Plot(c draw.Canvas, p *plot.Plot) {
	nc, nr := len(s.X), len(s.Y)
	if nc < 2 || nr < 2 || len(s.Z) < nc*nr {
		return
	}
	zlo, zhi, ok := s.zRange()
	if !ok {
		return
	}
	v := s.view(zlo, zhi)
	axes := s.axes(v)
	tickSty, labSty := p.X.Tick.Label, p.X.Label.TextStyle
	if tickSty.Handler == nil || labSty.Handler == nil {
		tickSty, labSty = plot.New().X.Tick.Label, plot.New().X.Label.TextStyle
	}
	tickSty.Rotation, labSty.Rotation = 0, 0
	// Two passes: lay out with a first guess, measure how far the labels
	// stick out of the box, and rescale to fit the canvas.
	w, h := float64(c.Max.X-c.Min.X), float64(c.Max.Y-c.Min.Y)
	if !(w > 0) || !(h > 0) {
		return
	}
	umin, umax, vmin, vmax := s.boxExtent(v)
	fs := float64(tickSty.Font.Size)
	v.k = math.Max(1, math.Min((w-8*fs)/(umax-umin), (h-6*fs)/(vmax-vmin)))
	for range 2 {
		v.ox, v.oy = 0, 0
		labels := s.labels(v, axes, tickSty, labSty)
		gu0, gu1 := v.k*umin, v.k*umax
		gv0, gv1 := v.k*vmin, v.k*vmax
		lu0, lu1, lv0, lv1 := gu0, gu1, gv0, gv1
		for _, l := range labels {
			r := l.rect()
			lu0, lu1 = math.Min(lu0, float64(r.Min.X)), math.Max(lu1, float64(r.Max.X))
			lv0, lv1 = math.Min(lv0, float64(r.Min.Y)), math.Max(lv1, float64(r.Max.Y))
		}
		extraU := (gu0 - lu0) + (lu1 - gu1)
		extraV := (gv0 - lv0) + (lv1 - gv1)
		k := math.Min((w-extraU)/(umax-umin), (h-extraV)/(vmax-vmin))
		if !(k > 0) || math.IsInf(k, 0) {
			k = math.Max(1e-3, v.k)
		}
		// Centre the whole drawing (box and labels).
		scale := k / v.k
		v.k = k
		v.ox = c.Min.X + vg.Length((w-((gu0-lu0)+(gu1-gu0)*scale+(lu1-gu1)))/2+(gu0-lu0)-k*umin)
		v.oy = c.Min.Y + vg.Length((h-((gv0-lv0)+(gv1-gv0)*scale+(lv1-gv1)))/2+(gv0-lv0)-k*vmin)
	}
	if !(v.k > 0) || math.IsInf(v.k, 0) || !quiverFinite(vg.Point{X: v.ox, Y: v.oy}) {
		// Labels too large to fit: fit the box alone.
		v.k = math.Min(w/(umax-umin), h/(vmax-vmin))
		v.ox = c.Min.X + vg.Length(w/2-v.k*(umin+umax)/2)
		v.oy = c.Min.Y + vg.Length(h/2-v.k*(vmin+vmax)/2)
	}
	labels := s.labels(v, axes, tickSty, labSty)

	s.drawPanes(c, v, axes)
	if v.e[2] >= 0 {
		s.drawFloor(c, v)
		s.drawQuads(c, v)
	} else {
		s.drawQuads(c, v)
		s.drawFloor(c, v)
	}
	s.drawAxes(c, v, axes)
	for _, l := range labels {
		pt, sty := l.pos()
		c.FillText(sty, pt, l.text)
	}
}

// view builds the projection for the current angles, with unit scale.
func (s *Surface) view(zlo, zhi float64) *surfView {
	a := s.BoxAspect
	if !(a[0] > 0 && a[1] > 0 && a[2] > 0) {
		a = [3]float64{1, 1, 0.75}
	}
	az, el := s.Azimuth*math.Pi/180, s.Elevation*math.Pi/180
	if math.IsNaN(az) || math.IsInf(az, 0) {
		az = -math.Pi / 3
	}
	if math.IsNaN(el) || math.IsInf(el, 0) {
		el = math.Pi / 6
	}
	sa, ca := math.Sincos(az)
	se, ce := math.Sincos(el)
	return &surfView{
		x0: s.X[0], x1: s.X[len(s.X)-1],
		y0: s.Y[0], y1: s.Y[len(s.Y)-1],
		z0: zlo, z1: zhi,
		a: a,
		r: [3]float64{-sa, ca, 0},
		u: [3]float64{-se * ca, -se * sa, ce},
		e: [3]float64{ce * ca, ce * sa, se},
		k: 1,
	}
}

// corner returns the data coordinates of a box corner (bits: x, y, z high).
func (v *surfView) corner(i int) [3]float64 {
	c := [3]float64{v.x0, v.y0, v.z0}
	if i&1 != 0 {
		c[0] = v.x1
	}
	if i&2 != 0 {
		c[1] = v.y1
	}
	if i&4 != 0 {
		c[2] = v.z1
	}
	return c
}

// boxExtent returns the projected extent of the box at unit scale.
func (s *Surface) boxExtent(v *surfView) (umin, umax, vmin, vmax float64) {
	umin, vmin = math.Inf(1), math.Inf(1)
	umax, vmax = math.Inf(-1), math.Inf(-1)
	for i := range 8 {
		c := v.corner(i)
		p := v.box(c[0], c[1], c[2])
		u, w := surfDot(p, v.r), surfDot(p, v.u)
		umin, umax = math.Min(umin, u), math.Max(umax, u)
		vmin, vmax = math.Min(vmin, w), math.Max(vmax, w)
	}
	return
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

// colorAt returns the colour map's colour for z, clamped to the range.
func (s *Surface) colorAt(cm palette.ColorMap, z float64) color.Color {
	z = math.Min(math.Max(z, cm.Min()), cm.Max())
	col, err := cm.At(z)
	if err != nil {
		return color.Gray{Y: 128}
	}
	return col
}

// colorMap returns the colour map with its range set to [zmin, zmax].
func (s *Surface) colorMap(v *surfView) palette.ColorMap {
	cm := s.ColorMap
	if cm == nil {
		cm = surfaceViridis()
	}
	cm.SetMax(v.z1)
	cm.SetMin(v.z0)
	cm.SetMax(v.z1)
	return cm
}

// surfQuad is one projected surface cell.
type surfQuad struct {
	pts   [4]vg.Point
	depth float64
	col   color.Color
}

// drawQuads paints the surface cells far to near.
func (s *Surface) drawQuads(c draw.Canvas, v *surfView) {
	nc, nr := len(s.X), len(s.Y)
	cm := s.colorMap(v)
	quads := make([]surfQuad, 0, (nc-1)*(nr-1))
	light := [3]float64{-0.4, -0.5, 0.77}
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			idx := [4][2]int{{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}}
			var q surfQuad
			var bp [4][3]float64
			ok := true
			zsum := 0.0
			for k, ij := range idx {
				z := s.Z[ij[1]*nc+ij[0]]
				if math.IsNaN(z) || math.IsInf(z, 0) {
					ok = false
					break
				}
				x, y := s.X[ij[0]], s.Y[ij[1]]
				q.pts[k] = v.pt(x, y, z)
				bp[k] = v.box(x, y, z)
				q.depth += surfDot(bp[k], v.e)
				zsum += z
			}
			if !ok {
				continue
			}
			col := s.colorAt(cm, zsum/4)
			if s.Shade {
				d1 := [3]float64{bp[2][0] - bp[0][0], bp[2][1] - bp[0][1], bp[2][2] - bp[0][2]}
				d2 := [3]float64{bp[3][0] - bp[1][0], bp[3][1] - bp[1][1], bp[3][2] - bp[1][2]}
				n := [3]float64{d1[1]*d2[2] - d1[2]*d2[1], d1[2]*d2[0] - d1[0]*d2[2], d1[0]*d2[1] - d1[1]*d2[0]}
				nn := math.Sqrt(surfDot(n, n))
				f := 1.0
				if nn > 0 {
					ll := math.Sqrt(surfDot(light, light))
					f = 0.7 + 0.3*math.Abs(surfDot(n, light))/(nn*ll)
				}
				col = surfShade(col, f)
			}
			q.col = col
			quads = append(quads, q)
		}
	}
	sort.SliceStable(quads, func(a, b int) bool { return quads[a].depth < quads[b].depth })
	edges := s.EdgeStyle.Width > 0 && s.EdgeStyle.Color != nil
	for _, q := range quads {
		var pa vg.Path
		pa.Move(q.pts[0])
		pa.Line(q.pts[1])
		pa.Line(q.pts[2])
		pa.Line(q.pts[3])
		pa.Close()
		c.SetColor(q.col)
		c.Fill(pa)
		if edges {
			c.SetLineStyle(s.EdgeStyle)
			c.Stroke(pa)
		} else {
			// Hide antialiasing seams between neighbouring quads.
			c.SetLineStyle(draw.LineStyle{Color: q.col, Width: vg.Points(0.3)})
			c.Stroke(pa)
		}
	}
}

// surfShade scales the RGB channels of col by f.
func surfShade(col color.Color, f float64) color.Color {
	r, g, b, a := col.RGBA()
	sc := func(v uint32) uint8 { return uint8(math.Min(255, float64(v>>8)*f)) }
	return color.NRGBA{R: sc(r), G: sc(g), B: sc(b), A: uint8(a >> 8)}
}

// surfVert is a floor polygon vertex: position and interpolated height.
type surfVert struct{ x, y, z float64 }

// surfClip clips the polygon in to lo ≤ z (keepAbove) or z ≤ hi,
// interpolating linearly along edges; dst is reused.
func surfClip(dst, in []surfVert, level float64, keepAbove bool) []surfVert {
	dst = dst[:0]
	inside := func(p surfVert) bool {
		if keepAbove {
			return p.z >= level
		}
		return p.z <= level
	}
	for i, cur := range in {
		prev := in[(i+len(in)-1)%len(in)]
		ci, pi := inside(cur), inside(prev)
		if ci != pi {
			t := (level - prev.z) / (cur.z - prev.z)
			dst = append(dst, surfVert{prev.x + t*(cur.x-prev.x), prev.y + t*(cur.y-prev.y), level})
		}
		if ci {
			dst = append(dst, cur)
		}
	}
	return dst
}

// drawFloor draws the filled contours of z on the floor plane z = min z:
// each grid cell is split into two triangles, and each triangle is
// clipped to every band [lₖ, lₖ₊₁] of the levels, so the bands are the
// exact regions of the piecewise-linear interpolant.
func (s *Surface) drawFloor(c draw.Canvas, v *surfView) {
	if !s.Floor {
		return
	}
	lv := s.FloorLevels()
	if len(lv) < 2 {
		return
	}
	nc, nr := len(s.X), len(s.Y)
	cm := s.colorMap(v)
	cols := make([]color.Color, len(lv)-1)
	for k := range cols {
		cols[k] = s.colorAt(cm, (lv[k]+lv[k+1])/2)
	}
	zf := v.z0
	if v.e[2] < 0 {
		zf = v.z1
	}
	var a, b []surfVert
	tri := make([]surfVert, 3)
	seam := draw.LineStyle{Width: vg.Points(0.35)}
	fill := func(poly []surfVert, col color.Color) {
		var pa vg.Path
		for i, p := range poly {
			q := v.pt(p.x, p.y, zf)
			if i == 0 {
				pa.Move(q)
			} else {
				pa.Line(q)
			}
		}
		pa.Close()
		c.SetColor(col)
		c.Fill(pa)
		seam.Color = col
		c.SetLineStyle(seam)
		c.Stroke(pa)
	}
	vert := func(i, j int) (surfVert, bool) {
		z := s.Z[j*nc+i]
		return surfVert{s.X[i], s.Y[j], z}, !math.IsNaN(z) && !math.IsInf(z, 0)
	}
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			p00, ok0 := vert(i, j)
			p10, ok1 := vert(i+1, j)
			p11, ok2 := vert(i+1, j+1)
			p01, ok3 := vert(i, j+1)
			for _, t := range [2][3]struct {
				p  surfVert
				ok bool
			}{{{p00, ok0}, {p10, ok1}, {p11, ok2}}, {{p00, ok0}, {p11, ok2}, {p01, ok3}}} {
				if !t[0].ok || !t[1].ok || !t[2].ok {
					continue
				}
				tri = tri[:3]
				tri[0], tri[1], tri[2] = t[0].p, t[1].p, t[2].p
				tlo := math.Min(tri[0].z, math.Min(tri[1].z, tri[2].z))
				thi := math.Max(tri[0].z, math.Max(tri[1].z, tri[2].z))
				for k := range cols {
					lo, hi := lv[k], lv[k+1]
					if k == 0 {
						lo = math.Inf(-1)
					}
					if k == len(cols)-1 {
						hi = math.Inf(1)
					}
					if thi < lo || tlo > hi {
						continue
					}
					if tlo >= lo && thi <= hi {
						fill(tri, cols[k])
						continue
					}
					a = surfClip(a, tri, lo, true)
					if len(a) < 3 {
						continue
					}
					b = surfClip(b, a, hi, false)
					if len(b) < 3 {
						continue
					}
					fill(b, cols[k])
				}
			}
		}
	}
	if s.FloorLines.Width > 0 && s.FloorLines.Color != nil {
		s.drawFloorLines(c, v, lv, zf)
	}
}

// drawFloorLines strokes the level lines on the floor (linear
// interpolation on the same triangles as the bands).
func (s *Surface) drawFloorLines(c draw.Canvas, v *surfView, lv []float64, zf float64) {
	nc, nr := len(s.X), len(s.Y)
	for j := 0; j < nr-1; j++ {
		for i := 0; i < nc-1; i++ {
			id := [2][3][2]int{{{i, j}, {i + 1, j}, {i + 1, j + 1}}, {{i, j}, {i + 1, j + 1}, {i, j + 1}}}
			for _, t := range id {
				var p [3]surfVert
				ok := true
				for k, ij := range t {
					z := s.Z[ij[1]*nc+ij[0]]
					if math.IsNaN(z) || math.IsInf(z, 0) {
						ok = false
					}
					p[k] = surfVert{s.X[ij[0]], s.Y[ij[1]], z}
				}
				if !ok {
					continue
				}
				for _, l := range lv {
					var seg []vg.Point
					for k := range 3 {
						a, b := p[k], p[(k+1)%3]
						if (a.z < l) != (b.z < l) {
							t := (l - a.z) / (b.z - a.z)
							seg = append(seg, v.pt(a.x+t*(b.x-a.x), a.y+t*(b.y-a.y), zf))
						}
					}
					if len(seg) == 2 {
						c.StrokeLine2(s.FloorLines, seg[0].X, seg[0].Y, seg[1].X, seg[1].Y)
					}
				}
			}
		}
	}
}

// niceStep returns the smallest round step (1, 2, 2.5, 5 or 10 × 10ⁿ) not
// below raw (within 0.1 %).
func niceStep(raw float64) float64 {
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw*0.999 {
			return m * mag
		}
	}
	return 10 * mag
}
