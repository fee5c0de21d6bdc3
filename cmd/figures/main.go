// Command figures regenerates the course figures (PNG + SVG + PDF each, and
// GIF animations) into a folder, each named after the slide it illustrates:
//
//	go run ./cmd/figures -out figures
//
// It needs no Jupyter. The descent loops here are the course's fixed-α
// loop w ← w − α·dE/dw written inline, so the program only depends on the
// plotting packages.
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"time"

	"gonum.org/v1/plot"

	"gdkit.dev/gdkit/gdplot"
	"gdkit.dev/gdkit/nb"
)

func main() {
	out := flag.String("out", "figures", "output folder")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	n := 0
	for _, f := range figures {
		fig, err := f.build()
		if err != nil {
			log.Fatalf("%s: %v", f.name, err)
		}
		if err := fig.SaveAll(filepath.Join(*out, f.name)); err != nil {
			log.Fatalf("%s: %v", f.name, err)
		}
		n++
	}
	if err := animation(filepath.Join(*out, "descenso_1d_animacion.gif")); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d figures (png, svg, pdf) and 1 GIF written to %s\n", n, *out)
}

// descend1 runs the fixed-α loop n times from w0 and returns every iterate.
func descend1(dE func(float64) float64, w0, alpha float64, n int) []float64 {
	ws := []float64{w0}
	for i := 0; i < n; i++ {
		w0 -= alpha * dE(w0)
		ws = append(ws, w0)
	}
	return ws
}

// descend2 is the 2D loop w_i ← w_i − α ∂E/∂w_i.
func descend2(grad func(w1, w2 float64) (float64, float64), w [2]float64, alpha float64, n int) [][2]float64 {
	path := [][2]float64{w}
	for i := 0; i < n; i++ {
		g1, g2 := grad(w[0], w[1])
		w = [2]float64{w[0] - alpha*g1, w[1] - alpha*g2}
		path = append(path, w)
	}
	return path
}

func arange(a, b, h float64) []float64 {
	var xs []float64
	for i := 0; a+float64(i)*h < b-1e-12; i++ {
		xs = append(xs, a+float64(i)*h)
	}
	return xs
}

var (
	cubic  = func(x float64) float64 { return x*x*x - 3*x }
	dcubic = func(x float64) float64 { return 3*x*x - 3 }
	E1     = func(w float64) float64 { return (w-1)*(w-1) + 0.5 }
	dE1    = func(w float64) float64 { return 2 * (w - 1) }
	wavy   = func(x, y float64) float64 { return math.Sin(x)*math.Cos(y) + 0.1*(x*x+y*y) }
	dwavy  = func(x, y float64) (float64, float64) {
		return math.Cos(x)*math.Cos(y) + 0.2*x, -math.Sin(x)*math.Sin(y) + 0.2*y
	}
	// The slide's table (x, y) for the ND example.
	tableX = []float64{2, 5, 7, 9, 10, 11, 13.4, 14, 15}
	tableY = []float64{1, 3.2, 4.5, 6, 4, 4.5, 5.5, 3, 5}
)

// alphaRun is a labelled α for the "Efecto de α" figures.
type alphaRun struct {
	label string
	alpha float64
}

var alphaRuns = []alphaRun{
	{"$\\alpha$ = 0.05 (demasiado chico)", 0.05},
	{"$\\alpha$ = 0.3 (correcto)", 0.3},
	{"$\\alpha$ = 1.05 (demasiado grande)", 1.05},
}

