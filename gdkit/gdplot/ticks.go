package gdplot

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// themeTicks is the theme's tick marker: gonum's plot.DefaultTicks positions,
// labelled with the fewest digits that write each value exactly ("7.5",
// "250", "-0.25"), instead of a common number of decimals ("7.50",
// "250.00"). Values beyond 10⁶ or under 10⁻⁴ in magnitude use e-notation.
type themeTicks struct{}

// Ticks implements plot.Ticker.
func (themeTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = formatTick(ts[i].Value)
		}
	}
	return ts
}

// formatTick writes v with the fewest digits that represent it once
// rounded to 12 significant digits (which removes float noise such as
// 0.30000000000000004), in e-notation outside 10⁻⁴ ≤ |v| < 10⁶.
func formatTick(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		if v == 0 {
			return "0"
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if a := math.Abs(r); a >= 1e6 || a < 1e-4 {
		return strconv.FormatFloat(r, 'g', -1, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// intTicks marks an axis of whole numbers, such as iterations or epochs:
// over a span of at most 10 every integer k, min ≤ k ≤ max, is labelled;
// otherwise the theme's Ticks, with the labels of non-integer values
// (an epoch 2.5) removed, so those ticks stay as minor ones.
type intTicks struct{}

// Ticks implements plot.Ticker.
func (intTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Ceil(min), math.Floor(max)
	if hi-lo >= 1 && hi-lo <= 10 {
		var ts []plot.Tick
		for v := lo; v <= hi; v++ {
			ts = append(ts, plot.Tick{Value: v, Label: formatTick(v)})
		}
		return ts
	}
	ts := themeTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" && ts[i].Value != math.Trunc(ts[i].Value) {
			ts[i].Label = ""
		}
	}
	return ts
}

// exponentTicks marks the integers k of an axis holding log10 values,
// labelled 10^k (set the tick label handler to MathText). Up to 6 decades
// every k is labelled; over a wider range only the multiples of a round
// step (2, 5, 10, 20, 50, 100, ...) are, with unlabelled minor ticks (every
// k up to 40 decades, else every step/5), so an axis from 10⁰ to 10³⁰⁸ (a
// diverging run) stays readable.
type exponentTicks struct{}

// Ticks implements plot.Ticker.
func (exponentTicks) Ticks(vmin, vmax float64) []plot.Tick {
	if !(vmax >= vmin) || math.IsInf(vmin, 0) || math.IsInf(vmax, 0) {
		return nil
	}
	lo, hi := int(math.Ceil(vmin)), int(math.Floor(vmax))
	step := 1
	for i := 0; (hi-lo)/step > 6; i++ {
		step = []int{1, 2, 5}[(i+1)%3] * int(math.Pow10((i+1)/3))
	}
	minor := 1
	if hi-lo > 40 {
		minor = max(step/5, 1)
	}
	var ts []plot.Tick
	for k := lo; k <= hi; k++ {
		if k%minor != 0 {
			continue
		}
		t := plot.Tick{Value: float64(k)}
		if k%step == 0 {
			t.Label = superscript(k)
		}
		ts = append(ts, t)
	}
	return ts
}

// superscript returns "$10^{k}$" (typeset by MathText).
func superscript(k int) string {
	return fmt.Sprintf("$10^{%d}$", k)
}

// fmtNum formats a number compactly for labels (4 significant digits;
// −0 prints as 0).
func fmtNum(x float64) string {
	if x == 0 {
		x = 0 // drop the sign of −0
	}
	return fmt.Sprintf("%.4g", x)
}

// fmtPow10 writes an exact power of ten as $10^{k}$, other numbers as fmtNum.
func fmtPow10(x float64) string {
	if x > 0 {
		k := math.Round(math.Log10(x))
		if math.Abs(x/math.Pow(10, k)-1) < 1e-9 {
			return fmt.Sprintf("$10^{%d}$", int(k))
		}
	}
	return fmtNum(x)
}
