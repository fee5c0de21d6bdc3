package gdplot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// FitEvolution plots the data (xs[i], ys[i]) as points and the fitted
// model at several iterations: models[k] is the model after iters[k]
// iterations, drawn over [min xs, max xs] in a sequential colour map from
// light (early) to dark (late), the last one solid in the accent colour.
// Each line is labelled on the plot with its iteration, "$k$ = 10", where
// the label covers no other label or data point; the legend names the data
// and the lines.
func FitEvolution(xs, ys []float64, models []func(float64) float64, iters []int) (*plot.Plot, error) {
	if len(xs) == 0 || len(models) == 0 {
		return nil, fmt.Errorf("gdplot: FitEvolution has %d data points and %d models: %w", len(xs), len(models), gdkit.ErrEmpty)
	}
	if len(xs) != len(ys) || len(iters) != len(models) {
		return nil, fmt.Errorf("gdplot: ragged input: %d x, %d y, %d models, %d iteration numbers: %w", len(xs), len(ys), len(models), len(iters), gdkit.ErrDimension)
	}
	xys := make(plotter.XYs, 0, len(xs))
	for i := range xs {
		if finite(xs[i], ys[i]) {
			xys = append(xys, plotter.XY{X: xs[i], Y: ys[i]})
		}
	}
	if len(xys) == 0 {
		return nil, fmt.Errorf("gdplot: no finite data point: %w", gdkit.ErrNotFinite)
	}
	p := New("Ajuste del modelo durante el descenso", "$x$", "$y$")
	xmin, xmax, _, _ := plotter.XYRange(xys)
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	labels := &lineLabels{}
	var thumb *plotter.Line
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
			l.LineStyle = draw.LineStyle{Color: sequentialColor(k, len(models)-1), Width: DefaultTheme.GuideWidth * 1.2}
			if thumb == nil || k == (len(models)-1)/2 {
				thumb = l
			}
		}
		p.Add(l)
		labels.items = append(labels.items, lineLabel{pts: pts, text: fmt.Sprintf("$k$ = %d", iters[k]), color: l.LineStyle.Color})
	}
	sc, err := markers(xys, 2, draw.CircleGlyph{}) // black: the lines are blue
	if err != nil {
		return nil, err
	}
	p.Add(sc)
	// The last model is labelled first: it matters most.
	for i, j := 0, len(labels.items)-1; i < j; i, j = i+1, j-1 {
		labels.items[i], labels.items[j] = labels.items[j], labels.items[i]
	}
	p.Add(labels)
	p.Legend.Add("datos", sc)
	if thumb != nil {
		p.Legend.Add("recta en la iteración $k$", thumb)
	}
	all := append(plotter.XYs{}, xys...)
	for _, m := range models {
		all = append(all, sample(m, xmin, xmax, 50)...)
	}
	placeLegend(p, all)
	return p, nil
}

// sequentialColor is colour k of n + 1 steps of a sequential blue map, from
// light (k = 0, grey level ≈ 0.72) to dark (k = n, ≈ 0.2), luminance
// decreasing evenly so the order reads in greyscale too.
func sequentialColor(k, n int) color.Color {
	cm, err := moreland.NewLuminance([]color.Color{ // dark to light
		color.NRGBA{R: 0x08, G: 0x30, B: 0x6b, A: 0xff},
		color.NRGBA{R: 0x3d, G: 0x8d, B: 0xc4, A: 0xff},
		color.NRGBA{R: 0x9e, G: 0xc9, B: 0xe2, A: 0xff},
	})
	if err != nil {
		return color.Gray{Y: uint8(180 - 130*float64(k)/math.Max(1, float64(n)))}
	}
	cm.SetMin(0)
	cm.SetMax(1)
	c, err := cm.At(1 - math.Min(1, float64(k)/math.Max(1, float64(n))))
	if err != nil {
		return color.Gray{Y: 128}
	}
	return c
}

// lineLabels is a plot.Plotter writing a label on each of several curves,
// in the curve's colour, on a white patch, at the first free place along
// it: just above or below the curve, from 92 % of its x range leftwards.
type lineLabels struct {
	items []lineLabel
}

// lineLabel is one curve (its sample points) and its label.
type lineLabel struct {
	pts   plotter.XYs
	text  string
	color color.Color
}

// Plot implements plot.Plotter.
func (ll *lineLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	type item struct {
		pts []vg.Point
		lineLabel
	}
	items := make([]item, len(ll.items))
	for k, it := range ll.items {
		items[k].lineLabel = it
		for _, q := range it.pts {
			items[k].pts = append(items[k].pts, vg.Point{X: trX(q.X), Y: trY(q.Y)})
		}
	}
	deferLabel(p, c, orderLine, func(l *layout, c draw.Canvas) {
		for _, it := range items {
			sty := labelStyle()
			sty.Color = it.color
			sz, _ := textExtent(sty, it.text)
			var ats []vg.Point
			n := len(it.pts)
			for f := 0.92; f > 0.05; f -= 0.04 {
				i := int(f * float64(n-1))
				a, b := it.pts[max(i-2, 0)], it.pts[min(i+2, n-1)]
				u := dir(float64(b.X-a.X), float64(b.Y-a.Y))
				nrm := vg.Point{X: -u.Y, Y: u.X}
				if nrm.Y < 0 {
					nrm = vg.Point{X: -nrm.X, Y: -nrm.Y}
				}
				reach := vg.Points(3) + vg.Length(math.Abs(float64(nrm.X)))*sz.X/2 + vg.Length(math.Abs(float64(nrm.Y)))*sz.Y/2
				q := it.pts[i]
				ats = append(ats,
					vg.Point{X: q.X + nrm.X*reach, Y: q.Y + nrm.Y*reach},
					vg.Point{X: q.X - nrm.X*reach, Y: q.Y - nrm.Y*reach})
			}
			l.placeAt(c, it.text, sty, ats, c.Rectangle)
		}
	})
}
