package gdplot

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// curveSamples is the number of intervals used to draw a function.
const curveSamples = 400

// centralSlope is (f(x+h) − f(x−h)) / 2h with h = 1e-5·max(1, |x|).
func centralSlope(f func(float64) float64, x float64) float64 {
	h := 1e-5 * math.Max(1, math.Abs(x))
	return (f(x+h) - f(x-h)) / (2 * h)
}

// Tangent plots f on [a, b] with its tangent line y = f(x0) + m·(x − x0) at
// x0, and the point (x0, f(x0)) labelled "f′(x₀) = m" on the side of the
// tangent away from the curve. Pass
// m = NaN to use the central difference (f(x0+h) − f(x0−h))/2h.
func Tangent(f func(float64) float64, a, b, x0, m float64) (*plot.Plot, error) {
	p, pts, err := tangentPlot(f, a, b, x0, m, true)
	if err != nil {
		return nil, err
	}
	roomForLegend(p, pts, []string{"$f(x)$", "tangente en $x_0$"})
	return p, nil
}

// tangentPlot draws f, the point x0 and, if withTangent, the tangent. It
// returns the points drawn (for legend placement).
func tangentPlot(f func(float64) float64, a, b, x0, m float64, withTangent bool) (*plot.Plot, plotter.XYs, error) {
	if err := checkInterval(a, b); err != nil {
		return nil, nil, err
	}
	y0 := f(x0)
	if math.IsNaN(m) {
		m = centralSlope(f, x0)
	}
	if !finite(x0, y0) || math.IsInf(m, 0) || math.IsNaN(m) {
		return nil, nil, fmt.Errorf("gdplot: f or its slope is not finite at x0 = %v", x0)
	}
	p := New("Recta tangente en $x_0$ = "+fmtNum(x0), "$x$", "$f(x)$")
	xys := sample(f, a, b, curveSamples)
	l, err := line(xys, 0)
	if err != nil {
		return nil, nil, err
	}
	p.Add(l)
	p.Legend.Add("$f(x)$", l)
	_, _, ymin, ymax := plotter.XYRange(xys)
	p.X.Min, p.X.Max = a, b
	if !withTangent {
		pt, _ := markers(plotter.XYs{{X: x0, Y: y0}}, 2, draw.CircleGlyph{})
		p.Add(pt)
		return p, xys, nil
	}
	// The tangent is drawn over the window, clipped to the y range of f.
	tan := clipLine(func(x float64) float64 { return y0 + m*(x-x0) }, a, b, ymin, ymax)
	tl, err := line(tan, 1)
	if err != nil {
		return nil, nil, err
	}
	p.Add(tl)
	p.Legend.Add("tangente en $x_0$", tl)
	pt, _ := markers(plotter.XYs{{X: x0, Y: y0}}, 2, draw.CircleGlyph{})
	p.Add(pt)
	p.Add(slopeLabel(p, f, a, b, x0, y0, m))
	p.X.Min, p.X.Max = a, b
	return p, append(append(plotter.XYs{}, xys...), tan...), nil
}

// slopeLabel writes "f′(x0) = m" next to (x0, y0) on the side of the tangent
// away from the curve: below the line where f is convex at x0, above it
// where f is concave. Below a line of slope m < 0 lies its lower-left side,
// below one of slope m > 0 its lower-right side (and the mirror for above).
func slopeLabel(p *plot.Plot, f func(float64) float64, a, b, x0, y0, m float64) *plotter.Labels {
	d := (b - a) / 40
	below := f(x0+d)+f(x0-d)-2*y0 >= 0 // convex: the curve is above the tangent
	right := (m > 0) == below
	lab, _ := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x0, Y: y0}}, Labels: []string{"$f'(x_0)$ = " + fmtNum(m)}})
	sty := &lab.TextStyle[0]
	sty.Font = p.Legend.TextStyle.Font
	sty.Handler = p.Legend.TextStyle.Handler
	off := vg.Point{X: vg.Points(8), Y: vg.Points(6)}
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	if !right {
		sty.XAlign, off.X = draw.XRight, -off.X
	}
	if below {
		sty.YAlign, off.Y = draw.YTop, -off.Y
	}
	lab.Offset = off
	return lab
}

