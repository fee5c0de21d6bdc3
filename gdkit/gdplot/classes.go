package gdplot

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Boundary is the decision boundary of a linear classifier with two
// features, the line
//
//	w₁x₁ + w₂x₂ + b = 0,
//
// with W = (w₁, w₂, b) in gdkit's parameter order (bias last), e.g. the
// final w of a logistic regression or a linear SVM.
type Boundary struct {
	Label string    // legend entry, e.g. "regresión logística"
	W     []float64 // (w₁, w₂, b)
}

// Classes plots two-class data with two features and the decision
// boundaries of linear classifiers. x is row-major n×2 (x[2i], x[2i+1] are
// the features of row i) and y holds the n labels: y > 0 is the positive
// class, y ≤ 0 (0 or −1) the negative one; they are drawn as two marker
// shapes and colours. Each boundary is drawn as a line clipped to the data
// window (the data range padded by 5 %, and by 30 % more above the data
// for the legend); a boundary that misses the window
// is listed in a note. Rows with a non-finite feature are skipped.
//
// Errors: no data, ragged input (len(x) ≠ 2·len(y)), a non-finite label,
// a boundary whose W is not 3 finite numbers or has w₁ = w₂ = 0 (no line).
func Classes(x, y []float64, boundaries ...Boundary) (*plot.Plot, error) {
	if len(y) == 0 {
		return nil, fmt.Errorf("gdplot: Classes has no labels: %w", gdkit.ErrEmpty)
	}
	if len(x) != 2*len(y) {
		return nil, fmt.Errorf("gdplot: Classes wants x of 2 features per label: %d values for %d labels: %w", len(x), len(y), gdkit.ErrDimension)
	}
	for k, bd := range boundaries {
		if len(bd.W) != 3 {
			return nil, fmt.Errorf("gdplot: boundary %d (%q): W must be (w1, w2, b), got %d numbers: %w", k, bd.Label, len(bd.W), gdkit.ErrDimension)
		}
		if !finite(bd.W[0], bd.W[1]) || !finite(bd.W[2], 0) {
			return nil, fmt.Errorf("gdplot: boundary %d (%q): W = %v: %w", k, bd.Label, bd.W, gdkit.ErrNotFinite)
		}
		if bd.W[0] == 0 && bd.W[1] == 0 {
			return nil, fmt.Errorf("gdplot: boundary %d (%q): w1 = w2 = 0 is not a line: %w", k, bd.Label, errBadParam)
		}
	}
	var neg, pos plotter.XYs
	negLabel := "clase 0"
	for i, lab := range y {
		if math.IsNaN(lab) || math.IsInf(lab, 0) {
			return nil, fmt.Errorf("gdplot: label %d is %v: %w", i, lab, gdkit.ErrNotFinite)
		}
		if lab < 0 {
			negLabel = "clase −1"
		}
		if !finite(x[2*i], x[2*i+1]) {
			continue
		}
		xy := plotter.XY{X: x[2*i], Y: x[2*i+1]}
		if lab > 0 {
			pos = append(pos, xy)
		} else {
			neg = append(neg, xy)
		}
	}
	all := append(append(plotter.XYs{}, neg...), pos...)
	if len(all) == 0 {
		return nil, fmt.Errorf("gdplot: no finite data point: %w", gdkit.ErrNotFinite)
	}
	p := New("Datos y fronteras de decisión", "$x_1$", "$x_2$")
	x0, x1, y0, y1 := plotter.XYRange(all)
	padX, padY := 0.05*(x1-x0), 0.05*(y1-y0)
	if padX == 0 {
		padX = 1
	}
	if padY == 0 {
		padY = 1
	}
	// Extra room above the data keeps the legend off the points.
	x0, x1, y0, y1 = x0-padX, x1+padX, y0-padY, y1+padY+0.3*(y1-y0)
	for k, set := range []struct {
		pts   plotter.XYs
		label string
		shape draw.GlyphDrawer
		color int
	}{{neg, negLabel, draw.CircleGlyph{}, 0}, {pos, "clase 1", draw.TriangleGlyph{}, 1}} {
		if len(set.pts) == 0 {
			continue
		}
		s, err := markers(set.pts, set.color, set.shape)
		if err != nil {
			return nil, fmt.Errorf("gdplot: class %d: %w", k, err)
		}
		p.Add(s)
		p.Legend.Add(set.label, s)
	}
	var missed []string
	legendAvoid := append(plotter.XYs{}, all...)
	for k, bd := range boundaries {
		a, b, ok := clipBoundary(bd.W[0], bd.W[1], bd.W[2], x0, x1, y0, y1)
		if !ok {
			missed = append(missed, bd.Label)
			continue
		}
		l, err := plotter.NewLine(plotter.XYs{a, b})
		if err != nil {
			return nil, err
		}
		// Boundaries: black solid, then green, purple, orange dashed (the
		// classes use blue and vermillion).
		l.LineStyle = DefaultTheme.Line(k)
		l.LineStyle.Color = DefaultTheme.Color([]int{2, 4, 5, 3}[k%4])
		p.Add(l)
		p.Legend.Add(bd.Label, l)
		for i := 0; i <= 40; i++ { // keep the legend off the line too
			t := float64(i) / 40
			legendAvoid = append(legendAvoid, plotter.XY{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)})
		}
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0, x1, y0, y1
	// The legend goes in the headroom, in the top corner with fewer points
	// and boundary samples.
	var nLeft, nRight int
	for _, q := range legendAvoid {
		fx, fy := (q.X-x0)/(x1-x0), (q.Y-y0)/(y1-y0)
		if fy < 0.72 {
			continue
		}
		if fx <= 0.5 {
			nLeft++
		} else {
			nRight++
		}
	}
	p.Legend.Top, p.Legend.Left = true, nLeft < nRight
	if len(missed) > 0 {
		p.Add(&note{Text: fmt.Sprintf("fuera de la ventana: %v", missed), Right: p.Legend.Left || !p.Legend.Top})
	}
	return p, nil
}

// clipBoundary returns the segment of the line w1·x + w2·y + b = 0 inside the
// rectangle [x0, x1] × [y0, y1] (Liang–Barsky clipping of the line written
// as p0 + t·d with d = (w2, −w1) and p0 its point closest to the origin),
// and false when the line misses the rectangle or touches it in one point.
func clipBoundary(w1, w2, b, x0, x1, y0, y1 float64) (plotter.XY, plotter.XY, bool) {
	nn := w1*w1 + w2*w2
	px, py := -b*w1/nn, -b*w2/nn
	dx, dy := w2, -w1
	tlo, thi := math.Inf(-1), math.Inf(1)
	for _, c := range []struct{ d, lo, hi float64 }{{dx, x0 - px, x1 - px}, {dy, y0 - py, y1 - py}} {
		if c.d == 0 {
			if c.lo > 0 || c.hi < 0 { // parallel and outside
				return plotter.XY{}, plotter.XY{}, false
			}
			continue
		}
		t1, t2 := c.lo/c.d, c.hi/c.d
		if t1 > t2 {
			t1, t2 = t2, t1
		}
		tlo, thi = math.Max(tlo, t1), math.Min(thi, t2)
	}
	if !(thi > tlo) {
		return plotter.XY{}, plotter.XY{}, false
	}
	return plotter.XY{X: px + tlo*dx, Y: py + tlo*dy}, plotter.XY{X: px + thi*dx, Y: py + thi*dy}, true
}
