package gdplot

import (
	"image/color"
	"math"
	"sort"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// layout is what the figure knows about one plot while drawing it: the
// canvas rectangles taken by text and markers, and where lines run, so
// that labels, legends and notes drawn afterwards avoid them.
//
// A Figure draws each plot first on a recCanvas: the plotters draw as
// usual, except the text placed by this package (step numbers, contour
// values, notes, ...), which asks for a place here and is drawn after
// everything else (see deferLabel). Lines are counted on a grid of 2-pt
// cells; markers (fills smaller than 16 pt) and text are kept as boxes.
type layout struct {
	data   vg.Rectangle // the data area
	bounds vg.Rectangle // the plot's canvas

	texts []vg.Rectangle
	marks []vg.Rectangle
	// leaders are the leader lines drawn so far (pairs of points).
	leaders [][2]vg.Point

	grid lineGrid

	deferred []deferredItem
	// notes are messages that found no free place inside the data area;
	// the figure writes them under the plot, in their colour.
	notes []placedNote
	// masks are the counts of the masking notes of the plot's plotters,
	// written as one note (see note.mask).
	masks []maskCount
}

// placedNote is a note written under the plot.
type placedNote struct {
	text  string
	color color.Color
}

// deferredItem is a piece of text waiting for the whole plot to be drawn.
type deferredItem struct {
	order int
	place func(l *layout, c draw.Canvas)
	c     draw.Canvas
}

// Placement order of deferred items: labels tied to data points first,
// then values written on lines, then notes.
const (
	orderPoint = iota
	orderLine
	orderNote
)

// markMax is the largest fill, in either direction, counted as a marker.
const markMax = 16 // points

// layouts maps the plots being drawn by a Figure to their layout.
var layouts sync.Map // *plot.Plot → *layout

// layoutOf returns the layout of p while a Figure draws it, or nil.
func layoutOf(p *plot.Plot) *layout {
	if v, ok := layouts.Load(p); ok {
		return v.(*layout)
	}
	return nil
}

// deferLabel runs place once p has been drawn, if a Figure is drawing p;
// otherwise (a plot drawn by gonum's Plot.Draw or Save) it places at once
// with an empty layout.
func deferLabel(p *plot.Plot, c draw.Canvas, order int, place func(l *layout, c draw.Canvas)) {
	if l := layoutOf(p); l != nil {
		l.deferred = append(l.deferred, deferredItem{order: order, place: place, c: c})
		return
	}
	l := newLayout(c.Rectangle, c.Rectangle)
	place(l, c)
}

func newLayout(data, bounds vg.Rectangle) *layout {
	l := &layout{data: data, bounds: bounds}
	l.grid = newLineGrid(bounds, vg.Points(2))
	return l
}

// watch makes rc report its geometry to l.
func (l *layout) watch(rc *recCanvas) {
	rc.onStroke = func(pts []vg.Point) {
		for _, p := range pts {
			if contains(l.data, p) {
				l.grid.add(p)
			}
		}
	}
	rc.onFill = func(b vg.Rectangle) {
		s := b.Size()
		if s.X <= vg.Points(markMax) && s.Y <= vg.Points(markMax) && overlaps(b, l.data) {
			l.marks = append(l.marks, b)
		}
	}
	rc.onText = func(b vg.Rectangle, _ string) { l.texts = append(l.texts, b) }
}

// runDeferred places the deferred items of order below until, in their
// order (stable), and drops them.
func (l *layout) runDeferred(until int) {
	l.grid.build()
	sort.SliceStable(l.deferred, func(i, j int) bool { return l.deferred[i].order < l.deferred[j].order })
	k := 0
	for ; k < len(l.deferred) && l.deferred[k].order < until; k++ {
		d := l.deferred[k]
		d.place(l, d.c)
	}
	l.deferred = l.deferred[k:]
}

// textGap is the least space between two pieces of text placed by the
// layout ("3" and "4" side by side read "34").
const textGap = 4 // points

// overlaps reports whether a and b share more than a sliver (0.5 pt).
func overlaps(a, b vg.Rectangle) bool {
	const eps = 0.5
	return a.Min.X < b.Max.X-eps && b.Min.X < a.Max.X-eps && a.Min.Y < b.Max.Y-eps && b.Min.Y < a.Max.Y-eps
}

// inside reports whether r lies in b (within 0.5 pt).
func inside(r, b vg.Rectangle) bool {
	const eps = 0.5
	return r.Min.X >= b.Min.X-eps && r.Min.Y >= b.Min.Y-eps && r.Max.X <= b.Max.X+eps && r.Max.Y <= b.Max.Y+eps
}

// cost rates r as a place for text: hard when it overlaps text or a
// marker, or leaves area; otherwise the number of line cells under it
// (plus leader lines crossing it).
func (l *layout) cost(r, area vg.Rectangle) (hard bool, soft int) {
	if !inside(r, area) {
		return true, 0
	}
	g := vg.Points(textGap)
	rg := vg.Rectangle{Min: vg.Point{X: r.Min.X - g, Y: r.Min.Y - g}, Max: vg.Point{X: r.Max.X + g, Y: r.Max.Y + g}}
	for _, t := range l.texts {
		if overlaps(rg, t) {
			return true, 0
		}
	}
	for _, m := range l.marks {
		if overlaps(r, m) {
			return true, 0
		}
	}
	soft = l.grid.count(r)
	for _, s := range l.leaders {
		if segmentHitsBox(s[0], s[1], r) {
			soft += 4
		}
	}
	return false, soft
}

// take records r as taken by text.
func (l *layout) take(r vg.Rectangle) { l.texts = append(l.texts, r) }

// segmentHitsBox reports whether the segment ab crosses the box r
// (sampled every 2 pt or so).
func segmentHitsBox(a, b vg.Point, r vg.Rectangle) bool {
	n := max(8, min(200, int(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))/2)))
	for i := 0; i <= n; i++ {
		t := vg.Length(float64(i) / float64(n))
		if contains(r, vg.Point{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)}) {
			return true
		}
	}
	return false
}

