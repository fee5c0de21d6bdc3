package gdplot

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// AddPath adds a descent path (xs[i], ys[i]) to p as arrows from step to
// step, a marker per step, the start numbered "0" (a square) and the end
// (a triangle), in palette colour i; label goes into the legend. A path
// that becomes non-finite is drawn up to its last finite point with a note.
func AddPath(p *plot.Plot, xs, ys []float64, i int, label string) error {
	return addPath(p, xs, ys, DefaultTheme.Color(i), draw.CircleGlyph{}, label)
}

// addPath is AddPath in colour col with step markers of shape step.
func addPath(p *plot.Plot, xs, ys []float64, col color.Color, step draw.GlyphDrawer, label string) error {
	if len(xs) == 0 {
		return fmt.Errorf("gdplot: the path has no point: %w", gdkit.ErrEmpty)
	}
	n, cut, err := finitePrefix(xs, ys)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("gdplot: the path has no finite point: %w", gdkit.ErrNotFinite)
	}
	xys := make(plotter.XYs, n)
	for k := range xys {
		xys[k] = plotter.XY{X: xs[k], Y: ys[k]}
	}
	if n > 1 {
		p.Add(&arrows{XYs: xys, LineStyle: draw.LineStyle{Color: col, Width: DefaultTheme.GuideWidth * 1.3}, Shrink: vg.Points(1)})
	}
	glyphs := func(xys plotter.XYs, shape draw.GlyphDrawer, r vg.Length) *plotter.Scatter {
		s, _ := plotter.NewScatter(xys)
		s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: r, Shape: shape}
		return s
	}
	p.Add(glyphs(xys, step, DefaultTheme.MarkerRadius*0.7))
	p.Add(glyphs(xys[:1], draw.BoxGlyph{}, DefaultTheme.MarkerRadius*1.3))
	p.Add(glyphs(xys[n-1:], draw.PyramidGlyph{}, DefaultTheme.MarkerRadius*1.5))
	if label != "" {
		p.Legend.Add(label, &legendThumb{draw.LineStyle{Color: col, Width: DefaultTheme.LineWidth}})
	}
	if cut {
		p.Add(&note{Text: fmt.Sprintf("trayectoria no finita desde el paso %d", n)})
	}
	return nil
}

// Trajectory returns the contour map of g (levels as in AddContourLines) with
// the descent path xs, ys over it.
func Trajectory(g plotter.GridXYZ, levels []float64, xs, ys []float64) (*plot.Plot, error) {
	p := New("Trayectoria del descenso", "$w_1$", "$w_2$")
	if _, err := AddContourLines(p, g, levels); err != nil {
		return nil, err
	}
	fitGrid(p, g)
	if err := AddPath(p, xs, ys, 1, ""); err != nil {
		return nil, err
	}
	return p, nil
}

// MultiStart returns the contour map of g with one descent path per start,
// paths[k] being a list of [w1, w2] points; start k is numbered k+1. Each
// path has its own colour of the theme's PathPalette (ten in the slide
// theme); from the eleventh on, colours repeat with other step markers
// (rings, then hollow squares, crosses).
func MultiStart(g plotter.GridXYZ, levels []float64, paths [][][2]float64) (*plot.Plot, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("gdplot: MultiStart has no path: %w", gdkit.ErrEmpty)
	}
	p := New("Varios puntos iniciales", "$w_1$", "$w_2$")
	if _, err := AddContourLines(p, g, levels); err != nil {
		return nil, err
	}
	fitGrid(p, g)
	var starts plotter.XYs
	var names []string
	for k, path := range paths {
		xs, ys := split(path)
		col, shape := pathStyle(k)
		if err := addPath(p, xs, ys, col, shape, ""); err != nil {
			return nil, fmt.Errorf("gdplot: path %d: %w", k, err)
		}
		starts = append(starts, plotter.XY{X: xs[0], Y: ys[0]})
		names = append(names, fmt.Sprint(k+1))
	}
	// Number the starts (1, 2, ...) next to their square marker.
	lab, err := plotter.NewLabels(plotter.XYLabels{XYs: starts, Labels: names})
	if err == nil {
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font = font.From(DefaultTheme.Font, DefaultTheme.TickSize)
			lab.TextStyle[i].XAlign = draw.XLeft
			lab.TextStyle[i].YAlign = draw.YBottom
		}
		lab.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(4)}
		p.Add(&BoxedLabels{Labels: lab})
	}
	return p, nil
}

// pathStyle returns the colour and step marker of path k: the k-th colour
// of the path palette, and after a full round of colours another marker.
func pathStyle(k int) (color.Color, draw.GlyphDrawer) {
	pal := DefaultTheme.PathPalette
	if len(pal) == 0 {
		pal = pathPalette
	}
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}, draw.CrossGlyph{}}
	k = max(k, 0)
	return pal[k%len(pal)], shapes[(k/len(pal))%len(shapes)]
}

// split converts [][2]float64 points into separate x and y slices.
func split(pts [][2]float64) (xs, ys []float64) {
	xs, ys = make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p[0], p[1]
	}
	return xs, ys
}
