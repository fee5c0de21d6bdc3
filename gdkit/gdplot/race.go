package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Run2D is one descent run on E(w1, w2) for a Race: the path
// (W1[i], W2[i]) and the values Es[i] its loss curve plots, i = 0, 1, …
// (E(w_i), or E(w_i) − E_min for a log axis). RunOf builds one from a
// gdkit.Trace.
type Run2D struct {
	Label  string // legend entry, e.g. "momentum, $\beta$ = 0.9"
	W1, W2 []float64
	Es     []float64
}

// RunOf returns the Run2D of a trace of two parameters: its path and
// E(w_i) − eMin (eMin = 0 plots E itself). A nil trace or one of another
// dimension is an error.
func RunOf(label string, tr *gdkit.Trace, eMin float64) (Run2D, error) {
	if tr == nil || tr.Len() == 0 {
		return Run2D{}, fmt.Errorf("gdplot: RunOf %q: no trace: %w", label, gdkit.ErrEmpty)
	}
	if tr.Dim != 2 {
		return Run2D{}, fmt.Errorf("gdplot: RunOf %q: the trace has %d parameters, a Race draws 2: %w", label, tr.Dim, gdkit.ErrDimension)
	}
	es := make([]float64, tr.Len())
	for i, e := range tr.Es() {
		es[i] = e - eMin
	}
	return Run2D{Label: label, W1: tr.Column(0), W2: tr.Column(1), Es: es}, nil
}

// Race is the "optimizer race": several descent runs on the same
// E(w1, w2), usually from the same start, drawn as paths on one contour
// map (Paths) and as loss curves (Loss), side by side (Figure), or as an
// animation in which all runs advance one iteration per step (Frames).
// Run k has palette colour and dash pattern k in both panels.
type Race struct {
	Title  string          // of the paths panel; "" means "Carrera de optimizadores"
	Grid   plotter.GridXYZ // E on a grid (gdkit.Grid), for the contour lines
	Levels []float64       // contour levels; nil as in AddContourLines
	Min    []float64       // (w1, w2) of the minimum, marked with a black star; nil for none
	LogY   bool            // the loss panel on a logarithmic axis
	// LossLabel is the y label of the loss panel, e.g. "$E - E_{min}$";
	// "" keeps LossCurve's.
	LossLabel string
	Runs      []Run2D
}

// Paths returns the contour map of r.Grid, in light colours, with every
// run's path over it: a line in the run's colour and dash pattern, a dot
// per step when the path has at most 60 points, its start (a square: one
// black square when all runs start at the same point) and its last point
// (a triangle), and a legend in the corner the paths leave emptiest. A path that leaves the map is clipped at its border; one that
// becomes non-finite is drawn up to its last finite point, with a note.
// Long paths are thinned to the points more than 1/1000 of the map's
// diagonal apart (the picture is the same; PNG output keeps every
// segment). Errors: no run, a run without points or with ragged W1, W2,
// and the grid errors of AddContourLines.
func (r Race) Paths() (*plot.Plot, error) { return r.paths(-1, true) }

// Loss returns the loss curves of the runs, Es against the iteration
// (LossCurve, with r.LogY), in the colours of Paths.
func (r Race) Loss() (*plot.Plot, error) { return r.loss(-1) }

// Figure returns Paths and Loss side by side, the legend in the loss
// panel only.
func (r Race) Figure() (*Figure, error) {
	p, err := r.paths(-1, false)
	if err != nil {
		return nil, err
	}
	l, err := r.Loss()
	if err != nil {
		return nil, err
	}
	return Panels(p, l), nil
}

