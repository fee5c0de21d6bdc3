package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Surface is a plot.Plotter drawing the 3D surface z = f(x, y) sampled on
// a grid (make it with NewSurface, e.g. from gdkit.Meshgrid(xs, ys).Eval),
// like matplotlib's plot_surface, over a filled-contour floor (matplotlib's
// contourf(..., zdir='z', offset=0) as in the slide: the floor is the plane
// z = FloorZ, 0 by default), inside a 3D box with axis lines, ticks and
// labels.
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
	// x and y are the column and row coordinates of the grid; z holds the
	// heights row-major: z[r*len(x)+c] is the height at (x[c], y[r]).
	// Cells with a non-finite corner are not drawn.
	x, y, z []float64

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
	// FloorZ is the height of the floor, matplotlib's offset: the slide's
	// contourf(W1, W2, E, zdir='z', offset=0) puts it at z = 0, the
	// default. The box reaches down to it. A floor that would cut through
	// the surface (some height below FloorZ) goes to the lowest height
	// instead, and so does every floor with FloorAtBottom.
	FloorZ        float64
	FloorAtBottom bool
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

// NewSurface returns a Surface for the heights of g: Z(c, r) is the height
// at (X(c), Y(r)), as in a gdkit.Grid. g must be at least 2×2 with finite,
// strictly increasing coordinates, and hold at least one finite height
// (NaN or infinite heights leave holes: cells with a non-finite corner get
// no quad and no floor band, and a note in the bottom-left corner says how
// many). The grid is copied.
//
// Errors wrap gdkit.ErrEmpty (nil or smaller than 2×2), gdkit.ErrDimension
// (a gdkit.Grid of the wrong length), gdkit.ErrNotFinite (a non-finite
// coordinate, no finite height, or a height range that overflows) or, for
// coordinates that do not increase, a bad-parameter error.
func NewSurface(g plotter.GridXYZ) (*Surface, error) {
	gv, err := readGrid(g, 2)
	if err != nil {
		return nil, fmt.Errorf("gdplot: surface: %w", err)
	}
	lo, hi, ok := finiteRange(gv.zs)
	if !ok {
		return nil, fmt.Errorf("gdplot: surface has no finite height: %w", gdkit.ErrNotFinite)
	}
	if math.IsInf(hi-lo, 0) {
		return nil, fmt.Errorf("gdplot: surface height range [%g, %g] overflows: %w", lo, hi, gdkit.ErrNotFinite)
	}
	return &Surface{
		x: gv.xs, y: gv.ys, z: gv.zs,
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

// NewPlot returns a new plot with hidden axes holding only s, titled
// title (may be empty). Save or export it like any plot.
func (s *Surface) NewPlot(title string) *plot.Plot {
	p := plot.New()
	p.HideAxes()
	p.Title.Text = title
	p.Add(s)
	return p
}

// Plot implements plot.Plotter.
func (s *Surface) Plot(c draw.Canvas, p *plot.Plot) {
	nc, nr := len(s.x), len(s.y)
	if nc < 2 || nr < 2 || len(s.z) < nc*nr {
		return
	}
	zlo, zhi, ok := s.zRange()
	if !ok {
		return
	}
	v := s.view(s.boxZ(zlo), zhi)
	v.c0, v.c1 = zlo, zhi
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
	s.thinTicks(axes, v, fs)
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
	for _, a := range axes {
		var vs []float64
		for _, t := range a.ticks {
			vs = append(vs, t.Value)
		}
		commentValues(c.Canvas, "3D "+a.label, vs)
	}

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
	if n := s.note(); n != nil {
		n.Plot(c, p)
	}
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

// boxZ returns the bottom of the box for heights from zlo: FloorZ when the
// floor is drawn there (finite, not above zlo), zlo otherwise.
func (s *Surface) boxZ(zlo float64) float64 {
	if s.Floor && !s.FloorAtBottom && finite(s.FloorZ, 0) && s.FloorZ < zlo {
		return s.FloorZ
	}
	return zlo
}

// zRange returns the finite range of Z, widened when flat.
func (s *Surface) zRange() (lo, hi float64, ok bool) {
	lo, hi, ok = finiteRange(s.z)
	if !ok || math.IsInf(hi-lo, 0) {
		return 0, 0, false
	}
	if hi == lo {
		d := math.Max(1, math.Abs(lo)*0.1)
		lo, hi = lo-d, hi+d
	}
	return lo, hi, true
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

// colorMap returns the colour map with its range set to the heights
// [min z, max z].
func (s *Surface) colorMap(v *surfView) palette.ColorMap {
	cm := s.ColorMap
	if cm == nil {
		cm = surfaceViridis()
	}
	lo, hi := v.c0, v.c1
	if !(hi > lo) {
		lo, hi = v.z0, v.z1
	}
	cm.SetMax(hi)
	cm.SetMin(lo)
	cm.SetMax(hi)
	return cm
}

var _ plot.Plotter = (*Surface)(nil)
