package gdplot

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// recCanvas is a vg.Canvas that records the drawing operations, to replay
// them on another canvas once the layout is settled, and measures them for
// the layout (layout.go) and the figure lint (lint.go): every stroke is
// sampled into points, every fill and text run is reduced to its bounding
// box, all in canvas coordinates (the transforms set with Translate,
// Rotate and Scale are applied). It is the equivalent of gonum's
// vg/recorder that keeps the font faces, so replaying needs no font cache.
type recCanvas struct {
	ops   []recOp
	m     affine
	stack []affine

	// onStroke, onFill and onText, if set, receive the measured geometry.
	onStroke func(pts []vg.Point)
	onFill   func(box vg.Rectangle)
	onText   func(box vg.Rectangle, s string)
	// onComment receives the comments (see textBegin and textEnd).
	onComment func(s string)
}

// Comments that bracket the runs of one typeset label (MathText draws a
// label as several runs: italic letters, subscripts, ...), so the lint
// measures the label as one box.
const (
	textBegin = "gdplot:text-begin"
	textEnd   = "gdplot:text-end"
)

// commenter is a canvas that takes comments (gonum's recorder.Commenter).
type commenter interface{ Comment(string) }

// asCommenter returns c, or the canvas a draw.Canvas wraps, if it takes
// comments (draw.Canvas.FillText hands text handlers the draw.Canvas).
func asCommenter(c vg.Canvas) (commenter, bool) {
	for range 100 {
		switch v := c.(type) {
		case commenter:
			return v, true
		case *draw.Canvas:
			c = v.Canvas
		case draw.Canvas:
			c = v.Canvas
		default:
			return nil, false
		}
	}
	return nil, false
}

type opKind uint8

const (
	opWidth opKind = iota
	opDash
	opColor
	opRotate
	opTranslate
	opScale
	opPush
	opPop
	opStroke
	opFill
	opText
	opImage
	opComment
)

// recOp is one recorded call.
type recOp struct {
	kind   opKind
	length vg.Length // width, dash offset
	dashes []vg.Length
	color  color.Color
	x, y   float64 // rotation angle (x), scale factors
	pt     vg.Point
	path   vg.Path
	face   font.Face
	str    string
	rect   vg.Rectangle
	img    image.Image
}

// affine is the 2×3 matrix (a b c; d e f) mapping (x, y) to
// (a·x + b·y + c, d·x + e·y + f).
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, e: 1}

func (m affine) apply(p vg.Point) vg.Point {
	x, y := float64(p.X), float64(p.Y)
	return vg.Point{X: vg.Length(m.a*x + m.b*y + m.c), Y: vg.Length(m.d*x + m.e*y + m.f)}
}

// mul returns m·n (n applied first).
func (m affine) mul(n affine) affine {
	return affine{
		a: m.a*n.a + m.b*n.d, b: m.a*n.b + m.b*n.e, c: m.a*n.c + m.b*n.f + m.c,
		d: m.d*n.a + m.e*n.d, e: m.d*n.b + m.e*n.e, f: m.d*n.c + m.e*n.f + m.f,
	}
}

func newRecCanvas() *recCanvas { return &recCanvas{m: identity} }

func (r *recCanvas) SetLineWidth(w vg.Length) { r.ops = append(r.ops, recOp{kind: opWidth, length: w}) }

func (r *recCanvas) SetLineDash(d []vg.Length, offs vg.Length) {
	r.ops = append(r.ops, recOp{kind: opDash, dashes: append([]vg.Length(nil), d...), length: offs})
}

func (r *recCanvas) SetColor(c color.Color) { r.ops = append(r.ops, recOp{kind: opColor, color: c}) }

func (r *recCanvas) Rotate(a float64) {
	r.ops = append(r.ops, recOp{kind: opRotate, x: a})
	s, c := math.Sincos(a)
	r.m = r.m.mul(affine{a: c, b: -s, d: s, e: c})
}

