package gdplot

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"gdkit.dev/gdkit"
)

// logGrid is the grid: E = log(w1) + w2² on [−2, 2)² at step 0.2,
// NaN for w1 < 0 and −Inf at w1 = 0 (column 10): the left half is masked.
func logGrid() gdkit.Grid {
	xs := arange(-2, 2, 0.2)
	return evalGrid(xs, xs, func(w1, w2 float64) float64 { return math.Log(w1) + w2*w2 })
}

// logQuiver is the arrows of GridGradient on logGrid.
func logQuiver(t *testing.T) *Quiver {
	t.Helper()
	d1, d2, err := gdkit.GridGradient(logGrid(), nil)
	if err != nil {
		t.Fatal(err)
	}
	q, err := NewQuiver(d1, d2)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// maskGoldenCases are the four figures of the log grid with its left half
// masked: contour, filled contour with colour bar, arrows of GridGradient
// over the contour, and the surface.
var maskGoldenCases = []struct {
	name  string
	build func(t *testing.T) *Figure
}{
	{"mask_contour", func(t *testing.T) *Figure {
		p, err := Contour(logGrid(), nil, true)
		return must(t, p, err)
	}},
	{"mask_filled", func(t *testing.T) *Figure {
		return filledWithBar(t, logGrid(), 10)
	}},
	{"mask_quiver", func(t *testing.T) *Figure {
		p, err := Contour(logGrid(), nil, false)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(logQuiver(t))
		return Single(p)
	}},
	{"mask_surface", func(t *testing.T) *Figure {
		s, err := NewSurface(logGrid())
		if err != nil {
			t.Fatal(err)
		}
		s.XLabel, s.YLabel, s.ZLabel = "$w_1$", "$w_2$", "$E$"
		p := s.NewPlot("$E = \\log(w_1) + w_2^2$")
		DefaultTheme.Apply(p)
		p.HideAxes()
		return Single(p)
	}},
}

// The masked figures join the golden cases of TestGolden (PNG compared,
// SVG free of non-finite numbers, PDF written).
func init() { goldenCases = append(goldenCases, maskGoldenCases...) }

// TestMaskedContourStaysOut draws the contour lines of the log grid alone
// and checks that no stroked point lies left of w1 = 0.2, the first column
// whose cells have four finite corners; and that the unmasked right half
// is one rectangle of cells.
func TestMaskedContourStaysOut(t *testing.T) {
	m, err := readMasked(logGrid())
	if err != nil {
		t.Fatal(err)
	}
	if m.masked != 11*19 {
		t.Errorf("masked cells = %d, want 209 (11 columns of 19 rows)", m.masked)
	}
	if r := m.rects(); len(r) != 1 || r[0] != (cellRect{i0: 11, j0: 0, i1: 18, j1: 18}) {
		t.Errorf("rects = %v, want the right half [11, 18]×[0, 18]", r)
	}
	if math.Abs(m.lo-math.Log(0.2)) > 1e-12 || m.hi < 4 {
		t.Errorf("finite range [%v, %v]", m.lo, m.hi)
	}
	levels, err := Levels(m.lo, m.hi, 12, false)
	if err != nil {
		t.Fatal(err)
	}
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -2, 1.8, -2, 1.8
	var rec recorder.Canvas
	c := draw.NewCanvas(&rec, 4*vg.Inch, 4*vg.Inch)
	m.contour(levels, contourPalette(len(levels)), draw.LineStyle{Width: 1}, levels[0], levels[len(levels)-1]).Plot(c, p)
	trX, _ := p.Transforms(&c)
	cut := trX(0.2) - 1e-6
	strokes := 0
	for _, a := range rec.Actions {
		s, ok := a.(*recorder.Stroke)
		if !ok {
			continue
		}
		strokes++
		for _, pc := range s.Path {
			if pc.Type != vg.CloseComp && pc.Pos.X < cut {
				t.Fatalf("contour point at x = %v pt, left of w1 = 0.2 (%v pt)", pc.Pos.X, cut)
			}
		}
	}
	if strokes < 10 {
		t.Errorf("%d strokes: the right half should hold the contour lines", strokes)
	}
}

// TestMaskRects checks the cover of drawable cells on a pattern with holes:
// every drawable cell in exactly one rectangle, no masked cell in any.
func TestMaskRects(t *testing.T) {
	nan := math.NaN()
	// 5×4 nodes, NaN at (1, 1) and (3, 2): masks cells around them.
	z := make([]float64, 20)
	z[1*5+1], z[2*5+3] = nan, math.Inf(1)
	m, err := readMasked(grid([]float64{0, 1, 2, 3, 4}, []float64{0, 1, 2, 3}, z))
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]int, len(m.ok))
	for _, r := range m.rects() {
		for j := r.j0; j <= r.j1; j++ {
			for i := r.i0; i <= r.i1; i++ {
				seen[j*4+i]++
			}
		}
	}
	for k, ok := range m.ok {
		if want := map[bool]int{true: 1, false: 0}[ok]; seen[k] != want {
			t.Errorf("cell %d (ok %v) covered %d times", k, ok, seen[k])
		}
	}
	if m.masked != 8 { // 4 cells around (1, 1), 4 around (3, 2)
		t.Errorf("masked = %d, want 8", m.masked)
	}
}

