package gdplot

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Levels returns n distinct contour levels strictly inside (lo, hi):
// lo + (i + ½)(hi − lo)/n, i = 0..n−1. With sqrt, the levels are spaced
// evenly in √(z − lo) instead (lo + (hi−lo)((i+½)/n)²), which spreads the
// rings of a quadratic bowl evenly. Never use plotter.Contour's default
// quantile levels: they can hang on smooth grids.
func Levels(lo, hi float64, n int, sqrt bool) ([]float64, error) {
	if err := checkInterval(lo, hi); err != nil {
		return nil, fmt.Errorf("gdplot: levels: %w", err)
	}
	if n <= 0 {
		return nil, fmt.Errorf("gdplot: cannot make %d levels: %w", n, errBadParam)
	}
	ls := make([]float64, n)
	for i := range ls {
		t := (float64(i) + 0.5) / float64(n)
		if sqrt {
			t *= t
		}
		ls[i] = lo + t*(hi-lo)
	}
	return ls, nil
}

// finiteSorted returns the finite values of levels, sorted, without
// repeats, in a new slice.
func finiteSorted(levels []float64) []float64 {
	ls := make([]float64, 0, len(levels))
	for _, l := range levels {
		if !math.IsNaN(l) && !math.IsInf(l, 0) {
			ls = append(ls, l)
		}
	}
	sort.Float64s(ls)
	out := ls[:0]
	for i, l := range ls {
		if i == 0 || l != ls[i-1] {
			out = append(out, l)
		}
	}
	return out
}

// cleanLevels sorts, deduplicates and drops non-finite levels, and nudges a
// level that equals a grid value exactly (a case that makes gonum's contour
// tracing slow) by a relative 1e-9.
func cleanLevels(g plotter.GridXYZ, levels []float64) []float64 {
	out := finiteSorted(levels)
	vals := map[float64]bool{}
	c, r := g.Dims()
	for i := 0; i < c; i++ {
		for j := 0; j < r; j++ {
			vals[g.Z(i, j)] = true
		}
	}
	for i, l := range out {
		if vals[l] {
			out[i] = l + 1e-9*math.Max(math.Abs(l), 1e-12)
		}
	}
	return out
}

// unnudge undoes, for a label, cleanLevels' nudge of a level 0 that is a
// grid value (to 1e-21): a level within 1e-12 of the largest |level| of
// 0 is written as 0.
func unnudge(l float64, levels []float64) float64 {
	var m float64
	for _, v := range levels {
		m = math.Max(m, math.Abs(v))
	}
	if math.Abs(l) <= 1e-12*m {
		return 0
	}
	return l
}

// round2 rounds x to 2 significant digits (labels read better).
func round2(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	e := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-1)
	return math.Round(x/e) * e
}

// contourPalette returns a luminance-monotone palette (Moreland's
// Kindlmann map, trimmed of its near-black and near-white ends) so that
// levels stay ordered on a greyscale print.
func contourPalette(n int) palette.Palette {
	cm := moreland.Kindlmann()
	cm.SetMin(0)
	cm.SetMax(1)
	cols := make([]color.Color, n)
	for i := range cols {
		t := 0.12 + 0.68*float64(i)/math.Max(1, float64(n-1))
		c, err := cm.At(t)
		if err != nil {
			c = color.Black
		}
		cols[i] = c
	}
	return fixedPalette(cols)
}

type fixedPalette []color.Color

func (p fixedPalette) Colors() []color.Color { return p }

// AddContourLines adds to p the contour lines of g at the given levels
// (nil: 10 levels from Levels(min, max, 10, true) rounded to 2 significant
// digits; non-finite and repeated levels are dropped), coloured low→high
// from dark to light so that they stay ordered on a greyscale print, and
// returns the levels used. g must be at least 2×2 with finite, increasing
// coordinates. Cells with a NaN or ±Inf corner are masked (no line enters
// them; see the package's masking rule) and a note on p says how many;
// the nil levels come from the finite values. Errors wrap gdkit.ErrEmpty
// (no grid, no level), gdkit.ErrNotFinite (no finite value, or only
// non-finite levels), or are bad parameters (a flat grid with nil levels).
func AddContourLines(p *plot.Plot, g plotter.GridXYZ, levels []float64) ([]float64, error) {
	m, err := readMasked(g)
	if err != nil {
		return nil, err
	}
	lo, hi := m.lo, m.hi
	if levels == nil {
		if lo == hi {
			return nil, fmt.Errorf("gdplot: flat grid (all values %v): no contour lines: %w", lo, errBadParam)
		}
		levels, _ = Levels(lo, hi, 10, true)
		for i, l := range levels {
			levels[i] = round2(l)
		}
	}
	if len(levels) == 0 {
		return nil, fmt.Errorf("gdplot: no contour level: %w", gdkit.ErrEmpty)
	}
	levels = cleanLevels(g, levels)
	if len(levels) == 0 {
		return nil, fmt.Errorf("gdplot: no finite contour level: %w", gdkit.ErrNotFinite)
	}
	p.Add(m.contour(levels, contourPalette(len(levels)), draw.LineStyle{Width: DefaultTheme.GuideWidth}, levels[0], levels[len(levels)-1]))
	if n := m.note(); n != nil {
		p.Add(n)
	}
	return levels, nil
}

