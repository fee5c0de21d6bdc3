package gdplot

import (
	"bytes"
	"fmt"
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

func TestNewSurfaceErrors(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name    string
		x, y, z []float64
	}{
		{"empty", nil, nil, nil},
		{"1×1", []float64{0}, []float64{0}, []float64{1}},
		{"1×3", []float64{0}, []float64{0, 1, 2}, []float64{1, 2, 3}},
		{"ragged z", []float64{0, 1}, []float64{0, 1}, []float64{1, 2, 3}},
		{"decreasing x", []float64{1, 0}, []float64{0, 1}, []float64{1, 2, 3, 4}},
		{"NaN y", []float64{0, 1}, []float64{0, nan}, []float64{1, 2, 3, 4}},
		{"all NaN z", []float64{0, 1}, []float64{0, 1}, []float64{nan, nan, nan, math.Inf(1)}},
	} {
		if _, err := NewSurface(grid(tc.x, tc.y, tc.z)); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := NewSurface(nil); err == nil {
		t.Error("nil grid: no error")
	}
}

func TestNewSurfaceCopiesGrid(t *testing.T) {
	x, y, e, _, _ := slideData()
	s, err := NewSurface(grid(x, y, e))
	if err != nil {
		t.Fatal(err)
	}
	for r, w2 := range y {
		for c, w1 := range x {
			if got, want := s.z[r*len(x)+c], w1*w1+w2*w2; got != want {
				t.Fatalf("Z at (%d,%d) = %v, want %v", c, r, got, want)
			}
		}
	}
}

func TestFloorLevels(t *testing.T) {
	for _, tc := range []struct {
		name   string
		z      []float64
		levels []float64
		want   []float64
	}{
		// Step 25 = round (200-0.32)/8 up to 2.5·10.
		{"slide range", []float64{0.32, 200, 50, 100}, nil, []float64{0, 25, 50, 75, 100, 125, 150, 175, 200}},
		// Step 0.2: the smallest of {1, 2, 2.5, 5}·10ⁿ not below 1/8.
		{"unit range", []float64{0, 1, 0.5, 0.2}, nil, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"explicit, cleaned", []float64{0, 1, 2, 3}, []float64{2, 1, math.NaN(), 1, math.Inf(1)}, []float64{1, 2}},
	} {
		s, err := NewSurface(grid([]float64{0, 1}, []float64{0, 1}, tc.z))
		if err != nil {
			t.Fatal(err)
		}
		s.Levels = tc.levels
		got := s.FloorLevels()
		if len(got) != len(tc.want) {
			t.Errorf("%s: levels %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			// Exact: the floor's labels print the levels, so 0.6 must be
			// 0.6 and not 3·0.2 = 0.6000000000000001.
			if got[i] != tc.want[i] {
				t.Errorf("%s: levels %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

func TestSurfTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []string
	}{
		{-10, 9.2, []string{"−10", "−5", "0", "5"}},
		{0.32, 200, []string{"50", "100", "150", "200"}},
		{0, 1, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},
		{-1, 1.5, []string{"−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5"}},
		{0, 17.6, []string{"0", "5", "10", "15"}},
		{-4, 13, []string{"−2.5", "0.0", "2.5", "5.0", "7.5", "10.0", "12.5"}},
	} {
		var got []string
		for _, tk := range surfTicks(tc.lo, tc.hi) {
			got = append(got, tk.Label)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("ticks of [%v, %v] = %v, want %v", tc.lo, tc.hi, got, tc.want)
		}
	}
}

// polyArea is the shoelace area of a floor polygon.
func polyArea(p []surfVert) float64 {
	a := 0.0
	for i := range p {
		q := p[(i+1)%len(p)]
		a += p[i].x*q.y - q.x*p[i].y
	}
	return math.Abs(a) / 2
}

func TestSurfClipBand(t *testing.T) {
	// Triangle (0,0),(1,0),(0,1) with z = x: the band a ≤ x ≤ b has area
	// ∫ₐᵇ (1−x) dx = (b − b²/2) − (a − a²/2).
	tri := []surfVert{{0, 0, 0}, {1, 0, 1}, {0, 1, 0}}
	for _, band := range [][2]float64{{0.25, 0.5}, {0, 0.1}, {0.9, 1}, {-1, 2}, {0, 1}} {
		a, b := band[0], band[1]
		ca, cb := math.Max(0, a), math.Min(1, b)
		want := (cb - cb*cb/2) - (ca - ca*ca/2)
		p := surfClip(nil, tri, a, true)
		p = surfClip(nil, p, b, false)
		if got := polyArea(p); math.Abs(got-want) > 1e-12 {
			t.Errorf("band [%v, %v]: area %v, want %v", a, b, got, want)
		}
		for _, v := range p {
			if v.z < a-1e-12 || v.z > b+1e-12 || math.Abs(v.z-v.x) > 1e-12 {
				t.Errorf("band [%v, %v]: vertex %+v outside the band or off z = x", a, b, v)
			}
		}
	}
}

func TestSurfaceView(t *testing.T) {
	s, err := NewSurface(grid([]float64{0, 1}, []float64{0, 1}, []float64{0, 1, 1, 2}))
	if err != nil {
		t.Fatal(err)
	}
	v := s.view(0, 2)
	// Default view (azim −60°, elev 30°): the nearest bottom corner is
	// (x max, y min), the farthest (x min, y max).
	if !(v.depth(1, 0, 0) > v.depth(0, 0, 0) && v.depth(1, 0, 0) > v.depth(1, 1, 0) && v.depth(0, 1, 0) < v.depth(0, 0, 0)) {
		t.Error("depth order of the corners is wrong for the default view")
	}
	// r, u, e form an orthonormal basis.
	for _, tc := range [][2][3]float64{{v.r, v.u}, {v.r, v.e}, {v.u, v.e}} {
		if d := surfDot(tc[0], tc[1]); math.Abs(d) > 1e-15 {
			t.Errorf("basis not orthogonal: %v", d)
		}
	}
	for _, b := range [][3]float64{v.r, v.u, v.e} {
		if n := surfDot(b, b); math.Abs(n-1) > 1e-15 {
			t.Errorf("basis vector not unit: %v", n)
		}
	}
	// The z axis projects straight up: u_z = cos 30°.
	if got, want := v.u[2], math.Cos(math.Pi/6); math.Abs(got-want) > 1e-15 {
		t.Errorf("u_z = %v, want cos 30° = %v", got, want)
	}
}

// recordSurface draws s on a recorder and returns the number of fills.
func recordSurface(s *Surface) (fills int, bad bool) {
	var rec recorder.Canvas
	p := s.NewPlot("t")
	p.Draw(draw.NewCanvas(&rec, 5*vg.Inch, 4*vg.Inch))
	for _, a := range rec.Actions {
		if f, ok := a.(*recorder.Fill); ok {
			fills++
			for _, c := range f.Path {
				for _, pt := range append([]vg.Point{c.Pos}, c.Control...) {
					if !quiverFinite(pt) {
						bad = true
					}
				}
			}
		}
	}
	return fills, bad
}

func TestSurfaceNaNCellsSkipped(t *testing.T) {
	x := []float64{0, 1, 2}
	y := []float64{0, 1, 2}
	z := []float64{0, 1, 2, 1, math.NaN(), 3, 2, 3, 4}
	s, err := NewSurface(grid(x, y, z))
	if err != nil {
		t.Fatal(err)
	}
	s.Floor = false
	s.PaneColor = nil
	// The NaN centre touches all 4 cells: no quad is drawn, only the
	// background and the box of the note "sin valor finito:\n4 de 4 celdas".
	if fills, bad := recordSurface(s); fills != 2 || bad {
		t.Errorf("fills = %d (want 2: background and note), non-finite points: %v", fills, bad)
	}
	if n := s.note(); n == nil || n.Text != "sin valor finito:\n4 de 4 celdas" {
		t.Errorf("note = %+v", n)
	}
	z[4] = 2 // NewSurface copied the grid: make a new surface
	if s, err = NewSurface(grid(x, y, z)); err != nil {
		t.Fatal(err)
	}
	s.Floor = false
	s.PaneColor = nil
	if fills, bad := recordSurface(s); fills != 5 || bad {
		t.Errorf("fills = %d (want 1 + 4 quads), non-finite points: %v", fills, bad)
	}
}

func TestSurfaceSVGNoNaN(t *testing.T) {
	x, y, e, _, _ := slideData()
	nan := math.NaN()
	withNaN := append([]float64(nil), e...)
	withNaN[0], withNaN[300], withNaN[301] = nan, math.Inf(1), nan
	for _, tc := range []struct {
		name     string
		x, y, z  []float64
		az, elev float64
	}{
		{"slide", x, y, e, -60, 30},
		{"flat", x, y, make([]float64, len(e)), -60, 30},
		{"NaN cells", x, y, withNaN, -60, 30},
		{"from below", x, y, e, 30, -20},
		{"top view", x, y, e, 0, 90},
		{"2×2", []float64{0, 1}, []float64{0, 1}, []float64{1, 1, 1, 1}, 45, 10},
		{"NaN angles", x, y, e, nan, math.Inf(1)},
	} {
		s, err := NewSurface(grid(tc.x, tc.y, tc.z))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		s.Azimuth, s.Elevation = tc.az, tc.elev
		s.FloorLines.Width = vg.Points(0.5)
		s.FloorLines.Color = plot.New().X.Color
		surfWithin(t, 30*time.Second, func() error {
			b, err := svgOf(s.NewPlot("surface"), 5*vg.Inch, 4*vg.Inch)
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

func TestSurfaceGolden(t *testing.T) {
	x, y, e, _, _ := slideData()
	surfWithin(t, 30*time.Second, func() error {
		s, err := NewSurface(grid(x, y, e))
		if err != nil {
			return err
		}
		s.XLabel, s.YLabel, s.ZLabel = "w1", "w2", "E"
		b, err := pngOf(s.NewPlot("E = w1² + w2²"), 6*vg.Inch, 5*vg.Inch)
		if err != nil {
			return err
		}
		checkGolden(t, "surface_slide.png", b, 0.02)

		// Another view, no edges, contour lines on the floor, a saddle.
		z := make([]float64, len(e))
		for r, w2 := range y {
			for c, w1 := range x {
				z[r*len(x)+c] = w1*w1 - w2*w2
			}
		}
		s2, err := NewSurface(grid(x, y, z))
		if err != nil {
			return err
		}
		s2.Azimuth, s2.Elevation = 30, 45
		s2.EdgeStyle.Width = 0
		s2.FloorLines = draw.LineStyle{Color: plot.New().X.Color, Width: vg.Points(0.4)}
		b, err = pngOf(s2.NewPlot("saddle"), 5*vg.Inch, 4*vg.Inch)
		if err != nil {
			return err
		}
		checkGolden(t, "surface_saddle.png", b, 0.02)
		return nil
	})
}

func TestSurfaceExportFormats(t *testing.T) {
	x, y, e, _, _ := slideData()
	s, err := NewSurface(grid(x, y, e))
	if err != nil {
		t.Fatal(err)
	}
	p := s.NewPlot("E")
	for _, format := range []string{"png", "svg", "pdf"} {
		surfWithin(t, 30*time.Second, func() error {
			wt, err := p.WriterTo(4*vg.Inch, 3*vg.Inch, format)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if _, err := wt.WriteTo(&buf); err != nil {
				return fmt.Errorf("%s: %v", format, err)
			}
			if buf.Len() < 1000 {
				return fmt.Errorf("%s: only %d bytes written", format, buf.Len())
			}
			return nil
		})
	}
}

// TestSurfaceFloorZ: the floor is the slide's plane z = 0 (contourf with
// offset=0) when the surface lies above it, the lowest height when the
// surface goes below 0 or FloorAtBottom is set.
func TestSurfaceFloorZ(t *testing.T) {
	xs := []float64{-1, 0, 1}
	bowl, err := NewSurface(evalGrid(xs, xs, func(x, y float64) float64 { return 1 + x*x + y*y }))
	if err != nil {
		t.Fatal(err)
	}
	if got := bowl.boxZ(1); got != 0 {
		t.Errorf("bowl above 0: box bottom %v, want the floor at 0", got)
	}
	bowl.FloorZ = -5
	if got := bowl.boxZ(1); got != -5 {
		t.Errorf("FloorZ = -5: box bottom %v, want -5", got)
	}
	bowl.FloorAtBottom = true
	if got := bowl.boxZ(1); got != 1 {
		t.Errorf("FloorAtBottom: box bottom %v, want min z = 1", got)
	}
	saddle, err := NewSurface(evalGrid(xs, xs, func(x, y float64) float64 { return x*x - y*y }))
	if err != nil {
		t.Fatal(err)
	}
	if got := saddle.boxZ(-1); got != -1 {
		t.Errorf("saddle through 0: box bottom %v, want min z = -1 (a floor at 0 would cut it)", got)
	}
	saddle.Floor = false
	bowl.FloorAtBottom, bowl.Floor = false, false
	if got := bowl.boxZ(1); got != 1 {
		t.Errorf("no floor: box bottom %v, want min z", got)
	}
	// The z axis of the slide's figure is labelled from 0.
	ws := arange(-10, 10, 0.8)
	s, err := NewSurface(evalGrid(ws, ws, func(x, y float64) float64 { return x*x + y*y }))
	if err != nil {
		t.Fatal(err)
	}
	p := s.NewPlot("")
	DefaultTheme.Apply(p)
	p.HideAxes()
	probs, err := Lint(Single(p))
	if err != nil || len(probs) > 0 {
		t.Fatalf("lint: %v %v", probs, err)
	}
}
