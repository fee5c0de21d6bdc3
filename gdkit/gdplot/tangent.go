package gdplot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Tangent plots f on [a, b] with its tangent line y = f(x0) + m·(x − x0) at
// x0, and the point (x0, f(x0)) labelled "f′(x₀) = m" on the side of the
// tangent away from the curve. The slope m comes from the caller: the
// analytic f′(x0), or gdkit.Derivative(f, x0, nil). A NaN or infinite m, f(x0)
// or x0 is an error wrapping gdkit.ErrNotFinite; a ≥ b a bad-parameter error.
func Tangent(f func(float64) float64, a, b, x0, m float64) (*plot.Plot, error) {
	if !finite(m, 0) {
		return nil, fmt.Errorf("gdplot: tangent slope m = %v at x0 = %v: %w", m, x0, gdkit.ErrNotFinite)
	}
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
	if !finite(x0, y0) {
		return nil, nil, fmt.Errorf("gdplot: f(%v) = %v: %w", x0, y0, gdkit.ErrNotFinite)
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
func slopeLabel(p *plot.Plot, f func(float64) float64, a, b, x0, y0, m float64) *pointLabels {
	d := (b - a) / 40
	below := f(x0+d)+f(x0-d)-2*y0 >= 0 // convex: the curve is above the tangent
	right := (m > 0) == below
	u := dir(1, 1)
	if !right {
		u.X = -u.X
	}
	if below {
		u.Y = -u.Y
	}
	sty := labelStyle()
	sty.Font = p.Legend.TextStyle.Font
	return &pointLabels{items: []pointLabel{{
		xy: plotter.XY{X: x0, Y: y0}, text: "$f'(x_0)$ = " + fmtNum(m), sty: sty,
		dirs: []vg.Point{u}, keep: DefaultTheme.MarkerRadius + vg.Points(3),
	}}}
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

// Secants plots f on [a, b] and, for each h in hs, the right secant
// through x0 and x0+h, of slope gdkit.Quotient(f, x0, h) = (f(x0+h) − f(x0))/h
// (solid), and the left secant through x0−h and x0, of slope
// gdkit.Quotient(f, x0, −h) = (f(x0) − f(x0−h))/h (dashed), one legend entry
// per h giving both slopes. As h → 0 both approach the tangent, drawn with
// the slope gdkit.Derivative(f, x0, nil). At a kink (gdkit.ErrKink: the
// one-sided limits disagree) they approach different lines: no tangent is
// drawn and a note says so.
//
// Errors: no steps (gdkit.ErrEmpty), a step h that is not positive and
// finite or a ≥ b (bad parameter), a non-finite f(x0) or derivative
// (gdkit.ErrNotFinite).
func Secants(f func(float64) float64, a, b, x0 float64, hs []float64) (*plot.Plot, error) {
	if len(hs) == 0 {
		return nil, fmt.Errorf("gdplot: Secants needs at least one step h: %w", gdkit.ErrEmpty)
	}
	for _, h := range hs {
		if !(h > 0) || math.IsInf(h, 0) {
			return nil, fmt.Errorf("gdplot: secant step h = %v must be positive and finite: %w", h, errBadParam)
		}
	}
	m, err := gdkit.Derivative(f, x0, nil)
	kink := errors.Is(err, gdkit.ErrKink)
	if err != nil && !kink {
		return nil, fmt.Errorf("gdplot: Secants at x0 = %v: %w", x0, err)
	}
	p, _, err := tangentPlot(f, a, b, x0, m, !kink)
	if err != nil {
		return nil, err
	}
	if kink {
		// Top centre: between the two branches that meet at the kink.
		p.Add(&note{Text: "derivadas laterales distintas: no hay tangente", Center: true})
	}
	p.Title.Text = "Secantes por la izquierda y la derecha en $x_0$ = " + fmtNum(x0)
	_, _, ymin, ymax := plotter.XYRange(sample(f, a, b, curveSamples))
	y0 := f(x0)
	labels := []string{"$f(x)$"}
	if !kink {
		labels = append(labels, "tangente en $x_0$")
	}
	var slopes []float64
	for i, h := range hs {
		col := secantColor(i, len(hs))
		var entry []string
		var thumb *plotter.Line
		for _, step := range []float64{h, -h} {
			s, err := gdkit.Quotient(f, x0, step)
			if err != nil {
				continue // f is not finite at x0 ± h: no secant
			}
			sec := clipLine(func(x float64) float64 { return y0 + s*(x-x0) }, a, b, ymin, ymax)
			l, err := plotter.NewLine(sec)
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: col, Width: DefaultTheme.GuideWidth}
			side := "der."
			if step < 0 {
				l.LineStyle.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
				side = "izq."
			} else {
				thumb = l
			}
			p.Add(l)
			entry = append(entry, side+" "+fmtNum(s))
			sc, _ := plotter.NewScatter(plotter.XYs{{X: x0 + step, Y: f(x0 + step)}})
			sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: DefaultTheme.MarkerRadius * 0.8, Shape: draw.CircleGlyph{}}
			p.Add(sc)
			slopes = append(slopes, s)
		}
		if thumb != nil {
			lbl := fmt.Sprintf("$h$ = %s: %s", fmtNum(h), strings.Join(entry, ", "))
			p.Legend.Add(lbl, thumb)
			labels = append(labels, lbl)
		}
	}
	roomForLegend(p, linePoints(p, f, a, b, x0, slopes), labels)
	return p, nil
}

// linePoints samples f and the lines through (x0, f(x0)) of the given
// slopes (inside p's y range), for legend placement.
func linePoints(p *plot.Plot, f func(float64) float64, a, b, x0 float64, slopes []float64) plotter.XYs {
	pts := sample(f, a, b, 100)
	y0 := f(x0)
	for _, m := range slopes {
		for _, q := range sample(func(x float64) float64 { return y0 + m*(x-x0) }, a, b, 50) {
			if q.Y >= p.Y.Min && q.Y <= p.Y.Max {
				pts = append(pts, q)
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
