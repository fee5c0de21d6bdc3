package gdplot

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Consecutive palette colours must differ in grey level Y = 0.299R + 0.587G
// + 0.114B by at least 0.1, and dash patterns must differ, so series stay
// distinguishable on a greyscale print.
func TestPaletteGreyscale(t *testing.T) {
	th := SlideTheme()
	grey := func(i int) float64 {
		r, g, b, _ := th.Color(i).RGBA()
		return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
	}
	for i := 0; i+1 < len(th.Palette); i++ {
		if d := math.Abs(grey(i) - grey(i+1)); d < 0.1 {
			t.Errorf("colours %d and %d differ by %.3f in grey level", i, i+1, d)
		}
		if len(th.Line(i).Dashes) == len(th.Line(i+1).Dashes) && i != 0 {
			same := true
			for k := range th.Line(i).Dashes {
				same = same && th.Line(i).Dashes[k] == th.Line(i + 1).Dashes[k]
			}
			if same {
				t.Errorf("series %d and %d share a dash pattern", i, i+1)
			}
		}
	}
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
