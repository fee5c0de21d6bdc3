package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"gdkit.dev/gdkit"
)

// basinPalette is a palette.Palette of fixed colours.
type basinPalette []color.Color

func (c basinPalette) Colors() []color.Color { return c }

// lighten mixes c with white: f = 0 keeps c, f = 1 gives white.
func lighten(c color.Color, f float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8) + f*(255-float64(v>>8))) }
	return color.RGBA{mix(r), mix(g), mix(b), 255}
}

// Basins draws a map of basins of attraction (gdkit's Mesh.Basins): each
// cell of basins holds the number k = 1…len(minima) of the minimum that
// descent from there reaches, or 0 for none, and is painted in a light
// version of the theme's colour k−1 (the colour of run k in MultiStart),
// white for 0. The contour lines of E at levels go on top, and each
// minimum is marked with its number, on equal axes.
func Basins(basins, E gdkit.Grid, levels []float64, minima [][2]float64) (*plot.Plot, error) {
	if len(basins.Values) == 0 || len(minima) == 0 {
		return nil, fmt.Errorf("gdplot: Basins needs a basin grid and minima: %w", gdkit.ErrEmpty)
	}
	k := len(minima)
	for _, v := range basins.Values {
		if v != math.Trunc(v) || v < 0 || v > float64(k) {
			return nil, fmt.Errorf("gdplot: Basins: value %v is not a minimum number 0…%d: %w", v, k, gdkit.ErrBadParam)
		}
	}
	th := DefaultTheme
	pal := basinPalette{color.White}
	for i := 0; i < k; i++ {
		pal = append(pal, lighten(th.Color(i), 0.55))
	}
	p := New("", "$w_1$", "$w_2$")
	hm := plotter.NewHeatMap(basins, pal)
	hm.Min, hm.Max, hm.Rasterized = 0, float64(k), true
	p.Add(hm)
	if _, err := AddContourLines(p, E, levels); err != nil {
		return nil, err
	}
	var mins plotter.XYLabels
	for i, m := range minima {
		mins.XYs = append(mins.XYs, plotter.XY{X: m[0], Y: m[1]})
		mins.Labels = append(mins.Labels, fmt.Sprint(i+1))
	}
	labels, err := plotter.NewLabels(mins)
	if err != nil {
		return nil, err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Font.Size = th.LabelSize
		labels.TextStyle[i].XAlign, labels.TextStyle[i].YAlign = -0.5, -0.5
	}
	p.Add(&BoxedLabels{Labels: labels})
	EqualAspect(p)
	return p, nil
}

// Subgradients draws f on [a, b] and, through the point (x0, f(x0)), one
// line per slope: at a kink of a convex f, every slope between the
// one-sided derivatives gives a line that stays under f (a subgradient).
// labels name the lines in the legend ("pendiente g" when nil or short);
// the point is marked.
func Subgradients(f func(float64) float64, a, b, x0 float64, slopes []float64, labels []string) (*plot.Plot, error) {
	if f == nil || !(a < b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return nil, fmt.Errorf("gdplot: Subgradients needs f and a finite interval a < b: %w", gdkit.ErrBadParam)
	}
	y0 := f(x0)
	if math.IsNaN(y0) || math.IsInf(y0, 0) {
		return nil, fmt.Errorf("gdplot: Subgradients: f(%g) = %v: %w", x0, y0, gdkit.ErrNotFinite)
	}
	th := DefaultTheme
	p := New("", "", "")
	fn := plotter.NewFunction(f)
	fn.LineStyle, fn.Samples = th.Line(0), 401
	fn.XMin, fn.XMax = a, b
	p.Add(fn)
	for i, g := range slopes {
		l := plotter.NewFunction(func(x float64) float64 { return y0 + g*(x-x0) })
		l.LineStyle, l.Samples = th.Guide(th.Color(i+1)), 2
		l.XMin, l.XMax = a, b
		p.Add(l)
		label := fmt.Sprintf("pendiente %g", g)
		if i < len(labels) && labels[i] != "" {
			label = labels[i]
		}
		p.Legend.Add(label, l)
	}
	pt, err := plotter.NewScatter(plotter.XYs{{X: x0, Y: y0}})
	if err != nil {
		return nil, err
	}
	pt.GlyphStyle.Color, pt.GlyphStyle.Radius = th.Color(len(slopes)+1), th.MarkerRadius
	p.Add(pt)
	p.X.Min, p.X.Max = a, b
	return p, nil
}

// FitCurves draws data points (x, y) and fitted curves over the data's x
// range: e.g. the predictions of models trained from different starts.
func FitCurves(x, y []float64, curves ...Curve) (*plot.Plot, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, fmt.Errorf("gdplot: FitCurves needs as many x as y (%d, %d), at least one: %w", len(x), len(y), gdkit.ErrDimension)
	}
	xys := make(plotter.XYs, len(x))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range x {
		xys[i].X, xys[i].Y = x[i], y[i]
		lo, hi = math.Min(lo, x[i]), math.Max(hi, x[i])
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	th := DefaultTheme
	sc.GlyphStyle.Radius = th.MarkerRadius
	sc.GlyphStyle.Color = th.Guide(nil).Color
	p := New("", "$x$", "$y$")
	p.Add(sc)
	p.Legend.Add("datos", sc)
	for i, c := range curves {
		if c.F == nil {
			return nil, fmt.Errorf("gdplot: FitCurves: curve %d has no function: %w", i, gdkit.ErrBadParam)
		}
		f := plotter.NewFunction(c.F)
		f.LineStyle, f.Samples = th.Line(i), 200
		f.XMin, f.XMax = lo, hi
		p.Add(f)
		if c.Label != "" {
			p.Legend.Add(c.Label, f)
		}
	}
	return p, nil
}
