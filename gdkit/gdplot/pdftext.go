package gdplot

import (
	"errors"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	gfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
)

// glyphCanvas draws text as filled glyph outlines taken from the font
// instead of as font text. gonum/plot's vgpdf writes strings in the cp1252
// code page, which turns α, ∂, ² or ₁ into mojibake ("Î±"); outlines have no
// encoding, so every glyph of the font renders, at the price of text that
// cannot be selected. Everything else goes to the wrapped canvas.
type glyphCanvas struct {
	vg.Canvas
	size func() (w, h vg.Length)
}

// Size reports the wrapped canvas' size (draw.New asks for it).
func (c glyphCanvas) Size() (w, h vg.Length) { return c.size() }

// FillString fills the outlines of s's glyphs, from pt on the baseline,
// with kerning as gonum's font.Face.Width measures it. A font without
// outline data falls back to the wrapped canvas' FillString.
func (c glyphCanvas) FillString(f gfont.Face, pt vg.Point, s string) {
	p, err := glyphPath(f, pt, s)
	if err != nil {
		c.Canvas.FillString(f, pt, s)
		return
	}
	c.Canvas.Fill(p)
}

// glyphPath returns the outlines of s in face f at its size, starting at
// pt on the baseline (y up, as vg canvases).
func glyphPath(f gfont.Face, pt vg.Point, s string) (vg.Path, error) {
	if f.Face == nil {
		return nil, errors.New("gdplot: face without font data")
	}
	var (
		buf   sfnt.Buffer
		upem  = fixed.Int26_6(f.Face.UnitsPerEm()) // 26.6 values then count font units
		scale = float64(f.Font.Size) / float64(upem)
		x     = 0
		prev  sfnt.GlyphIndex
		path  vg.Path
	)
	at := func(q fixed.Point26_6) vg.Point {
		return vg.Point{X: pt.X + vg.Length(float64(x+int(q.X))*scale), Y: pt.Y - vg.Length(float64(q.Y)*scale)}
	}
	for i, r := range s {
		idx, err := f.Face.GlyphIndex(&buf, r)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			if k, err := f.Face.Kern(&buf, prev, idx, upem, xfont.HintingNone); err == nil {
				x += int(k)
			}
		}
		segs, err := f.Face.LoadGlyph(&buf, idx, upem, nil)
		if err != nil {
			return nil, err
		}
		open := false
		for _, sg := range segs {
			switch sg.Op {
			case sfnt.SegmentOpMoveTo:
				if open {
					path.Close()
				}
				path.Move(at(sg.Args[0]))
				open = true
			case sfnt.SegmentOpLineTo:
				path.Line(at(sg.Args[0]))
			case sfnt.SegmentOpQuadTo:
				path.QuadTo(at(sg.Args[0]), at(sg.Args[1]))
			case sfnt.SegmentOpCubeTo:
				path.CubeTo(at(sg.Args[0]), at(sg.Args[1]), at(sg.Args[2]))
			}
		}
		if open {
			path.Close()
		}
		adv, err := f.Face.GlyphAdvance(&buf, idx, upem, xfont.HintingNone)
		if err != nil {
			return nil, err
		}
		x += int(adv)
		prev = idx
	}
	return path, nil
}

// isPDF reports whether c (possibly wrapped in draw.Canvas) is a vgpdf canvas.
func isPDF(c vg.Canvas) bool {
	for i := 0; i < 1000; i++ { // canvases nest one level per crop
		switch v := c.(type) {
		case *vgpdf.Canvas:
			return true
		case *draw.Canvas:
			c = v.Canvas
		case draw.Canvas:
			c = v.Canvas
		default:
			return false
		}
	}
	return false
}
