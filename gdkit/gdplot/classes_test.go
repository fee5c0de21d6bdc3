package gdplot

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
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

func TestClassesRenders(t *testing.T) {
	// Two classes split by x1 + x2 = 1, one row with a NaN feature (skipped),
	// labels ±1; the second boundary misses the window (note, no error).
	x := []float64{0, 0, 0.2, 0.3, 1, 1, 0.9, 0.8, math.NaN(), 0.5}
	y := []float64{-1, -1, 1, 1, 1}
	p, err := Classes(x, y, Boundary{"frontera", []float64{1, 1, -1}}, Boundary{"lejos", []float64{1, 0, -10}})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min >= 0 || p.X.Max <= 1 || p.Y.Min >= 0 || p.Y.Max <= 1 {
		t.Errorf("window [%g,%g]×[%g,%g] does not contain the data", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	b, err := Single(p).Bytes(PNG)
	if err != nil || len(b) < 1000 {
		t.Errorf("PNG: %d bytes, %v", len(b), err)
	}
}
