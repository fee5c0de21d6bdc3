package gdplot

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/plot"
)

// TestBadInput checks that bad input gives an error, never a panic.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	flat := grid([]float64{0, 1, 2}, []float64{0, 1}, []float64{3, 3, 3, 3, 3, 3})
	nanGrid := grid([]float64{0, 1}, []float64{0, 1}, []float64{nan, nan, nan, nan})
	tiny := grid([]float64{0}, []float64{0}, []float64{0})
	decreasing := grid([]float64{1, 0}, []float64{0, 1}, []float64{1, 0, 1, 0})
	short := grid([]float64{0, 1}, []float64{0, 1}, []float64{0, 1, 2})
	cases := []struct {
		name string
		run  func() error
	}{
		{"tangent bad interval", func() error { _, err := Tangent(sq, 1, 1, 0, 0); return err }},
		{"tangent NaN interval", func() error { _, err := Tangent(sq, nan, 1, 0, 0); return err }},
		{"tangent at a pole", func() error { _, err := Tangent(func(x float64) float64 { return 1 / x }, -1, 1, 0, 1); return err }},
		{"tangent NaN slope", func() error { _, err := Tangent(sq, -1, 1, 0, nan); return err }},
		{"secants at a pole", func() error {
			_, err := Secants(func(x float64) float64 { return 1 / x }, -1, 1, 0, []float64{0.5})
			return err
		}},
		{"secants no h", func() error { _, err := Secants(sq, -1, 1, 0, nil); return err }},
		{"secants h ≤ 0", func() error { _, err := Secants(sq, -1, 1, 0, []float64{-1}); return err }},
		{"descent empty", func() error { _, err := Descent1D(sq, -1, 1, nil, nil); return err }},
		{"descent ragged", func() error { _, err := Descent1D(sq, -1, 1, []float64{1, 2}, []float64{1}); return err }},
		{"descent all NaN", func() error { _, err := Descent1D(sq, -1, 1, []float64{nan}, nil); return err }},
		{"sequence k=0", func() error { _, err := DescentSequence(sq, -1, 1, []float64{1}, nil, 0); return err }},
		{"alpha no runs", func() error { _, err := AlphaPanels(sq, -1, 1, nil); return err }},
		{"alpha empty run", func() error { _, err := AlphaPanels(sq, -1, 1, []Run1D{{"x", nil, nil}}); return err }},
		{"loss empty", func() error { _, err := LossCurve(false); return err }},
		{"loss all NaN", func() error { _, err := LossCurve(false, Series{"a", []float64{nan, 1}}); return err }},
		{"loss log all ≤ 0", func() error { _, err := LossCurve(true, Series{"a", []float64{0, -1}}); return err }},
		{"contour nil grid", func() error { _, err := Contour(nil, nil, false); return err }},
		{"contour flat", func() error { _, err := Contour(flat, nil, false); return err }},
		{"contour NaN grid", func() error { _, err := Contour(nanGrid, []float64{1}, false); return err }},
		{"contour 1×1 grid", func() error { _, err := Contour(tiny, []float64{1}, false); return err }},
		{"contour decreasing x", func() error { _, err := Contour(decreasing, []float64{0.5}, false); return err }},
		{"contour short gdkit.Grid", func() error { _, err := Contour(short, []float64{0.5}, false); return err }},
		{"contour only NaN levels", func() error { _, err := Contour(bowlGrid(), []float64{nan, inf}, false); return err }},
		{"heatmap n=1", func() error { _, err := FilledContour(bowlGrid(), 1); return err }},
		{"trajectory empty", func() error { _, err := Trajectory(bowlGrid(), nil, nil, nil); return err }},
		{"trajectory ragged", func() error { _, err := Trajectory(bowlGrid(), nil, []float64{1}, nil); return err }},
		{"multistart none", func() error { _, err := MultiStart(bowlGrid(), nil, nil); return err }},
		{"fit ragged", func() error {
			_, err := FitEvolution([]float64{1}, []float64{1, 2}, []func(float64) float64{sq}, []int{0})
			return err
		}},
		{"fit no data", func() error { _, err := FitEvolution(nil, nil, []func(float64) float64{sq}, []int{0}); return err }},
		{"levels n=0", func() error { _, err := Levels(0, 1, 0, false); return err }},
		{"levels empty range", func() error { _, err := Levels(1, 1, 3, false); return err }},
		{"figure nil", func() error { var f *Figure; return f.Encode(&bytes.Buffer{}, PNG) }},
		{"figure empty", func() error { return (&Figure{}).Encode(&bytes.Buffer{}, PNG) }},
		{"figure only nil panels", func() error { f, _ := PanelGrid(1, 2); return f.Encode(&bytes.Buffer{}, PNG) }},
		{"figure ragged", func() error {
			f := &Figure{Plots: [][]*plot.Plot{{New("", "", "")}, {New("", "", ""), nil}}}
			return f.Encode(&bytes.Buffer{}, PNG)
		}},
		{"figure bad format", func() error { return Single(New("", "", "")).Encode(&bytes.Buffer{}, "bmp") }},
		{"grid 0×1", func() error { _, err := PanelGrid(0, 1); return err }},
		{"set outside", func() error { f, _ := PanelGrid(1, 1); return f.Set(1, 0, nil) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic: %v", r)
					}
				}()
				err = tc.run()
			}()
			if err == nil {
				t.Fatalf("want an error, got nil")
			}
			// Every error belongs to gdkit's taxonomy.
			if !slices.ContainsFunc([]error{gdkit.ErrEmpty, gdkit.ErrDimension, gdkit.ErrNotFinite, gdkit.ErrBadParam}, func(s error) bool { return errors.Is(err, s) }) {
				t.Errorf("%v wraps none of gdkit's sentinel errors", err)
			}
		})
	}
}

