package gdplot

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"io"
	"math"
	"os"
	"sort"
	"time"

	"gdkit.dev/gdkit"
)

// writeGIF encodes the frames to w as SaveGIF describes.
func writeGIF(w io.Writer, frames []*Figure, delay time.Duration, dpi int) error {
	if len(frames) == 0 {
		return fmt.Errorf("gdplot: an animation needs frames: %w", gdkit.ErrEmpty)
	}
	if dpi <= 0 {
		dpi = 100
	}
	imgs := make([]image.Image, len(frames))
	for i, f := range frames {
		if f == nil {
			return fmt.Errorf("gdplot: frame %d: %w", i, errNoPlot)
		}
		img, err := f.Image(dpi)
		if err != nil {
			return fmt.Errorf("gdplot: frame %d: %w", i, err)
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

// SaveGIF writes the frames (e.g. from DescentFrames) to path as an
// endlessly looping animated GIF, for slides: each frame is rendered at dpi
// (0 means 100) and shown for delay (rounded to 1/100 s). The colours are
// quantised to one adaptive 256-colour palette shared by all frames (the
// most frequent colours), mapped without dithering so flat plot colours
// stay clean. No frames, or a nil or empty one, is an error wrapping
// gdkit.ErrEmpty; nothing is written if a frame fails to render.
func SaveGIF(path string, frames []*Figure, delay time.Duration, dpi int) error {
	var buf bytes.Buffer
	if err := writeGIF(&buf, frames, delay, dpi); err != nil {
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
