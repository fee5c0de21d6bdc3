package gdplot

import (
	"math"
	"testing"
)

// Consecutive palette colours must differ in grey level Y = 0.299R + 0.587G
// + 0.114B by at least 0.1, and dash patterns must differ, so series stay
// distinguishable on a greyscale print.
func TestPaletteGreyscale(t *testing.T) {
	th := SlideTheme()
	grey := func(i int) float64 {
		r, g, b, _ := th.Color(i).RGBA()
		return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
	}
	for i := 0; i+1 < len(th.Palette); i++ {
		if d := math.Abs(grey(i) - grey(i+1)); d < 0.1 {
			t.Errorf("colours %d and %d differ by %.3f in grey level", i, i+1, d)
		}
		if len(th.Line(i).Dashes) == len(th.Line(i+1).Dashes) && i != 0 {
			same := true
			for k := range th.Line(i).Dashes {
				same = same && th.Line(i).Dashes[k] == th.Line(i + 1).Dashes[k]
			}
			if same {
				t.Errorf("series %d and %d share a dash pattern", i, i+1)
			}
		}
	}
}