// roomForLegend places the legend, whose entries are labels, in the emptiest corner (placeLegend) and,
// if curve points still fall under it, raises the top (or lowers the bottom)
// of the y axis so the legend sits above (below) all of them. The legend's
// size is estimated from its entries: 15 pt per line plus 8 pt of frame, in
// a data area about 220 pt tall and 400 pt wide (a bit less than the
// default 6.4×4.8 in figure has, so that smaller figures fit too).
func roomForLegend(p *plot.Plot, pts plotter.XYs, labels []string) {
	placeLegend(p, pts)
	if len(labels) == 0 {
		return
	}
	chars := 0
	for _, l := range labels {
		chars = max(chars, len([]rune(strings.ReplaceAll(l, "$", ""))))
	}
	fh := math.Min(0.6, (15*float64(len(labels))+8)/220)
	fw := math.Min(1, (6*float64(chars)+40)/400)
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	if !(x1 > x0) || !(y1 > y0) {
		return
	}
	// The highest (lowest) point under the legend's horizontal extent.
	ext := math.Inf(-1)
	for _, q := range pts {
		fx := (q.X - x0) / (x1 - x0)
		if (p.Legend.Left && fx > fw) || (!p.Legend.Left && fx < 1-fw) {
			continue
		}
		fy := (q.Y - y0) / (y1 - y0)
		if !p.Legend.Top {
			fy = 1 - fy
		}
		ext = math.Max(ext, fy)
	}
	if ext <= 1-fh {
		return
	}
	// Grow the range so that ext ends at 1 − fh of the new range.
	span := y1 - y0
	grow := span * (ext - (1 - fh)) / (1 - fh)
	if p.Legend.Top {
		p.Y.Max += grow
	} else {
		p.Y.Min -= grow
	}
}

// clipLine samples the line g on [a, b] keeping only the part with
// y in [ymin − 5%, ymax + 5%] of the range.
func clipLine(g func(float64) float64, a, b, ymin, ymax float64) plotter.XYs {
	pad := 0.05 * (ymax - ymin)
	if pad == 0 {
		pad = 1
	}
	var xys plotter.XYs
	for _, xy := range sample(g, a, b, curveSamples) {
		if xy.Y >= ymin-pad && xy.Y <= ymax+pad {
			xys = append(xys, xy)
		}
	}
	if len(xys) == 0 {
		xys = plotter.XYs{{X: a, Y: g(a)}, {X: b, Y: g(b)}}
	}
	return xys
}

// fmtNum formats a number compactly for labels.
func fmtNum(x float64) string {
	return fmt.Sprintf("%.4g", x)
}

