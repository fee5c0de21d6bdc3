package gdplot

import (
	"strings"
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

// MathText lays out sub/superscripts smaller and stacks w_1^2.
func TestMathTextLayout(t *testing.T) {
	h := MathText{}
	f := font.From(DefaultTheme.Font, vg.Points(12))
	w1, _, _ := h.Box("$w_1$", f)
	w12, _, _ := h.Box("$w_1^2$", f)
	w1w2, _, _ := h.Box("$w_{12}$", f)
	if w12 < w1 {
		t.Errorf("stacked w_1^2 width %v is less than w_1 width %v", w12, w1)
	}
	// Stacking: w_1^2 is no wider than w followed by two script digits.
	if w12 > w1w2+vg.Points(0.5) {
		t.Errorf("w_1^2 (%v) wider than w_{12} (%v): scripts not stacked", w12, w1w2)
	}
	runs := layoutMath("a $\\alpha$ b")
	if len(runs) != 3 || runs[1].s != "α" || !runs[1].italic {
		t.Errorf("layout of \\alpha: %+v", runs)
	}
	runs = layoutMath("$x_1$")
	if len(runs) != 2 || runs[1].scale != 0.7 || runs[1].shift >= 0 {
		t.Errorf("subscript layout: %+v", runs)
	}
}

// f'(x) keeps its prime: "'" becomes an upright ′ after an italic f, which
// gets an italic correction so that its hook does not cover the prime.
func TestMathTextPrime(t *testing.T) {
	runs := layoutMath("$f'(x_0)$ = -4")
	if len(runs) < 2 || runs[0].s != "f" || !runs[0].italic || !strings.HasPrefix(runs[1].s, "′") || runs[1].italic {
		t.Fatalf("layout of f'(x_0): %+v", runs)
	}
	if !italicF(runs, 0) {
		t.Errorf("no italic correction after f in %+v", runs)
	}
	h := MathText{}
	f := font.From(DefaultTheme.Font, vg.Points(12))
	wf, _, _ := h.Box("$f$", f)
	wfp, _, _ := h.Box("$f'$", f)
	face := h.cache().Lookup(f, f.Size)
	wPrime := face.Width("′")
	if got, min := wfp-wf, wPrime+vg.Points(0.12*12)-vg.Points(0.01); got < min {
		t.Errorf("width added by the prime = %v, want ≥ %v (prime + italic correction)", got, min)
	}
}

// A unary minus is not spaced like a binary one: $10^{-8}$ is "10" and a
// superscript "−8", $a - b$ keeps " − ".
func TestMathTextMinus(t *testing.T) {
	cases := []struct{ src, want string }{
		{"$10^{-8}$", "10|−8"},
		{"$a - b$", "a| − |b"},
		{"$(-1)$", "(−1)"},
		{"$x = -4$", "x| = −4"},
		{"$-x$", "−|x"},
	}
	for _, c := range cases {
		var parts []string
		for _, r := range layoutMath(c.src) {
			parts = append(parts, r.s)
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("%s: runs %q, want %q", c.src, got, c.want)
		}
	}
}

func TestTextMinus(t *testing.T) {
	for in, want := range map[string]string{
		"$w_0$ = -2 → mínimo": "$w_0$ = −2 → mínimo",
		"-0.5":                "−0.5",
		"(-3, 4)":             "(−3, 4)",
		"mini-lotes (64)":     "mini-lotes (64)",
		"x-1":                 "x-1",
		"pendiente -1":        "pendiente −1",
	} {
		if got := textMinus(in); got != want {
			t.Errorf("textMinus(%q) = %q, want %q", in, got, want)
		}
	}
}
