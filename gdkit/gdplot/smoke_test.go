package gdplot

import (
	"testing"

	"gonum.org/v1/plot/plotter"
)

func TestSmoke(t *testing.T) {
	p := New("¿Descenso? con $\\alpha = 0.1$ — función ñ, $w_{12}^2$ $\\frac{\\partial E}{\\partial w_1}$", "$w_1$", "$\\partial E/\\partial w_1$")
	for i := 0; i < 4; i++ {
		xy := plotter.XYs{}
		for x := 0.0; x < 5; x += 0.1 {
			xy = append(xy, plotter.XY{X: x, Y: x * float64(i+1)})
		}
		l, _ := plotter.NewLine(xy)
		l.LineStyle = DefaultTheme.Line(i)
		p.Add(l)
		p.Legend.Add("$\\alpha$ grande", l)
	}
	if err := Single(p).Save("/tmp/figs/smoke.png"); err != nil {
		t.Fatal(err)
	}
}
