package gdplot

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"gdkit.dev/gdkit"
)

// Default export settings: a 6.4×4.8 in figure (matplotlib's default size)
// at 200 DPI, i.e. 1280×960 pixels, sharp on a projector.
const (
	DefaultDPI    = 200
	DefaultWidth  = 6.4 * vg.Inch
	DefaultHeight = 4.8 * vg.Inch
)

// Cm and Inch convert physical sizes to vg.Length: 15*gdplot.Cm.
const (
	Cm   = vg.Centimeter
	Inch = vg.Inch
)

// Figure is what the package exports and the notebook layer shows: a single
// plot or a Rows×Cols grid of panels, with a physical size and a PNG
// resolution. Build it with Single, Panels or PanelGrid; the zero sizes mean
// DefaultWidth, DefaultHeight and DefaultDPI.
type Figure struct {
	// Title, if not empty, is drawn centred above all panels.
	Title string

	// Plots holds the panels by row; Plots[r][c] may be nil (empty tile).
	Plots [][]*plot.Plot

	// Width and Height are the physical size of the whole figure.
	Width, Height vg.Length

	// DPI is the resolution of raster (PNG) output.
	DPI int

	// ShareX and ShareY give every panel the union of the panels' x (y)
	// ranges when the figure is drawn, so panels compare at a glance.
	ShareX, ShareY bool

	// Pad is the space between panels.
	Pad vg.Length

	// Side, if not nil, is drawn in a strip of width SideWidth (default
	// 1.1 in) right of a single-plot figure, its data area aligned with
	// the main plot's: e.g. a ColorBar. Beside a flat main plot (a thin
	// strip of the plane drawn 1:1) the side's data area keeps a height of
	// at least 1 in, centred on the main one; on a canvas too small for
	// even that, the side is left out.
	Side      *plot.Plot
	SideWidth vg.Length

	// EmbedSVGFonts embeds the TrueType fonts in SVG output (larger files,
	// but identical text on machines without Liberation fonts). PDF output
	// always embeds them.
	EmbedSVGFonts bool
}

// Single returns a figure holding one plot, at the default size and DPI.
func Single(p *plot.Plot) *Figure {
	return &Figure{Plots: [][]*plot.Plot{{p}}}
}

// Panels returns a figure with the plots side by side in one row, sized
// 4.8 in wide per panel by 4.2 in high.
func Panels(ps ...*plot.Plot) *Figure {
	f := &Figure{Plots: [][]*plot.Plot{ps}}
	n := max(len(ps), 1)
	f.Width = vg.Length(n) * 4.8 * vg.Inch
	f.Height = 4.2 * vg.Inch
	return f
}

// PanelGrid returns an empty rows×cols figure of panels; fill it with Set.
// Its size is 4.8 in per column by 3.8 in per row.
func PanelGrid(rows, cols int) (*Figure, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("gdplot: %d×%d panels: both must be positive: %w", rows, cols, errBadParam)
	}
	f := &Figure{Plots: make([][]*plot.Plot, rows)}
	for r := range f.Plots {
		f.Plots[r] = make([]*plot.Plot, cols)
	}
	f.Width = vg.Length(cols) * 4.8 * vg.Inch
	f.Height = vg.Length(rows) * 3.8 * vg.Inch
	return f, nil
}

// Set puts p in panel (r, c).
func (f *Figure) Set(r, c int, p *plot.Plot) error {
	if r < 0 || r >= len(f.Plots) || c < 0 || c >= len(f.Plots[r]) {
		return fmt.Errorf("gdplot: panel (%d,%d) outside the figure: %w", r, c, errBadParam)
	}
	f.Plots[r][c] = p
	return nil
}

// WithSize sets the physical size (e.g. 16*gdplot.Cm, 9*gdplot.Cm) and
// returns f.
func (f *Figure) WithSize(w, h vg.Length) *Figure {
	f.Width, f.Height = w, h
	return f
}

// WithDPI sets the PNG resolution and returns f.
func (f *Figure) WithDPI(dpi int) *Figure {
	f.DPI = dpi
	return f
}

// size returns the figure size with defaults applied.
func (f *Figure) size() (w, h vg.Length, dpi int) {
	w, h, dpi = f.Width, f.Height, f.DPI
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	return w, h, dpi
}

// errNoPlot is returned when drawing a figure without any plot.
var errNoPlot = fmt.Errorf("gdplot: figure has no plot: %w", gdkit.ErrEmpty)

