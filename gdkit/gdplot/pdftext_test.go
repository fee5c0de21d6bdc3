package gdplot

import (
	"bytes"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgpdf"
)

// TestGlyphCanvas checks that text reaches the canvas as filled outlines,
// not as a string, and that the outlines span the width gonum measures for
// the same string (so alignment computed from Width stays right).
func TestGlyphCanvas(t *testing.T) {
	face := font.DefaultCache.Lookup(font.Font{Typeface: "Liberation", Variant: "Serif"}, 20)
	for _, s := range []string{"α = 0.3", "∂E/∂w₁", "w1² + w2²", "Año"} {
		rec := &recorder.Canvas{}
		c := glyphCanvas{Canvas: rec, size: func() (vg.Length, vg.Length) { return 100, 100 }}
		origin := vg.Point{X: 10, Y: 50}
		c.FillString(face, origin, s)
		var fills []*recorder.Fill
		for _, a := range rec.Actions {
			switch a := a.(type) {
			case *recorder.FillString:
				t.Fatalf("%q drawn as a string, want outlines", s)
			case *recorder.Fill:
				fills = append(fills, a)
			}
		}
		if len(fills) != 1 || len(fills[0].Path) == 0 {
			t.Fatalf("%q: %d fills, want one non-empty path", s, len(fills))
		}
		xmin, xmax := math.Inf(1), math.Inf(-1)
		for _, comp := range fills[0].Path {
			if comp.Type == vg.CloseComp {
				continue
			}
			x := float64(comp.Pos.X)
			xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
		}
		w := float64(face.Width(s))
		if xmin < float64(origin.X)-2 || math.Abs(xmax-(float64(origin.X)+w)) > 0.15*w {
			t.Errorf("%q: outlines span x ∈ [%.1f, %.1f], want ≈ [%.1f, %.1f]", s, xmin, xmax, float64(origin.X), float64(origin.X)+w)
		}
	}
}

// TestPDFText checks that a figure with Greek letters exports to PDF.
func TestPDFText(t *testing.T) {
	p := New("$\\alpha$ = 0.3, ∂E/∂w", "$w_1$", "$E(w)$")
	b, err := Single(p).Bytes(PDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
}

// TestPDFItalicInPanels draws plots with italic math ("$f(x)$", "$x_0$" in
// titles and legends) as aligned panels straight on a vgpdf canvas, as
// gonum's own plot.Save or a hand-made layout does, without Figure's glyph
// outlines. vgpdf registers fonts with style "" but selects italics with
// "I" ("undefined font: liberationserif-italic I" when writing): MathText
// must find the vgpdf canvas under the nested draw.Canvas values that
// plot.Align makes and present the italic face under an upright name.
func TestPDFItalicInPanels(t *testing.T) {
	var ps []*plot.Plot
	for i := 0; i < 3; i++ {
		x0 := float64(i) - 1
		p, err := Tangent(math.Sin, -3, 3, x0, math.Cos(x0))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	c := vgpdf.New(12*vg.Inch, 4*vg.Inch)
	panels := plot.Align([][]*plot.Plot{ps}, draw.Tiles{Rows: 1, Cols: 3}, draw.New(c))
	for i, p := range ps {
		p.Draw(panels[0][i])
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatalf("writing the PDF: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Error("not a PDF")
	}
}