// Frames returns k+1 frames of an animation of the race (for nb.Animate
// or SaveGIF): frame j shows Figure with every run cut after iteration
// n_j = round(j·N/k), N the longest run's number of updates, so all runs
// advance together and the fast ones stop early; the title says the
// iteration. The loss panel keeps the axes of the whole race, so the
// frames do not jump. k must be ≥ 1.
func (r Race) Frames(k int) ([]*Figure, error) {
	if k < 1 {
		return nil, fmt.Errorf("gdplot: Race.Frames: k = %d frames must be ≥ 1: %w", k, errBadParam)
	}
	full, err := r.Loss()
	if err != nil {
		return nil, err
	}
	n := 0
	for _, run := range r.Runs {
		n = max(n, len(run.W1)-1)
	}
	frames := make([]*Figure, 0, k+1)
	for j := 0; j <= k; j++ {
		it := int(math.Round(float64(j) * float64(n) / float64(k)))
		p, err := r.paths(it, false)
		if err != nil {
			return nil, err
		}
		l, err := r.loss(it)
		if err != nil {
			return nil, err
		}
		l.X.Min, l.X.Max, l.Y.Min, l.Y.Max = full.X.Min, full.X.Max, full.Y.Min, full.Y.Max
		l.Legend.Top, l.Legend.Left = full.Legend.Top, full.Legend.Left
		f := Panels(p, l)
		f.Title = fmt.Sprintf("iteración %d", it)
		frames = append(frames, f)
	}
	return frames, nil
}

// raceMaxDots is the longest path drawn with a dot per step.
const raceMaxDots = 60

