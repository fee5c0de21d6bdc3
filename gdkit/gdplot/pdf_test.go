package gdplot

import (
	"bytes"
	"math"
	"testing"

	"gonum.org/v1/plot"
)

// Italic math in legends of aligned panels reaches MathText through deeply
// nested draw.Canvas values; vgpdf must still get the upright-named italic.
func TestPDFItalicInPanels(t *testing.T) {
	var ps []*plot.Plot
	for i := 0; i < 3; i++ {
		p, err := Tangent(math.Sin, -3, 3, float64(i)-1, math.Cos(float64(i)-1))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	b := render(t, Panels(ps...), PDF)
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Error("not a PDF")
	}
}
