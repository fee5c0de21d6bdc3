package gdplot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// labelReq asks the layout for a place for one piece of text next to an
// anchor point (a marker, a point on a curve).
type labelReq struct {
	text string
	sty  draw.TextStyle
	at   vg.Point  // the anchor
	keep vg.Length // radius kept clear around the anchor (its marker)
	// dirs are the preferred directions from the anchor (unit vectors),
	// best first; the eight compass directions are tried after them.
	dirs []vg.Point
	// rings is how many rings further out the text may go, joined to its
	// anchor by a leader line, when no place next to it is free.
	rings int
	// tolerate is the number of line cells (2 pt) the text may cover next
	// to its anchor before a place further out is preferred.
	tolerate int
	// boxed puts a white patch under the text.
	boxed bool
	area  vg.Rectangle // where the text may go
	// others are the anchors of sibling labels (the other steps of a
	// path): a place nearer to one of them than to at would name the
	// wrong point, and is not taken.
	others []vg.Point
}

// leaderEnds returns the ends of the leader line from the edge of the
// anchor's marker (radius keep, direction u) to the nearest point of b.
func leaderEnds(at, u vg.Point, keep vg.Length, b vg.Rectangle) (vg.Point, vg.Point) {
	a := vg.Point{X: at.X + u.X*keep, Y: at.Y + u.Y*keep}
	return a, vg.Point{X: max(b.Min.X, min(b.Max.X, at.X)), Y: max(b.Min.Y, min(b.Max.Y, at.Y))}
}

// leaderHits reports whether the leader line to b would cross a marker
// other than the anchor's own, or another text.
func (l *layout) leaderHits(at, u vg.Point, keep vg.Length, b vg.Rectangle) bool {
	a, e := leaderEnds(at, u, keep, b)
	for _, m := range l.marks {
		if contains(m, at) {
			continue
		}
		if segmentHitsBox(a, e, m) {
			return true
		}
	}
	for _, t := range l.texts {
		if segmentHitsBox(a, e, t) {
			return true
		}
	}
	return false
}

// boxDist is the distance from p to the box r (0 inside).
func boxDist(r vg.Rectangle, p vg.Point) float64 {
	dx := math.Max(0, math.Max(float64(r.Min.X-p.X), float64(p.X-r.Max.X)))
	dy := math.Max(0, math.Max(float64(r.Min.Y-p.Y), float64(p.Y-r.Max.Y)))
	return math.Hypot(dx, dy)
}

// nearestIsOwn reports whether the box b is clearly nearer to at than to
// every point of others that is not at itself: each of them at least 1.5
// times as far, plus 1 pt (a label halfway between two points names
// neither).
func nearestIsOwn(b vg.Rectangle, at vg.Point, others []vg.Point) bool {
	own := boxDist(b, at)
	for _, q := range others {
		if math.Hypot(float64(q.X-at.X), float64(q.Y-at.Y)) < 0.5 {
			continue
		}
		if boxDist(b, q) <= 1.5*own+float64(vg.Points(1)) {
			return false
		}
	}
	return true
}

// compass holds the eight directions E, NE, N, NW, W, SW, S, SE, and
// ring16 sixteen.
var compass, ring16 = directions(8), directions(16)

// directions returns n unit vectors at equal angles, from east
// counter-clockwise.
func directions(n int) []vg.Point {
	ds := make([]vg.Point, n)
	for k := range ds {
		s, c := math.Sincos(2 * math.Pi * float64(k) / float64(n))
		ds[k] = vg.Point{X: vg.Length(c), Y: vg.Length(s)}
	}
	return ds
}

// textExtent returns the size of txt in sty and the offset from the lower
// left corner of its box to the point FillText wants with sty aligned
// left and bottom.
func textExtent(sty draw.TextStyle, txt string) (size, off vg.Point) {
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	r := sty.Rectangle(txt)
	return r.Size(), vg.Point{X: -r.Min.X, Y: -r.Min.Y}
}

