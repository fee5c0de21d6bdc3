package gdplot

import (
	"errors"
	"math"
	"testing"

	"gdkit.dev/gdkit"
)

func cubic(x float64) float64  { return x*x*x - 3*x }
func dcubic(x float64) float64 { return 3*x*x - 3 }

func init() {
	goldenCases = append(goldenCases,
		struct {
			name  string
			build func(t *testing.T) *Figure
		}{"curves", func(t *testing.T) *Figure {
			p, err := Curves(-2.5, 2.5, Curve{"$f(x)$", cubic}, Curve{"$f'(x)$", dcubic})
			return must(t, p, err)
		}},
		struct {
			name  string
			build func(t *testing.T) *Figure
		}{"trend", func(t *testing.T) *Figure {
			p, err := DerivativeSign(cubic, dcubic, -2.5, 2.5, []float64{-2, -1, 0, 1, 2})
			return must(t, p, err)
		}},
		struct {
			name  string
			build func(t *testing.T) *Figure
		}{"steperror", func(t *testing.T) *Figure {
			// Model errors: truncation h (forward), h² (central) plus round-off 1e-16/h.
			var hs, fw, ce []float64
			for k := 1; k <= 12; k++ {
				h := math.Pow(10, -float64(k))
				hs = append(hs, h)
				fw = append(fw, h+1e-16/h)
				ce = append(ce, h*h+1e-16/h)
			}
			p, err := StepError(hs, Series{"hacia adelante", fw}, Series{"central", ce})
			return must(t, p, err)
		}},
	)
}

func TestCalculusBadInput(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		run  func() error
	}{
		{"curves none", func() error { _, err := Curves(0, 1); return err }},
		{"curves bad interval", func() error { _, err := Curves(1, 0, Curve{"f", cubic}); return err }},
		{"curves nil func", func() error { _, err := Curves(0, 1, Curve{"f", nil}); return err }},
		{"curves all NaN", func() error {
			_, err := Curves(0, 1, Curve{"f", func(float64) float64 { return nan }})
			return err
		}},
		{"trend nil df", func() error { _, err := DerivativeSign(cubic, nil, 0, 1, nil); return err }},
		{"trend NaN interval", func() error { _, err := DerivativeSign(cubic, dcubic, nan, 1, nil); return err }},
		{"steperror empty", func() error { _, err := StepError(nil, Series{"a", nil}); return err }},
		{"steperror ragged", func() error { _, err := StepError([]float64{1, 2}, Series{"a", []float64{1}}); return err }},
		{"steperror all zero", func() error { _, err := StepError([]float64{1}, Series{"a", []float64{0}}); return err }},
	}
	for _, c := range cases {
		if err := c.run(); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	if _, err := StepError(nil); !errors.Is(err, gdkit.ErrEmpty) {
		t.Errorf("StepError(nil) = %v, want gdkit.ErrEmpty", err)
	}
}

// segments splits a curve at NaN values: 1/x sampled with NaN at 0 gives
// two pieces, and |x|'s derivative (NaN at the kink) too.
func TestSegmentsSplitAtNaN(t *testing.T) {
	df := func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return math.NaN()
	}
	segs := segments(df, -1, 1, 10) // x = 0 is the 6th sample
	if len(segs) != 2 || len(segs[0]) != 5 || len(segs[1]) != 5 {
		t.Fatalf("segments: got %d pieces %v", len(segs), segs)
	}
	for _, q := range segs[0] {
		if q.Y != -1 {
			t.Errorf("left piece has %v", q)
		}
	}
}

func TestExponentTicks(t *testing.T) {
	ts := exponentTicks{}.Ticks(-12.5, 1.2)
	if len(ts) != 14 || ts[0].Value != -12 || ts[len(ts)-1].Value != 1 {
		t.Fatalf("ticks on [-12.5, 1.2]: %v", ts)
	}
	labelled := 0
	for _, tk := range ts {
		if tk.Label != "" {
			labelled++
			if tk.Label != superscript(int(tk.Value)) {
				t.Errorf("tick %v labelled %q", tk.Value, tk.Label)
			}
		}
	}
	if labelled < 4 || labelled > 9 {
		t.Errorf("%d labelled ticks, want 4…9", labelled)
	}
	if got := fmtPow10(1e-5); got != "$10^{-5}$" {
		t.Errorf("fmtPow10(1e-5) = %q", got)
	}
	if got := fmtPow10(0.5); got != "0.5" {
		t.Errorf("fmtPow10(0.5) = %q", got)
	}
}
