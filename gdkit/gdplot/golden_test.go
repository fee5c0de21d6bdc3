package gdplot

import (
	"bytes"
	"flag"
	"math"
	"testing"
	"time"

	"gdkit.dev/gdkit"
	"gonum.org/v1/plot"
)

// Run `go test ./gdkit/gdplot -run Golden -update` to regenerate the
// golden images in testdata/ (then look at every one of them).
var update = flag.Bool("update", false, "regenerate golden images in testdata/")

// renderTimeout is the deadline for rendering one figure: gonum's contour
// tracing can hang on bad levels, and a test must fail rather than hang.
const renderTimeout = 60 * time.Second

// render encodes fig in format within renderTimeout.
func render(t *testing.T, fig *Figure, format string) []byte {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := fig.Bytes(format)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("render %s: %v", format, r.err)
		}
		return r.b
	case <-time.After(renderTimeout):
		t.Fatalf("render %s: no result after %v", format, renderTimeout)
	}
	return nil
}

func must(t *testing.T, p *plot.Plot, err error) *Figure {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return Single(p)
}

func mustFig(t *testing.T, f *Figure, err error) *Figure {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// goldenCases builds every helper's figure on fixed inputs.
var goldenCases = []struct {
	name  string
	build func(t *testing.T) *Figure
}{
	{"tangent", func(t *testing.T) *Figure {
		p, err := Tangent(math.Sin, -3, 3, 1, math.Cos(1))
		return must(t, p, err)
	}},
	{"secants_smooth", func(t *testing.T) *Figure {
		p, err := Secants(sq, -2, 2, 0.5, []float64{1, 0.5, 0.1})
		return must(t, p, err)
	}},
	{"secants_kink", func(t *testing.T) *Figure {
		p, err := Secants(math.Abs, -2, 2, 0, []float64{1, 0.5, 0.25})
		return must(t, p, err)
	}},
	{"descent1d", func(t *testing.T) *Figure {
		p, err := Descent1D(sq, -3, 3, descent1(dsq, 2.5, 0.2, 8), nil)
		return must(t, p, err)
	}},
	{"descent1d_diverging", func(t *testing.T) *Figure {
		ws := append(descent1(dsq, 1, 1.5, 4), math.Inf(1), math.NaN())
		p, err := Descent1D(sq, 0, 0, ws, nil)
		return must(t, p, err)
	}},
	{"descent1d_single", func(t *testing.T) *Figure {
		p, err := Descent1D(sq, -3, 3, []float64{1.5}, nil)
		return must(t, p, err)
	}},
	{"sequence", func(t *testing.T) *Figure {
		f, err := DescentSequence(sq, -3, 3, descent1(dsq, 2.5, 0.2, 6), nil, 6)
		return mustFig(t, f, err)
	}},
	{"alpha", func(t *testing.T) *Figure {
		f, err := AlphaPanels(sq, -3, 3, []Run1D{
			{"$\\alpha$ = 0.02 (demasiado chico)", descent1(dsq, 2.5, 0.02, 10), nil},
			{"$\\alpha$ = 0.2 (correcto)", descent1(dsq, 2.5, 0.2, 10), nil},
			{"$\\alpha$ = 1.1 (demasiado grande)", descent1(dsq, 2.5, 1.1, 2000), nil},
		})
		return mustFig(t, f, err)
	}},
	{"loss_linear", func(t *testing.T) *Figure {
		p, err := LossCurve(false, lossSeries()...)
		return must(t, p, err)
	}},
	{"loss_log", func(t *testing.T) *Figure {
		p, err := LossCurve(true, lossSeries()...)
		return must(t, p, err)
	}},
	{"contour", func(t *testing.T) *Figure {
		p, err := Contour(bowlGrid(), nil, true)
		return must(t, p, err)
	}},
	{"heatmap", func(t *testing.T) *Figure {
		p, err := FilledContour(bowlGrid(), 12)
		return must(t, p, err)
	}},
	{"heatmap_colorbar", func(t *testing.T) *Figure {
		return filledWithBar(t, bowlGrid(), 10)
	}},
	{"trajectory", func(t *testing.T) *Figure {
		var xs, ys []float64
		x, y := 8.0, -6.0
		for i := 0; i < 12; i++ {
			xs, ys = append(xs, x), append(ys, y)
			x, y = x-0.3*x, y-0.3*y
		}
		p, err := Trajectory(bowlGrid(), []float64{1, 5, 10, 25, 50, 75, 100, 150}, xs, ys)
		return must(t, p, err)
	}},
	{"multistart", func(t *testing.T) *Figure {
		p, err := MultiStart(wavyGrid(), nil, wavyPaths())
		return must(t, p, err)
	}},
	{"fit", func(t *testing.T) *Figure {
		var models []func(float64) float64
		for _, w := range [][2]float64{{0, 0.5}, {0.5, 1.2}, {0.8, 1.7}, {1, 2}} {
			models = append(models, func(x float64) float64 { return w[0] + w[1]*x })
		}
		p, err := FitEvolution([]float64{0, 1, 2, 3, 4, 5}, []float64{1.1, 2.9, 5.2, 6.8, 9.1, 11}, models, []int{0, 5, 20, 100})
		return must(t, p, err)
	}},
	{"math_labels", func(t *testing.T) *Figure {
		p := New("¿Por qué? $w_1 \\leftarrow w_1 - \\alpha \\, \\partial E/\\partial w_1$\n$\\nabla E = (\\delta E / \\delta w_1, \\delta E / \\delta w_2)$, $w = w - \\langle \\text{algo} \\rangle$", "$\\frac{\\partial E}{\\partial w_1}$", "$E(\\mathbf{w}) = w_1^2 + w_2^2$")
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
		return Single(p)
	}},
}

// filledWithBar is FilledContour(g, n) with its ColorBar at the side.
func filledWithBar(t *testing.T, g gdkit.Grid, n int) *Figure {
	t.Helper()
	p, err := FilledContour(g, n)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := g.MinMax()
	cb, err := ColorBar(lo, hi, n, "$E$")
	if err != nil {
		t.Fatal(err)
	}
	f := Single(p)
	f.Side = cb
	return f
}

func lossSeries() []Series {
	es := func(ws []float64) []float64 {
		out := make([]float64, len(ws))
		for i, w := range ws {
			out[i] = sq(w)
		}
		return out
	}
	return []Series{
		{"$\\alpha$ = 0.02", es(descent1(dsq, 2.5, 0.02, 40))},
		{"$\\alpha$ = 0.2", es(descent1(dsq, 2.5, 0.2, 40))},
		{"$\\alpha$ = 0.9", es(descent1(dsq, 2.5, 0.9, 40))},
	}
}

// TestGolden renders each helper to PNG (at a reduced 4.8×3.6 in, 100 DPI,
// to keep goldens small) and compares with testdata/<name>.png within a
// YIQ tolerance; it also checks that the SVG output has no NaN.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			fig := tc.build(t)
			if fig.Width == 0 {
				fig.WithSize(4.8*Inch, 3.6*Inch)
			} else {
				fig.WithSize(fig.Width*0.75, fig.Height*0.75)
			}
			fig.WithDPI(100)
			got := render(t, fig, PNG)
			svg := render(t, fig, SVG)
			if err := finiteSVG(svg); err != nil {
				t.Error(err)
			}
			if pdf := render(t, fig, PDF); !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Errorf("PDF output does not start with %%PDF")
			}
			checkGolden(t, tc.name+".png", got, 0.05)
		})
	}
}
