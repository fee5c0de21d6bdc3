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
)

// gridRange returns the min and max of the finite grid values and checks
// the grid's shape.
func gridRange(g plotter.GridXYZ) (lo, hi float64, err error) {
	if g == nil {
		return 0, 0, ErrEmpty
	}
	c, r := g.Dims()
	if c < 2 || r < 2 {
		return 0, 0, fmt.Errorf("gdplot: grid %d×%d is too small (need at least 2×2)", c, r)
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := 0; i < c; i++ {
		for j := 0; j < r; j++ {
			z := g.Z(i, j)
			if math.IsNaN(z) || math.IsInf(z, 0) {
				return 0, 0, fmt.Errorf("gdplot: grid value at (%d,%d) is %v", i, j, z)
			}
			lo, hi = math.Min(lo, z), math.Max(hi, z)
		}
	}
	for i := 0; i < c; i++ {
		if x := g.X(i); math.IsNaN(x) || math.IsInf(x, 0) || (i > 0 && !(x > g.X(i-1))) {
			return 0, 0, fmt.Errorf("gdplot: grid x values must be finite and increasing")
		}
	}
	for j := 0; j < r; j++ {
		if y := g.Y(j); math.IsNaN(y) || math.IsInf(y, 0) || (j > 0 && !(y > g.Y(j-1))) {
			return 0, 0, fmt.Errorf("gdplot: grid y values must be finite and increasing")
		}
	}
	return lo, hi, nil
}

// Levels returns n distinct contour levels strictly inside (lo, hi):
// lo + (i + ½)(hi − lo)/n, i = 0..n−1. With sqrt, the levels are spaced
// evenly in √(z − lo) instead (lo + (hi−lo)((i+½)/n)²), which spreads the
// rings of a quadratic bowl evenly. Never use plotter.Contour's default
// quantile levels: they can hang on smooth grids.
func Levels(lo, hi float64, n int, sqrt bool) ([]float64, error) {
	if n <= 0 || !finite(lo, hi) || !(lo < hi) {
		return nil, fmt.Errorf("gdplot: cannot make %d levels in [%v, %v]", n, lo, hi)
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

// ContourPalette returns a luminance-monotone palette (Moreland's
// Kindlmann map, trimmed of its near-black and near-white ends) so that
// levels stay ordered on a greyscale print.
func ContourPalette(n int) palette.Palette {
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

// ContourLines adds to p the contour lines of g at the given levels (nil:
// 10 levels from Levels(min, max, 10, true) rounded to 2 significant
// digits), coloured low→high by
// ContourPalette, and returns the levels used.
func ContourLines(p *plot.Plot, g plotter.GridXYZ, levels []float64) ([]float64, error) {
	lo, hi, err := gridRange(g)
	if err != nil {
		return nil, err
	}
	if levels == nil {
		if lo == hi {
			return nil, fmt.Errorf("gdplot: flat grid (all values %v): no contour lines", lo)
		}
		levels, _ = Levels(lo, hi, 10, true)
		for i, l := range levels {
			levels[i] = round2(l)
		}
	}
	levels = cleanLevels(g, levels)
	if len(levels) == 0 {
		return nil, fmt.Errorf("gdplot: no finite contour level")
	}
	c := plotter.NewContour(g, levels, ContourPalette(len(levels)))
	c.LineStyles = []draw.LineStyle{{Width: DefaultTheme.GuideWidth}}
	c.Min, c.Max = levels[0], levels[len(levels)-1]
	p.Add(c)
	return levels, nil
}

// Contour returns a contour plot of g over w1, w2 (see ContourLines). With
// labels, each level's value is written on its line (as matplotlib's
// clabel), on a white patch, where the line crosses the upper-right part
// of the map.
func Contour(g plotter.GridXYZ, levels []float64, labels bool) (*plot.Plot, error) {
	p := New("Curvas de nivel de $E(w_1, w_2)$", "$w_1$", "$w_2$")
	ls, err := ContourLines(p, g, levels)
	if err != nil {
		return nil, err
	}
	fitGrid(p, g)
	if labels {
		p.Add(LevelLabels(g, ls))
	}
	return p, nil
}

// LevelLabels returns a plotter writing each level's value on the contour
// line of g at that level: at the crossing of a grid edge that maximises
// x̂ + ŷ (x, y scaled to [0, 1]), i.e. towards the upper-right corner.
// Levels without a crossing get no label.
func LevelLabels(g plotter.GridXYZ, levels []float64) *BoxedLabels {
	c, r := g.Dims()
	x0, x1, y0, y1 := g.X(0), g.X(c-1), g.Y(0), g.Y(r-1)
	var xys plotter.XYs
	var texts []string
	for _, l := range levels {
		best, found := math.Inf(-1), false
		var at plotter.XY
		consider := func(xa, ya, za, xb, yb, zb float64) {
			if (za-l)*(zb-l) > 0 || za == zb {
				return
			}
			t := (l - za) / (zb - za)
			x, y := xa+t*(xb-xa), ya+t*(yb-ya)
			// Stay off the borders so the label is not clipped.
			sx, sy := (x-x0)/(x1-x0), (y-y0)/(y1-y0)
			if sx < 0.05 || sx > 0.92 || sy < 0.05 || sy > 0.92 {
				return
			}
			if s := sx + 0.9*sy; s > best {
				best, at, found = s, plotter.XY{X: x, Y: y}, true
			}
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
		if found {
			xys = append(xys, at)
			texts = append(texts, fmtNum(l))
		}
	}
	lab, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return &BoxedLabels{}
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font = font.From(DefaultTheme.Font, DefaultTheme.TickSize*0.85)
		lab.TextStyle[i].XAlign = draw.XCenter
		lab.TextStyle[i].YAlign = draw.YCenter
	}
	return &BoxedLabels{Labels: lab}
}

// BoxedLabels draws plotter.Labels on white patches (text over lines stays
// readable, as in matplotlib's clabel).
type BoxedLabels struct {
	*plotter.Labels
}

// Plot implements plot.Plotter.
func (b *BoxedLabels) Plot(c draw.Canvas, p *plot.Plot) {
	if b.Labels == nil {
		return
	}
	trX, trY := p.Transforms(&c)
	for i, s := range b.Labels.Labels {
		pt := vg.Point{X: trX(b.XYs[i].X), Y: trY(b.XYs[i].Y)}
		if !c.Contains(pt) {
			continue
		}
		pt = pt.Add(b.Offset)
		sty := b.TextStyle[i]
		r := sty.Rectangle(s).Add(pt)
		pad := vg.Points(1.5)
		r.Min.X -= pad
		r.Min.Y -= pad
		r.Max.X += pad
		r.Max.Y += pad
		c.SetColor(color.White)
		c.Fill(r.Path())
		c.FillText(sty, pt, s)
	}
}

// DataRange implements plot.DataRanger.
func (b *BoxedLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	if b.Labels == nil || len(b.XYs) == 0 {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return b.Labels.DataRange()
}

// legendThumb is a legend thumbnail drawn as a short line.
type legendThumb struct{ draw.LineStyle }

func (t *legendThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(t.LineStyle, c.Min.X, y, c.Max.X, y)
}

// fitGrid sets the plot ranges to the grid's extent.
func fitGrid(p *plot.Plot, g plotter.GridXYZ) {
	c, r := g.Dims()
	p.X.Min, p.X.Max = g.X(0), g.X(c-1)
	p.Y.Min, p.Y.Max = g.Y(0), g.Y(r-1)
	markEqualAspect(p)
}

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

// Refine returns g bilinearly interpolated on a grid with k−1 extra points
// between neighbouring grid points (k ≥ 1), so a heat map of it shows
// smooth band boundaries.
func Refine(g plotter.GridXYZ, k int) plotter.GridXYZ {
	if k < 1 {
		k = 1
	}
	return refined{g: g, k: k}
}

type refined struct {
	g plotter.GridXYZ
	k int
}

func (r refined) Dims() (c, rows int) {
	c0, r0 := r.g.Dims()
	return (c0-1)*r.k + 1, (r0-1)*r.k + 1
}

// split maps a refined index to the coarse cell and fraction.
func (r refined) split(i, n int) (int, float64) {
	c := i / r.k
	if c >= n-1 {
		return n - 2, 1
	}
	return c, float64(i%r.k) / float64(r.k)
}

func (r refined) X(i int) float64 {
	c0, _ := r.g.Dims()
	c, t := r.split(i, c0)
	return r.g.X(c)*(1-t) + r.g.X(c+1)*t
}

func (r refined) Y(j int) float64 {
	_, r0 := r.g.Dims()
	c, t := r.split(j, r0)
	return r.g.Y(c)*(1-t) + r.g.Y(c+1)*t
}

func (r refined) Z(i, j int) float64 {
	c0, r0 := r.g.Dims()
	ci, tx := r.split(i, c0)
	cj, ty := r.split(j, r0)
	z00, z10 := r.g.Z(ci, cj), r.g.Z(ci+1, cj)
	z01, z11 := r.g.Z(ci, cj+1), r.g.Z(ci+1, cj+1)
	return (z00*(1-tx)+z10*tx)*(1-ty) + (z01*(1-tx)+z11*tx)*ty
}

// Path2D adds a descent path (xs[i], ys[i]) to p as arrows from step to
// step, a marker per step, the start numbered "0" (a square) and the end
// (a triangle), in palette colour i; label goes into the legend. A path
// that becomes non-finite is drawn up to its last finite point with a note.
func Path2D(p *plot.Plot, xs, ys []float64, i int, label string) error {
	if len(xs) == 0 {
		return ErrEmpty
	}
	n, cut, err := FinitePrefix(xs, ys)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("gdplot: the path has no finite point")
	}
	xys := make(plotter.XYs, n)
	for k := range xys {
		xys[k] = plotter.XY{X: xs[k], Y: ys[k]}
	}
	col := DefaultTheme.Color(i)
	if n > 1 {
		p.Add(&Arrows{XYs: xys, LineStyle: draw.LineStyle{Color: col, Width: DefaultTheme.GuideWidth * 1.3}, Shrink: vg.Points(1)})
	}
	pts, _ := markers(xys, i, draw.CircleGlyph{})
	pts.GlyphStyle.Radius = DefaultTheme.MarkerRadius * 0.7
	p.Add(pts)
	start, _ := markers(xys[:1], i, draw.BoxGlyph{})
	start.GlyphStyle.Radius = DefaultTheme.MarkerRadius * 1.3
	end, _ := markers(xys[n-1:], i, draw.PyramidGlyph{})
	end.GlyphStyle.Radius = DefaultTheme.MarkerRadius * 1.5
	p.Add(start, end)
	if label != "" {
		p.Legend.Add(label, &legendThumb{draw.LineStyle{Color: col, Width: DefaultTheme.LineWidth}})
	}
	if cut {
		p.Add(&Note{Text: fmt.Sprintf("trayectoria no finita desde el paso %d", n)})
	}
	return nil
}

// Trajectory returns the contour map of g (levels as in ContourLines) with
// the descent path xs, ys over it.
func Trajectory(g plotter.GridXYZ, levels []float64, xs, ys []float64) (*plot.Plot, error) {
	p := New("Trayectoria del descenso", "$w_1$", "$w_2$")
	if _, err := ContourLines(p, g, levels); err != nil {
		return nil, err
	}
	fitGrid(p, g)
	if err := Path2D(p, xs, ys, 1, ""); err != nil {
		return nil, err
	}
	return p, nil
}

// MultiStart returns the contour map of g with one descent path per start,
// paths[k] being a list of [w1, w2] points; start k is numbered k+1.
func MultiStart(g plotter.GridXYZ, levels []float64, paths [][][2]float64) (*plot.Plot, error) {
	if len(paths) == 0 {
		return nil, ErrEmpty
	}
	p := New("Varios puntos iniciales", "$w_1$", "$w_2$")
	if _, err := ContourLines(p, g, levels); err != nil {
		return nil, err
	}
	fitGrid(p, g)
	var starts plotter.XYs
	var names []string
	for k, path := range paths {
		xs, ys := Split(path)
		if err := Path2D(p, xs, ys, colorSkipBlack(k), ""); err != nil {
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

// colorSkipBlack maps k to palette indices avoiding 2 (black), which is
// reserved for reference marks.
func colorSkipBlack(k int) int {
	idx := []int{0, 1, 3, 4, 5}
	return idx[k%len(idx)]
}

// Split converts [][2]float64 points into separate x and y slices.
func Split(pts [][2]float64) (xs, ys []float64) {
	xs, ys = make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p[0], p[1]
	}
	return xs, ys
}

// FitEvolution plots the data (xs[i], ys[i]) as points and the fitted
// model at several iterations: models[k] is the model after iters[k]
// iterations, drawn over [min xs, max xs] from light (early) to dark
// (last, solid and in the accent colour).
func FitEvolution(xs, ys []float64, models []func(float64) float64, iters []int) (*plot.Plot, error) {
	if len(xs) == 0 || len(models) == 0 {
		return nil, ErrEmpty
	}
	if len(xs) != len(ys) || len(iters) != len(models) {
		return nil, fmt.Errorf("gdplot: ragged input: %d x, %d y, %d models, %d iteration numbers", len(xs), len(ys), len(models), len(iters))
	}
	xys := make(plotter.XYs, 0, len(xs))
	for i := range xs {
		if finite(xs[i], ys[i]) {
			xys = append(xys, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	if len(xys) == 0 {
		return nil, fmt.Errorf("gdplot: no finite data point: %w", ErrEmpty)
	}
	p := New("Ajuste del modelo durante el descenso", "$x$", "$y$")
	xmin, xmax, _, _ := plotter.XYRange(xys)
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	for k, m := range models {
		pts := sample(m, xmin, xmax, 200)
		if len(pts) < 2 {
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		last := k == len(models)-1
		if last {
			l.LineStyle = draw.LineStyle{Color: DefaultTheme.Color(1), Width: DefaultTheme.LineWidth}
		} else {
			t := float64(k) / math.Max(1, float64(len(models)-1))
			v := uint8(200 - 120*t)
			l.LineStyle = draw.LineStyle{Color: color.RGBA{R: v, G: v, B: v, A: 255}, Width: DefaultTheme.GuideWidth,
				Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
		}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("iteración %d", iters[k]), l)
	}
	sc, err := markers(xys, 0, draw.CircleGlyph{})
	if err != nil {
		return nil, err
	}
	p.Add(sc)
	p.Legend.Add("datos", sc)
	all := append(plotter.XYs{}, xys...)
	for _, m := range models {
		all = append(all, sample(m, xmin, xmax, 50)...)
	}
	placeLegend(p, all)
	return p, nil
}

// round2 rounds x to 2 significant digits (labels read better).
func round2(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	e := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-1)
	return math.Round(x/e) * e
}

// SampledGrid is a plotter.GridXYZ holding Z[r][c] = f(Xs[c], Ys[r]).
type SampledGrid struct {
	Xs, Ys []float64
	Zs     [][]float64
}

// Sample evaluates f on the grid xs × ys (both increasing):
// Z(c, r) = f(xs[c], ys[r]), like numpy's f(*np.meshgrid(xs, ys)).
func Sample(xs, ys []float64, f func(x, y float64) float64) *SampledGrid {
	g := &SampledGrid{Xs: xs, Ys: ys, Zs: make([][]float64, len(ys))}
	for r, y := range ys {
		g.Zs[r] = make([]float64, len(xs))
		for c, x := range xs {
			g.Zs[r][c] = f(x, y)
		}
	}
	return g
}

// Dims returns the number of columns (x values) and rows (y values).
func (g *SampledGrid) Dims() (c, r int) { return len(g.Xs), len(g.Ys) }

// Z returns f(Xs[c], Ys[r]).
func (g *SampledGrid) Z(c, r int) float64 { return g.Zs[r][c] }

// X returns Xs[c].
func (g *SampledGrid) X(c int) float64 { return g.Xs[c] }

// Y returns Ys[r].
func (g *SampledGrid) Y(r int) float64 { return g.Ys[r] }
