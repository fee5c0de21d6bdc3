package gdplot

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Every symbol MathText emits must exist in Liberation Serif (regular and
// italic), or it would print as a missing-glyph box.
func TestMathSymbolsHaveGlyphs(t *testing.T) {
	var buf sfnt.Buffer
	for _, italic := range []bool{false, true} {
		f := DefaultTheme.Font
		f.Size = vg.Points(12)
		r := run{italic: italic, scale: 1}
		face := MathText{}.face(f, r)
		for name, sym := range mathSymbols {
			for _, c := range visible(sym) {
				if c == ' ' || c == '\u2009' {
					continue
				}
				if gi, err := face.Face.GlyphIndex(&buf, c); err != nil || gi == 0 {
					t.Errorf("\\%s → %q (U+%04X) has no glyph (italic=%v)", name, c, c, italic)
				}
			}
		}
	}
	_ = font.DefaultCache
}
