package gdplot

import (
	"math"
	"runtime"
	"sync"
	"weak"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// equalAspect holds the plots marked by EqualAspect, by weak pointer so a
// marked plot can still be garbage collected (its entry is then removed).
var equalAspect sync.Map // weak.Pointer[plot.Plot] → struct{}

// EqualAspect marks p to be drawn with one unit of x as long as one unit
// of y, as matplotlib's ax.set_aspect("equal"): when a Figure draws p it
// narrows (or flattens) p's canvas, centred, until the data area has the
// aspect of the axis ranges. Circles of w1²+w2² then look round and
// gradient arrows cross the level curves at right angles. The contour
// helpers (Contour, FilledContour, Trajectory, MultiStart) mark their plots when
// the grid's sides are within a ratio of 3 of each other.
func EqualAspect(p *plot.Plot) {
	k := weak.Make(p)
	if _, loaded := equalAspect.LoadOrStore(k, struct{}{}); !loaded {
		runtime.AddCleanup(p, func(k weak.Pointer[plot.Plot]) { equalAspect.Delete(k) }, k)
	}
}

// isEqualAspect reports whether p was marked by EqualAspect.
func isEqualAspect(p *plot.Plot) bool {
	_, ok := equalAspect.Load(weak.Make(p))
	return ok
}

// aspectCanvas returns c, narrowed or flattened about its centre so that
// p's data area has the aspect of p's axis ranges, if p is marked by
// EqualAspect; otherwise c itself. With top, a flattened canvas keeps its
// top edge instead (a panel in a row of panels: its title stays on the
// baseline of its neighbours' titles).
func aspectCanvas(p *plot.Plot, c draw.Canvas, top bool) draw.Canvas {
	if !isEqualAspect(p) {
		return c
	}
	dx, dy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	if !(dx > 0) || !(dy > 0) || math.IsInf(dx, 0) || math.IsInf(dy, 0) {
		return c
	}
	d := p.DataCanvas(c)
	w, h := float64(d.Max.X-d.Min.X), float64(d.Max.Y-d.Min.Y)
	if !(w > 0) || !(h > 0) {
		return c
	}
	want := dx / dy
	full := c
	switch {
	case w/h > want: // too wide: narrow the canvas
		cut := (w - h*want) / 2
		c.Min.X += vg.Length(cut)
		c.Max.X -= vg.Length(cut)
	case w/h < want: // too tall: flatten it
		cut := (h - w/want) / 2
		if top {
			c.Min.Y += vg.Length(2 * cut)
			break
		}
		c.Min.Y += vg.Length(cut)
		c.Max.Y -= vg.Length(cut)
	}
	// gonum's padding divides by zero when one glyph (a contour label)
	// sticks out of both sides of a canvas this narrow: keep the full one.
	if d := p.DataCanvas(c); !finite(float64(d.Min.X), float64(d.Max.X)) || !finite(float64(d.Min.Y), float64(d.Max.Y)) {
		return full
	}
	return c
}

// markEqualAspect marks p by EqualAspect when the sides dx, dy of its
// window are within a ratio of 3 of each other (same units, comparable
// extents); a very elongated window is better drawn filling the canvas.
func markEqualAspect(p *plot.Plot) {
	dx, dy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	if dx > 0 && dy > 0 && math.Max(dx, dy)/math.Min(dx, dy) <= 3 {
		EqualAspect(p)
	}
}