// boxAt returns the box of size sz whose side nearest the anchor is d
// away from it in direction u.
func boxAt(at, u, sz vg.Point, d vg.Length) vg.Rectangle {
	hx, hy := sz.X/2, sz.Y/2
	reach := d + vg.Length(math.Abs(float64(u.X)))*hx + vg.Length(math.Abs(float64(u.Y)))*hy
	cx, cy := at.X+u.X*reach, at.Y+u.Y*reach
	return vg.Rectangle{Min: vg.Point{X: cx - hx, Y: cy - hy}, Max: vg.Point{X: cx + hx, Y: cy + hy}}
}

// sortDirs returns ring16 sorted by the angle to u.
func sortDirs(u vg.Point) []vg.Point {
	ds := append([]vg.Point(nil), ring16...)
	dot := func(a vg.Point) float64 { return float64(a.X*u.X + a.Y*u.Y) }
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && dot(ds[j]) > dot(ds[j-1]); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
	return ds
}

// placeLabel finds the best free place for q and draws it on c: next to
// the anchor in the first preferred direction that covers no text or
// marker and at most q.tolerate line cells; else further out with a leader
// line, where it covers no line; else next to the anchor over lines (on a
// translucent halo, see fillHalo). It reports false, drawing nothing, when every place
// overlaps text or a marker.
func (l *layout) placeLabel(c draw.Canvas, q labelReq) bool {
	sz, off := textExtent(q.sty, q.text)
	pad := vg.Points(1.5)
	gap := vg.Points(2)
	dirs := append(append([]vg.Point(nil), q.dirs...), compass...)
	type cand struct {
		box    vg.Rectangle
		u      vg.Point
		soft   int
		leader bool
		score  float64
	}
	best := cand{score: math.Inf(1)}
	try := func(u vg.Point, d vg.Length, rank float64, leader bool) cand {
		b := boxAt(q.at, u, sz, d)
		hard, soft := l.cost(b, q.area)
		if hard || (!leader && !nearestIsOwn(b, q.at, q.others)) || (leader && l.leaderHits(q.at, u, q.keep, b)) {
			return cand{score: math.Inf(1)}
		}
		return cand{box: b, u: u, soft: soft, leader: leader, score: float64(soft) + rank}
	}
	for k, u := range dirs {
		if cd := try(u, q.keep+gap, 0.3*float64(k), false); cd.score < best.score {
			best = cd
		}
	}
	if best.soft > q.tolerate || math.IsInf(best.score, 1) {
		step := max(sz.Y, vg.Points(9))
		u0 := compass[1]
		if len(q.dirs) > 0 {
			u0 = q.dirs[0]
		}
		var far cand
		far.score = math.Inf(1)
		for ring := 1; ring <= q.rings && math.IsInf(far.score, 1); ring++ {
			for k, u := range sortDirs(u0) {
				cd := try(u, q.keep+gap+vg.Length(ring)*step, 0.05*float64(k), true)
				if cd.soft == 0 && cd.score < far.score {
					far = cd
				}
			}
		}
		if !math.IsInf(far.score, 1) {
			best = far
		}
	}
	if math.IsInf(best.score, 1) {
		return false
	}
	if best.leader {
		a, b := leaderEnds(q.at, best.u, q.keep, best.box)
		c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0x70}, Width: vg.Points(0.6)}, a.X, a.Y, b.X, b.Y)
		l.leaders = append(l.leaders, [2]vg.Point{a, b})
	}
	switch {
	case q.boxed:
		c.SetColor(color.White)
		c.Fill(inkPatch(best.box, q.sty, pad).Path())
	case best.soft > 0:
		l.fillHalo(c, best.box, q.sty)
	}
	sty := q.sty
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	c.FillText(sty, best.box.Min.Add(off), q.text)
	l.take(best.box)
	return true
}

