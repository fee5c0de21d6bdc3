package gdplot

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
)

// TestRunawayClip: a series climbing 300 decades above one that stops at
// 10⁷ is clipped a quarter span above the other's top; series of similar
// range are left alone.
func TestRunawayClip(t *testing.T) {
	slow, fast := plotter.XYs{}, plotter.XYs{}
	for k := 0; k <= 74; k++ {
		slow = append(slow, plotter.XY{X: float64(k), Y: 1 + 0.083*float64(k)}) // to ≈ 10^7
	}
	for k := 0; k <= 161; k++ {
		fast = append(fast, plotter.XY{X: float64(k), Y: 1 + 1.9*float64(k)}) // to ≈ 10^308
	}
	idx, cap, top := runaway([]plotter.XYs{slow, fast})
	if idx != 1 {
		t.Fatalf("runaway = %d, want 1", idx)
	}
	_, _, lo, hi := plotter.XYRange(slow)
	if want := hi + (hi-lo)/4; math.Abs(cap-want) > 1e-9 || top < 300 {
		t.Errorf("cap %v top %v, want cap %v and top ≈ 308", cap, top, want)
	}
	clipped := clipAbove(fast, cap)
	if last := clipped[len(clipped)-1]; math.Abs(last.Y-cap) > 1e-9 || last.X > 10 {
		t.Errorf("clipped series ends at %v, want on the cap within a few iterations", last)
	}
	if idx, _, _ := runaway([]plotter.XYs{slow, slow[:40]}); idx != -1 {
		t.Errorf("similar series: runaway = %d, want -1", idx)
	}
	p, err := LossCurve(true, Series{"lenta", pow10(slow)}, Series{"rápida", append(pow10(fast), math.Inf(1))})
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Max != cap || p.X.Max > 80 {
		t.Errorf("axes y ≤ %v, x ≤ %v, want the cap %v and the slow series' end", p.Y.Max, p.X.Max, cap)
	}
	probs, err := Lint(Single(p))
	if err != nil || len(probs) > 0 {
		t.Errorf("lint: %v %v", probs, err)
	}
}

func pow10(xys plotter.XYs) []float64 {
	ys := make([]float64, len(xys))
	for i, q := range xys {
		ys[i] = math.Pow(10, q.Y)
	}
	return ys
}

// TestPathStyles: ten distinct colours, then the colours again with other
// step markers.
func TestPathStyles(t *testing.T) {
	seen := map[[4]uint32]bool{}
	for k := range 10 {
		c, shape := pathStyle(k)
		r, g, b, a := c.RGBA()
		if seen[[4]uint32{r, g, b, a}] {
			t.Errorf("path %d reuses a colour", k)
		}
		seen[[4]uint32{r, g, b, a}] = true
		if shape == nil {
			t.Fatalf("path %d has no step marker", k)
		}
	}
	c0, s0 := pathStyle(0)
	c10, s10 := pathStyle(10)
	if c0 != c10 || s0 == s10 {
		t.Errorf("path 10: colour %v shape %T, want path 0's colour with another marker than %T", c10, s10, s0)
	}
}

// TestSequentialColors: the fit lines darken monotonically (grey level).
func TestSequentialColors(t *testing.T) {
	prev := math.Inf(1)
	for k := 0; k <= 6; k++ {
		r, g, b, _ := sequentialColor(k, 6).RGBA()
		grey := 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
		if grey >= prev {
			t.Errorf("colour %d (grey %.0f) not darker than the one before (%.0f)", k, grey, prev)
		}
		prev = grey
	}
}

// TestAlphaPanelsGrid: up to three runs in a row, four in 2×2, more in
// rows of three.
func TestAlphaPanelsGrid(t *testing.T) {
	run := Run1D{Label: "r", Ws: []float64{1, 0.5}}
	for n, want := range map[int][2]int{1: {1, 1}, 3: {1, 3}, 4: {2, 2}, 5: {2, 3}, 7: {3, 3}} {
		runs := make([]Run1D, n)
		for i := range runs {
			runs[i] = run
		}
		f, err := AlphaPanels(sq, -2, 2, runs)
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]int{len(f.Plots), len(f.Plots[0])}; got != want {
			t.Errorf("%d runs: %v panels, want %v", n, got, want)
		}
	}
}

func TestQuiverNote(t *testing.T) {
	for _, c := range []struct {
		headless, left int
		want           string
	}{
		{0, 0, ""},
		{3, 0, "3 flechas más cortas que su punta: sin punta"},
		{0, 1, "1 flecha muy corta sin dibujar"},
		{5, 2, "5 flechas cortas sin punta y 2 muy cortas sin dibujar"},
	} {
		if got := quiverNote(c.headless, c.left); got != c.want {
			t.Errorf("quiverNote(%d, %d) = %q, want %q", c.headless, c.left, got, c.want)
		}
	}
	if !strings.Contains(quiverNote(1, 1), "1 flecha corta") {
		t.Error("singular")
	}
}
