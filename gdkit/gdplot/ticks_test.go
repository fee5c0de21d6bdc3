package gdplot

import (
	"reflect"
	"testing"
)

func TestFormatTick(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {7.5, "7.5"}, {250, "250"}, {-2.5, "-2.5"}, {0.1 + 0.2, "0.3"},
		{1e6, "1e+06"}, {2.5e-5, "2.5e-05"}, {0.0001, "0.0001"}, {123456, "123456"},
	} {
		if got := formatTick(c.v); got != c.want {
			t.Errorf("FormatTick(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestTicksRelabel(t *testing.T) {
	ts := themeTicks{}.Ticks(-2.5, 7.5)
	n := 0
	for _, tk := range ts {
		if tk.Label == "" {
			continue
		}
		n++
		if want := formatTick(tk.Value); tk.Label != want {
			t.Errorf("tick %v labelled %q, want %q", tk.Value, tk.Label, want)
		}
	}
	if n < 2 {
		t.Errorf("only %d labelled ticks on [-2.5, 7.5]", n)
	}
}

func TestIntTicks(t *testing.T) {
	for _, c := range []struct {
		min, max float64
		want     []string // the labelled ticks, in order
	}{
		{0, 5, []string{"0", "1", "2", "3", "4", "5"}}, // epochs: no "2.5"
		{-0.2, 3.4, []string{"0", "1", "2", "3"}},      // padded range: integers inside only
		{0, 10, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}},
		{0, 500, []string{"0", "250", "500"}}, // wide: the theme's ticks
		{0, 25, []string{"0", "10", "20"}},    // wide, integer majors kept
		{0, 0.5, nil},                         // no integer step inside: no half labels
	} {
		var got []string
		for _, tk := range (intTicks{}).Ticks(c.min, c.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if c.want == nil {
			for _, l := range got {
				if l != "0" {
					t.Errorf("intTicks(%g, %g) labels %q, want only integers", c.min, c.max, got)
				}
			}
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("intTicks(%g, %g) labels %q, want %q", c.min, c.max, got, c.want)
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