// Secants plots f on [a, b], its tangent at x0 (slope m; NaN means central
// difference) and, for each h in hs, the right secant through x0 and x0+h
// (slope (f(x0+h) − f(x0))/h, solid) and the left secant through x0−h and
// x0 (slope (f(x0) − f(x0−h))/h, dashed), one legend entry per h giving
// both slopes. As h → 0 both approach the tangent. At a kink they approach different lines: when m is NaN and the
// one-sided slopes with h = min(hs, 1e-6·max(1, |x0|)) differ by more than
// 1e-3·max(1, |slope|), no tangent is drawn and a note says so.
func Secants(f func(float64) float64, a, b, x0, m float64, hs []float64) (*plot.Plot, error) {
	if len(hs) == 0 {
		return nil, ErrEmpty
	}
	kink := false
	if math.IsNaN(m) {
		h := 1e-6 * math.Max(1, math.Abs(x0))
		for _, v := range hs {
			if v > 0 {
				h = math.Min(h, v)
			}
		}
		y0 := f(x0)
		mr, ml := (f(x0+h)-y0)/h, (y0-f(x0-h))/h
		kink = math.Abs(mr-ml) > 1e-3*math.Max(1, math.Max(math.Abs(mr), math.Abs(ml)))
	}
	p, _, err := tangentPlot(f, a, b, x0, m, !kink)
	if err != nil {
		return nil, err
	}
	if kink {
		// Top centre: between the two branches that meet at the kink.
		p.Add(&Note{Text: "derivadas laterales distintas: no hay tangente", Center: true})
	}
	p.Title.Text = "Secantes por la izquierda y la derecha en $x_0$ = " + fmtNum(x0)
	_, _, ymin, ymax := plotter.XYRange(sample(f, a, b, curveSamples))
	y0 := f(x0)
	labels := []string{"$f(x)$"}
	if !kink {
		labels = append(labels, "tangente en $x_0$")
	}
	for i, h := range hs {
		if !(h > 0) || math.IsInf(h, 0) {
			return nil, fmt.Errorf("gdplot: secant step h = %v must be positive and finite", h)
		}
		fr, fl := f(x0+h), f(x0-h)
		mr, ml := (fr-y0)/h, (y0-fl)/h
		col := secantColor(i, len(hs))
		var entry []string
		var thumb *plotter.Line
		for k, s := range []float64{mr, ml} {
			if math.IsNaN(s) || math.IsInf(s, 0) {
				continue
			}
			pts := clipLine(func(x float64) float64 { return y0 + s*(x-x0) }, a, b, ymin, ymax)
			l, err := plotter.NewLine(pts)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: col, Width: DefaultTheme.GuideWidth}
			side, pt := "der.", plotter.XY{X: x0 + h, Y: fr}
			if k == 1 {
				l.LineStyle.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
				side, pt = "izq.", plotter.XY{X: x0 - h, Y: fl}
			} else {
				thumb = l
			}
			p.Add(l)
			entry = append(entry, side+" "+fmtNum(s))
			if finite(pt.X, pt.Y) {
				sc, _ := plotter.NewScatter(plotter.XYs{pt})
				sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: DefaultTheme.MarkerRadius * 0.8, Shape: draw.CircleGlyph{}}
				p.Add(sc)
			}
		}
		if thumb != nil {
			lbl := fmt.Sprintf("h = %s: %s", fmtNum(h), strings.Join(entry, ", "))
			p.Legend.Add(lbl, thumb)
			labels = append(labels, lbl)
		}
	}
	roomForLegend(p, allLinePoints(p, f, a, b, x0, hs), labels)
	return p, nil
}

// allLinePoints samples f and the secant lines for legend placement.
func allLinePoints(p *plot.Plot, f func(float64) float64, a, b, x0 float64, hs []float64) plotter.XYs {
	pts := sample(f, a, b, 100)
	y0 := f(x0)
	for _, h := range hs {
		mr, ml := (f(x0+h)-y0)/h, (y0-f(x0-h))/h
		for _, m := range []float64{mr, ml} {
			for _, q := range sample(func(x float64) float64 { return y0 + m*(x-x0) }, a, b, 50) {
				if q.Y >= p.Y.Min && q.Y <= p.Y.Max {
					pts = append(pts, q)
				}
			}
		}
	}
	return pts
}

// secantColor goes from light to dark grey-blue as h shrinks, so the
// ordering reads in greyscale too.
func secantColor(i, n int) color.Color {
	t := 1.0
	if n > 1 {
		t = float64(i) / float64(n-1)
	}
	v := uint8(190 - 150*t)
	return color.RGBA{R: v / 2, G: v, B: uint8(math.Min(255, float64(v)+60)), A: 255}
}

// Descent1D plots E on [a, b] and the descent path (ws[i], es[i]) on it:
// numbered points and arrows from step to step. es may be nil (then es[i] =
// E(ws[i])). A diverging path (Inf/NaN) is drawn up to its last finite
// point with a note under the title. If a ≥ b the window is chosen around the finite path.
func Descent1D(E func(float64) float64, a, b float64, ws, es []float64) (*plot.Plot, error) {
	p := New("Descenso de gradiente en 1D", "$w$", "$E(w)$")
	if err := addDescent1D(p, E, a, b, ws, es, -1); err != nil {
		return nil, err
	}
	return p, nil
}

