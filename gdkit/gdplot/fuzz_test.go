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

// FuzzDescent1D feeds arbitrary paths (NaN, ±Inf, huge values) to
// Descent1D: it must return an error or a figure that encodes as SVG (whose
// numbers Encode checks to be finite).
func FuzzDescent1D(f *testing.F) {
	f.Add(2.5, 1.5, 0.9, -3.0, 3.0)
	f.Add(1.0, math.Inf(1), math.NaN(), 0.0, 0.0)
	f.Add(1e300, -1e300, 5.0, -1.0, 1.0)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, w0, w1, w2, a, b float64) {
		p, err := Descent1D(func(w float64) float64 { return w * w }, a, b, []float64{w0, w1, w2}, nil)
		if err != nil {
			return
		}
		if _, err := Single(p).WithSize(3*Inch, 2*Inch).Bytes(SVG); err != nil {
			t.Fatalf("path %v %v %v, window [%v, %v]: %v", w0, w1, w2, a, b, err)
		}
	})
}