// inkPatch is the white patch under the last line of text whose box is b
// (its bottom the font's descent below the baseline): pad around the
// glyphs' ink, from a quarter of the size below the baseline to 0.78 of it
// above (digits and capitals reach 0.66), not the whole line box, so lines
// that pass through the box below or above the glyphs stay visible.
func inkPatch(b vg.Rectangle, sty draw.TextStyle, pad vg.Length) vg.Rectangle {
	base := b.Min.Y + sty.FontExtents().Descent
	size := sty.Font.Size
	return vg.Rectangle{
		Min: vg.Point{X: b.Min.X - pad, Y: max(b.Min.Y, base-0.25*size) - pad/2},
		Max: vg.Point{X: b.Max.X + pad, Y: min(b.Max.Y, base+0.78*size) + pad/2},
	}
}

// fillHalo fills a translucent white halo, tight around the glyphs of the
// text whose box is b, under a label that must sit on lines: the text
// reads, and the lines under it stay visible (an opaque patch would cut
// them).
// No halo is drawn when no line runs between the baseline and the top of
// the digits.
func (l *layout) fillHalo(c draw.Canvas, b vg.Rectangle, sty draw.TextStyle) {
	ink := inkPatch(b, sty, vg.Points(0.5))
	base, size := b.Min.Y+sty.FontExtents().Descent, sty.Font.Size
	body := vg.Rectangle{Min: vg.Point{X: b.Min.X, Y: base}, Max: vg.Point{X: b.Max.X, Y: base + 0.7*size}}
	if l.grid.count(body) == 0 {
		return // lines pass only by the descenders' room
	}
	c.SetColor(color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xa0})
	c.Fill(ink.Path())
}

// placeAt draws txt centred on the first of the points ats whose box
// covers no text or marker and stays in area (e.g. a contour value on its
// line), on a white patch, and reports whether one was free.
func (l *layout) placeAt(c draw.Canvas, txt string, sty draw.TextStyle, ats []vg.Point, area vg.Rectangle) bool {
	sz, off := textExtent(sty, txt)
	pad := vg.Points(1.5)
	for _, at := range ats {
		b := vg.Rectangle{Min: vg.Point{X: at.X - sz.X/2, Y: at.Y - sz.Y/2}, Max: vg.Point{X: at.X + sz.X/2, Y: at.Y + sz.Y/2}}
		if hard, _ := l.cost(b, area); hard {
			continue
		}
		r := vg.Rectangle{Min: vg.Point{X: b.Min.X - pad, Y: b.Min.Y - pad}, Max: vg.Point{X: b.Max.X + pad, Y: b.Max.Y + pad}}
		c.SetColor(color.White)
		c.Fill(inkPatch(b, sty, pad).Path())
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		c.FillText(sty, b.Min.Add(off), txt)
		l.take(r)
		return true
	}
	return false
}

// Corners and edges of the data area where boxes (notes, legends) go, in
// matplotlib's order for loc="best".
type spot int

const (
	spotUpperRight spot = iota
	spotUpperLeft
	spotLowerLeft
	spotLowerRight
	spotRight
	spotCenterLeft
	spotLowerCenter
	spotUpperCenter
)

var allSpots = []spot{spotUpperRight, spotUpperLeft, spotLowerLeft, spotLowerRight, spotRight, spotCenterLeft, spotLowerCenter, spotUpperCenter}

// spotAt is where each spot lies across and up the free range of the
// area: 0 left (bottom), ½ centre, 1 right (top).
var spotAt = map[spot][2]vg.Length{
	spotUpperRight: {1, 1}, spotUpperLeft: {0, 1}, spotLowerLeft: {0, 0}, spotLowerRight: {1, 0},
	spotRight: {1, 0.5}, spotCenterLeft: {0, 0.5}, spotLowerCenter: {0.5, 0}, spotUpperCenter: {0.5, 1},
}

