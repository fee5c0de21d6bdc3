package gdplot

import (
	"errors"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gdkit.dev/gdkit"
)

// raceOf runs plain descent with momentum μ (0: none) on
// E = 0.1w1² + 2w2² from (−5, −2) with α, n updates, by hand.
func raceRun(label string, alpha, mu float64, n int) Run2D {
	w, b := []float64{-5, -2}, []float64{0, 0}
	r := Run2D{Label: label}
	for k := 0; ; k++ {
		r.W1, r.W2 = append(r.W1, w[0]), append(r.W2, w[1])
		r.Es = append(r.Es, 0.1*w[0]*w[0]+2*w[1]*w[1])
		if k == n {
			return r
		}
		g := []float64{0.2 * w[0], 4 * w[1]}
		for j := range w {
			b[j] = mu*b[j] + g[j]
			w[j] -= alpha * b[j]
		}
	}
}

func ellipseRace(runs ...Run2D) Race {
	xs, ys := arange(-5.5, 1.05, 0.05), arange(-3, 1.55, 0.05)
	g := evalGrid(xs, ys, func(x, y float64) float64 { return 0.1*x*x + 2*y*y })
	return Race{Grid: g, Levels: []float64{0.5, 1, 2, 4, 8}, Min: []float64{0, 0}, LogY: true, Runs: runs}
}

// countNear counts the pixels of img within 40 (of 255) of c per channel.
func countNear(img image.Image, c color.Color) int {
	r0, g0, b0, _ := c.RGBA()
	near := func(a, b uint32) bool { return math.Abs(float64(a>>8)-float64(b>>8)) <= 40 }
	n := 0
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r, r0) && near(g, g0) && near(b, b0) {
				n++
			}
		}
	}
	return n
}

// TestRacePaths: every run is drawn in its palette colour (the contour
// lines are lightened, so they do not count): adding run k adds hundreds of
// pixels of colour k. A run that diverges is cut at its last finite point
// with a note.
func TestRacePaths(t *testing.T) {
	runs := []Run2D{raceRun("GD", 0.4, 0, 30), raceRun("momentum", 0.4, 0.5, 30), raceRun("lento", 0.1, 0, 30)}
	count := func(r Race, k int) int {
		p, err := r.Paths()
		if err != nil {
			t.Fatal(err)
		}
		img, err := Single(p).Image(96)
		if err != nil {
			t.Fatal(err)
		}
		return countNear(img, DefaultTheme.Color(k))
	}
	for k := range runs {
		with, without := ellipseRace(runs[:k+1]...), ellipseRace(runs[:k]...)
		before := 0
		if k > 0 {
			before = count(without, k)
		}
		if added := count(with, k) - before; added < 300 {
			t.Errorf("run %d (%s) adds %d pixels of its colour", k, runs[k].Label, added)
		}
	}
	bad := raceRun("diverge", 0.6, 0, 40) // α·4 = 2.4 > 2: w2 grows
	bad.W2[30], bad.Es[30] = math.Inf(1), math.Inf(1)
	r := ellipseRace(runs[0], bad)
	fig, err := r.Figure()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fig.Image(72); err != nil {
		t.Fatal(err)
	}
	// The note's dark red text and frame are there with the cut run only.
	noteRed := color.RGBA{R: 0xb0, A: 0xff}
	for _, c := range []struct {
		r    Race
		note bool
	}{{r, true}, {ellipseRace(runs[0]), false}} {
		p, _ := c.r.Paths()
		img, _ := Single(p).Image(96)
		if n := countNear(img, noteRed); (n > 50) != c.note {
			t.Errorf("note wanted %v: %d dark red pixels", c.note, n)
		}
	}
}

// TestRaceFrames: k+1 frames, all runs cut at the same iteration, the
// loss axes of the whole race in every frame.
func TestRaceFrames(t *testing.T) {
	r := ellipseRace(raceRun("GD", 0.4, 0, 40), raceRun("momentum", 0.4, 0.5, 20))
	frames, err := r.Frames(4)
	if err != nil {
		t.Fatal(err)
	}
	if len(frames) != 5 {
		t.Fatalf("%d frames, want 5", len(frames))
	}
	full, _ := r.Loss()
	for j, f := range frames {
		if want := []string{"iteración 0", "iteración 10", "iteración 20", "iteración 30", "iteración 40"}[j]; f.Title != want {
			t.Errorf("frame %d: title %q, want %q", j, f.Title, want)
		}
		l := f.Plots[0][1]
		if l.X.Min != full.X.Min || l.X.Max != full.X.Max || l.Y.Min != full.Y.Min || l.Y.Max != full.Y.Max {
			t.Errorf("frame %d: loss axes [%g, %g]×[%g, %g], race [%g, %g]×[%g, %g]", j,
				l.X.Min, l.X.Max, l.Y.Min, l.Y.Max, full.X.Min, full.X.Max, full.Y.Min, full.Y.Max)
		}
	}
	if _, err := frames[2].Image(48); err != nil {
		t.Fatal(err)
	}
	if err := writeGIF(&strings.Builder{}, frames[:2], 0, 30); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Frames(0); !errors.Is(err, errBadParam) {
		t.Errorf("k = 0: %v", err)
	}
}