// check validates the figure before drawing.
func (f *Figure) check() error {
	if f == nil || len(f.Plots) == 0 {
		return errNoPlot
	}
	cols := len(f.Plots[0])
	any := false
	for r, row := range f.Plots {
		if len(row) != cols {
			return fmt.Errorf("gdplot: ragged figure: row %d has %d panels, row 0 has %d: %w", r, len(row), cols, gdkit.ErrDimension)
		}
		for _, p := range row {
			if p != nil {
				any = true
			}
		}
	}
	if !any {
		return errNoPlot
	}
	w, h, dpi := f.size()
	if !(w > 0 && h > 0) || math.IsInf(float64(w+h), 0) || dpi > 2400 {
		return fmt.Errorf("gdplot: bad figure size %v×%v at %d DPI: %w", w, h, dpi, errBadParam)
	}
	return nil
}

// share unifies the panel ranges when ShareX/ShareY are set.
func (f *Figure) share() {
	if !f.ShareX && !f.ShareY {
		return
	}
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for _, row := range f.Plots {
		for _, p := range row {
			if p == nil {
				continue
			}
			xmin, xmax = math.Min(xmin, p.X.Min), math.Max(xmax, p.X.Max)
			ymin, ymax = math.Min(ymin, p.Y.Min), math.Max(ymax, p.Y.Max)
		}
	}
	for _, row := range f.Plots {
		for _, p := range row {
			if p == nil {
				continue
			}
			if f.ShareX && xmin <= xmax {
				p.X.Min, p.X.Max = xmin, xmax
			}
			if f.ShareY && ymin <= ymax {
				p.Y.Min, p.Y.Max = ymin, ymax
			}
		}
	}
}

// Draw draws the figure on c. A panic inside gonum/plot (e.g. a LaTeX label
// that does not parse) is returned as an error.
func (f *Figure) Draw(c draw.Canvas) (err error) {
	if err := f.check(); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gdplot: drawing failed: %v", r)
		}
	}()
	f.share()
	// A small margin so nothing touches the image border.
	c.Min.X += vg.Points(4)
	c.Min.Y += vg.Points(4)
	c.Max.X -= vg.Points(12)
	c.Max.Y -= vg.Points(6)
	if f.Title != "" {
		sty := text.Style{
			Color:   color.Black,
			Font:    font.From(DefaultTheme.Font, DefaultTheme.TitleSize),
			XAlign:  draw.XCenter,
			YAlign:  draw.YTop,
			Handler: DefaultTheme.handler(),
		}
		pad := vg.Points(6)
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y - pad}, f.Title)
		c.Max.Y -= sty.Height(f.Title) + 2*pad
	}
	rows, cols := len(f.Plots), len(f.Plots[0])
	if rows == 1 && cols == 1 {
		if f.Side != nil {
			f.drawWithSide(f.Plots[0][0], c)
			return nil
		}
		drawPlot(f.Plots[0][0], c)
		return nil
	}
	pad := f.Pad
	if pad == 0 {
		pad = vg.Points(14)
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: pad, PadY: pad,
		PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8)}
	canvases := plot.Align(f.Plots, tiles, c)
	for r, row := range f.Plots {
		// plot.Align lowers the top of a panel whose axes need less room
		// above the data than its neighbours': the titles of the row go
		// back to one baseline, that of the highest last line.
		base := vg.Length(math.Inf(-1))
		for k, p := range row {
			if p != nil {
				c := canvases[r][k]
				restore := wrapTitle(p, c.Max.X-c.Min.X)
				base = max(base, c.Max.Y-titleHeight(p))
				restore()
			}
		}
		for k, p := range row {
			if p != nil {
				drawPanel(p, canvases[r][k], &base)
			}
		}
	}
	return nil
}

