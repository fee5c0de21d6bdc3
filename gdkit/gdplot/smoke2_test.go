package gdplot

import (
	"math"
	"testing"
)

// testGrid is a minimal GridXYZ for tests: z = f(x, y) on xs × ys.
type testGrid struct {
	xs, ys []float64
	f      func(x, y float64) float64
}

func (g testGrid) Dims() (c, r int)   { return len(g.xs), len(g.ys) }
func (g testGrid) Z(c, r int) float64 { return g.f(g.xs[c], g.ys[r]) }
func (g testGrid) X(c int) float64    { return g.xs[c] }
func (g testGrid) Y(r int) float64    { return g.ys[r] }

func arange(a, b, h float64) []float64 {
	var o []float64
	for i := 0; a+float64(i)*h < b-1e-12; i++ {
		o = append(o, a+float64(i)*h)
	}
	return o
}

func TestSmoke2(t *testing.T) {
	bowl := testGrid{arange(-10, 10, 0.8), arange(-10, 10, 0.8), func(x, y float64) float64 { return x*x + y*y }}
	save := func(name string, f *Figure, err error) {
		if err != nil {
			t.Fatal(name, err)
		}
		if err := f.Save("/tmp/figs/" + name + ".png"); err != nil {
			t.Fatal(name, err)
		}
	}
	p, err := Contour(bowl, nil, true)
	save("contour", Single(p), err)
	p, err = HeatMap(bowl, 12)
	save("heat", Single(p), err)
	var xs, ys []float64
	x, y := 8.0, -6.0
	for i := 0; i < 12; i++ {
		xs, ys = append(xs, x), append(ys, y)
		x, y = x-0.15*2*x, y-0.15*2*y
	}
	p, err = Trajectory(bowl, nil, xs, ys)
	save("trajectory", Single(p), err)
	nc := testGrid{arange(-3, 3.01, 0.05), arange(-3, 3.01, 0.05), func(x, y float64) float64 {
		return math.Sin(x)*math.Cos(y) + 0.1*(x*x+y*y)
	}}
	var paths [][][2]float64
	for _, s := range [][2]float64{{-2.5, 2.5}, {2.5, 2}, {0.5, -2.5}, {-2, -1}} {
		w := s
		var path [][2]float64
		for i := 0; i < 30; i++ {
			path = append(path, w)
			gx := math.Cos(w[0])*math.Cos(w[1]) + 0.2*w[0]
			gy := -math.Sin(w[0])*math.Sin(w[1]) + 0.2*w[1]
			w = [2]float64{w[0] - 0.3*gx, w[1] - 0.3*gy}
		}
		paths = append(paths, path)
	}
	p, err = MultiStart(nc, nil, paths)
	save("multistart", Single(p), err)
	dx := []float64{0, 1, 2, 3, 4, 5}
	dy := []float64{1.1, 2.9, 5.2, 6.8, 9.1, 11}
	var models []func(float64) float64
	for _, w := range [][2]float64{{0, 0.5}, {0.5, 1.2}, {0.8, 1.7}, {1, 2}} {
		w := w
		models = append(models, func(x float64) float64 { return w[0] + w[1]*x })
	}
	p, err = FitEvolution(dx, dy, models, []int{0, 5, 20, 100})
	save("fit", Single(p), err)
}