// addDescent1D draws the first k+1 points of the path (all if k < 0).
func addDescent1D(p *plot.Plot, E func(float64) float64, a, b float64, ws, es []float64, k int) error {
	if len(ws) == 0 {
		return ErrEmpty
	}
	if es == nil {
		es = make([]float64, len(ws))
		for i, w := range ws {
			es[i] = E(w)
		}
	}
	n, cut, err := FinitePrefix(ws, es)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("gdplot: the path has no finite point (w0 = %v)", ws[0])
	}
	if !(a < b) || !finite(a, b) {
		lo, hi := ws[0], ws[0]
		for _, w := range ws[:n] {
			lo, hi = math.Min(lo, w), math.Max(hi, w)
		}
		pad := 0.15*(hi-lo) + 0.5
		a, b = lo-pad, hi+pad
	}
	m := n
	if k >= 0 && k+1 < n {
		m = k + 1
	}
	xys := sample(E, a, b, curveSamples)
	cl, err := line(xys, 0)
	if err != nil {
		return err
	}
	p.Add(cl)
	// Only points inside the window are drawn.
	var pts plotter.XYs
	out := 0
	for i := 0; i < m; i++ {
		if ws[i] < a || ws[i] > b {
			out++
			break
		}
		pts = append(pts, plotter.XY{X: ws[i], Y: es[i]})
	}
	if len(pts) > 1 {
		arr := &Arrows{XYs: pts, LineStyle: draw.LineStyle{Color: DefaultTheme.Color(1), Width: DefaultTheme.GuideWidth}, Shrink: DefaultTheme.MarkerRadius + vg.Points(1)}
		p.Add(arr)
	}
	if len(pts) > 0 {
		sc, err := markers(pts, 1, draw.CircleGlyph{})
		if err != nil {
			return err
		}
		p.Add(sc)
		lab, err := numberLabels(pts, 0)
		if err != nil {
			return err
		}
		p.Add(lab)
	}
	var notes []string
	if out > 0 {
		notes = append(notes, fmt.Sprintf("sale de la ventana (paso %d)", len(pts)))
	}
	if cut && (k < 0 || k+1 >= n) {
		notes = append(notes, fmt.Sprintf("diverge: no finito (paso %d)", n))
	}
	if len(notes) > 0 {
		// Under the title, so that the note never hides the path.
		p.Title.Text += "\n" + strings.Join(notes, "\n")
	}
	p.X.Min, p.X.Max = a, b
	return nil
}

// DescentSequence returns the "figure sequence" of the slides: k panels
// (in rows of at most 3), panel i showing the path up to step i, all with
// the same axes.
func DescentSequence(E func(float64) float64, a, b float64, ws, es []float64, k int) (*Figure, error) {
	frames, err := DescentFrames(E, a, b, ws, es, k)
	if err != nil {
		return nil, err
	}
	cols := min(3, len(frames))
	rows := (len(frames) + cols - 1) / cols
	fig, _ := NewGrid(rows, cols)
	fig.Width = vg.Length(cols) * 4 * vg.Inch
	fig.Height = vg.Length(rows) * 3.2 * vg.Inch
	for i, fr := range frames {
		fig.Set(i/cols, i%cols, fr)
	}
	fig.ShareX, fig.ShareY = true, true
	return fig, nil
}

