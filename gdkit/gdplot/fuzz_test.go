package gdplot

import (
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// FuzzMathText checks that any label lays out without panicking and with a
// finite, non-negative size.
func FuzzMathText(f *testing.F) {
	for _, s := range []string{"", "$", "$$", "a$b", "$w_1^2$", "$\\frac{\\partial E}{\\partial w_1}$",
		"$x_{", "$\\$", "¿Qué? — $\\alpha$", "$^_^_{}$", "$\\sqrt{x}$ $\\mathrm{d}x$"} {
		f.Add(s)
	}
	h := MathText{}
	fnt := font.From(DefaultTheme.Font, vg.Points(12))
	f.Fuzz(func(t *testing.T, s string) {
		w, ht, d := h.Box(s, fnt)
		for _, v := range []vg.Length{w, ht, d} {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || v < 0 {
				t.Fatalf("Box(%q) = %v, %v, %v", s, w, ht, d)
			}
		}
	})
}