// drawWithSide draws a single main plot with f.Side in a strip at the
// right, the strip's data area aligned vertically with the main one.
func (f *Figure) drawWithSide(main *plot.Plot, c draw.Canvas) {
	w := f.SideWidth
	if w <= 0 {
		w = 1.1 * vg.Inch
	}
	mainC := c
	mainC.Max.X -= w
	dataC, used := drawPlot(main, mainC)
	sideC := c
	sideC.Min.X = max(dataC.Max.X, used.Max.X) + vg.Points(10)
	sideC.Max.X = min(sideC.Min.X+w-vg.Points(10), c.Max.X)
	sideData := f.Side.DataCanvas(sideC)
	lo, hi := dataC.Min.Y, dataC.Max.Y
	if hi-lo < minSideHeight {
		mid := (lo + hi) / 2
		lo, hi = mid-minSideHeight/2, mid+minSideHeight/2
	}
	sideC.Min.Y += lo - sideData.Min.Y
	sideC.Max.Y += hi - sideData.Max.Y
	// Keep the strip on the canvas.
	if d := c.Min.Y - sideC.Min.Y; d > 0 {
		sideC.Min.Y, sideC.Max.Y = sideC.Min.Y+d, min(sideC.Max.Y+d, c.Max.Y)
	}
	if d := sideC.Max.Y - c.Max.Y; d > 0 {
		sideC.Min.Y, sideC.Max.Y = max(sideC.Min.Y-d, c.Min.Y), sideC.Max.Y-d
	}
	if size := f.Side.DataCanvas(sideC).Size(); size.X <= 0 || size.Y <= 0 {
		return // no room for the side's data area: leave it out
	}
	drawPlot(f.Side, sideC)
}

// minSideHeight is the least height of the data area of a Figure's Side.
const minSideHeight = vg.Inch

// drawPlot draws p on c0 as p.Draw does, and returns the data area used,
// with the rules of the slide theme for text inside the plot:
//
//   - the labels this package adds (step numbers, contour values, notes,
//     ...) are placed after everything else is drawn, where they cover no
//     other text and no marker (see layout);
//   - the legend goes, on a white, grey-framed box, in the spot of the data
//     area that covers the fewest lines, markers and labels (matplotlib's
//     loc="best": upper right, upper left, lower left, lower right, ...,
//     trying first the corner p.Legend.Top/Left names), or outside at the
//     right of the data area when every spot covers data;
//   - notes that find no free spot are written under the plot.
//
// The plot is drawn on a recording canvas, once more when the legend or a
// note goes outside (the data area shrinks), and replayed on c0. It also
// returns the part of c0 the plot took (narrower when EqualAspect).
func drawPlot(p *plot.Plot, c0 draw.Canvas) (data, used draw.Canvas) {
	return drawPanel(p, c0, nil)
}

