package gdplot

import (
	"bytes"
	"image/color"
	"io"
	"os"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// slideData returns the grid, E = w1² + w2² and its gradient (2w1, 2w2).
func slideData() (x, y, e, gx, gy []float64) {
	x, y = arange(-10, 10, 0.8), arange(-10, 10, 0.8)
	n := len(x) * len(y)
	e, gx, gy = make([]float64, n), make([]float64, n), make([]float64, n)
	for r, w2 := range y {
		for c, w1 := range x {
			e[r*len(x)+c] = w1*w1 + w2*w2
			gx[r*len(x)+c] = 2 * w1
			gy[r*len(x)+c] = 2 * w2
		}
	}
	return
}

// slideFigure draws the slide "Diagramas de contorno y gradientes": contour +
// quiver on the left, 3D surface with contourf floor on the right, as a
// 12×5 in PNG at dpi.
func slideFigure(w io.Writer, dpi int) error {
	x, y, e, gx, gy := slideData()
	left := plot.New()
	left.Title.Text = "E = w1² + w2² y su gradiente"
	left.X.Label.Text, left.Y.Label.Text = "w1", "w2"
	levels := []float64{25, 50, 75, 100, 125, 150, 175}
	cm := surfaceViridis()
	cm.SetMin(0)
	cm.SetMax(200)
	ct := plotter.NewContour(grid(x, y, e), levels, cm.Palette(len(levels)))
	ct.LineStyles[0].Width = vg.Points(1.2)
	left.Add(ct)
	q, err := NewQuiver(grid(x, y, gx), grid(x, y, gy))
	if err != nil {
		return err
	}
	left.Add(q)
	left.X.Tick.Marker = plot.TickerFunc(surfTicks)
	left.Y.Tick.Marker = plot.TickerFunc(surfTicks)

	s, err := NewSurface(grid(x, y, e))
	if err != nil {
		return err
	}
	s.XLabel, s.YLabel, s.ZLabel = "w1", "w2", "E"
	right := s.NewPlot("Superficie de error")

	c := vgimg.NewWith(vgimg.UseWH(12*vg.Inch, 5*vg.Inch), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	t := draw.Tiles{Rows: 1, Cols: 2, PadX: vg.Points(20), PadTop: vg.Points(8), PadBottom: vg.Points(8), PadLeft: vg.Points(8), PadRight: vg.Points(8)}
	left.Draw(t.At(dc, 0, 0))
	right.Draw(t.At(dc, 1, 0))
	_, err = vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// TestSlideFigureFile writes the slide figure to $GDPLOT_SLIDE_OUT when set
// (used by scripts/bench-slide-figure.sh and for looking at the figure).
func TestSlideFigureFile(t *testing.T) {
	out := os.Getenv("GDPLOT_SLIDE_OUT")
	if out == "" {
		t.Skip("GDPLOT_SLIDE_OUT not set")
	}
	var buf bytes.Buffer
	if err := slideFigure(&buf, 150); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkSlideFigure(b *testing.B) {
	for b.Loop() {
		if err := slideFigure(io.Discard, 150); err != nil {
			b.Fatal(err)
		}
	}
}
