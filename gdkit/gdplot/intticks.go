package gdplot

import (
	"math"

	"gonum.org/v1/plot"
)

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
			ts = append(ts, plot.Tick{Value: v, Label: FormatTick(v)})
		}
		return ts
	}
	ts := Ticks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" && ts[i].Value != math.Trunc(ts[i].Value) {
			ts[i].Label = ""
		}
	}
	return ts
}
