package gdplot

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// Ticks is the theme's tick marker: gonum's plot.DefaultTicks positions,
// labelled with the fewest digits that write each value exactly ("7.5",
// "250", "-0.25"), instead of a common number of decimals ("7.50",
// "250.00"). Values beyond 10⁶ or under 10⁻⁴ in magnitude use e-notation.
type Ticks struct{}

// Ticks implements plot.Ticker.
func (Ticks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = FormatTick(ts[i].Value)
		}
	}
	return ts
}

// FormatTick writes v with the fewest digits that represent it once
// rounded to 12 significant digits (which removes float noise such as
// 0.30000000000000004), in e-notation outside 10⁻⁴ ≤ |v| < 10⁶.
func FormatTick(v float64) string {
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
