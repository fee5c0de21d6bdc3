package gdplot

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"gdkit.dev/gdkit"
)

// Masking. A grid is data: where E is not defined (log w1 for w1 ≤ 0, a
// pole, an overflow) its values are NaN or ±Inf, and the figures mask them
// as matplotlib does. A cell (four neighbouring nodes) with a non-finite
// corner is masked: no contour line enters it, the filled contour leaves it
// blank, the surface draws no quad for it; an arrow of a quiver is skipped
// where either component is non-finite. Levels and colour ranges come from
// the finite values only, and the figure says in a small note how many
// cells (or arrows) it masked. A grid with no finite value at all is an
// error wrapping gdkit.ErrNotFinite.

// gridMask is a grid read for a contour-like figure: its values, their
// finite range, and which cells can be drawn.
type gridMask struct {
	gridValues
	lo, hi float64 // smallest and largest finite value
	ok     []bool  // cell (i, j) at j·(c−1) + i: its four corners are finite
	masked int     // cells with a non-finite corner
}

// readMasked reads g (at least 2×2, see readGrid) and its mask. Errors as
// readGrid, and gdkit.ErrNotFinite when no value is finite.
func readMasked(g plotter.GridXYZ) (*gridMask, error) {
	gv, err := readGrid(g, 2)
	if err != nil {
		return nil, err
	}
	lo, hi, ok := finiteRange(gv.zs)
	if !ok {
		return nil, fmt.Errorf("gdplot: every value of the %d×%d grid is NaN or ±Inf: nothing to draw: %w", len(gv.xs), len(gv.ys), gdkit.ErrNotFinite)
	}
	m := &gridMask{gridValues: gv, lo: lo, hi: hi}
	nc, nr := len(gv.xs), len(gv.ys)
	m.ok = make([]bool, (nc-1)*(nr-1))
	for j := range nr - 1 {
		for i := range nc - 1 {
			k := j*nc + i
			fin := finite(gv.zs[k], gv.zs[k+1]) && finite(gv.zs[k+nc], gv.zs[k+nc+1])
			m.ok[j*(nc-1)+i] = fin
			if !fin {
				m.masked++
			}
		}
	}
	return m, nil
}

// cellOK reports whether cell (i, j) can be drawn.
func (m *gridMask) cellOK(i, j int) bool {
	return m.ok[j*(len(m.xs)-1)+i]
}

// cellRect is a rectangle of cells, columns i0…i1 and rows j0…j1.
type cellRect struct{ i0, j0, i1, j1 int }

// rects covers the drawable cells with rectangles: runs of drawable cells
// along each row, merged with the run just below when they span the same
// columns. Cells outside them are masked.
func (m *gridMask) rects() []cellRect {
	nc, nr := len(m.xs)-1, len(m.ys)-1
	var out []cellRect
	open := map[[2]int]int{} // run [i0, i1] of the previous row → index in out
	for j := range nr {
		next := map[[2]int]int{}
		for i := 0; i < nc; {
			if !m.cellOK(i, j) {
				i++
				continue
			}
			i0 := i
			for i < nc && m.cellOK(i, j) {
				i++
			}
			run := [2]int{i0, i - 1}
			k, ok := open[run]
			if ok {
				out[k].j1 = j
			} else {
				k = len(out)
				out = append(out, cellRect{i0: run[0], j0: j, i1: run[1], j1: j})
			}
			next[run] = k
		}
		open = next
	}
	return out
}

// sub is the plotter.GridXYZ of the nodes of a rectangle of cells.
type sub struct {
	m *gridMask
	r cellRect
}

func (s sub) Dims() (c, r int)       { return s.r.i1 - s.r.i0 + 2, s.r.j1 - s.r.j0 + 2 }
func (s sub) X(c int) float64        { return s.m.xs[s.r.i0+c] }
func (s sub) Y(r int) float64        { return s.m.ys[s.r.j0+r] }
func (s sub) Z(c, r int) float64     { return s.m.zs[(s.r.j0+r)*len(s.m.xs)+s.r.i0+c] }
func (m *gridMask) Dims() (c, r int) { return len(m.xs), len(m.ys) }
func (m *gridMask) X(c int) float64  { return m.xs[c] }
func (m *gridMask) Y(r int) float64  { return m.ys[r] }

// Z is the value at node (c, r), NaN where every cell around the node is
// masked (so that level labels and refined heat maps skip it).
func (m *gridMask) Z(c, r int) float64 {
	nc, nr := len(m.xs)-1, len(m.ys)-1
	for _, d := range [4][2]int{{0, 0}, {-1, 0}, {0, -1}, {-1, -1}} {
		i, j := c+d[0], r+d[1]
		if i >= 0 && j >= 0 && i < nc && j < nr && m.cellOK(i, j) {
			return m.zs[r*len(m.xs)+c]
		}
	}
	return math.NaN()
}

// contour returns the contour lines of the grid at levels (sorted), styled
// with sty and coloured by pal over [zmin, zmax] as plotter.Contour does:
// one plotter.Contour when no cell is masked, otherwise one per rectangle
// of drawable cells (see rects) behind a single plotter, so that no line
// enters a masked cell and no coordinate is computed from a non-finite
// value. The lines of neighbouring rectangles meet exactly: both compute
// the crossing of a shared edge from the same two values.
func (m *gridMask) contour(levels []float64, pal palette.Palette, sty draw.LineStyle, zmin, zmax float64) plot.Plotter {
	mk := func(g plotter.GridXYZ) *plotter.Contour {
		c := plotter.NewContour(g, levels, pal)
		c.LineStyles = []draw.LineStyle{sty}
		c.Min, c.Max = zmin, zmax
		return c
	}
	if m.masked == 0 {
		return mk(m.gridValuesXYZ())
	}
	mc := &maskedContour{m: m}
	for _, r := range m.rects() {
		mc.parts = append(mc.parts, mk(sub{m, r}))
	}
	return mc
}

