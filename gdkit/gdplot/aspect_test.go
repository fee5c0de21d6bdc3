package gdplot

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestEqualAspect checks that a marked plot's data area gets the aspect of
// its axis ranges on a canvas of another shape, and that an unmarked plot
// keeps the whole canvas.
func TestEqualAspect(t *testing.T) {
	for _, c := range []struct {
		name       string
		w, h       vg.Length
		xmin, xmax float64
		ymin, ymax float64
		mark       bool
		wantAspect float64 // data width / data height; 0 = canvas unchanged
	}{
		{"wide canvas, square window", 8 * vg.Inch, 4 * vg.Inch, -10, 10, -10, 10, true, 1},
		{"tall canvas, square window", 4 * vg.Inch, 8 * vg.Inch, -10, 10, -10, 10, true, 1},
		{"wide canvas, 2:1 window", 6 * vg.Inch, 6 * vg.Inch, 0, 4, 0, 2, true, 2},
		{"unmarked", 8 * vg.Inch, 4 * vg.Inch, -10, 10, -10, 10, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := New("t", "x", "y")
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = c.xmin, c.xmax, c.ymin, c.ymax
			if c.mark {
				EqualAspect(p)
			}
			if isEqualAspect(p) != c.mark {
				t.Fatalf("IsEqualAspect = %v", !c.mark)
			}
			cv := draw.New(vgimg.New(c.w, c.h))
			got := aspectCanvas(p, cv, false)
			if c.wantAspect == 0 {
				if got != cv {
					t.Fatalf("unmarked plot's canvas changed: %v → %v", cv, got)
				}
				return
			}
			d := p.DataCanvas(got)
			a := float64(d.Max.X-d.Min.X) / float64(d.Max.Y-d.Min.Y)
			if math.Abs(a-c.wantAspect) > 0.01*c.wantAspect {
				t.Errorf("data aspect %.4f, want %.4f", a, c.wantAspect)
			}
		})
	}
}

func TestMarkEqualAspectSkipsElongatedWindows(t *testing.T) {
	p := New("t", "x", "y")
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 100, 0, 1
	markEqualAspect(p)
	if isEqualAspect(p) {
		t.Error("a 100:1 window was marked equal-aspect")
	}
	q := New("t", "x", "y")
	q.X.Min, q.X.Max, q.Y.Min, q.Y.Max = -2, 2, -1, 3
	markEqualAspect(q)
	if !isEqualAspect(q) {
		t.Error("a 1:1 window was not marked")
	}
}
