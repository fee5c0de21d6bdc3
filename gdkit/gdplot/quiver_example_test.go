package gdplot_test

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"gdkit.dev/gdkit/gdplot"
)

// grid is a plotter.GridXYZ over row-major values z[r*len(x)+c].
type grid struct{ x, y, z []float64 }

func (g grid) Dims() (int, int)   { return len(g.x), len(g.y) }
func (g grid) Z(c, r int) float64 { return g.z[r*len(g.x)+c] }
func (g grid) X(c int) float64    { return g.x[c] }
func (g grid) Y(r int) float64    { return g.y[r] }

// The slide "Diagramas de contorno y gradientes": contour lines of
// E = w1² + w2² on arange(-10, 10, 0.8) with the gradient (2w1, 2w2) as
// arrows, and the 3D surface over a filled-contour floor.
func Example_slide() {
	w := make([]float64, 25)
	for i := range w {
		w[i] = -10 + 0.8*float64(i)
	}
	n := len(w) * len(w)
	e, g1, g2 := make([]float64, n), make([]float64, n), make([]float64, n)
	for r, w2 := range w {
		for c, w1 := range w {
			e[r*len(w)+c] = w1*w1 + w2*w2
			g1[r*len(w)+c], g2[r*len(w)+c] = 2*w1, 2*w2
		}
	}

	p := plot.New()
	p.X.Label.Text, p.Y.Label.Text = "w1", "w2"
	// Always explicit, distinct levels for plotter.NewContour.
	p.Add(plotter.NewContour(grid{w, w, e}, []float64{25, 50, 100, 150}, nil))
	q, err := gdplot.NewQuiver(w, w, g1, g2)
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Add(q)

	s, err := gdplot.NewSurface(w, w, e)
	if err != nil {
		fmt.Println(err)
		return
	}
	s.XLabel, s.YLabel, s.ZLabel = "w1", "w2", "E"
	p3 := s.NewPlot("E(w1, w2)")
	_ = p3 // save p and p3, or put them side by side, like any plots

	fmt.Println(q.Arrows(), "arrows; floor levels", s.FloorLevels())
	// Output:
	// 625 arrows; floor levels [0 25 50 75 100 125 150 175 200]
}
