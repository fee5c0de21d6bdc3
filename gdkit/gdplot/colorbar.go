package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bandMap is a palette.ColorMap giving the n bands of ContourPalette(n)
// over [min, max]: band k = ⌊n(v − min)/(max − min)⌋ (clamped).
type bandMap struct {
	cols     []color.Color
	min, max float64
}

func (m *bandMap) At(v float64) (color.Color, error) {
	if math.IsNaN(v) {
		return nil, palette.ErrNaN
	}
	k := int(float64(len(m.cols)) * (v - m.min) / (m.max - m.min))
	k = max(0, min(k, len(m.cols)-1))
	return m.cols[k], nil
}
func (m *bandMap) Max() float64                { return m.max }
func (m *bandMap) SetMax(v float64)            { m.max = v }
func (m *bandMap) Min() float64                { return m.min }
func (m *bandMap) SetMin(v float64)            { m.min = v }
func (m *bandMap) Alpha() float64              { return 1 }
func (m *bandMap) SetAlpha(float64)            {}
func (m *bandMap) Palette(int) palette.Palette { return fixedPalette(m.cols) }

// ColorBar returns a narrow plot showing the n colour bands of HeatMap /
// AddFilledContour from lo to hi, with the value axis on the right,
// titled label (e.g. "$E$"). Attach it to a single-plot figure with
// Figure.Side.
func ColorBar(lo, hi float64, n int, label string) (*plot.Plot, error) {
	if n < 2 || !finite(lo, hi) || !(lo < hi) {
		return nil, fmt.Errorf("gdplot: bad colour bar: %d bands over [%v, %v]", n, lo, hi)
	}
	p := New(label, "", "")
	p.Title.TextStyle.Font.Size = DefaultTheme.LabelSize
	cb := &plotter.ColorBar{ColorMap: &bandMap{cols: ContourPalette(n).Colors(), min: lo, max: hi}, Vertical: true, Colors: 8 * n}
	p.Add(cb)
	p.HideX()
	p.Y.Min, p.Y.Max = lo, hi
	return p, nil
}

// HeatMapFigure returns HeatMap(g, n) with its ColorBar at the side.
func HeatMapFigure(g plotter.GridXYZ, n int) (*Figure, error) {
	p, err := HeatMap(g, n)
	if err != nil {
		return nil, err
	}
	lo, hi, _ := gridRange(g)
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	cb, err := ColorBar(lo, hi, n, "$E$")
	if err != nil {
		return nil, err
	}
	f := Single(p)
	f.Side = cb
	return f, nil
}

// drawWithSide draws a single main plot with f.Side in a strip at the
// right, the strip's data area aligned vertically with the main one.
func (f *Figure) drawWithSide(main *plot.Plot, c draw.Canvas) {
	w := f.SideWidth
	if w <= 0 {
		w = 1.1 * vg.Inch
	}
	mainC := c
	mainC.Max.X -= w
	mainC = aspectCanvas(main, mainC)
	sideC := c
	sideC.Min.X = mainC.Max.X + vg.Points(10)
	sideC.Max.X = sideC.Min.X + w - vg.Points(10)
	drawPlot(main, mainC)
	dataC := main.DataCanvas(mainC)
	sideData := f.Side.DataCanvas(sideC)
	sideC.Min.Y += dataC.Min.Y - sideData.Min.Y
	sideC.Max.Y += dataC.Max.Y - sideData.Max.Y
	// Keep the bar narrow: width of the bar ≈ 0.25 in, ticks on the right.
	f.Side.Draw(sideC)
}