func (r *recCanvas) Translate(p vg.Point) {
	r.ops = append(r.ops, recOp{kind: opTranslate, pt: p})
	r.m = r.m.mul(affine{a: 1, c: float64(p.X), e: 1, f: float64(p.Y)})
}

func (r *recCanvas) Scale(x, y float64) {
	r.ops = append(r.ops, recOp{kind: opScale, x: x, y: y})
	r.m = r.m.mul(affine{a: x, e: y})
}

func (r *recCanvas) Push() {
	r.ops = append(r.ops, recOp{kind: opPush})
	r.stack = append(r.stack, r.m)
}

func (r *recCanvas) Pop() {
	r.ops = append(r.ops, recOp{kind: opPop})
	if n := len(r.stack); n > 0 {
		r.m, r.stack = r.stack[n-1], r.stack[:n-1]
	}
}

func (r *recCanvas) Stroke(p vg.Path) {
	p = append(vg.Path(nil), p...)
	r.ops = append(r.ops, recOp{kind: opStroke, path: p})
	if r.onStroke != nil {
		r.onStroke(samplePath(p, r.m, vg.Points(2)))
	}
}

func (r *recCanvas) Fill(p vg.Path) {
	p = append(vg.Path(nil), p...)
	r.ops = append(r.ops, recOp{kind: opFill, path: p})
	if r.onFill != nil {
		if b, ok := pathBox(p, r.m); ok {
			r.onFill(b)
		}
	}
}

func (r *recCanvas) FillString(f font.Face, pt vg.Point, s string) {
	r.ops = append(r.ops, recOp{kind: opText, face: f, pt: pt, str: s})
	if r.onText != nil {
		r.onText(textRunBox(f, pt, s, r.m), s)
	}
}

func (r *recCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	r.ops = append(r.ops, recOp{kind: opImage, rect: rect, img: img})
}

// Comment records a comment (replayed on canvases that take comments).
func (r *recCanvas) Comment(s string) {
	r.ops = append(r.ops, recOp{kind: opComment, str: s})
	if r.onComment != nil {
		r.onComment(s)
	}
}

// replay draws the recorded operations on c.
func (r *recCanvas) replay(c vg.Canvas) {
	for _, o := range r.ops {
		switch o.kind {
		case opWidth:
			c.SetLineWidth(o.length)
		case opDash:
			c.SetLineDash(o.dashes, o.length)
		case opColor:
			c.SetColor(o.color)
		case opRotate:
			c.Rotate(o.x)
		case opTranslate:
			c.Translate(o.pt)
		case opScale:
			c.Scale(o.x, o.y)
		case opPush:
			c.Push()
		case opPop:
			c.Pop()
		case opStroke:
			c.Stroke(o.path)
		case opFill:
			c.Fill(o.path)
		case opText:
			c.FillString(o.face, o.pt, o.str)
		case opImage:
			c.DrawImage(o.rect, o.img)
		case opComment:
			if cm, ok := asCommenter(c); ok {
				cm.Comment(o.str)
			}
		}
	}
}

// textRunBox is the box of a run of text drawn with f from pt on the
// baseline: its advance width by the font's ascent above and descent
// below, mapped by m.
func textRunBox(f font.Face, pt vg.Point, s string, m affine) vg.Rectangle {
	e := f.Extents()
	w := f.Width(s)
	return mappedBox(vg.Rectangle{
		Min: vg.Point{X: pt.X, Y: pt.Y - e.Descent},
		Max: vg.Point{X: pt.X + w, Y: pt.Y + e.Ascent},
	}, m)
}

// mappedBox is the bounding box of r's corners mapped by m.
func mappedBox(r vg.Rectangle, m affine) vg.Rectangle {
	if m == identity {
		return r
	}
	var b vg.Rectangle
	for i, p := range []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}} {
		q := m.apply(p)
		if i == 0 {
			b = vg.Rectangle{Min: q, Max: q}
			continue
		}
		b = unionBox(b, vg.Rectangle{Min: q, Max: q})
	}
	return b
}