// paths draws the runs up to iteration last (all when last < 0), with a
// legend or without.
func (r Race) paths(last int, legend bool) (*plot.Plot, error) {
	if len(r.Runs) == 0 {
		return nil, fmt.Errorf("gdplot: Race has no run: %w", gdkit.ErrEmpty)
	}
	title := r.Title
	if title == "" {
		title = "Carrera de optimizadores"
	}
	p := New(title, "$w_1$", "$w_2$")
	if err := addFaintContours(p, r.Grid, r.Levels); err != nil {
		return nil, err
	}
	fitGrid(p, r.Grid)
	var all plotter.XYs
	diag := math.Hypot(p.X.Max-p.X.Min, p.Y.Max-p.Y.Min)
	same := true
	var notes []string
	for k, run := range r.Runs {
		if len(run.W1) == 0 {
			return nil, fmt.Errorf("gdplot: Race run %d (%q) has no point: %w", k, run.Label, gdkit.ErrEmpty)
		}
		n, cut, err := finitePrefix(run.W1, run.W2)
		if err != nil {
			return nil, fmt.Errorf("gdplot: Race run %d (%q): %w", k, run.Label, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("gdplot: Race run %d (%q) has no finite point: %w", k, run.Label, gdkit.ErrNotFinite)
		}
		if last >= 0 && last+1 < n {
			n, cut = last+1, false
		}
		if cut {
			notes = append(notes, fmt.Sprintf("%s: no finito desde la iteración %d", run.Label, n))
		}
		same = same && run.W1[0] == r.Runs[0].W1[0] && run.W2[0] == r.Runs[0].W2[0]
		label := run.Label
		if !legend {
			label = ""
		}
		xys, err := addTrack(p, run.W1[:n], run.W2[:n], k, label, diag/1000)
		if err != nil {
			return nil, err
		}
		all = append(all, xys...)
	}
	// The tracks' data ranges widened the axes: the map is the grid's window,
	// and what leaves it is clipped.
	fitGrid(p, r.Grid)
	if legend {
		placeLegend(p, all)
	}
	for k, run := range r.Runs {
		if same && k > 0 {
			break
		}
		col := DefaultTheme.Color(k)
		if same {
			col = color.Black
		}
		addGlyph(p, run.W1[0], run.W2[0], draw.BoxGlyph{}, col, 1.2)
	}
	if len(r.Min) == 2 {
		addGlyph(p, r.Min[0], r.Min[1], starGlyph{}, color.Black, 2)
	}
	if len(notes) > 0 {
		n := notes[0]
		if len(notes) > 1 {
			n += fmt.Sprintf(" (y %d más)", len(notes)-1)
		}
		p.Add(&note{Text: n, Bottom: true})
	}
	return p, nil
}

// addTrack draws one path of a race: the line, the dots of a short path,
// the last point, the legend entry (none for label ""); it returns the
// points of the line.
func addTrack(p *plot.Plot, xs, ys []float64, k int, label string, minGap float64) (plotter.XYs, error) {
	xys := thin(xs, ys, minGap)
	ls := DefaultTheme.Line(k)
	if len(xys) > 1 {
		l, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		l.LineStyle = ls
		p.Add(l)
	}
	col := DefaultTheme.Color(k)
	if len(xs) <= raceMaxDots {
		pts := make(plotter.XYs, len(xs))
		for i := range xs {
			pts[i] = plotter.XY{X: xs[i], Y: ys[i]}
		}
		dots, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		dots.GlyphStyle = draw.GlyphStyle{Color: col, Radius: DefaultTheme.MarkerRadius * 0.6, Shape: draw.CircleGlyph{}}
		p.Add(dots)
	}
	addGlyph(p, xs[len(xs)-1], ys[len(ys)-1], draw.PyramidGlyph{}, col, 1.5)
	if label != "" {
		p.Legend.Add(label, &legendThumb{ls})
	}
	return xys, nil
}

// addFaintContours adds the contour lines of AddContourLines (the same
// levels, checks and masking of non-finite cells) in lighter colours, so
// that paths drawn over them stand out.
func addFaintContours(p *plot.Plot, g plotter.GridXYZ, levels []float64) error {
	ls, err := AddContourLines(plot.New(), g, levels)
	if err != nil {
		return err
	}
	m, err := readMasked(g)
	if err != nil {
		return err
	}
	pal := contourPalette(len(ls)).Colors()
	for i, c := range pal {
		r, gr, b, _ := c.RGBA()
		light := func(v uint32) uint8 { return uint8((float64(v>>8) + 255) / 2) }
		pal[i] = color.RGBA{R: light(r), G: light(gr), B: light(b), A: 0xff}
	}
	p.Add(m.contour(ls, fixedPalette(pal), draw.LineStyle{Width: DefaultTheme.GuideWidth}, ls[0], ls[len(ls)-1]))
	if n := m.note(); n != nil {
		p.Add(n)
	}
	return nil
}

// thin returns the points of the path that are more than gap apart from
// the previous point kept, and always the first and the last.
func thin(xs, ys []float64, gap float64) plotter.XYs {
	out := plotter.XYs{{X: xs[0], Y: ys[0]}}
	for i := 1; i < len(xs); i++ {
		q := out[len(out)-1]
		if i == len(xs)-1 || math.Hypot(xs[i]-q.X, ys[i]-q.Y) > gap {
			out = append(out, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	return out
}

// addGlyph marks (x, y) with shape in col, size times the theme's marker
// radius, outlined in white so it shows over lines of any colour.
func addGlyph(p *plot.Plot, x, y float64, shape draw.GlyphDrawer, col color.Color, size float64) {
	s, err := plotter.NewScatter(plotter.XYs{{X: x, Y: y}})
	if err != nil {
		return // non-finite: nothing to mark
	}
	r := DefaultTheme.MarkerRadius * vg.Length(size)
	halo, _ := plotter.NewScatter(plotter.XYs{{X: x, Y: y}})
	halo.GlyphStyle = draw.GlyphStyle{Color: color.White, Radius: r + vg.Points(1.5), Shape: shape}
	s.GlyphStyle = draw.GlyphStyle{Color: col, Radius: r, Shape: shape}
	p.Add(halo, s)
}

// starGlyph is a filled five-pointed star.
type starGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (starGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetColor(sty.Color)
	var path vg.Path
	for i := 0; i < 10; i++ {
		r := sty.Radius
		if i%2 == 1 {
			r *= 0.45
		}
		a := math.Pi/2 + float64(i)*math.Pi/5
		q := vg.Point{X: pt.X + r*vg.Length(math.Cos(a)), Y: pt.Y + r*vg.Length(math.Sin(a))}
		if i == 0 {
			path.Move(q)
		} else {
			path.Line(q)
		}
	}
	path.Close()
	c.Fill(path)
}

// loss draws the loss curves up to iteration last (all when last < 0).
func (r Race) loss(last int) (*plot.Plot, error) {
	if len(r.Runs) == 0 {
		return nil, fmt.Errorf("gdplot: Race has no run: %w", gdkit.ErrEmpty)
	}
	series := make([]Series, len(r.Runs))
	for k, run := range r.Runs {
		es := run.Es
		if last >= 0 && last+1 < len(es) {
			es = es[:last+1]
		}
		series[k] = Series{Label: run.Label, Y: es}
	}
	p, err := LossCurve(r.LogY, series...)
	if err == nil && r.LossLabel != "" {
		p.Y.Label.Text = r.LossLabel
	}
	return p, err
}
