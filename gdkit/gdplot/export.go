package gdplot

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Formats accepted by Encode and Save.
const (
	PNG = "png"
	SVG = "svg"
	PDF = "pdf"
)

// Encode writes the figure to w in format "png" (at f.DPI, default 200),
// "svg" or "pdf" (vector; in PDF, text is drawn as glyph outlines so that
// Greek letters and math symbols render). The SVG is checked to hold no
// NaN or infinite number in its coordinates, paths, transforms and styles
// (text such as a title "diverge: NaN" is not a number and may say NaN).
// Nothing is written when drawing fails.
func (f *Figure) Encode(w io.Writer, format string) error {
	b, err := f.encode(format, true)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// encode returns the figure in format; with check, an SVG holding a
// non-finite number is an error.
func (f *Figure) encode(format string, check bool) ([]byte, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	wd, ht, dpi := f.size()
	var cnv vg.CanvasWriterTo
	format = strings.ToLower(strings.TrimPrefix(format, "."))
	switch format {
	case PNG:
		cnv = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(wd, ht), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))}
	case SVG:
		cnv = vgsvg.NewWith(vgsvg.UseWH(wd, ht), vgsvg.EmbedFonts(f.EmbedSVGFonts))
	case PDF:
		cnv = vgpdf.New(wd, ht)
	default:
		return nil, fmt.Errorf("gdplot: unsupported format %q (want png, svg or pdf): %w", format, errBadParam)
	}
	var dc vg.CanvasSizer = cnv
	if pc, ok := cnv.(*vgpdf.Canvas); ok {
		// vgpdf encodes text in cp1252 (α, ², ∂ come out garbled):
		// draw the glyph outlines instead.
		dc = glyphCanvas{Canvas: pc, size: pc.Size}
	}
	if err := f.Draw(draw.New(dc)); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := cnv.WriteTo(&buf); err != nil {
		return nil, err
	}
	if format == SVG && check {
		if err := checkSVGNumbers(buf.Bytes()); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// Bytes returns the figure encoded in format (see Encode).
func (f *Figure) Bytes(format string) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Encode(&buf, format); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes the figure to path, in the format given by its extension
// (.png, .svg or .pdf). Nothing is written if rendering fails.
func (f *Figure) Save(path string) error {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	b, err := f.Bytes(ext)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// SaveAll writes the figure once per format as base.png, base.svg and
// base.pdf (or the formats given), e.g. for slide folders.
func (f *Figure) SaveAll(base string, formats ...string) error {
	if len(formats) == 0 {
		formats = []string{PNG, SVG, PDF}
	}
	for _, fm := range formats {
		if err := f.Save(base + "." + fm); err != nil {
			return err
		}
	}
	return nil
}

// svgAttr matches an attribute name="value" inside an SVG tag.
var svgAttr = regexp.MustCompile(`([\w:-]+)="([^"]*)"`)

// nonFinite matches NaN, Inf, +Inf or -Inf as Go prints them, not inside a
// longer word, but right after an SVG path command ("M1,2LNaN,3").
var nonFinite = regexp.MustCompile(`(?:^|[^A-Za-z]|[MLHVCSQTAZmlhvcsqtaz])(?:NaN|Inf)\b`)

// checkSVGNumbers returns an error if an attribute of the SVG document b
// (a coordinate, a path, a transform, a style) holds NaN or ±Inf: a bug in
// the drawing code, since SVG viewers drop or misplace such elements. Only
// the inside of tags is read: text between tags (a title, a legend, the
// fonts of a <style>) is not a number, and data URIs (embedded images) are
// skipped. vgsvg escapes < and > in text, so the tags are found by them.
func checkSVGNumbers(b []byte) error {
	for len(b) > 0 {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return nil
		}
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			j = len(b) - i
		}
		tag := b[i : i+j]
		b = b[i+j:]
		for _, m := range svgAttr.FindAllSubmatch(tag, -1) {
			if v := m[2]; !bytes.HasPrefix(v, []byte("data:")) && nonFinite.Match(v) {
				if len(v) > 60 {
					v = append(v[:60:60], "..."...)
				}
				return fmt.Errorf("gdplot: internal error: SVG attribute %s=%q holds a non-finite number", m[1], v)
			}
		}
	}
	return nil
}