// drawPanel is drawPlot for a panel of a grid whose row's titles end at
// titleBase (nil: a plot on its own), so that they share a baseline: an
// EqualAspect plot that must be flattened keeps the top of its canvas, and
// a title whose last line is lower is lifted to titleBase (its padding
// grows by as much; the data area stays).
func drawPanel(p *plot.Plot, c0 draw.Canvas, titleBase *vg.Length) (data, used draw.Canvas) {
	saved := p.Legend
	hasLegend := saved.Rectangle(c0).Size().Y > 0
	if hasLegend {
		p.Legend = plot.Legend{
			TextStyle: saved.TextStyle, Padding: saved.Padding, Top: saved.Top, Left: saved.Left,
			XOffs: saved.XOffs, YOffs: saved.YOffs, YPosition: saved.YPosition, ThumbnailWidth: saved.ThumbnailWidth,
		}
		defer func() { p.Legend = saved }()
	}
	leg := saved
	leg.Top, leg.Left, leg.XOffs, leg.YOffs = true, true, 0, 0
	legPad := vg.Points(3)
	legSize := leg.Rectangle(c0).Size()
	legBox := vg.Point{X: legSize.X + 2*legPad, Y: legSize.Y + 2*legPad}
	legendOut := false
	capH := vg.Length(0) // height reserved under the plot for notes
	for pass := 0; ; pass++ {
		wasOut := legendOut
		c := c0
		capSty := noteStyle()
		noteH := func(n placedNote) vg.Length { return capSty.Height(n.text) + vg.Points(2) }
		if capH > 0 {
			c.Min.Y += capH + vg.Points(4)
		}
		if legendOut {
			c.Max.X -= legBox.X + vg.Points(10)
		}
		c = aspectCanvas(p, c, titleBase != nil)
		restore := wrapTitle(p, c.Max.X-c.Min.X)
		if titleBase != nil && p.Title.Text != "" && *titleBase > c.Max.Y-titleHeight(p) {
			d := *titleBase - (c.Max.Y - titleHeight(p))
			pad := p.Title.Padding
			p.Title.Padding += d
			c.Max.Y += d
			unwrap := restore
			restore = func() { p.Title.Padding = pad; unwrap() }
		}
		dataC := p.DataCanvas(c)
		rc := newRecCanvas()
		l := newLayout(dataC.Rectangle, c.Rectangle)
		l.watch(rc)
		layouts.Store(p, l)
		p.Draw(draw.Canvas{Canvas: rc, Rectangle: c.Rectangle})
		layouts.Delete(p)
		commentTicks(rc, p.Title.Text+" (x)", p.X.Tick.Marker, p.X.Min, p.X.Max)
		commentTicks(rc, p.Title.Text+" (y)", p.Y.Tick.Marker, p.Y.Min, p.Y.Max)
		l.runDeferred(orderNote) // labels, then the legend, then notes
		var at vg.Rectangle
		if hasLegend {
			if legendOut {
				x := dataC.Max.X + vg.Points(8)
				at = vg.Rectangle{Min: vg.Point{X: x, Y: dataC.Max.Y - legBox.Y}, Max: vg.Point{X: x + legBox.X, Y: dataC.Max.Y}}
			} else {
				var w int
				at, w = l.bestSpot(legBox, dataC.Rectangle, legendSpot(saved))
				if w > 6 || at.Size().X == 0 {
					legendOut = true
				}
			}
			if at.Size().X > 0 {
				l.take(at)
			}
		}
		l.runDeferred(math.MaxInt)
		need := vg.Length(0)
		for i, n := range l.notes {
			l.notes[i].text = oneLine(capSty, n.text, c0.Max.X-c0.Min.X)
			need += noteH(l.notes[i])
		}
		if pass < 2 && (need > capH || legendOut != wasOut) {
			capH = max(capH, need)
			restore()
			continue
		}
		if hasLegend && at.Size().X > 0 {
			drawLegend(draw.Canvas{Canvas: rc, Rectangle: c.Rectangle}, leg, at, legPad)
		}
		y := c0.Min.Y + capH
		for _, n := range l.notes {
			pt := vg.Point{X: (dataC.Min.X + dataC.Max.X) / 2, Y: y}
			sty := capSty
			sty.XAlign, sty.YAlign, sty.Color = draw.XCenter, draw.YTop, n.color
			cc := draw.Canvas{Canvas: rc, Rectangle: c0.Rectangle}
			cc.FillText(sty, pt, n.text)
			y -= noteH(n)
		}
		restore()
		rc.replay(c0.Canvas)
		return dataC, c
	}
}

// oneLine returns txt, a note written under a plot, on one line when that
// fits in width w (a note broken to fit in a corner takes less height
// there), else txt itself.
func oneLine(sty draw.TextStyle, txt string, w vg.Length) string {
	if !strings.Contains(txt, "\n") {
		return txt
	}
	one := strings.ReplaceAll(txt, "\n", " ")
	if sty.Width(one) > w {
		return txt
	}
	return one
}

// legendSpot is the corner named by the legend's Top and Left.
func legendSpot(l plot.Legend) spot {
	switch {
	case l.Top && l.Left:
		return spotUpperLeft
	case l.Top:
		return spotUpperRight
	case l.Left:
		return spotLowerLeft
	}
	return spotLowerRight
}

// drawLegend draws the legend leg (Top and Left set) in the box at, on a
// white, grey-framed background, pad inside the frame.
func drawLegend(c draw.Canvas, leg plot.Legend, at vg.Rectangle, pad vg.Length) {
	c.SetColor(color.White)
	c.Fill(at.Path())
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 0xb0}, Width: vg.Points(0.75)},
		[]vg.Point{at.Min, {X: at.Max.X, Y: at.Min.Y}, at.Max, {X: at.Min.X, Y: at.Max.Y}, at.Min})
	// With Top and Left, Legend.Draw puts the thumbnails at lc.Min.X and
	// the first entry under lc.Max.Y.
	lc := c
	lc.Min.X = at.Min.X + pad
	lc.Max.Y = at.Max.Y - pad
	lc.Max.X = at.Max.X - pad
	lc.Min.Y = at.Min.Y + pad
	leg.Draw(lc)
}

// Image renders the figure to an RGBA image at dpi (0 means f.DPI or
// DefaultDPI) on a white background.
func (f *Figure) Image(dpi int) (image.Image, error) {
	w, h, d := f.size()
	if dpi <= 0 {
		dpi = d
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	cnv := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	if err := f.Draw(draw.New(cnv)); err != nil {
		return nil, err
	}
	return cnv.Image(), nil
}
