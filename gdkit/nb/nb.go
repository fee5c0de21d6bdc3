package nb

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/png"
	"io"
	"math"
	"os"
	"sort"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot"

	"gdkit.dev/gdkit/gdplot"
)

// ScreenDPI is the CSS resolution (px per inch) a figure is shown at; Show
// renders at 2×ScreenDPI so it stays crisp on high-DPI screens.
const ScreenDPI = 96

// InNotebook reports whether the program runs under the GoNB kernel. Outside
// it every display call renders (so errors still surface) but sends nothing.
func InNotebook() bool { return gonbui.IsNotebook }

// pngPayload renders fig at 2×ScreenDPI and returns the PNG with its display
// size in CSS pixels (the figure's physical size at ScreenDPI).
func pngPayload(fig *gdplot.Figure) (pngBytes []byte, w, h int, err error) {
	if fig == nil {
		return nil, 0, 0, gdplot.ErrEmptyFigure
	}
	img, err := fig.Image(2 * ScreenDPI)
	if err != nil {
		return nil, 0, 0, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	b := img.Bounds()
	return buf.Bytes(), b.Dx() / 2, b.Dy() / 2, nil
}

// DisplayData returns the Jupyter display message Show sends: the PNG
// (rendered at 2×) as "image/png" with metadata {"image/png": {"width",
// "height"}} in CSS pixels, so Jupyter, nbconvert HTML and GitHub show it at
// 1× size, stored in the notebook.
func DisplayData(fig *gdplot.Figure) (*protocol.DisplayData, error) {
	b, w, h, err := pngPayload(fig)
	if err != nil {
		return nil, err
	}
	return &protocol.DisplayData{
		Data: map[protocol.MIMEType]any{
			protocol.MIMEImagePNG:  b,
			protocol.MIMETextPlain: fmt.Sprintf("<figure %d×%d px>", w, h),
		},
		Metadata: map[string]any{string(protocol.MIMEImagePNG): map[string]int{"width": w, "height": h}},
	}, nil
}

// Show displays fig inline in the notebook (see DisplayData). Outside GoNB
// it only renders, returning any rendering error.
func Show(fig *gdplot.Figure) error {
	d, err := DisplayData(fig)
	if err != nil {
		return err
	}
	if gonbui.IsNotebook {
		gonbui.SendData(d)
		// Wait until GoNB has read the message: when the cell's program
		// exits, GoNB closes its end of the pipe, and a large PNG still in
		// the pipe would be lost (the cell would store no image).
		gonbui.Sync()
		return gonbui.Error()
	}
	return nil
}

// ShowPlot displays a single plot: Show(gdplot.Single(p)).
func ShowPlot(p *plot.Plot) error {
	if p == nil {
		return gdplot.ErrEmptyFigure
	}
	return Show(gdplot.Single(p))
}

// ShowSVG displays fig as inline SVG (vector, selectable text; gonbui wraps
// it in HTML so that nbconvert keeps it).
func ShowSVG(fig *gdplot.Figure) error {
	if fig == nil {
		return gdplot.ErrEmptyFigure
	}
	b, err := fig.Bytes(gdplot.SVG)
	if err != nil {
		return err
	}
	gonbui.DisplaySvg(string(b))
	gonbui.Sync() // see Show
	return gonbui.Error()
}

// FromPlots wraps each plot as a single-plot figure (animation frames).
func FromPlots(ps []*plot.Plot) []*gdplot.Figure {
	out := make([]*gdplot.Figure, len(ps))
	for i, p := range ps {
		out[i] = gdplot.Single(p)
	}
	return out
}

// ErrNoFrames is returned for an animation without frames.
var ErrNoFrames = errors.New("nb: no frames")

// Animate shows the frames one after the other in a single output that is
// updated in place, waiting delay between frames. Every frame is sent as
// Show's bundle (2× PNG, "image/png" with width metadata) under one
// transient display id, so Jupyter turns the first message into
// display_data and the others into update_display_data; the last frame is
// what the saved notebook keeps (rendered by GitHub and nbconvert). All
// frames are rendered first, so a bad frame fails before anything is
// shown. Outside GoNB it renders and returns without waiting.
func Animate(frames []*gdplot.Figure, delay time.Duration) error {
	if len(frames) == 0 {
		return ErrNoFrames
	}
	msgs := make([]*protocol.DisplayData, len(frames))
	for i, f := range frames {
		d, err := DisplayData(f)
		if err != nil {
			return fmt.Errorf("nb: frame %d: %w", i, err)
		}
		msgs[i] = d
	}
	if !gonbui.IsNotebook {
		return nil
	}
	id := gonbui.UniqueId()
	for i, d := range msgs {
		d.DisplayID = id
		gonbui.SendData(d)
		if i+1 < len(msgs) && delay > 0 {
			time.Sleep(delay)
		}
	}
	gonbui.Sync() // see Show
	return gonbui.Error()
}

// WriteGIF encodes the frames as an endlessly looping animated GIF, each
// frame rendered at dpi (0: 100) and shown for delay (rounded to 1/100 s).
// Colours are quantised to one adaptive 256-colour palette shared by all
// frames (the most frequent colours), mapped without dithering so flat
// plot colours stay clean.
func WriteGIF(w io.Writer, frames []*gdplot.Figure, delay time.Duration, dpi int) error {
	if len(frames) == 0 {
		return ErrNoFrames
	}
	if dpi <= 0 {
		dpi = 100
	}
	imgs := make([]image.Image, len(frames))
	for i, f := range frames {
		if f == nil {
			return fmt.Errorf("nb: frame %d: %w", i, gdplot.ErrEmptyFigure)
		}
		img, err := f.Image(dpi)
		if err != nil {
			return fmt.Errorf("nb: frame %d: %w", i, err)
		}
		imgs[i] = img
	}
	pal := adaptivePalette(imgs, 256)
	d := int(math.Round(delay.Seconds() * 100))
	g := &gif.GIF{LoopCount: 0}
	for _, img := range imgs {
		pm := image.NewPaletted(img.Bounds(), pal)
		draw.Draw(pm, pm.Rect, img, img.Bounds().Min, draw.Src)
		g.Image = append(g.Image, pm)
		g.Delay = append(g.Delay, d)
	}
	return gif.EncodeAll(w, g)
}

// SaveGIF writes WriteGIF's output to path.
func SaveGIF(path string, frames []*gdplot.Figure, delay time.Duration, dpi int) error {
	var buf bytes.Buffer
	if err := WriteGIF(&buf, frames, delay, dpi); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// adaptivePalette returns up to n colours: white and black, then the most
// frequent colours of imgs (5 bits per channel buckets, bucket mean).
func adaptivePalette(imgs []image.Image, n int) color.Palette {
	type acc struct{ r, g, b, n uint64 }
	hist := map[uint16]*acc{}
	for _, img := range imgs {
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y += 2 {
			for x := b.Min.X; x < b.Max.X; x += 2 {
				r, g, bl, _ := img.At(x, y).RGBA()
				r8, g8, b8 := r>>8, g>>8, bl>>8
				k := uint16(r8>>3)<<10 | uint16(g8>>3)<<5 | uint16(b8>>3)
				a := hist[k]
				if a == nil {
					a = &acc{}
					hist[k] = a
				}
				a.r += uint64(r8)
				a.g += uint64(g8)
				a.b += uint64(b8)
				a.n++
			}
		}
	}
	keys := make([]uint16, 0, len(hist))
	for k := range hist {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if hist[keys[i]].n != hist[keys[j]].n {
			return hist[keys[i]].n > hist[keys[j]].n
		}
		return keys[i] < keys[j]
	})
	pal := color.Palette{color.White, color.Black}
	for _, k := range keys {
		if len(pal) >= n {
			break
		}
		a := hist[k]
		pal = append(pal, color.RGBA{R: uint8(a.r / a.n), G: uint8(a.g / a.n), B: uint8(a.b / a.n), A: 255})
	}
	return pal
}