// unionBox is the smallest rectangle holding a and b.
func unionBox(a, b vg.Rectangle) vg.Rectangle {
	return vg.Rectangle{
		Min: vg.Point{X: min(a.Min.X, b.Min.X), Y: min(a.Min.Y, b.Min.Y)},
		Max: vg.Point{X: max(a.Max.X, b.Max.X), Y: max(a.Max.Y, b.Max.Y)},
	}
}

// pathBox is the bounding box of p's points (arc ends and centres grown by
// the radius, curve control points included), mapped by m; false for an
// empty or non-finite path.
func pathBox(p vg.Path, m affine) (vg.Rectangle, bool) {
	var b vg.Rectangle
	n := 0
	add := func(q vg.Point) {
		q = m.apply(q)
		if n == 0 {
			b = vg.Rectangle{Min: q, Max: q}
		} else {
			b = unionBox(b, vg.Rectangle{Min: q, Max: q})
		}
		n++
	}
	for _, c := range p {
		switch c.Type {
		case vg.MoveComp, vg.LineComp:
			add(c.Pos)
		case vg.ArcComp:
			add(vg.Point{X: c.Pos.X - c.Radius, Y: c.Pos.Y - c.Radius})
			add(vg.Point{X: c.Pos.X + c.Radius, Y: c.Pos.Y + c.Radius})
		case vg.CurveComp:
			for _, q := range c.Control {
				add(q)
			}
			add(c.Pos)
		}
	}
	return b, n > 0 && finiteBox(b)
}

// finiteBox reports whether every coordinate of b is finite.
func finiteBox(b vg.Rectangle) bool {
	return finite(float64(b.Min.X), float64(b.Min.Y)) && finite(float64(b.Max.X), float64(b.Max.Y))
}

// samplePath returns points along p, mapped by m, at most step apart
// (arcs included); non-finite points are dropped.
func samplePath(p vg.Path, m affine, step vg.Length) []vg.Point {
	var out []vg.Point
	var cur, start vg.Point
	have := false
	seg := func(a, b vg.Point) {
		a, b = m.apply(a), m.apply(b)
		d := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
		if math.IsNaN(d) || math.IsInf(d, 0) {
			return
		}
		k := max(1, int(math.Ceil(d/float64(step))))
		if k > 10000 {
			k = 10000
		}
		for i := 0; i <= k; i++ {
			t := vg.Length(float64(i) / float64(k))
			out = append(out, vg.Point{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)})
		}
	}
	for _, c := range p {
		switch c.Type {
		case vg.MoveComp:
			cur, start, have = c.Pos, c.Pos, true
		case vg.LineComp:
			if have {
				seg(cur, c.Pos)
			}
			cur, have = c.Pos, true
		case vg.ArcComp:
			k := max(4, int(math.Ceil(math.Abs(c.Angle)*float64(c.Radius)/float64(step))))
			k = min(k, 1000)
			prev := vg.Point{}
			for i := 0; i <= k; i++ {
				a := c.Start + c.Angle*float64(i)/float64(k)
				q := vg.Point{X: c.Pos.X + c.Radius*vg.Length(math.Cos(a)), Y: c.Pos.Y + c.Radius*vg.Length(math.Sin(a))}
				if i > 0 || have {
					if i == 0 {
						prev = cur
					}
					seg(prev, q)
				}
				prev = q
			}
			cur, have = prev, true
		case vg.CurveComp:
			if have {
				for _, q := range c.Control {
					seg(cur, q)
					cur = q
				}
				seg(cur, c.Pos)
			}
			cur, have = c.Pos, true
		case vg.CloseComp:
			if have {
				seg(cur, start)
			}
			cur = start
		}
	}
	return out
}