// lineGrid counts stroke samples on a grid of square cells over a
// rectangle, with 2D prefix sums for counts over boxes.
type lineGrid struct {
	origin vg.Point
	cell   vg.Length
	nx, ny int
	n      []int32 // counts, row-major
	sum    []int32 // prefix sums, (nx+1)×(ny+1)
}

func newLineGrid(r vg.Rectangle, cell vg.Length) lineGrid {
	s := r.Size()
	nx := max(1, int(math.Ceil(float64(s.X/cell))))
	ny := max(1, int(math.Ceil(float64(s.Y/cell))))
	if nx*ny > 4_000_000 || !finiteBox(r) {
		nx, ny = 1, 1
	}
	return lineGrid{origin: r.Min, cell: cell, nx: nx, ny: ny, n: make([]int32, nx*ny)}
}

func (g *lineGrid) index(p vg.Point) (int, int) {
	i := int(math.Floor(float64((p.X - g.origin.X) / g.cell)))
	j := int(math.Floor(float64((p.Y - g.origin.Y) / g.cell)))
	return i, j
}

func (g *lineGrid) add(p vg.Point) {
	i, j := g.index(p)
	if i < 0 || j < 0 || i >= g.nx || j >= g.ny {
		return
	}
	g.n[j*g.nx+i] = 1
	g.sum = nil
}

// at reports whether a line runs through the cell holding p.
func (g *lineGrid) at(p vg.Point) bool {
	i, j := g.index(p)
	return i >= 0 && j >= 0 && i < g.nx && j < g.ny && g.n[j*g.nx+i] > 0
}

// build computes the prefix sums.
func (g *lineGrid) build() {
	w := g.nx + 1
	g.sum = make([]int32, w*(g.ny+1))
	for j := 0; j < g.ny; j++ {
		for i := 0; i < g.nx; i++ {
			g.sum[(j+1)*w+i+1] = g.n[j*g.nx+i] + g.sum[j*w+i+1] + g.sum[(j+1)*w+i] - g.sum[j*w+i]
		}
	}
}

// count returns the number of occupied cells inside r (cells whose
// centre lies in r).
func (g *lineGrid) count(r vg.Rectangle) int {
	if g.sum == nil {
		g.build()
	}
	i0 := int(math.Ceil(float64((r.Min.X-g.origin.X)/g.cell) - 0.5))
	j0 := int(math.Ceil(float64((r.Min.Y-g.origin.Y)/g.cell) - 0.5))
	i1 := int(math.Floor(float64((r.Max.X-g.origin.X)/g.cell) - 0.5))
	j1 := int(math.Floor(float64((r.Max.Y-g.origin.Y)/g.cell) - 0.5))
	i0, j0 = max(i0, 0), max(j0, 0)
	i1, j1 = min(i1, g.nx-1), min(j1, g.ny-1)
	if i1 < i0 || j1 < j0 {
		return 0
	}
	w := g.nx + 1
	return int(g.sum[(j1+1)*w+i1+1] - g.sum[j0*w+i1+1] - g.sum[(j1+1)*w+i0] + g.sum[j0*w+i0])
}

// contains reports whether p lies in r.
func contains(r vg.Rectangle, p vg.Point) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}