var figures = []struct {
	name  string
	build func() (*gdplot.Figure, error)
}{
	{"01_derivada_indicador", func() (*gdplot.Figure, error) {
		titles := []string{"crece: $f'(x_0) > 0$", "decrece: $f'(x_0) < 0$", "punto crítico: $f'(x_0) = 0$"}
		var ps []*plot.Plot
		for i, x0 := range []float64{-1.6, 0, 1} {
			p, err := gdplot.Tangent(cubic, -2.2, 2.2, x0, dcubic(x0))
			if err != nil {
				return nil, err
			}
			p.Title.Text = titles[i]
			ps = append(ps, p)
		}
		fig := gdplot.Panels(ps...)
		fig.ShareY = true
		return fig, nil
	}},
	{"01_derivada_cociente_incremental", func() (*gdplot.Figure, error) {
		p, err := gdplot.Secants(cubic, -2.2, 2.2, 0.5, math.NaN(), []float64{1.2, 0.6, 0.2})
		return single(p, err)
	}},
	{"01_derivada_cociente_punto_anguloso", func() (*gdplot.Figure, error) {
		p, err := gdplot.Secants(math.Abs, -2, 2, 0, math.NaN(), []float64{1, 0.5, 0.25})
		return single(p, err)
	}},
	{"02_descenso_1d", func() (*gdplot.Figure, error) {
		p, err := gdplot.Descent1D(E1, -2, 4, descend1(dE1, 3.6, 0.3, 8), nil)
		return single(p, err)
	}},
	{"02_descenso_1d_secuencia", func() (*gdplot.Figure, error) {
		return gdplot.DescentSequence(E1, -2, 4, descend1(dE1, 3.6, 0.3, 8), nil, 6)
	}},
	{"03_efecto_alpha", func() (*gdplot.Figure, error) {
		var runs []gdplot.Run1D
		for _, r := range alphaRuns {
			runs = append(runs, gdplot.Run1D{Label: r.label, Ws: descend1(dE1, 3.6, r.alpha, 12)})
		}
		return gdplot.AlphaPanels(E1, -4, 6, runs)
	}},
	{"03_efecto_alpha_error", func() (*gdplot.Figure, error) {
		var ss []gdplot.Series
		for _, r := range alphaRuns {
			ws := descend1(dE1, 3.6, r.alpha, 30)
			es := make([]float64, len(ws))
			for i, w := range ws {
				es[i] = E1(w) - 0.5 // E − E_min
			}
			ss = append(ss, gdplot.Series{Label: r.label, Y: es})
		}
		p, err := gdplot.LossCurve(true, ss...)
		if err == nil {
			p.Y.Label.Text = "$E(w) - E_{min}$ (escala log)"
		}
		return single(p, err)
	}},
	{"04_descenso_2d_trayectoria", func() (*gdplot.Figure, error) {
		E := func(x, y float64) float64 { return x*x + 4*y*y }
		g := gdplot.Sample(arange(-10, 10.01, 0.25), arange(-6, 6.01, 0.25), E)
		path := descend2(func(x, y float64) (float64, float64) { return 2 * x, 8 * y }, [2]float64{-8, 5}, 0.2, 15)
		xs, ys := gdplot.Split(path)
		p, err := gdplot.Trajectory(g, []float64{1, 5, 10, 20, 40, 70, 100, 150}, xs, ys)
		if err == nil {
			p.Title.Text = "$E = w_1^2 + 4 w_2^2$, $\\alpha$ = 0.2"
		}
		return single(p, err)
	}},
	{"06_contornos", func() (*gdplot.Figure, error) {
		w := arange(-10, 10, 0.8) // np.arange(-10, 10, 0.8)
		g := gdplot.Sample(w, w, func(x, y float64) float64 { return x*x + y*y })
		p, err := gdplot.Contour(g, nil, true)
		return single(p, err)
	}},
	{"06_contornos_relleno", func() (*gdplot.Figure, error) {
		w := arange(-10, 10, 0.8)
		g := gdplot.Sample(w, w, func(x, y float64) float64 { return x*x + y*y })
		return gdplot.HeatMapFigure(g, 10)
	}},
	{"07_no_convexas_varios_inicios", func() (*gdplot.Figure, error) {
		g := gdplot.Sample(arange(-3, 3.01, 0.05), arange(-3, 3.01, 0.05), wavy)
		var paths [][][2]float64
		for _, s := range [][2]float64{{-2.5, 2.5}, {2.5, 2}, {0.5, -2.5}, {-2, -1}, {2.6, -1}} {
			paths = append(paths, descend2(dwavy, s, 0.3, 30))
		}
		p, err := gdplot.MultiStart(g, nil, paths)
		return single(p, err)
	}},
	{"05_descenso_nd_ajuste", func() (*gdplot.Figure, error) {
		models, iters := fitLine(tableX, tableY, 0.005, []int{0, 2, 10, 20000})
		p, err := gdplot.FitEvolution(tableX, tableY, models, iters)
		return single(p, err)
	}},
}

// fitLine fits y ≈ w0 + w1·x by descent on E = (1/n)Σ(w0 + w1·x − y)² and
// returns the model after each of the given iteration counts.
func fitLine(xs, ys []float64, alpha float64, at []int) ([]func(float64) float64, []int) {
	var w0, w1 float64
	var models []func(float64) float64
	it := 0
	for _, k := range at {
		for ; it < k; it++ {
			var g0, g1 float64
			for i := range xs {
				r := w0 + w1*xs[i] - ys[i]
				g0 += 2 * r / float64(len(xs))
				g1 += 2 * r * xs[i] / float64(len(xs))
			}
			w0, w1 = w0-alpha*g0, w1-alpha*g1
		}
		a, b := w0, w1
		models = append(models, func(x float64) float64 { return a + b*x })
	}
	return models, at
}

func single(p *plot.Plot, err error) (*gdplot.Figure, error) {
	if err != nil {
		return nil, err
	}
	return gdplot.Single(p), nil
}

// animation writes the 1D descent as an animated GIF for slides.
func animation(path string) error {
	ps, err := gdplot.DescentFrames(E1, -2, 4, descend1(dE1, 3.6, 0.3, 8), nil, 9)
	if err != nil {
		return err
	}
	return nb.SaveGIF(path, nb.FromPlots(ps), 700*time.Millisecond, 100)
}
