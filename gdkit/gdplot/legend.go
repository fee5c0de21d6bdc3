package gdplot

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

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

// corner is a corner of the data area: top or bottom, left or right.
type corner struct{ top, left bool }

// corners in order of preference on ties.
var corners = []corner{{true, false}, {true, true}, {false, false}, {false, true}}

// cornerCount is the number of pts in corner c of p's data range; each
// corner box is 45% of the width and 40% of the height. It is -1 when the
// range is empty.
func cornerCount(p *plot.Plot, pts plotter.XYs, c corner) int {
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	if !(x1 > x0) || !(y1 > y0) {
		return -1
	}
	n := 0
	for _, q := range pts {
		fx, fy := (q.X-x0)/(x1-x0), (q.Y-y0)/(y1-y0)
		inX := (c.left && fx <= 0.45) || (!c.left && fx >= 0.55)
		inY := (c.top && fy >= 0.6) || (!c.top && fy <= 0.4)
		if inX && inY {
			n++
		}
	}
	return n
}

// emptiestCorner is the corner of p's data range holding the fewest of pts,
// skipping the corner of the legend when skipLegend is set (ties go to the
// first in corners: top-right, top-left, bottom-right, bottom-left).
func emptiestCorner(p *plot.Plot, pts plotter.XYs, skipLegend bool) corner {
	best, bestN := corners[0], math.MaxInt
	for _, c := range corners {
		if skipLegend && c.top == p.Legend.Top && c.left == p.Legend.Left {
			continue
		}
		if n := cornerCount(p, pts, c); n < bestN {
			best, bestN = c, n
		}
	}
	return best
}

// placeLegend puts the legend of p in the corner of the data range holding
// the fewest of the given points (top-right preferred on ties, then
// top-left, bottom-right, bottom-left). Each corner box is 45% of the width
// and 40% of the height; logY measures heights in log10(y).
func placeLegend(p *plot.Plot, pts plotter.XYs) {
	if len(pts) == 0 || cornerCount(p, pts, corners[0]) < 0 {
		return
	}
	best := emptiestCorner(p, pts, false)
	p.Legend.Top, p.Legend.Left = best.top, best.left
}

// legendThumb is a legend thumbnail drawn as a short line.
type legendThumb struct{ draw.LineStyle }

func (t *legendThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(t.LineStyle, c.Min.X, y, c.Max.X, y)
}
