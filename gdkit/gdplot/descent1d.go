package gdplot

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

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
		return fmt.Errorf("gdplot: the descent path has no point: %w", gdkit.ErrEmpty)
	}
	if es == nil {
		es = make([]float64, len(ws))
		for i, w := range ws {
			es[i] = E(w)
		}
	}
	n, cut, err := finitePrefix(ws, es)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("gdplot: the path has no finite point (w0 = %v): %w", ws[0], gdkit.ErrNotFinite)
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
		arr := &arrows{XYs: pts, LineStyle: draw.LineStyle{Color: DefaultTheme.Color(1), Width: DefaultTheme.GuideWidth}, Shrink: DefaultTheme.MarkerRadius + vg.Points(1)}
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
	zeroFloor(p)
	return nil
}

// zeroFloor starts the y axis of p at 0 when its data are positive and
// start within a fifth of their top (an error E ≥ 0 seen from 0), so the
// axis reads 0, 5, 10, 15 rather than starting at an odd value.
func zeroFloor(p *plot.Plot) {
	if p.Y.Min > 0 && p.Y.Min <= 0.2*p.Y.Max {
		p.Y.Min = 0
	}
}

// DescentSequence returns the "figure sequence" of the slides: k panels
// (in rows of at most 3), panel i showing the path up to step i, all with
// the same axes.
func DescentSequence(E func(float64) float64, a, b float64, ws, es []float64, k int) (*Figure, error) {
	frames, err := descentPlots(E, a, b, ws, es, k)
	if err != nil {
		return nil, err
	}
	cols := min(3, len(frames))
	rows := (len(frames) + cols - 1) / cols
	fig, _ := PanelGrid(rows, cols)
	fig.Width = vg.Length(cols) * 4 * vg.Inch
	fig.Height = vg.Length(rows) * 3.2 * vg.Inch
	for i, fr := range frames {
		fig.Set(i/cols, i%cols, fr)
	}
	fig.ShareX, fig.ShareY = true, true
	return fig, nil
}

// DescentFrames returns the frames of an animation of the descent: k
// single-plot figures (at most len(ws)), frame i (0-based) showing E on
// [a, b] and the path up to step i, as the panels of DescentSequence. Show
// them with nb.Animate, or save them with SaveGIF.
func DescentFrames(E func(float64) float64, a, b float64, ws, es []float64, k int) ([]*Figure, error) {
	ps, err := descentPlots(E, a, b, ws, es, k)
	if err != nil {
		return nil, err
	}
	frames := make([]*Figure, len(ps))
	for i, p := range ps {
		frames[i] = Single(p)
	}
	return frames, nil
}

// descentPlots returns the k plots of DescentFrames.
func descentPlots(E func(float64) float64, a, b float64, ws, es []float64, k int) ([]*plot.Plot, error) {
	if k <= 0 {
		return nil, fmt.Errorf("gdplot: number of frames k = %d must be positive: %w", k, errBadParam)
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("gdplot: the descent path has no point: %w", gdkit.ErrEmpty)
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

// Run1D is one descent run for AlphaPanels.
type Run1D struct {
	Label  string    // panel title, e.g. "$\alpha$ = 0.01, demasiado chico"
	Ws, Es []float64 // the path: w_k and E(w_k); Es may be nil (then E(Ws[k]))
}

// AlphaPanels draws the runs side by side on E over the same window [a, b]
// and shared axes: the slide "Efecto de α" (too small / right / too large).
// Up to three runs go in one row; four in a 2×2 grid, more in rows of three,
// so the panels keep a readable aspect. A run that leaves the window or
// diverges is drawn up to that point with a note.
func AlphaPanels(E func(float64) float64, a, b float64, runs []Run1D) (*Figure, error) {
	if len(runs) == 0 {
		return nil, fmt.Errorf("gdplot: AlphaPanels has no run: %w", gdkit.ErrEmpty)
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
	cols := min(len(ps), 3)
	if len(ps) == 4 {
		cols = 2
	}
	rows := (len(ps) + cols - 1) / cols
	fig, _ := PanelGrid(rows, cols)
	for i, p := range ps {
		fig.Set(i/cols, i%cols, p)
	}
	fig.Width = vg.Length(cols) * 4.2 * vg.Inch
	fig.Height = vg.Length(rows) * 3.8 * vg.Inch
	fig.ShareX, fig.ShareY = true, true
	return fig, nil
}
