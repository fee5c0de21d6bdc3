package gdplot

import (
	"bytes"
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"
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
