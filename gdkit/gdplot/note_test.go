package gdplot

import (
	"testing"

	"gonum.org/v1/plot"
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

// TestPlaceNoteFreeSpot: a note goes to the spot of the data area that no
// line crosses, and under the plot (layout.notes) when lines cross every
// spot.
func TestPlaceNoteFreeSpot(t *testing.T) {
	area := vg.Rectangle{Max: vg.Point{X: 300, Y: 200}}
	c := draw.Canvas{Canvas: new(recorder.Canvas), Rectangle: area}
	// A line along the top and one down the left side: the free corners
	// are the lower right and, less so, the right middle.
	l := newLayout(area, area)
	for x := vg.Length(0); x <= 300; x += 1 {
		l.grid.add(vg.Point{X: x, Y: 190})
	}
	for y := vg.Length(0); y <= 200; y += 1 {
		l.grid.add(vg.Point{X: 10, Y: y})
	}
	l.grid.build()
	l.placeNote(c, "diverge en la iteración 7", nil, spotUpperLeft)
	if len(l.notes) != 0 || len(l.texts) != 1 {
		t.Fatalf("note not placed inside: %d notes under the plot, %d texts", len(l.notes), len(l.texts))
	}
	if b := l.texts[0]; b.Min.X < 150 || b.Max.Y > 100 {
		t.Errorf("note at %v, want the lower right", b)
	}
	// Lines everywhere: the note goes under the plot.
	full := newLayout(area, area)
	for x := vg.Length(0); x <= 300; x += 4 {
		for y := vg.Length(0); y <= 200; y += 4 {
			full.grid.add(vg.Point{X: x, Y: y})
		}
	}
	full.grid.build()
	full.placeNote(c, "nota", nil)
	if len(full.notes) != 1 || len(full.texts) != 0 {
		t.Errorf("crowded plot: %d notes under the plot, %d inside, want 1 and 0", len(full.notes), len(full.texts))
	}
}