func TestRaceErrors(t *testing.T) {
	ok := raceRun("GD", 0.4, 0, 3)
	ragged := ok
	ragged.W2 = ragged.W2[:2]
	for name, c := range map[string]struct {
		r    Race
		want error
	}{
		"no run":       {ellipseRace(), gdkit.ErrEmpty},
		"empty run":    {ellipseRace(Run2D{Label: "vacía"}), gdkit.ErrEmpty},
		"ragged":       {ellipseRace(ragged), gdkit.ErrDimension},
		"all NaN":      {ellipseRace(Run2D{W1: []float64{math.NaN()}, W2: []float64{0}, Es: []float64{1}}), gdkit.ErrNotFinite},
		"no grid":      {Race{Runs: []Run2D{ok}}, gdkit.ErrEmpty},
		"bad levels":   {Race{Grid: ellipseRace().Grid, Levels: []float64{math.NaN()}, Runs: []Run2D{ok}}, gdkit.ErrNotFinite},
		"loss: no run": {Race{}, gdkit.ErrEmpty},
	} {
		_, err := c.r.Figure()
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
	if _, err := RunOf("x", nil, 0); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("RunOf(nil): %v", err)
	}
}

// TestRunOf: the path and E − eMin of a two-parameter trace.
func TestRunOf(t *testing.T) {
	p := gdkit.Problem{
		E:    func(w []float64) float64 { return 1 + w[0]*w[0] + w[1]*w[1] },
		Grad: func(g, w []float64) { g[0], g[1] = 2*w[0], 2*w[1] },
	}
	tr, err := gdkit.Descend(p, []float64{1, 2}, &gdkit.DescentSettings{Alpha: 0.25, MaxIter: 2})
	if err != nil {
		t.Fatal(err)
	}
	run, err := RunOf("GD", tr, 1)
	if err != nil {
		t.Fatal(err)
	}
	// w_k = (1, 2)/2^k, E − 1 = 5/4^k.
	for k, want := range []float64{5, 1.25, 0.3125} {
		if run.Es[k] != want || run.W1[k] != math.Pow(0.5, float64(k)) || run.W2[k] != 2*math.Pow(0.5, float64(k)) {
			t.Errorf("entry %d: (%g, %g), E − 1 = %g", k, run.W1[k], run.W2[k], run.Es[k])
		}
	}
	tr1, _ := gdkit.Descend1D(sq, dsq, 1, &gdkit.DescentSettings{Alpha: 0.1, MaxIter: 1})
	if _, err := RunOf("1D", tr1, 0); !errors.Is(err, gdkit.ErrDimension) {
		t.Errorf("1D trace: %v", err)
	}
}

// TestThin keeps the first and last points and drops points closer than
// the gap to the last kept one.
func TestThin(t *testing.T) {
	xs := []float64{0, 0.001, 0.002, 1, 1.0005, 1.001}
	ys := make([]float64, len(xs))
	got := thin(xs, ys, 0.01)
	if len(got) != 3 || got[0].X != 0 || got[1].X != 1 || got[2].X != 1.001 {
		t.Errorf("thin: %v", got)
	}
	if got := thin([]float64{2}, []float64{3}, 1); len(got) != 1 {
		t.Errorf("one point: %v", got)
	}
}

// TestStepSize: panels per schedule with shared axes from 0, α_t = 0
// drawn, NaN ending a series, and the errors.
func TestStepSize(t *testing.T) {
	cosine := make([]float64, 20)
	for i := range cosine {
		cosine[i] = 0.05 * (1 + math.Cos(math.Pi*float64(i)/19))
	}
	f, err := StepSizePanels(2, Series{Label: "constante", Y: []float64{0.1, 0.1, 0.1}},
		Series{Label: "coseno", Y: cosine}, Series{Label: "NaN", Y: []float64{0.2, math.NaN(), 0.3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Plots) != 2 || len(f.Plots[0]) != 2 || f.Plots[1][1] != nil || !f.ShareX || !f.ShareY {
		t.Fatalf("layout %d×%d", len(f.Plots), len(f.Plots[0]))
	}
	if p := f.Plots[0][1]; p.Y.Min != 0 || p.X.Min != 1 || p.X.Max != 20 || p.Title.Text != "coseno" {
		t.Errorf("cosine panel: x [%g, %g], y from %g, %q", p.X.Min, p.X.Max, p.Y.Min, p.Title.Text)
	}
	if _, err := f.Image(48); err != nil {
		t.Fatal(err)
	}
	p, err := StepSize(Series{Label: "a", Y: []float64{1, 0.5}}, Series{Label: "b", Y: []float64{1, 0}})
	if err != nil || p.Y.Min != 0 || p.Y.Max < 1 {
		t.Errorf("StepSize: %v, y [%g, %g]", err, p.Y.Min, p.Y.Max)
	}
	for name, err := range map[string]error{
		"cols 0":      func() error { _, err := StepSizePanels(0, Series{Y: []float64{1}}); return err }(),
		"no series":   func() error { _, err := StepSizePanels(2); return err }(),
		"all NaN":     func() error { _, err := StepSizePanels(2, Series{Y: []float64{math.NaN()}}); return err }(),
		"StepSize ()": func() error { _, err := StepSize(); return err }(),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
