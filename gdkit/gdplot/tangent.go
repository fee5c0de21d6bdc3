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
