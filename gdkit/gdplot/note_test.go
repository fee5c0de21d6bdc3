package gdplot

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// TestNotePlacement checks where Note writes its text on a 100×100 pt data
// area: left, right or centred, at the top or the bottom.
func TestNotePlacement(t *testing.T) {
	cases := []struct {
		name   string
		note   note
		xRange [2]float64 // the text's x must fall in this range (pt)
		top    bool
	}{
		{"top-left", note{Text: "x"}, [2]float64{0, 30}, true},
		{"top-right", note{Text: "x", Right: true}, [2]float64{70, 100}, true},
		{"bottom-right", note{Text: "x", Right: true, Bottom: true}, [2]float64{70, 100}, false},
		{"top-centre", note{Text: "x", Center: true}, [2]float64{40, 60}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := new(recorder.Canvas)
			c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 100, Y: 100}}}
			tc.note.Plot(c, plot.New())
			var got *recorder.FillString
			for _, a := range rec.Actions {
				if fs, ok := a.(*recorder.FillString); ok {
					got = fs
				}
			}
			if got == nil {
				t.Fatal("no text written")
			}
			x, y := float64(got.Point.X), float64(got.Point.Y)
			if x < tc.xRange[0] || x > tc.xRange[1] {
				t.Errorf("text at x = %.1f pt, want in %v", x, tc.xRange)
			}
			if tc.top != (y > 50) {
				t.Errorf("text at y = %.1f pt, want top = %v", y, tc.top)
			}
		})
	}
}

// TestLossCurveNoteCorner: the divergence note of LossCurve goes to an empty
// corner other than the legend's, not onto a curve rising to the top right.
func TestLossCurveNoteCorner(t *testing.T) {
	rise := make([]float64, 61) // 10^k up to k = 59, then +Inf
	for k := range rise {
		rise[k] = math.Pow(10, float64(k))
	}
	rise[60] = math.Inf(1)
	short := []float64{10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120}
	p, err := LossCurve(true, Series{"corta", short}, Series{"sube", rise})
	if err != nil {
		t.Fatal(err)
	}
	var pts plotter.XYs
	for _, s := range [][]float64{short, rise[:60]} {
		for k, y := range s {
			pts = append(pts, plotter.XY{X: float64(k), Y: math.Log10(y)})
		}
	}
	c := emptiestCorner(p, pts, true)
	if c.top == p.Legend.Top && c.left == p.Legend.Left {
		t.Errorf("note corner %+v is the legend's", c)
	}
	if n := cornerCount(p, pts, c); n != 0 {
		t.Errorf("note corner %+v holds %d points, want 0", c, n)
	}
	if c != (corner{top: false, left: false}) {
		t.Errorf("note corner %+v, want bottom-right (the only empty one besides the legend's)", c)
	}
}