// Contour returns a contour plot of g over w1, w2 (see AddContourLines). With
// labels, each level's value is written on its line (as matplotlib's
// clabel), on a white patch, where the line crosses the upper-right part
// of the map.
func Contour(g plotter.GridXYZ, levels []float64, labels bool) (*plot.Plot, error) {
	p := New("Curvas de nivel de $E(w_1, w_2)$", "$w_1$", "$w_2$")
	ls, err := AddContourLines(p, g, levels)
	if err != nil {
		return nil, err
	}
	fitGrid(p, g)
	if labels {
		p.Add(levelLabels(maskNodes(g), ls))
	}
	return p, nil
}

// levelLabels returns a plotter writing each level's value on the contour
// line of g at that level, on a white patch: at the first free one (no
// other text or marker under it) of the crossings of grid edges with the
// line, tried from the upper-right corner of the map inwards (by
// x̂ + 0.9ŷ, x and y scaled to [0, 1]), away from the borders. Levels
// without a crossing, or without a free one, get no label.
func levelLabels(g plotter.GridXYZ, levels []float64) *valueLabels {
	c, r := g.Dims()
	x0, x1, y0, y1 := g.X(0), g.X(c-1), g.Y(0), g.Y(r-1)
	vl := &valueLabels{}
	for _, l := range levels {
		type cross struct {
			at    plotter.XY
			score float64
		}
		var cs []cross
		consider := func(xa, ya, za, xb, yb, zb float64) {
			if (za-l)*(zb-l) > 0 || za == zb {
				return
			}
			t := (l - za) / (zb - za)
			x, y := xa+t*(xb-xa), ya+t*(yb-ya)
			if !finite(x, y) {
				return // a masked (non-finite) node
			}
			// Stay off the borders so the label is not clipped.
			sx, sy := (x-x0)/(x1-x0), (y-y0)/(y1-y0)
			if sx < 0.05 || sx > 0.92 || sy < 0.05 || sy > 0.92 {
				return
			}
			cs = append(cs, cross{plotter.XY{X: x, Y: y}, sx + 0.9*sy})
		}
		for i := 0; i < c; i++ {
			for j := 0; j < r; j++ {
				if i+1 < c {
					consider(g.X(i), g.Y(j), g.Z(i, j), g.X(i+1), g.Y(j), g.Z(i+1, j))
				}
				if j+1 < r {
					consider(g.X(i), g.Y(j), g.Z(i, j), g.X(i), g.Y(j+1), g.Z(i, j+1))
				}
			}
		}
		if len(cs) == 0 {
			continue
		}
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].score > cs[b].score })
		at := make(plotter.XYs, 0, 24)
		for k := 0; k < len(cs) && len(at) < 24; k += max(1, len(cs)/24) {
			at = append(at, cs[k].at)
		}
		vl.texts = append(vl.texts, fmtNum(unnudge(l, levels)))
		vl.at = append(vl.at, at)
	}
	return vl
}

// valueLabels is a plot.Plotter writing texts[k] centred on the first free
// point of at[k] (see layout.placeAt).
type valueLabels struct {
	texts []string
	at    []plotter.XYs
}

// Plot implements plot.Plotter.
func (v *valueLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([][]vg.Point, len(v.at))
	for k, xys := range v.at {
		for _, xy := range xys {
			pts[k] = append(pts[k], vg.Point{X: trX(xy.X), Y: trY(xy.Y)})
		}
	}
	sty := draw.TextStyle{Color: color.Black, Font: font.From(DefaultTheme.Font, DefaultTheme.TickSize*0.85),
		Handler: plainHandler()}
	deferLabel(p, c, orderLine, func(l *layout, c draw.Canvas) {
		for k, s := range v.texts {
			l.placeAt(c, s, sty, pts[k], c.Rectangle)
		}
	})
}