// DescentFrames returns k plots, frame i (0-based) showing E and the path up
// to step i; they are the frames of an animation (see package nb).
func DescentFrames(E func(float64) float64, a, b float64, ws, es []float64, k int) ([]*plot.Plot, error) {
	if k <= 0 {
		return nil, fmt.Errorf("gdplot: number of frames k = %d must be positive", k)
	}
	if len(ws) == 0 {
		return nil, ErrEmpty
	}
	k = min(k, len(ws))
	out := make([]*plot.Plot, k)
	for i := range out {
		p := New(fmt.Sprintf("Paso %d", i), "$w$", "$E(w)$")
		if err := addDescent1D(p, E, a, b, ws, es, i); err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// Run1D is one descent run for AlphaPanels: Label (e.g. "$\alpha$ = 0.01,
// demasiado chico") and the path ws, es (es may be nil).
type Run1D struct {
	Label  string
	Ws, Es []float64
}

// AlphaPanels draws the runs side by side on E over the same window [a, b]
// and shared axes: the slide "Efecto de α" (too small / right / too large).
// A run that leaves the window or diverges is drawn up to that point with
// a note.
func AlphaPanels(E func(float64) float64, a, b float64, runs []Run1D) (*Figure, error) {
	if len(runs) == 0 {
		return nil, ErrEmpty
	}
	if err := checkInterval(a, b); err != nil {
		return nil, err
	}
	ps := make([]*plot.Plot, len(runs))
	for i, r := range runs {
		p := New(r.Label, "$w$", "$E(w)$")
		if err := addDescent1D(p, E, a, b, r.Ws, r.Es, -1); err != nil {
			return nil, fmt.Errorf("gdplot: run %d: %w", i, err)
		}
		ps[i] = p
	}
	fig := Panels(ps...)
	fig.Width = vg.Length(len(ps)) * 4.2 * vg.Inch
	fig.Height = 3.8 * vg.Inch
	fig.ShareX, fig.ShareY = true, true
	return fig, nil
}

// Series is one named sequence of values, e.g. the loss per iteration.
type Series struct {
	Label string
	Y     []float64
}

// LossCurve plots each series against its iteration index 0, 1, 2, ... .
// With logY the y axis is logarithmic and non-positive values are skipped.
// Non-finite values end a series (with a note that it diverged).
func LossCurve(logY bool, series ...Series) (*plot.Plot, error) {
	if len(series) == 0 {
		return nil, ErrEmpty
	}
	ylabel := "$E(\\mathbf{w})$"
	if logY {
		ylabel = "$E(\\mathbf{w})$ (escala log)"
	}
	p := New("Error por iteración", "iteración", ylabel)
	p.X.Tick.Marker = intTicks{} // iterations are whole numbers
	any := false
	var notes []string
	var all plotter.XYs
	for i, s := range series {
		var xys plotter.XYs
		for k, y := range s.Y {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				notes = append(notes, fmt.Sprintf("%s diverge en la iteración %d", s.Label, k))
				break
			}
			if logY {
				if y <= 0 {
					continue
				}
				// A log axis is drawn as log10(y) on a linear axis labelled
				// 10^k: gonum v0.17 centres the y label's glyph box at
				// Norm((min+max)/2), which on plot.LogScale lies near the
				// top and leaves an empty band under the title.
				y = math.Log10(y)
			}
			xys = append(xys, plotter.XY{X: float64(k), Y: y})
		}
		if len(xys) == 0 {
			continue
		}
		any = true
		all = append(all, xys...)
		l, err := line(xys, i)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if len(xys) == 1 {
			sc, _ := markers(xys, i, draw.CircleGlyph{})
			p.Add(sc)
		}
		if s.Label != "" {
			p.Legend.Add(s.Label, l)
		}
	}
	if !any {
		return nil, fmt.Errorf("gdplot: no plottable value in the series: %w", ErrEmpty)
	}
	if logY {
		p.Y.Tick.Marker = exponentTicks{}
		p.Y.Tick.Label.Handler = MathText{}
	}
	placeLegend(p, all)
	if len(notes) > 0 {
		n := notes[0]
		if len(notes) > 1 {
			n += fmt.Sprintf(" (y %d más)", len(notes)-1)
		}
		// The note takes the emptiest corner the legend does not use.
		c := emptiestCorner(p, all, true)
		p.Add(&Note{Text: n, Right: !c.left, Bottom: !c.top})
	}
	return p, nil
}

// DecadeTicks marks powers of ten on a log axis, labelled $10^{k}$ (set the
// tick label handler to MathText), thinned as exponentTicks.
type DecadeTicks struct{}

// Ticks implements plot.Ticker. Up to 6 decades every power of ten is
// labelled; over a wider range only the multiples of a round step of
// decades (2, 5, 10, 20, 50, 100, ...) are, with unlabelled minor ticks
// (every decade up to 40 decades, else every step/5), so an axis from 1 to
// 1e308 (a diverging run) stays readable.
func (DecadeTicks) Ticks(min, max float64) []plot.Tick {
	if !(min > 0) || !(max >= min) || math.IsInf(max, 0) {
		return nil
	}
	ts := exponentTicks{}.Ticks(math.Log10(min)-1e-9, math.Log10(max)+1e-9)
	for i := range ts {
		ts[i].Value = math.Pow(10, ts[i].Value)
	}
	return ts
}

func max1(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// superscript returns "$10^{k}$" (typeset by MathText).
func superscript(k int) string {
	return fmt.Sprintf("$10^{%d}$", k)
}
