package funcs

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestNarrowEllipse checks value, hand-written and exact gradient against
// the closed form, and the exact Hessian diag(0.2, 4).
func TestNarrowEllipse(t *testing.T) {
	fn := NarrowEllipse()
	g, ge := make([]float64, 2), make([]float64, 2)
	for _, w := range [][]float64{{-5, -2}, {0.3, 1.1}, {0, 0}, {1e3, -7}} {
		want := 0.1*w[0]*w[0] + 2*w[1]*w[1]
		fn.Grad(g, w)
		fn.ExactGrad(ge, w)
		var h mat.SymDense
		if _, err := fn.ExactHessian(nil, &h, w); err != nil {
			t.Fatal(err)
		}
		for _, c := range [][2]float64{{fn.F(w), want}, {g[0], 0.2 * w[0]}, {g[1], 4 * w[1]}, {ge[0], 0.2 * w[0]}, {ge[1], 4 * w[1]},
			{h.At(0, 0), 0.2}, {h.At(1, 1), 4}, {h.At(0, 1), 0}} {
			if math.Abs(c[0]-c[1]) > 1e-12*math.Max(1, math.Abs(c[1])) {
				t.Errorf("at %v: %v, want %v", w, c[0], c[1])
			}
		}
	}
}