// spotBox returns the box of size sz at spot s of area, inset by m.
func spotBox(s spot, area vg.Rectangle, sz vg.Point, m vg.Length) vg.Rectangle {
	x0, x1 := area.Min.X+m, area.Max.X-m-sz.X
	y0, y1 := area.Min.Y+m, area.Max.Y-m-sz.Y
	f := spotAt[s]
	p := vg.Point{X: x0 + f[0]*(x1-x0), Y: y0 + f[1]*(y1-y0)}
	return vg.Rectangle{Min: p, Max: p.Add(sz)}
}

// bestSpot returns the spot, of prefer first and then allSpots, where a
// box of size sz covers the least: text and markers weigh more than lines
// (a marker 6 line cells, a text box 12). Lines are counted over the box
// grown by spotClear, so that a box clear of the data keeps a margin from
// it. It returns the box and its weight (0: nothing under it or near it).
func (l *layout) bestSpot(sz vg.Point, area vg.Rectangle, prefer ...spot) (vg.Rectangle, int) {
	m := vg.Points(5)
	best, bestW := vg.Rectangle{}, math.MaxInt
	for _, s := range append(prefer, allSpots...) {
		b := spotBox(s, area, sz, m)
		if !inside(b, area) {
			continue
		}
		g := vg.Points(spotClear)
		w := l.grid.count(vg.Rectangle{Min: vg.Point{X: b.Min.X - g, Y: b.Min.Y - g}, Max: vg.Point{X: b.Max.X + g, Y: b.Max.Y + g}})
		for _, t := range l.texts {
			if overlaps(b, t) {
				w += 12
			}
		}
		for _, mk := range l.marks {
			if overlaps(b, mk) {
				w += 6
			}
		}
		for _, s := range l.leaders {
			if segmentHitsBox(s[0], s[1], b) {
				w += 4
			}
		}
		if w < bestW {
			best, bestW = b, w
		}
	}
	return best, bestW
}

// spotClear is the margin, in points, that a legend or note keeps from
// the lines around it (bestSpot).
const spotClear = 4

// noteStyle is the text style of notes: legend size, dark red.
func noteStyle() draw.TextStyle {
	return draw.TextStyle{
		Color:   noteColor,
		Font:    font.From(DefaultTheme.Font, DefaultTheme.LegendSize),
		Handler: DefaultTheme.handler(),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
	}
}

var noteColor = color.RGBA{R: 0xb0, A: 0xff}

// notePad is the padding inside a note's frame.
const notePad = 4 // points

// placeNote draws txt in a framed box at the free spot of the data area
// covering the least (prefer first), or, when every spot covers data
// (more than a few line cells, or any text or marker), hands it to the
// figure, which writes it under the plot.
func (l *layout) placeNote(c draw.Canvas, txt string, col color.Color, prefer ...spot) {
	sty := noteStyle()
	if col != nil {
		sty.Color = col
	}
	sz, off := textExtent(sty, txt)
	pad := vg.Points(notePad)
	box := vg.Point{X: sz.X + 2*pad, Y: sz.Y + 2*pad}
	b, w := l.bestSpot(box, l.data, prefer...)
	if w > 4 || b.Size().X == 0 {
		l.notes = append(l.notes, placedNote{txt, sty.Color})
		return
	}
	drawNoteBox(c, b, sty.Color)
	c.FillText(sty, vg.Point{X: b.Min.X + pad, Y: b.Min.Y + pad}.Add(off), txt)
	l.take(b)
}

// drawNoteBox fills b light red and frames it in col.
func drawNoteBox(c draw.Canvas, b vg.Rectangle, col color.Color) {
	c.SetColor(color.RGBA{R: 0xff, G: 0xf4, B: 0xf0, A: 0xff})
	c.Fill(b.Path())
	c.StrokeLines(draw.LineStyle{Color: col, Width: vg.Points(1)},
		[]vg.Point{b.Min, {X: b.Max.X, Y: b.Min.Y}, b.Max, {X: b.Min.X, Y: b.Max.Y}, b.Min})
}
