package gdplot

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

func TestClipBoundary(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	tests := []struct {
		name           string
		w1, w2, b      float64
		ok             bool
		ax, ay, bx, by float64 // expected end points, in either order
	}{
		// x + y = 0 through the square [-1,1]²: the diagonal (−1,1)–(1,−1).
		{"diagonal", 1, 1, 0, true, -1, 1, 1, -1},
		// y = 0.5 (w2 = 1, b = −0.5): horizontal across the square.
		{"horizontal", 0, 1, -0.5, true, -1, 0.5, 1, 0.5},
		// x = −0.25 (w1 = 2, b = 0.5): vertical.
		{"vertical", 2, 0, 0.5, true, -0.25, -1, -0.25, 1},
		// y = 2x: enters at y = −1 (x = −0.5), leaves at y = 1 (x = 0.5).
		{"steep", 2, -1, 0, true, -0.5, -1, 0.5, 1},
		// x + y = 3 misses the square.
		{"miss", 1, 1, -3, false, 0, 0, 0, 0},
		// y = 2 horizontal above the square.
		{"parallel outside", 0, 1, -2, false, 0, 0, 0, 0},
		// x + y = 2 touches only the corner (1, 1).
		{"corner", 1, 1, -2, false, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		a, b, ok := clipBoundary(tc.w1, tc.w2, tc.b, -1, 1, -1, 1)
		if ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		same := near(a.X, tc.ax) && near(a.Y, tc.ay) && near(b.X, tc.bx) && near(b.Y, tc.by)
		swapped := near(b.X, tc.ax) && near(b.Y, tc.ay) && near(a.X, tc.bx) && near(a.Y, tc.by)
		if !same && !swapped {
			t.Errorf("%s: segment %v–%v, want (%g,%g)–(%g,%g)", tc.name, a, b, tc.ax, tc.ay, tc.bx, tc.by)
		}
		for _, q := range []struct{ x, y float64 }{{a.X, a.Y}, {b.X, b.Y}} {
			if r := tc.w1*q.x + tc.w2*q.y + tc.b; math.Abs(r) > 1e-12 {
				t.Errorf("%s: end point (%g,%g) not on the line (residual %g)", tc.name, q.x, q.y, r)
			}
		}
	}
}

func TestClassesErrors(t *testing.T) {
	x := []float64{0, 0, 1, 1, 2, 0}
	y := []float64{0, 1, 1}
	tests := []struct {
		name string
		x, y []float64
		bd   []Boundary
	}{
		{"empty", nil, nil, nil},
		{"ragged", x[:5], y, nil},
		{"NaN label", x, []float64{0, math.NaN(), 1}, nil},
		{"short W", x, y, []Boundary{{"a", []float64{1, 1}}}},
		{"Inf in W", x, y, []Boundary{{"a", []float64{1, math.Inf(1), 0}}}},
		{"zero normal", x, y, []Boundary{{"a", []float64{0, 0, 1}}}},
		{"no finite point", []float64{math.NaN(), 0, math.Inf(1), 1, 0, math.NaN()}, y, nil},
	}
	for _, tc := range tests {
		if _, err := Classes(tc.x, tc.y, tc.bd...); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := Classes(nil, nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("empty: %v, want gdkit.ErrEmpty", err)
	}
}

// TestClassesRenders draws Classes on a recording canvas and checks what
// a reader sees: each boundary that crosses the window is a stroke from
// border to border along w1·x1 + w2·x2 + b = 0, its label is in the
// legend, and a boundary that misses the window is named in a note.
func TestClassesRenders(t *testing.T) {
	// Two classes split by x1 + x2 = 1, one row with a NaN feature (skipped),
	// labels ±1; the second boundary, 2x1 − x2 − 0.5 = 0, crosses too; the
	// third, x1 = 10, misses the window.
	x := []float64{0, 0, 0.2, 0.3, 1, 1, 0.9, 0.8, math.NaN(), 0.5}
	y := []float64{-1, -1, 1, 1, 1}
	bds := []Boundary{{"logística", []float64{1, 1, -1}}, {"SVM", []float64{2, -1, -0.5}}, {"lejos", []float64{1, 0, -10}}}
	p, err := Classes(x, y, bds...)
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min >= 0 || p.X.Max <= 1 || p.Y.Min >= 0 || p.Y.Max <= 1 {
		t.Errorf("window [%g,%g]×[%g,%g] does not contain the data", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	var rec recorder.Canvas
	c := draw.NewCanvas(&rec, 6*vg.Inch, 4*vg.Inch)
	p.Draw(c)
	dc := p.DataCanvas(c)
	trX, trY := p.Transforms(&dc)
	var text strings.Builder
	var strokes []vg.Path
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Stroke:
			strokes = append(strokes, a.Path)
		case *recorder.FillString:
			text.WriteString(a.String + " ")
		}
	}
	near := func(a, b vg.Point) bool {
		return math.Abs(float64(a.X-b.X)) < 0.01 && math.Abs(float64(a.Y-b.Y)) < 0.01
	}
	for _, bd := range bds[:2] {
		a, b, ok := clipBoundary(bd.W[0], bd.W[1], bd.W[2], p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
		if !ok {
			t.Fatalf("%s: the test boundary misses the window", bd.Label)
		}
		pa, pb := vg.Point{X: trX(a.X), Y: trY(a.Y)}, vg.Point{X: trX(b.X), Y: trY(b.Y)}
		found := false
		for _, s := range strokes {
			if len(s) == 2 && (near(s[0].Pos, pa) && near(s[1].Pos, pb) || near(s[0].Pos, pb) && near(s[1].Pos, pa)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no stroke from (%.3g, %.3g) to (%.3g, %.3g), border to border on the line", bd.Label, a.X, a.Y, b.X, b.Y)
		}
		if !strings.Contains(text.String(), bd.Label) {
			t.Errorf("%s: not in the legend", bd.Label)
		}
	}
	if !strings.Contains(text.String(), "fuera de la ventana") || !strings.Contains(text.String(), "lejos") {
		t.Errorf("no note names the boundary that misses the window; text drawn: %q", text.String())
	}
	if b, err := Single(p).Bytes(PNG); err != nil || len(b) < 1000 {
		t.Errorf("PNG: %d bytes, %v", len(b), err)
	}
}