// TestMaskNotes checks the notes' text and corner.
func TestMaskNotes(t *testing.T) {
	g := logGrid()
	m, err := readMasked(g)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.note(); n == nil || n.Text != "sin valor finito:\n209 de 361 celdas" || n.Right || !n.Bottom {
		t.Errorf("grid note = %+v, want bottom-left, 209 of 361 cells", n)
	}
	q := logQuiver(t)
	// ∂E/∂w1 is non-finite in columns 0…11 (its differences read w1 ≤ 0).
	if n := q.note(); n == nil || n.Text != "sin valor finito:\n240 de 400 flechas" || n.Right || n.Bottom {
		t.Errorf("quiver note = %+v, want top-left, 240 of 400 arrows", n)
	}
	s, err := NewSurface(g)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.note(); n == nil || n.Text != "sin valor finito:\n209 de 361 celdas" {
		t.Errorf("surface note = %+v", n)
	}
	full, err := readMasked(bowlGrid())
	if err != nil || full.note() != nil || full.masked != 0 {
		t.Errorf("a finite grid: note %v, masked %d, err %v", full.note(), full.masked, err)
	}
}

// TestMaskAllNonFinite: a grid without a finite value is an error for
// every figure, wrapping gdkit.ErrNotFinite.
func TestMaskAllNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	g := grid([]float64{0, 1, 2}, []float64{0, 1}, []float64{nan, inf, -inf, nan, nan, inf})
	for name, run := range map[string]func() error{
		"Contour":       func() error { _, err := Contour(g, nil, true); return err },
		"Contour level": func() error { _, err := Contour(g, []float64{1}, false); return err },
		"FilledContour": func() error { _, err := FilledContour(g, 5); return err },
		"Trajectory":    func() error { _, err := Trajectory(g, nil, []float64{0}, []float64{0}); return err },
		"NewQuiver":     func() error { _, err := NewQuiver(g, g); return err },
		"NewSurface":    func() error { _, err := NewSurface(g); return err },
	} {
		if err := run(); !errors.Is(err, gdkit.ErrNotFinite) {
			t.Errorf("%s: err = %v, want ErrNotFinite", name, err)
		}
	}
}

// TestTinyContourOneLabel is the case FuzzGridFigures found: a grid with a
// single drawable cell gets one level label, and at 2×1.5 in the equal
// aspect narrowed the canvas until gonum's padding divided by zero (the
// label was both the left-most and the right-most glyph): NaN in the SVG.
func TestTinyContourOneLabel(t *testing.T) {
	nan := math.NaN()
	z := make([]float64, 81)
	for k := range z {
		z[k] = nan
	}
	copy(z, []float64{nan, 4.0625, 2.8125, 2.0625, -1e300})
	z[12], z[13] = -0.4681250000000001, -0.7181250000000001
	xs := []float64{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}
	ys := []float64{-1, -0.65, -0.2, 0.35, 1, 1.75, 2.6, 3.55, 4.6}
	p, err := Contour(grid(xs, ys, z), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Single(p).WithSize(2*Inch, 1.5*Inch).Bytes(SVG); err != nil {
		t.Fatal(err)
	}
}

// TestLabelZeroLevel: a level 0 that is a grid value (log 1 + 0² = 0) is
// nudged for gonum's tracing, but its label still reads "0", not "1e-21".
func TestLabelZeroLevel(t *testing.T) {
	g := logGrid()
	levels := cleanLevels(g, []float64{-1, 0, 1})
	if levels[1] == 0 {
		t.Fatal("level 0 was not nudged: the test needs a grid value 0")
	}
	lab := levelLabels(maskNodes(g), levels)
	for _, s := range lab.texts {
		if strings.Contains(s, "e-") {
			t.Errorf("label %q", s)
		}
	}
	if len(lab.texts) != 3 {
		t.Errorf("labels %q, want 3", lab.texts)
	}
}

// TestRawHeatMapOfGrid: gdkit.Grid handed to gonum's own plotter.NewHeatMap
// (as gdkit.Grid's documentation allows) takes its colour range from the
// finite values, through Grid.Min and Grid.Max, and draws the log grid with
// its NaN and −Inf cells blank. Without them gonum scans the values itself,
// gets Min = −Inf, and drawing fails with "index out of range".
func TestRawHeatMapOfGrid(t *testing.T) {
	g := logGrid()
	lo, hi := g.MinMax()
	h := plotter.NewHeatMap(g, contourPalette(8))
	if h.Min != lo || h.Max != hi {
		t.Fatalf("heat map range [%v, %v], want the finite range [%v, %v]", h.Min, h.Max, lo, hi)
	}
	for _, raster := range []bool{false, true} {
		h.Rasterized = raster
		p := New("", "$w_1$", "$w_2$")
		p.Add(h)
		for _, format := range []string{PNG, SVG, PDF} {
			b, err := Single(p).Bytes(format)
			if err != nil {
				t.Fatalf("rasterized %v, %s: %v", raster, format, err)
			}
			if format == SVG {
				if err := checkSVGNumbers(b); err != nil {
					t.Errorf("rasterized %v: %v", raster, err)
				}
			}
		}
	}
}

// TestMergedMaskText checks the one note of a contour and a quiver of the
// same masked grid, and that a repeated count is written once.
func TestMergedMaskText(t *testing.T) {
	cells, arrows := maskCount{209, 361, "celdas"}, maskCount{240, 400, "flechas"}
	for _, c := range []struct {
		ms   []maskCount
		want string
	}{
		{[]maskCount{cells}, "sin valor finito:\n209 de 361 celdas"},
		{[]maskCount{cells, cells}, "sin valor finito:\n209 de 361 celdas"},
		{[]maskCount{cells, arrows}, "sin valor finito:\n209 de 361 celdas y 240 de 400 flechas"},
	} {
		if got := mergedMaskText(c.ms); got != c.want {
			t.Errorf("mergedMaskText(%v) = %q, want %q", c.ms, got, c.want)
		}
	}
}
