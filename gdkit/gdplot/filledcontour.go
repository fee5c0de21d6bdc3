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

	"gdkit.dev/gdkit"
)

// FilledContour returns a filled contour map of g (matplotlib's contourf),
// titled "Mapa de E(w1, w2)": g is bilinearly interpolated on a grid
// refined up to ×8 in each direction and coloured in n ≥ 2 bands of equal
// width between the smallest and largest value of g, dark = low, with thin
// contour lines at the band edges. Add a ColorBar at its side with
// Figure.Side. Errors as AddFilledContour.
func FilledContour(g plotter.GridXYZ, n int) (*plot.Plot, error) {
	p := New("Mapa de $E(w_1, w_2)$", "$w_1$", "$w_2$")
	if err := AddFilledContour(p, g, n); err != nil {
		return nil, err
	}
	fitGrid(p, g)
	return p, nil
}

// AddFilledContour adds to p the filled bands of FilledContour (without
// setting the axes), e.g. under a descent path. g must be at least 2×2 with
// finite, increasing coordinates. Cells with a NaN or ±Inf corner are left
// blank, the bands span the finite values only, and a note on p says how
// many cells were masked. Errors wrap gdkit.ErrEmpty, gdkit.ErrNotFinite
// (no finite value, or a range that overflows), or are bad parameters
// (n < 2).
func AddFilledContour(p *plot.Plot, g plotter.GridXYZ, n int) error {
	m, err := readMasked(g)
	if err != nil {
		return err
	}
	lo, hi := m.lo, m.hi
	if math.IsInf(hi-lo, 0) {
		return fmt.Errorf("gdplot: filled contour range [%g, %g] overflows: %w", lo, hi, gdkit.ErrNotFinite)
	}
	if n < 2 {
		return fmt.Errorf("gdplot: a filled contour needs n ≥ 2 colour bands, got %d: %w", n, errBadParam)
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	// Refine to about 400 cells a side (at most ×8), enough for smooth
	// band edges at slide sizes.
	c, r := g.Dims()
	k := min(8, max(1, int(math.Ceil(400/float64(max(c, r)-1)))))
	h := plotter.NewHeatMap(refine(m, k), contourPalette(n)) // NaN in masked cells: blank
	h.Min, h.Max = lo, hi
	h.Rasterized = true // no seams between cells
	p.Add(bands{h})
	edges := make([]float64, 0, n-1)
	for i := 1; i < n; i++ {
		edges = append(edges, lo+(hi-lo)*float64(i)/float64(n))
	}
	p.Add(m.contour(cleanLevels(g, edges), fixedPalette{color.Gray{Y: 0x50}}, draw.LineStyle{Width: vg.Points(0.35)}, lo, hi))
	if n := m.note(); n != nil {
		p.Add(n)
	}
	return nil
}

// bands draws a heat map without its glyph boxes: plotter.HeatMap gives
// gonum one box per cell (160 000 for a refined 400×400 map) to pad the
// axes for, which cells inside the data range never need, and every
// DataCanvas call walked them all.
type bands struct{ h *plotter.HeatMap }

// Plot implements plot.Plotter.
func (b bands) Plot(c draw.Canvas, p *plot.Plot) { b.h.Plot(c, p) }

// DataRange implements plot.DataRanger.
func (b bands) DataRange() (xmin, xmax, ymin, ymax float64) { return b.h.DataRange() }

// ColorBar returns a narrow plot showing the n colour bands of
// FilledContour and AddFilledContour from lo to hi (the grid's smallest and
// largest value, e.g. from gdkit.Grid.MinMax), with the value axis on the
// right, titled label (e.g. "$E$"). Attach it to a single-plot figure with
// Figure.Side.
func ColorBar(lo, hi float64, n int, label string) (*plot.Plot, error) {
	if err := checkInterval(lo, hi); err != nil {
		return nil, fmt.Errorf("gdplot: colour bar: %w", err)
	}
	if n < 2 {
		return nil, fmt.Errorf("gdplot: a colour bar needs n ≥ 2 bands, got %d: %w", n, errBadParam)
	}
	p := New(label, "", "")
	p.Title.TextStyle.Font.Size = DefaultTheme.LabelSize
	cb := &plotter.ColorBar{ColorMap: &bandMap{cols: contourPalette(n).Colors(), min: lo, max: hi}, Vertical: true, Colors: 8 * n}
	p.Add(cb)
	p.HideX()
	p.Y.Min, p.Y.Max = lo, hi
	return p, nil
}

// bandMap is a palette.ColorMap giving the n bands of contourPalette(n)
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