// TestDegenerateFigures: inputs that must still give a figure (no error,
// no NaN in the SVG).
func TestDegenerateFigures(t *testing.T) {
	flat := grid([]float64{0, 1, 2}, []float64{0, 1}, []float64{3, 3, 3, 3, 3, 3})
	cases := []struct {
		name  string
		build func() (*plot.Plot, error)
	}{
		{"single point 1D", func() (*plot.Plot, error) { return Descent1D(sq, -1, 1, []float64{0.5}, nil) }},
		{"auto window, single point", func() (*plot.Plot, error) { return Descent1D(sq, 0, 0, []float64{0.5}, nil) }},
		{"single point 2D", func() (*plot.Plot, error) { return Trajectory(bowlGrid(), nil, []float64{1}, []float64{2}) }},
		{"diverging 2D", func() (*plot.Plot, error) {
			return Trajectory(bowlGrid(), nil, []float64{1, 4, math.Inf(1)}, []float64{1, -4, math.NaN()})
		}},
		{"flat heat map", func() (*plot.Plot, error) { return FilledContour(flat, 4) }},
		{"constant loss, log", func() (*plot.Plot, error) { return LossCurve(true, Series{"c", []float64{2, 2, 2}}) }},
		{"zero loss, linear", func() (*plot.Plot, error) { return LossCurve(false, Series{"z", []float64{0, 0}}) }},
		{"one-value loss", func() (*plot.Plot, error) { return LossCurve(false, Series{"z", []float64{1}}) }},
		{"level equal to a grid value", func() (*plot.Plot, error) {
			g := bowlGrid()
			return Contour(g, []float64{g.Z(12, 12), g.Z(3, 4), g.Z(3, 4), 64}, true)
		}},
		{"bad LaTeX label", func() (*plot.Plot, error) {
			return New("$\\frac{a}{$ \\unknown{x} _ ^ }{", "$$", "$x_{"), nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.build()
			if err != nil {
				t.Fatal(err)
			}
			if err := finiteSVG(render(t, Single(p), SVG)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDivergenceNote(t *testing.T) {
	p, err := Descent1D(sq, -3, 3, []float64{1, -2, math.Inf(1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Title.Text, "diverge") {
		t.Errorf("title %q lacks the divergence note", p.Title.Text)
	}
}

func TestFinitePrefix(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		xs, ys []float64
		n      int
		cut    bool
	}{
		{nil, nil, 0, false},
		{[]float64{1, 2}, []float64{3, 4}, 2, false},
		{[]float64{1, nan, 2}, []float64{3, 4, 5}, 1, true},
		{[]float64{1, 2}, []float64{math.Inf(-1), 4}, 0, true},
	}
	for i, c := range cases {
		n, cut, err := finitePrefix(c.xs, c.ys)
		if err != nil || n != c.n || cut != c.cut {
			t.Errorf("case %d: got (%d, %v, %v), want (%d, %v, nil)", i, n, cut, err, c.n, c.cut)
		}
	}
	if _, _, err := finitePrefix([]float64{1}, nil); err == nil {
		t.Error("ragged: want error")
	}
}

func TestLevels(t *testing.T) {
	// lo + (i+½)(hi−lo)/n, and the squared spacing lo + (hi−lo)((i+½)/n)².
	got, _ := Levels(0, 8, 4, false)
	want := []float64{1, 3, 5, 7}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("Levels linear[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	got, _ = Levels(0, 16, 2, true)
	want = []float64{16 * 0.0625, 16 * 0.5625}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("Levels sqrt[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestCleanLevels(t *testing.T) {
	g := bowlGrid()
	// z0 < z1 are grid values; z1 is repeated.
	z0, z1 := g.Z(12, 12), g.Z(0, 0)
	ls := cleanLevels(g, []float64{z1, z0, z1, math.NaN()})
	if len(ls) != 2 {
		t.Fatalf("cleanLevels kept %d levels, want 2: %v", len(ls), ls)
	}
	if ls[0] == z0 || ls[1] == z1 {
		t.Errorf("levels equal to grid values were not nudged: %v", ls)
	}
}

func TestShareAxes(t *testing.T) {
	a, _ := Descent1D(sq, -1, 1, []float64{0.5}, nil)
	b, _ := Descent1D(sq, -4, 2, []float64{0.5}, nil)
	f := Panels(a, b)
	f.ShareX, f.ShareY = true, true
	render(t, f, PNG)
	if a.X.Min != -4 || a.X.Max != 2 || b.X.Min != -4 || a.Y.Max != b.Y.Max {
		t.Errorf("shared axes: a.X = [%v, %v], b.X = [%v, %v]", a.X.Min, a.X.Max, b.X.Min, b.X.Max)
	}
}

func TestExportSizes(t *testing.T) {
	p, _ := Descent1D(sq, -1, 1, []float64{0.5}, nil)
	// 10 cm × 5 cm at 254 DPI = 1000 × 500 px (1 in = 2.54 cm).
	img, err := Single(p).WithSize(10*Cm, 5*Cm).Image(254)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 500 {
		t.Errorf("image %d×%d, want 1000×500", b.Dx(), b.Dy())
	}
	if !errors.Is((&Figure{}).Encode(&bytes.Buffer{}, PNG), gdkit.ErrEmpty) {
		t.Error("empty figure: want gdkit.ErrEmpty")
	}
}

// The DESIGN trap: gonum's default quantile levels hang on a smooth
// 200×200 grid. With our explicit levels it renders (within renderTimeout).
func TestContourLargeGrid(t *testing.T) {
	xs := make([]float64, 200)
	for i := range xs {
		xs[i] = -10 + 20*float64(i)/199
	}
	g := evalGrid(xs, xs, func(x, y float64) float64 { return x*x + y*y })
	p, err := Contour(g, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	render(t, Single(p).WithDPI(100), PNG)
	render(t, filledWithBar(t, g, 12).WithDPI(100), PNG)
}

// TestExponentTicksWideRange checks that a log axis over hundreds of
// decades (a run diverging to 1e308) gets a few labelled ticks at multiples
// of a round step of decades, not one tick per decade.
func TestExponentTicksWideRange(t *testing.T) {
	for _, tc := range []struct {
		min, max float64 // log10 of the axis range
		want     []string
	}{
		{0, 4, []string{"$10^{0}$", "$10^{1}$", "$10^{2}$", "$10^{3}$", "$10^{4}$"}},
		// Under 2 decades: 2 and 5 × 10^k labelled too (at least 3 labels).
		{-1.1, 0.75, []string{"$10^{-1}$", "$2 \\times 10^{-1}$", "$5 \\times 10^{-1}$", "$10^{0}$", "$2 \\times 10^{0}$", "$5 \\times 10^{0}$"}},
		// Under half a decade, 2 and 5 give 2 labels: every m is labelled.
		{-0.35, 0.1, []string{"$5 \\times 10^{-1}$", "$6 \\times 10^{-1}$", "$7 \\times 10^{-1}$", "$8 \\times 10^{-1}$", "$9 \\times 10^{-1}$", "$10^{0}$"}},
		{-3, 15, []string{"$10^{0}$", "$10^{5}$", "$10^{10}$", "$10^{15}$"}}, // 18 decades: step 5
		{0, math.Log10(1.7e308), []string{"$10^{0}$", "$10^{100}$", "$10^{200}$", "$10^{300}$"}},
	} {
		ts := exponentTicks{}.Ticks(tc.min, tc.max)
		var got []string
		for _, tk := range ts {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if len(ts) > 60 {
			t.Errorf("Ticks(%g, %g): %d ticks, want at most 60", tc.min, tc.max, len(ts))
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Ticks(%g, %g) labels = %v, want %v", tc.min, tc.max, got, tc.want)
		}
	}
}
