package gdplot

import "testing"

func TestFormatTick(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {7.5, "7.5"}, {250, "250"}, {-2.5, "-2.5"}, {0.1 + 0.2, "0.3"},
		{1e6, "1e+06"}, {2.5e-5, "2.5e-05"}, {0.0001, "0.0001"}, {123456, "123456"},
	} {
		if got := FormatTick(c.v); got != c.want {
			t.Errorf("FormatTick(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestTicksRelabel(t *testing.T) {
	ts := Ticks{}.Ticks(-2.5, 7.5)
	n := 0
	for _, tk := range ts {
		if tk.Label == "" {
			continue
		}
		n++
		if want := FormatTick(tk.Value); tk.Label != want {
			t.Errorf("tick %v labelled %q, want %q", tk.Value, tk.Label, want)
		}
	}
	if n < 2 {
		t.Errorf("only %d labelled ticks on [-2.5, 7.5]", n)
	}
}
