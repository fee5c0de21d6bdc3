package gdplot

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"gdkit.dev/gdkit"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

func TestNewQuiverErrors(t *testing.T) {
	nan := math.NaN()
	x, y := []float64{0, 1}, []float64{0}
	ok := grid(x, y, []float64{1, 1})
	for _, tc := range []struct {
		name string
		u, v plotter.GridXYZ
		want error
	}{
		{"nil u", nil, ok, gdkit.ErrEmpty},
		{"nil v", ok, nil, gdkit.ErrEmpty},
		{"nil *gdkit.Grid", ok, (*gdkit.Grid)(nil), gdkit.ErrEmpty},
		{"empty x", grid(nil, y, nil), ok, gdkit.ErrEmpty},
		{"short u", grid(x, y, []float64{1}), ok, gdkit.ErrDimension},
		{"sizes differ", ok, grid([]float64{0, 1, 2}, y, []float64{1, 1, 1}), gdkit.ErrDimension},
		{"coordinates differ", ok, grid([]float64{0, 2}, y, []float64{1, 1}), errBadParam},
		{"decreasing x", grid([]float64{1, 0}, y, []float64{1, 1}), ok, errBadParam},
		{"repeated y", grid([]float64{0}, []float64{2, 2}, []float64{1, 1}), ok, errBadParam},
		{"NaN x", grid([]float64{nan, 1}, y, []float64{1, 1}), ok, gdkit.ErrNotFinite},
		{"Inf y", grid([]float64{0}, []float64{0, math.Inf(1)}, []float64{1, 1}), ok, gdkit.ErrNotFinite},
		// Some u and some v are finite, but never at the same node.
		{"no finite vector", grid([]float64{0, 1}, y, []float64{nan, 1}), grid([]float64{0, 1}, y, []float64{1, math.Inf(-1)}), gdkit.ErrNotFinite},
	} {
		if _, err := NewQuiver(tc.u, tc.v); !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
}

// countFills draws q alone and returns the number of filled shapes
// (one arrowhead per arrow, one dot per zero vector).
func countFills(t *testing.T, q *Quiver) int {
	t.Helper()
	p := plot.New()
	p.Add(q)
	var rec recorder.Canvas
	c := draw.NewCanvas(&rec, 4*vg.Inch, 4*vg.Inch)
	q.Plot(c, p)
	n := 0
	for _, a := range rec.Actions {
		if _, ok := a.(*recorder.Fill); ok {
			n++
		}
	}
	return n
}

func TestQuiverArrowCount(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	x := []float64{0, 1, 2}
	y := []float64{0, 1}
	for _, tc := range []struct {
		name       string
		u, v       []float64
		zeroRadius vg.Length
		arrows     int
		fills      int
	}{
		{"all non-zero", []float64{1, 2, 3, 4, 5, 6}, []float64{1, 1, 1, 1, 1, 1}, 0, 6, 6},
		{"zeros skipped", []float64{0, 2, 0, 4, 0, 6}, []float64{0, 1, 0, 1, 0, 1}, 0, 3, 3},
		{"zeros dotted", []float64{0, 2, 0, 4, 0, 6}, []float64{0, 1, 0, 1, 0, 1}, 1, 3, 6},
		// 2 arrowheads and the box of the note "sin valor finito:\n4 de 6 flechas".
		{"NaN and Inf skipped", []float64{nan, 2, inf, 4, 1, -inf}, []float64{1, nan, 1, 1, 1, 1}, 1, 2, 3},
		{"all zero", make([]float64, 6), make([]float64, 6), 1, 0, 6},
		{"all zero skipped", make([]float64, 6), make([]float64, 6), 0, 0, 0},
	} {
		q, err := NewQuiver(grid(x, y, tc.u), grid(x, y, tc.v))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		q.ZeroRadius = tc.zeroRadius
		if got := q.arrowCount(); got != tc.arrows {
			t.Errorf("%s: Arrows() = %d, want %d", tc.name, got, tc.arrows)
		}
		if got := countFills(t, q); got != tc.fills {
			t.Errorf("%s: %d filled shapes drawn, want %d", tc.name, got, tc.fills)
		}
	}
}

func TestQuiverScale(t *testing.T) {
	x := []float64{0, 0.5, 1.5} // smallest step 0.5
	y := []float64{0, 2}
	u := []float64{3, 0, 0, 0, 0, 0}
	v := []float64{4, 1, 0, 0, 0, math.NaN()} // longest |(3,4)| = 5
	q, err := NewQuiver(grid(x, y, u), grid(x, y, v))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := q.EffectiveScale(), 0.5/5; math.Abs(got-want) > 1e-15 {
		t.Errorf("auto scale = %v, want 0.5/5 = %v (longest arrow one grid step)", got, want)
	}
	// The tip of the longest arrow is part of the data range.
	xmin, xmax, ymin, ymax := q.DataRange()
	if xmin != 0 || ymin != 0 || xmax != 1.5 || math.Abs(ymax-2) > 1e-15 {
		t.Errorf("DataRange = %v %v %v %v", xmin, xmax, ymin, ymax)
	}
	q.Scale = 1
	if got := q.EffectiveScale(); got != 1 {
		t.Errorf("fixed scale = %v, want 1", got)
	}
	// (0,0)+(3,4)·1 reaches (3, 4).
	if _, xmax, _, ymax := q.DataRange(); xmax != 3 || ymax != 4 {
		t.Errorf("DataRange with scale 1: xmax %v ymax %v, want 3 4", xmax, ymax)
	}
	q.Pivot = PivotMiddle
	if xmin, _, ymin, _ := q.DataRange(); xmin != -1.5 || ymin != -2 {
		t.Errorf("DataRange with middle pivot: xmin %v ymin %v, want -1.5 -2", xmin, ymin)
	}
	zero, _ := NewQuiver(grid(x, y, make([]float64, 6)), grid(x, y, make([]float64, 6)))
	if s := zero.EffectiveScale(); s != 0 {
		t.Errorf("scale of a zero field = %v, want 0", s)
	}
}

func TestQuiverSVGNoNaN(t *testing.T) {
	x, y, _, gx, gy := slideData()
	nan := math.NaN()
	withNaN := append([]float64(nil), gx...)
	withNaN[3], withNaN[100] = nan, math.Inf(-1)
	for _, tc := range []struct {
		name string
		u, v []float64
	}{
		{"slide gradient", gx, gy},
		{"all zero", make([]float64, len(gx)), make([]float64, len(gx))},
		{"NaN and Inf", withNaN, gy},
	} {
		q, err := NewQuiver(grid(x, y, tc.u), grid(x, y, tc.v))
		if err != nil {
			t.Fatal(err)
		}
		q.ColorMap = surfaceViridis()
		p := plot.New()
		p.Add(q)
		surfWithin(t, 30*time.Second, func() error {
			b, err := svgOf(p, 4*vg.Inch, 4*vg.Inch)
			if err != nil {
				return err
			}
			if err := finiteSVG(b); err != nil {
				return fmt.Errorf("%s: %w", tc.name, err)
			}
			return nil
		})
	}
}

func TestQuiverGolden(t *testing.T) {
	x, y, e, gx, gy := slideData()
	surfWithin(t, 30*time.Second, func() error {
		p := plot.New()
		p.Title.Text = "gradient of w1² + w2²"
		ct := plotter.NewContour(grid(x, y, e), []float64{25, 50, 100, 150}, nil)
		p.Add(ct)
		q, err := NewQuiver(grid(x, y, gx), grid(x, y, gy))
		if err != nil {
			return err
		}
		p.Add(q)
		b, err := pngOf(p, 5*vg.Inch, 5*vg.Inch)
		if err != nil {
			return err
		}
		checkGolden(t, "quiver_slide.png", b, 0.02)
		// Colour by magnitude, middle pivot.
		q.ColorMap = surfaceViridis()
		q.Pivot = PivotMiddle
		p2 := plot.New()
		p2.Add(q)
		b, err = pngOf(p2, 4*vg.Inch, 4*vg.Inch)
		if err != nil {
			return err
		}
		checkGolden(t, "quiver_color.png", b, 0.02)
		return nil
	})
}
