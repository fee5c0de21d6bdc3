package gdplot

import (
	"math"
	"reflect"
	"testing"
)

func TestFormatTick(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {7.5, "7.5"}, {250, "250"}, {-2.5, "−2.5"}, {0.1 + 0.2, "0.3"},
		{1e6, "1e+06"}, {2.5e-5, "2.5e-05"}, {0.0001, "0.0001"}, {123456, "123456"},
	} {
		if got := formatTick(c.v); got != c.want {
			t.Errorf("formatTick(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestRoundTicks: 1, 2, 2.5 or 5 × 10ⁿ steps, 0 labelled inside the range,
// 4 to 7 labels, the same decimals on every label.
func TestRoundTicks(t *testing.T) {
	for _, c := range []struct {
		min, max float64
		integer  bool
		want     []string
	}{
		{-1, 7, false, []string{"0", "2", "4", "6"}},            // was 0, 3, 6
		{0, 17.6, false, []string{"0", "5", "10", "15"}},        // was 3, 9, 15
		{-2.2, 2.2, false, []string{"−2", "−1", "0", "1", "2"}}, // sign and zero
		{-10, 9.2, false, []string{"−10", "−5", "0", "5"}},      // the slide's grid
		{0, 1, false, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},
		{-4, 13, false, []string{"−2.5", "0.0", "2.5", "5.0", "7.5", "10.0", "12.5"}},
		{0, 10000, false, []string{"0", "2000", "4000", "6000", "8000", "10000"}},
		{1.0001, 1.0009, false, []string{"1.0002", "1.0004", "1.0006", "1.0008"}},
		{0, 5, true, []string{"0", "1", "2", "3", "4", "5"}}, // epochs: no "2.5"
		{-0.2, 3.4, true, []string{"0", "1", "2", "3"}},
		{0, 10, true, []string{"0", "2", "4", "6", "8", "10"}},
		{0, 60, true, []string{"0", "20", "40", "60"}},
		{0, 500, true, []string{"0", "100", "200", "300", "400", "500"}},
	} {
		var got []string
		var vs []float64
		for _, tk := range (RoundTicks{Integer: c.integer}).Ticks(c.min, c.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
				vs = append(vs, tk.Value)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("RoundTicks{%v}.Ticks(%g, %g) labels %q, want %q", c.integer, c.min, c.max, got, c.want)
		}
		if err := roundMultiples(vs); err != nil {
			t.Errorf("RoundTicks(%g, %g): %v", c.min, c.max, err)
		}
	}
}

// TestRoundTicksCount sweeps ranges over several decades: every range gets
// 4 to 7 labels at round multiples, 0 among them when inside.
func TestRoundTicksCount(t *testing.T) {
	for lo := -37.0; lo < 40; lo += 3.7 {
		for span := 0.013; span < 5000; span *= 1.37 {
			hi := lo + span
			var vs []float64
			for _, tk := range (RoundTicks{}).Ticks(lo, hi) {
				if tk.Label != "" {
					vs = append(vs, tk.Value)
				}
			}
			if n := len(vs); n < 4 || n > 7 {
				t.Errorf("[%g, %g]: %d labels %v, want 4 to 7", lo, hi, n, vs)
			}
			if err := roundMultiples(vs); err != nil {
				t.Errorf("[%g, %g]: %v", lo, hi, err)
			}
			zero := false
			for _, v := range vs {
				zero = zero || v == 0
			}
			if lo <= 0 && hi >= 0 && !zero {
				t.Errorf("[%g, %g]: 0 not labelled in %v", lo, hi, vs)
			}
		}
	}
}

func TestRoundTicksDegenerate(t *testing.T) {
	for _, r := range [][2]float64{{1, 1}, {1, 1 + 1e-15}, {math.Inf(-1), 1}, {math.NaN(), 1}, {2, 1}} {
		ts := (RoundTicks{}).Ticks(r[0], r[1])
		if len(ts) > 2 {
			t.Errorf("Ticks(%v, %v) = %v, want the ends at most", r[0], r[1], ts)
		}
	}
}

func TestRoundMultiples(t *testing.T) {
	for _, c := range []struct {
		vs []float64
		ok bool
	}{
		{[]float64{3, 9, 15}, false},         // gonum's DefaultTicks
		{[]float64{-8, 0, 8}, false},         // step 8
		{[]float64{0, 2.5, 5}, true},         // 2.5
		{[]float64{0.25, 0.5, 0.75}, true},   // 0.25
		{[]float64{1, 3, 5}, false},          // step 2 but odd values
		{[]float64{0, 5, 15}, false},         // a gap
		{[]float64{7}, true},                 // one label
		{[]float64{-20, 0, 20, 40}, true},    // 20
		{[]float64{1e-3, 2e-3, 3e-3}, true},  // small
		{[]float64{0, 50, 100, 150}, true},   // 50
		{[]float64{0, 0.3, 0.6, 0.9}, false}, // 0.3
	} {
		if err := roundMultiples(c.vs); (err == nil) != c.ok {
			t.Errorf("roundMultiples(%v) = %v, want ok = %v", c.vs, err, c.ok)
		}
	}
}

func TestLossCurveIntegerIterationTicks(t *testing.T) {
	p, err := LossCurve(false, Series{Label: "a", Y: []float64{5, 4, 3, 2, 1.5, 1.2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range p.X.Tick.Marker.Ticks(0, 5) {
		if tk.Label == "2.5" {
			t.Errorf("iteration axis labelled %q", tk.Label)
		}
	}
}

// TestLogMultiples checks the lint's rule for the labels of a log axis.
func TestLogMultiples(t *testing.T) {
	for _, c := range []struct {
		vs []float64
		ok bool
	}{
		{[]float64{0.1, 0.2, 0.5, 1, 2, 5}, true},
		{[]float64{1e-10, 1e-5, 1, 1e5}, true},
		{[]float64{0.5, 0.6, 0.7, 0.8, 0.9, 1}, true},
		{[]float64{0.1, 0.25, 1}, false},    // 2.5 is not a whole m
		{[]float64{1e-3, 1e-1, 1e0}, false}, // exponents −3, −1, 0: no one step
		{[]float64{-1, 1}, false},
	} {
		if err := logMultiples(c.vs); (err == nil) != c.ok {
			t.Errorf("logMultiples(%v) = %v, want ok = %v", c.vs, err, c.ok)
		}
	}
}
