package gdplot

import (
	"math"
	"testing"
)

func descent(E, dE func(float64) float64, w0, alpha float64, n int) []float64 {
	ws := []float64{w0}
	for i := 0; i < n; i++ {
		w0 = w0 - alpha*dE(w0)
		ws = append(ws, w0)
	}
	return ws
}

func TestSmoke(t *testing.T) {
	E := func(w float64) float64 { return w * w }
	dE := func(w float64) float64 { return 2 * w }
	save := func(name string, f *Figure, err error) {
		if err != nil {
			t.Fatal(name, err)
		}
		if err := f.Save("/tmp/figs/" + name + ".png"); err != nil {
			t.Fatal(name, err)
		}
	}
	p, err := Tangent(math.Sin, -3, 3, 1, math.NaN())
	save("tangent", Single(p), err)
	p, err = Secants(math.Abs, -2, 2, 0, math.NaN(), []float64{1, 0.5, 0.25})
	save("secants", Single(p), err)
	p, err = Descent1D(E, -3, 3, descent(E, dE, 2.5, 0.2, 6), nil)
	save("descent1d", Single(p), err)
	f, err := DescentSequence(E, -3, 3, descent(E, dE, 2.5, 0.2, 6), nil, 6)
	save("sequence", f, err)
	f, err = AlphaPanels(E, -3, 3, []Run1D{
		{"$\\alpha$ = 0.02 (demasiado chico)", descent(E, dE, 2.5, 0.02, 10), nil},
		{"$\\alpha$ = 0.2 (correcto)", descent(E, dE, 2.5, 0.2, 10), nil},
		{"$\\alpha$ = 1.1 (demasiado grande)", descent(E, dE, 2.5, 1.1, 400), nil},
	})
	save("alpha", f, err)
	es := func(ws []float64) []float64 {
		o := make([]float64, len(ws))
		for i, w := range ws {
			o[i] = E(w)
		}
		return o
	}
	p, err = LossCurve(true, Series{"$\\alpha$ = 0.02", es(descent(E, dE, 2.5, 0.02, 30))}, Series{"$\\alpha$ = 0.2", es(descent(E, dE, 2.5, 0.2, 30))}, Series{"$\\alpha$ = 1.1", es(descent(E, dE, 2.5, 1.1, 400))})
	save("loss", Single(p), err)
}