// gridValuesXYZ is the grid as a plotter.GridXYZ (every node, unmasked).
func (m *gridMask) gridValuesXYZ() plotter.GridXYZ {
	return sub{m, cellRect{0, 0, len(m.xs) - 2, len(m.ys) - 2}}
}

// maskedContour draws the contours of the rectangles of drawable cells of
// a masked grid; its data range is the whole grid.
type maskedContour struct {
	m     *gridMask
	parts []*plotter.Contour
}

// Plot implements plot.Plotter.
func (mc *maskedContour) Plot(c draw.Canvas, p *plot.Plot) {
	for _, part := range mc.parts {
		part.Plot(c, p)
	}
}

// GlyphBoxes implements plot.GlyphBoxer with plotter.Contour's boxes for
// the whole grid, so a masked grid is laid out as an unmasked one (and
// gonum's padding keeps a box at each corner of the data area).
func (mc *maskedContour) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	return (&plotter.Contour{GridXYZ: mc.m.gridValuesXYZ()}).GlyphBoxes(p)
}

// DataRange implements plot.DataRanger.
func (mc *maskedContour) DataRange() (xmin, xmax, ymin, ymax float64) {
	xs, ys := mc.m.xs, mc.m.ys
	return xs[0], xs[len(xs)-1], ys[0], ys[len(ys)-1]
}

// note returns the note saying how many cells are masked, in the bottom
// corner (left or right) holding more masked cells, or nil when none is
// (the bottom, as level labels go towards the top right).
func (m *gridMask) note() *note {
	if m.masked == 0 {
		return nil
	}
	nc, nr := len(m.xs)-1, len(m.ys)-1
	left, right := 0, 0
	for j := range (nr + 1) / 2 {
		for i := range nc {
			if m.cellOK(i, j) {
				continue
			}
			if i < nc/2 {
				left++
			} else {
				right++
			}
		}
	}
	return &note{Text: maskedText(m.masked, nc*nr, "celdas"), Bottom: true, Right: right > left,
		mask: &maskCount{m.masked, nc * nr, "celdas"}}
}

// maskedText is the text of a masking note, on two lines so that it fits
// in a corner: "sin valor finito:" / "209 de 361 celdas".
func maskedText(masked, total int, what string) string {
	return fmt.Sprintf("sin valor finito:\n%d de %d %s", masked, total, what)
}

// maskCount is what a masking note counts: masked of total cells (or
// arrows).
type maskCount struct {
	masked, total int
	what          string
}

// mergedMaskText is the one masking note of a plot whose plotters mask
// several things (the contour lines and the arrows of the same grid):
// "sin valor finito:" / "209 de 361 celdas y 240 de 400 flechas", each
// distinct count once.
func mergedMaskText(ms []maskCount) string {
	var parts []string
	for i, m := range ms {
		if slices.Contains(ms[:i], m) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d de %d %s", m.masked, m.total, m.what))
	}
	if len(parts) == 1 {
		return maskedText(ms[0].masked, ms[0].total, ms[0].what)
	}
	return "sin valor finito:\n" + strings.Join(parts[:len(parts)-1], ", ") + " y " + parts[len(parts)-1]
}

// maskNodes returns g with NaN at the nodes that no drawable cell holds
// (see gridMask.Z), or g itself when it cannot be read.
func maskNodes(g plotter.GridXYZ) plotter.GridXYZ {
	m, err := readMasked(g)
	if err != nil {
		return g
	}
	return m
}

// note returns the note saying how many arrows are skipped for a
// non-finite component, in the top corner (left or right) holding more
// of them (a grid's note takes the bottom), or nil when none is.
func (q *Quiver) note() *note {
	nc := len(q.x)
	n, left, right := 0, 0, 0
	for k := range min(len(q.u), len(q.v), nc*len(q.y)) {
		if finite(q.u[k], q.v[k]) {
			continue
		}
		n++
		if k/nc >= len(q.y)/2 {
			if k%nc < nc/2 {
				left++
			} else {
				right++
			}
		}
	}
	if n == 0 {
		return nil
	}
	return &note{Text: maskedText(n, nc*len(q.y), "flechas"), Right: right > left,
		mask: &maskCount{n, nc * len(q.y), "flechas"}}
}

// note returns the note saying how many cells of the surface are masked
// (a non-finite corner), in the top-left corner (over the back panes of
// the box, clear of the axis labels), or nil when none is.
func (s *Surface) note() *note {
	nc, nr := len(s.x), len(s.y)
	if nc < 2 || nr < 2 || len(s.z) < nc*nr {
		return nil
	}
	n := 0
	for j := range nr - 1 {
		for i := range nc - 1 {
			k := j*nc + i
			if !finite(s.z[k], s.z[k+1]) || !finite(s.z[k+nc], s.z[k+nc+1]) {
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	return &note{Text: maskedText(n, (nc-1)*(nr-1), "celdas")}
}

// anyFiniteVector reports whether some (u[k], v[k]) has both components finite.
func anyFiniteVector(u, v []float64) bool {
	for k := range min(len(u), len(v)) {
		if finite(u[k], v[k]) {
			return true
		}
	}
	return false
}
