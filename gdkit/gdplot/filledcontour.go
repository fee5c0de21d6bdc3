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

// HeatMap returns a filled contour map of g (matplotlib's contourf): g is
// bilinearly interpolated on a grid refined up to ×8 in each direction and
// coloured in n bands of equal width between min and max of g with
// ContourPalette (dark = low), with thin contour lines at the band edges.
func HeatMap(g plotter.GridXYZ, n int) (*plot.Plot, error) {
	p := New("Mapa de $E(w_1, w_2)$", "$w_1$", "$w_2$")
	if err := AddFilledContour(p, g, n); err != nil {
		return nil, err
	}
	fitGrid(p, g)
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

// AddFilledContour adds to p the filled bands of HeatMap (without axes
// setup), e.g. under a trajectory.
func AddFilledContour(p *plot.Plot, g plotter.GridXYZ, n int) error {
	lo, hi, err := gridRange(g)
	if err != nil {
		return err
	}
	if n < 2 {
		return fmt.Errorf("gdplot: a filled contour needs n ≥ 2 colour bands, got %d", n)
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	// Refine to about 400 cells a side (at most ×8), enough for smooth
	// band edges at slide sizes.
	c, r := g.Dims()
	k := min(8, max(1, int(math.Ceil(400/float64(max(c, r)-1)))))
	h := plotter.NewHeatMap(Refine(g, k), ContourPalette(n))
	h.Min, h.Max = lo, hi
	h.Rasterized = true // no seams between cells
	p.Add(h)
	edges := make([]float64, 0, n-1)
	for i := 1; i < n; i++ {
		edges = append(edges, lo+(hi-lo)*float64(i)/float64(n))
	}
	cl := plotter.NewContour(g, cleanLevels(g, edges), fixedPalette{color.Gray{Y: 0x50}})
	cl.LineStyles = []draw.LineStyle{{Width: vg.Points(0.35)}}
	p.Add(cl)
	return nil
}

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

func (m *bandMap) Max() float64 { return m.max }

func (m *bandMap) SetMax(v float64) { m.max = v }

func (m *bandMap) Min() float64 { return m.min }

func (m *bandMap) SetMin(v float64) { m.min = v }

func (m *bandMap) Alpha() float64 { return 1 }

func (m *bandMap) SetAlpha(float64) {}

func (m *bandMap) Palette(int) palette.Palette { return fixedPalette(m.cols) }
